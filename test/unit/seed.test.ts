// The demo draft (seed article 000) end to end through the engine: the errors the
// foundation promises are flagged with fixes, and nothing that is right is.
import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { Checker } from "../../server/src/engine/checker";
import { loadFacts } from "../../server/src/engine/factBase";
import { FACTS, SEED_000 } from "../support/paths";

describe("seed article 000 (the garbled report)", () => {
  const facts = loadFacts([FACTS]);
  const text = readFileSync(SEED_000, "utf8");
  const findings = new Checker(facts.base).check(text, { path: SEED_000 });
  const flagged = (span: string) => findings.find((f) => text.slice(f.start, f.end) === span);

  it("loads the shipped facts without problems", () => {
    assert.deepEqual(facts.problems, []);
  });

  it("flags Baghdad as the wrong place and offers Atmeh", () => {
    const f = flagged("Baghdad");
    assert.ok(f, "Baghdad not flagged");
    assert.equal(f.code, "wrong-place");
    assert.equal(f.fixes[0].newText, "Atmeh");
    assert.match(f.message, /Atme/);
  });

  it("flags 12 dead as the wrong count and offers 13", () => {
    const f = flagged("12");
    assert.ok(f, "12 not flagged");
    assert.equal(f.code, "wrong-number");
    assert.equal(f.fixes[0].newText, "13");
    assert.match(f.message, /at least 13/);
  });

  it("flags Mr Leicester as a misspelling of Charles Lister", () => {
    const f = flagged("Leicester");
    assert.ok(f, "Leicester not flagged");
    assert.equal(f.code, "misspelled-name");
    assert.equal(f.fixes[0].newText, "Lister");
  });

  it("does not flag what is right", () => {
    for (const right of ["Atmeh", "Idlib", "Charles Lister", "Rami Abdel Rahman", "Abu Bakr al-Baghdadi", "2016", "Turkey"]) {
      assert.ok(!findings.some((f) => text.slice(f.start, f.end).includes(right)), `${right} was flagged`);
    }
  });

  it("links each finding to the fact it conflicts with", () => {
    for (const f of findings) {
      assert.ok(f.related.length > 0, `${f.code} has no related fact`);
      assert.match(f.related[0].at.file, /\.facts\.yaml$/);
    }
  });
});
