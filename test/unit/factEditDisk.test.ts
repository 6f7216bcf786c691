// Writing a fact file without an editor: atomic, and never over a change made since it was read.
import { strict as assert } from "node:assert";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readSnapshot, writeIfUnchanged } from "../../server/src/facts/diskEdit";

describe("fact file edits on disk", () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "factcheck-disk-"));
    file = join(dir, "people.facts.yaml");
    writeFileSync(file, "entities: []\n");
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const snapshot = () => {
    const s = readSnapshot(file);
    assert.ok(!("error" in s));
    return s;
  };

  it("replaces the file when nothing changed it, leaving no temporary file behind", () => {
    const s = snapshot();
    assert.deepEqual(writeIfUnchanged(s, "entities: [x]\n"), { ok: true });
    assert.equal(readFileSync(file, "utf8"), "entities: [x]\n");
    assert.deepEqual(readdirSync(dir), ["people.facts.yaml"]);
  });

  it("refuses, and keeps the other change, when the file changed since it was read", () => {
    const s = snapshot();
    writeFileSync(file, "entities: [written, by, someone, else]\n");
    const result = writeIfUnchanged(s, "entities: [mine]\n");
    assert.equal(result.ok, false);
    assert.match(!result.ok ? result.reason : "", /changed on disk since it was read; nothing was written/);
    assert.equal(readFileSync(file, "utf8"), "entities: [written, by, someone, else]\n");
    assert.deepEqual(readdirSync(dir), ["people.facts.yaml"]);
  });

  it("refuses when the file was rewritten with the same length (its time stamp changed)", () => {
    const s = snapshot();
    writeFileSync(file, "entities: [a]\n".slice(0, s.size));
    const later = new Date(statSync(file).mtimeMs + 5000);
    utimesSync(file, later, later);
    assert.equal(writeIfUnchanged(s, "entities: [mine]\n").ok, false);
  });

  it("refuses when the file is gone", () => {
    const s = snapshot();
    rmSync(file);
    const result = writeIfUnchanged(s, "entities: [mine]\n");
    assert.equal(result.ok, false);
    assert.deepEqual(readdirSync(dir), []);
  });
});
