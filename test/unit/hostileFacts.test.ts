// Fact files written to hurt: alias bombs, deep nesting, 50 MB, wrong types everywhere,
// places inside each other, ties in circles, a directory, an unreadable path, a pipe.
// Each must give a clear error at its place, quickly, and the last good facts stay in force.
import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Checker } from "../../server/src/engine/checker";
import { loadFactFiles, readFactFile } from "../../server/src/facts/discover";
import { FactProblem, parseFactFile } from "../../server/src/facts/parse";
import { FactStore } from "../../server/src/facts/store";
import { ROOT } from "../support/paths";

const GOOD = `sources:
  - id: wire
    outlet: Wire
    title: Report
entities:
  - id: atlantis
    kind: place
    level: town
    name: Atlantis
    cite:
      - source: wire
        quote: the town of Atlantis
`;

const errorsOf = (problems: FactProblem[]): FactProblem[] => problems.filter((p) => p.severity === "error");

/** The 0-based line of the first occurrence of a piece of text. */
const lineOf = (text: string, needle: string): number => text.slice(0, text.indexOf(needle)).split("\n").length - 1;

/** Gives a store the good file, then the hostile text, and checks the good facts stayed. */
function keepsLastGood(hostile: string): FactProblem[] {
  const store = new FactStore();
  const file = "/facts/world.facts.yaml";
  assert.deepEqual(errorsOf(store.update(file, GOOD)), []);
  const problems = store.update(file, hostile);
  assert.ok(errorsOf(problems).length > 0, `no error for a hostile file: ${JSON.stringify(problems).slice(0, 500)}`);
  assert.ok(store.base.entities.has("atlantis"), "the last good facts were dropped");
  assert.ok(store.isStale(file));
  for (const p of problems) {
    assert.ok(p.message.length > 10, `unclear message: ${p.message}`);
    assert.ok(p.line >= 0 && p.character >= 0 && p.endLine >= p.line, `bad place: ${JSON.stringify(p)}`);
  }
  return problems;
}

describe("hostile fact files", function () {
  this.timeout(20000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "factcheck-hostile-"));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("refuses a YAML alias bomb (billion laughs) without expanding it", () => {
    // Ten levels of ten aliases each: 10^10 strings if anything expanded them.
    const levels = Array.from({ length: 9 }, (_, i) => `      - what: &l${i + 1} [${Array(10).fill(`*l${i}`).join(", ")}]`);
    const bomb = `${GOOD}events:\n  - id: bomb\n    name: Bomb\n    cite: [{ source: wire, quote: x }]\n    keywords: &l0 [a, a, a, a, a, a, a, a, a, a]\n    details:\n${levels.join("\n")}\n      - what: *l9\n`;
    const problems = keepsLastGood(bomb);
    assert.ok(problems.some((p) => /alias/i.test(p.message)), JSON.stringify(problems.map((p) => p.message)));
  });

  it("reports deep nesting (flow, block and mapping) instead of overflowing the stack", () => {
    const flow = `entities: ${"[".repeat(100_000)}${"]".repeat(100_000)}\n`;
    const block = `entities:\n${Array.from({ length: 2_000 }, (_, d) => `${"  ".repeat(d + 1)}- `).join("\n")}x\n`;
    const mapping = `entities:\n  - id: deep\n    note: ${"{a: ".repeat(50_000)}1${"}".repeat(50_000)}\n`;
    for (const text of [flow, block, mapping]) keepsLastGood(text);
  });

  it("refuses a 50 MB fact file without parsing it, in the editor and on disk", () => {
    const huge = `# ${"x".repeat(50 * 1024 * 1024)}\n`;
    const problems = keepsLastGood(huge);
    assert.ok(problems.some((p) => /50 MB/.test(p.message) && /limit/.test(p.message)), problems[0].message);

    const path = join(dir, "huge.facts.yaml");
    const fd = openSync(path, "w");
    closeSync(fd);
    spawnSync("truncate", ["-s", "50M", path]);
    const read = readFactFile(path);
    assert.equal(typeof read, "object");
    assert.match((read as { error: string }).error, /50 MB.*limit/);
  });

  it("puts each wrong type on its own line", () => {
    const text = `sources:
  - id: wire
    outlet: 12
    title: [a, list]
entities:
  - id: Not An Id
    kind: spaceship
    name: {a: mapping}
    variants: just a string
    level: 7
    counts: none
    cite: yes
events:
  - id: ev
    name: Event
    when: {year: soon, month: 13}
    cite:
      - source: wire
        quote: 42
`;
    const problems = keepsLastGood(text);
    const lines = new Set(errorsOf(problems).map((p) => p.line));
    for (const needle of ["outlet: 12", "title: [a", "id: Not An Id", "kind: spaceship", "name: {a", "variants: just", "level: 7", "counts: none", "cite: yes", "year: soon", "quote: 42"]) {
      const line = lineOf(text, needle);
      assert.ok(lines.has(line), `no error on line ${line} (${needle}); errors on ${[...lines].sort((a, b) => a - b).join(", ")}`);
    }
    // The same file with the types right is accepted, so the errors came from the types.
    assert.equal(errorsOf(parseFactFile("/f.facts.yaml", GOOD).problems).length, 0);
  });

  it("reports places that lie inside each other, and checking prose about them ends", () => {
    const text = `${GOOD}  - id: north
    kind: place
    level: province
    name: Northland
    in: south
    cite: [{ source: wire, quote: Northland }]
  - id: south
    kind: place
    level: province
    name: Southland
    in: north
    cite: [{ source: wire, quote: Southland }]
  - id: loop
    kind: place
    level: town
    name: Loopville
    in: loop
    cite: [{ source: wire, quote: Loopville }]
events:
  - id: siege
    name: Siege of Loopville
    kind: siege
    place: { at: loop, cite: [{ source: wire, quote: Loopville }] }
    cite: [{ source: wire, quote: the siege }]
`;
    const store = new FactStore();
    const problems = store.update("/facts/cycles.facts.yaml", text);
    const cycles = errorsOf(problems).filter((p) => /circle|cycle|inside itself|itself/i.test(p.message));
    assert.ok(cycles.length >= 2, JSON.stringify(problems.map((p) => p.message)));
    const inLines = new Set([lineOf(text, "in: south"), lineOf(text, "in: north"), lineOf(text, "in: loop")]);
    for (const p of cycles) assert.ok(inLines.has(p.line), `cycle reported away from an in: line: ${JSON.stringify(p)}`);
    const findings = new Checker(store.base).check("The siege in Northland, in Southland, in Loopville killed 5 people. Loopville lies in Northland.", {});
    assert.ok(Array.isArray(findings));
  });

  it("accepts ties between organizations in a circle, and checking prose about them ends", () => {
    const org = (id: string, name: string, ties: string): string =>
      `  - id: ${id}\n    kind: organization\n    name: ${name}\n    relations:\n${ties}\n    cite: [{ source: wire, quote: ${name} }]\n`;
    const tie = (type: string, target: string): string => `      - { type: ${type}, target: ${target}, cite: [{ source: wire, quote: ties }] }`;
    const text = `${GOOD}${org("red", "Red Front", [tie("part-of", "blue"), tie("formerly", "red")].join("\n"))}${org("blue", "Blue Front", [tie("part-of", "green"), tie("led-by", "red")].join("\n"))}${org("green", "Green Front", [tie("linked-to", "red"), tie("split-from", "blue")].join("\n"))}`;
    const store = new FactStore();
    store.update("/facts/ties.facts.yaml", text);
    assert.ok(store.base.entities.has("green"), JSON.stringify(store.allProblems().map((p) => p.message)));
    const findings = new Checker(store.base).check(
      "Red Front, formerly Blue Front, was part of Green Front until 2016. Blue Front split from Red Front in 2018 and is linked to Green Front.",
      {},
    );
    assert.ok(Array.isArray(findings));
  });

  it("reports a fact file that is a directory, or unreadable, at that file", () => {
    const folder = join(dir, "folder.facts.yaml");
    mkdirSync(folder, { recursive: true });
    const loop = join(dir, "loop.facts.yaml");
    symlinkSync(join(dir, "loop2.facts.yaml"), loop);
    symlinkSync(loop, join(dir, "loop2.facts.yaml"));
    const good = join(dir, "good.facts.yaml");
    writeFileSync(good, GOOD);

    const store = new FactStore();
    loadFactFiles(store, [good, folder, loop]);
    assert.ok(store.base.entities.has("atlantis"));
    const [folderProblem] = store.problemsOf(folder);
    assert.match(folderProblem.message, /directory/);
    const [loopProblem] = store.problemsOf(loop);
    assert.match(loopProblem.message, /Cannot read|too many|symbolic/i);
    assert.equal(folderProblem.severity, "error");
    assert.equal(loopProblem.severity, "error");
  });

  it("refuses a named pipe instead of waiting on it forever", () => {
    const fifo = join(dir, "pipe.facts.yaml");
    spawnSync("mkfifo", [fifo]);
    // Read in a child process: were it to block, only the child would hang, and be killed.
    const script = `const { readFactFile } = require(${JSON.stringify(join(ROOT, "out", "server", "src", "facts", "discover.js"))}); process.stdout.write(JSON.stringify(readFactFile(${JSON.stringify(fifo)})));`;
    const run = spawnSync(process.execPath, ["-e", script], { timeout: 5000, encoding: "utf8" });
    assert.equal(run.signal, null, "reading a named pipe hung");
    const result = JSON.parse(run.stdout) as { error?: string };
    assert.match(result.error ?? "", /not a (regular )?file|pipe/i);
  });
});
