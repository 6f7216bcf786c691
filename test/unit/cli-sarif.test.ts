// `factcheck check --format sarif`: a SARIF 2.1.0 log that GitHub code scanning accepts —
// valid against the published schema, one rule per conflict code, results placed with
// 1-based UTF-16 columns relative to %SRCROOT%, and each fix as a replacement.
import { strict as assert } from "node:assert";
import { copyFileSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import type * as Sarif from "sarif";
import { CONFLICT_CODES } from "../../server/src/engine/conflicts";
import { SEED_000 } from "../support/paths";
import { runCli, tempFolder } from "../support/runCli";
import { assertValidSarif as assertValid, validateSarif as validate } from "../support/sarif";

describe("factcheck check --format sarif", () => {
  let dir: string;
  beforeEach(() => {
    dir = tempFolder("factcheck-sarif-");
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const sarif = (args: string[], status: number): Sarif.Log => {
    const r = runCli(["check", "--format", "sarif", ...args], dir);
    assert.equal(r.status, status, r.stderr);
    const log = JSON.parse(r.stdout) as unknown;
    assertValid(log);
    return log;
  };

  it("checks against the schema itself (a broken log fails)", () => {
    assert.equal(validate({ version: "2.1.0", runs: [{ tool: { driver: {} } }] }), false);
    assert.equal(validate({ version: "2.1.0", runs: [{ tool: { driver: { name: "x" } }, results: [{ message: { text: "m" }, level: "fatal" }] }] }), false);
  });

  it("is valid SARIF 2.1.0 with one rule per conflict code", () => {
    copyFileSync(SEED_000, join(dir, "draft.txt"));
    const log = sarif(["draft.txt"], 1);
    assert.equal(log.version, "2.1.0");
    assert.equal(log.runs.length, 1);
    const driver = log.runs[0].tool.driver;
    assert.equal(driver.name, "factcheck");
    assert.match(driver.informationUri ?? "", /^https?:\/\//);
    assert.deepEqual(driver.rules?.map((r) => r.id), [...CONFLICT_CODES]);
    for (const rule of driver.rules ?? []) {
      assert.ok(rule.shortDescription?.text, `rule ${rule.id} has no shortDescription`);
      assert.match(rule.helpUri ?? "", /^https?:\/\//, `rule ${rule.id} has no helpUri`);
    }
  });

  it("places each result in the file relative to %SRCROOT%, with the message and a fix", () => {
    copyFileSync(SEED_000, join(dir, "draft.txt"));
    const run = sarif(["draft.txt"], 1).runs[0];
    const results = run.results ?? [];
    assert.ok(results.length >= 3, `only ${results.length} results`);
    const baghdad = results.find((r) => r.locations?.[0].physicalLocation?.region?.snippet?.text === "Baghdad");
    assert.ok(baghdad, "no result for Baghdad");
    assert.equal(baghdad.ruleId, "wrong-place");
    assert.equal(run.tool.driver.rules?.[baghdad.ruleIndex ?? -1]?.id, "wrong-place");
    assert.equal(baghdad.level, "warning");
    assert.match(baghdad.message.text ?? "", /Atme/);
    const where = baghdad.locations?.[0].physicalLocation;
    assert.deepEqual(where?.artifactLocation, { uri: "draft.txt", uriBaseId: "%SRCROOT%" });
    assert.deepEqual({ ...where?.region, snippet: undefined }, { startLine: 1, startColumn: 118, endLine: 1, endColumn: 125, snippet: undefined });
    const change = baghdad.fixes?.[0].artifactChanges[0];
    assert.deepEqual(change?.artifactLocation, { uri: "draft.txt", uriBaseId: "%SRCROOT%" });
    assert.deepEqual(change?.replacements[0], {
      deletedRegion: { startLine: 1, startColumn: 118, endLine: 1, endColumn: 125 },
      insertedContent: { text: "Atmeh" },
    });
    assert.equal(baghdad.fixes?.[0].description?.text, "Replace with 'Atmeh'");
    assert.match(run.originalUriBaseIds?.["%SRCROOT%"]?.uri ?? "", /^file:\/\/\/.*\/$/);
  });

  it("counts columns in UTF-16 code units and lines from 1, in sub-folders", () => {
    mkdirSync(join(dir, "docs", "2024 drafts"), { recursive: true });
    writeFileSync(join(dir, "docs", "2024 drafts", "note.md"), "# Note\n\nCafé ☕ 🙂 — the raid in Baghdad killed 12 people.\n");
    const results = sarif(["docs"], 1).runs[0].results ?? [];
    const place = results.find((r) => r.ruleId === "wrong-place");
    const loc = place?.locations?.[0].physicalLocation;
    assert.deepEqual(loc?.artifactLocation, { uri: "docs/2024%20drafts/note.md", uriBaseId: "%SRCROOT%" });
    // "Café ☕ 🙂 — the raid in " is 24 UTF-16 units (🙂 takes two), so "Baghdad" starts at column 25.
    assert.equal(loc?.region?.startLine, 3);
    assert.equal(loc?.region?.startColumn, 25);
    assert.equal(loc?.region?.endColumn, 32);
  });

  it("gives related locations only for fact files in the project", () => {
    copyFileSync(SEED_000, join(dir, "draft.txt"));
    // Shipped facts: outside the project, so no related locations.
    for (const r of sarif(["draft.txt"], 1).runs[0].results ?? []) assert.equal(r.relatedLocations, undefined);
    // The project's own copy of the facts: related locations point into it.
    mkdirSync(join(dir, "facts"));
    for (const f of ["atmeh-raid", "background", "entities", "humaira-raid", "sources"]) {
      copyFileSync(join(SEED_000, "..", "..", `${f}.facts.yaml`), join(dir, "facts", `${f}.facts.yaml`));
    }
    const place = (sarif(["draft.txt"], 1).runs[0].results ?? []).find((r) => r.ruleId === "wrong-place");
    const related = place?.relatedLocations?.[0].physicalLocation;
    assert.equal(related?.artifactLocation?.uriBaseId, "%SRCROOT%");
    assert.match(related?.artifactLocation?.uri ?? "", /^facts\/[a-z-]+\.facts\.yaml$/);
    assert.ok((related?.region?.startLine ?? 0) >= 1);
  });

  it("is a valid log with no results when nothing conflicts, and exits 0", () => {
    writeFileSync(join(dir, "clean.md"), "The raid in Atmeh killed 13 people.\n");
    assert.deepEqual(sarif(["clean.md"], 0).runs[0].results, []);
  });

  it("with --fix, logs what is left and says on stderr what was fixed", () => {
    writeFileSync(join(dir, "wrong.md"), "The raid in Baghdad killed 12 people.\n");
    const r = runCli(["check", "--fix", "--format", "sarif", "wrong.md"], dir);
    assert.equal(r.status, 0, r.stderr);
    const log = JSON.parse(r.stdout) as unknown;
    assertValid(log);
    assert.deepEqual(log.runs[0].results, []);
    assert.match(r.stderr, /fixed 2 conflicts in place/);
    assert.equal(readFileSync(join(dir, "wrong.md"), "utf8"), "The raid in Atmeh killed 13 people.\n");
  });
});
