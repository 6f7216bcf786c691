// The fact base in force while fact files are edited: a broken edit never empties or breaks
// it; the file's last good version stays until the edit is fixed.
import { strict as assert } from "node:assert";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findFactFiles, loadFactFiles } from "../../server/src/facts/discover";
import { FactStore } from "../../server/src/facts/store";
import { assertAt, only, show, yaml } from "./facts-support";

const SOURCES = yaml`
  sources:
    - id: monitor-report
      outlet: Example Monitor
      title: Rebels seize Kafr Nabl
`;

const PLACES = yaml`
  entities:
    - id: kafr-nabl
      kind: place
      level: town
      name: Kafr Nabl
      cite: [{ source: monitor-report, quote: Kafr Nabl }]
    - id: maarat
      kind: place
      level: town
      name: Maarat al-Numan
      cite: [{ source: monitor-report, quote: Maarat }]
`;

const event = (place: string) => yaml`
  events:
    - id: seizure
      name: Rebel seizure
      place:
        at: ${place}
        cite: [{ source: monitor-report, quote: seized }]
      cite: [{ source: monitor-report, quote: seized }]
`;

function storeWith(files: Record<string, string>): FactStore {
  const store = new FactStore();
  store.updateMany(Object.entries(files).map(([file, text]) => ({ file, text })));
  assert.deepEqual(store.allProblems().map(show), []);
  return store;
}

describe("fact store (last good version of each file)", () => {
  it("a syntax error keeps the file's last good facts in force and reports the error", () => {
    const store = storeWith({ "s.facts.yaml": SOURCES, "p.facts.yaml": PLACES });
    const generation = store.generation;
    const broken = PLACES.replace("  - id: maarat", "\t- id: maarat");
    const problems = store.update("p.facts.yaml", broken);
    assertAt(only(problems, "yaml-syntax"), broken, "\t");
    assert.equal(store.base.entities.get("maarat")?.name, "Maarat al-Numan");
    assert.equal(store.base.entities.size, 2);
    assert.ok(store.isStale("p.facts.yaml"));
    assert.equal(store.generation, generation, "the base in force did not change");

    store.update("p.facts.yaml", PLACES.replace("Maarat al-Numan", "Maarat an-Numan"));
    assert.equal(store.base.entities.get("maarat")?.name, "Maarat an-Numan");
    assert.ok(!store.isStale("p.facts.yaml"));
    assert.deepEqual(store.problemsOf("p.facts.yaml"), []);
  });

  it("a schema error keeps the last good facts too", () => {
    const store = storeWith({ "s.facts.yaml": SOURCES, "p.facts.yaml": PLACES });
    const broken = PLACES.replace("kind: place\n    level: town\n    name: Kafr Nabl", "kind: place\n    level: town\n    nmae: Kafr Nabl");
    const problems = store.update("p.facts.yaml", broken);
    assertAt(problems.find((p) => /Unknown field 'nmae'/.test(p.message))!, broken, "nmae");
    assert.equal(store.base.entities.get("kafr-nabl")?.name, "Kafr Nabl");
  });

  it("breaking one file leaves every other file's facts in force", () => {
    const store = storeWith({ "s.facts.yaml": SOURCES, "p.facts.yaml": PLACES, "e.facts.yaml": event("kafr-nabl") });
    store.update("s.facts.yaml", "sources: [");
    assert.equal(store.base.events.get("seizure")?.place?.at, "kafr-nabl");
    assert.equal(store.base.sources.size, 1);
    assert.deepEqual(store.problemsOf("e.facts.yaml"), []);
  });

  it("an edit that adds a dangling id is held back; the old place stays in force", () => {
    const store = storeWith({ "s.facts.yaml": SOURCES, "p.facts.yaml": PLACES, "e.facts.yaml": event("kafr-nabl") });
    const typing = event("kafr-nab");
    const p = only(store.update("e.facts.yaml", typing), "dangling-reference");
    assertAt(p, typing, "kafr-nab");
    assert.equal(store.base.events.get("seizure")?.place?.at, "kafr-nabl");
    assert.ok(store.isStale("e.facts.yaml"));

    store.update("e.facts.yaml", event("maarat"));
    assert.equal(store.base.events.get("seizure")?.place?.at, "maarat");
    assert.ok(!store.isStale("e.facts.yaml"));
  });

  it("a held-back edit comes into force once another file defines the id it needs", () => {
    const store = storeWith({ "s.facts.yaml": SOURCES, "p.facts.yaml": PLACES, "e.facts.yaml": event("kafr-nabl") });
    store.update("e.facts.yaml", event("saraqib"));
    assert.equal(store.base.events.get("seizure")?.place?.at, "kafr-nabl");

    const more = `${PLACES}  - id: saraqib\n    kind: place\n    level: town\n    name: Saraqib\n    cite: [{ source: monitor-report, quote: Saraqib }]\n`;
    store.update("p.facts.yaml", more);
    assert.equal(store.base.events.get("seizure")?.place?.at, "saraqib");
    assert.deepEqual(store.allProblems().map(show), []);
  });

  it("a file seen for the first time comes in even with a dangling id, without that reference", () => {
    const store = new FactStore();
    store.updateMany([
      { file: "s.facts.yaml", text: SOURCES },
      { file: "e.facts.yaml", text: event("nowhere") },
    ]);
    assert.equal(only(store.problemsOf("e.facts.yaml"), "dangling-reference").severity, "error");
    assert.ok(store.base.events.has("seizure"));
    assert.equal(store.base.events.get("seizure")?.place?.at, undefined);

    // Still editable: an edit that keeps the old error (and adds none) comes into force.
    store.update("e.facts.yaml", event("nowhere").replace("Rebel seizure", "Seizure by rebels"));
    assert.equal(store.base.events.get("seizure")?.name, "Seizure by rebels");
  });

  it("a reference left out for a missing id is back once another file defines it, the file making it untouched", () => {
    const store = new FactStore();
    store.updateMany([
      { file: "s.facts.yaml", text: SOURCES },
      { file: "e.facts.yaml", text: event("saraqib") },
    ]);
    assert.equal(store.base.events.get("seizure")?.place?.at, undefined);
    // Only p.facts.yaml changes; e.facts.yaml is reused as compiled, with its reference as written.
    store.update("p.facts.yaml", `${PLACES}  - id: saraqib\n    kind: place\n    level: town\n    name: Saraqib\n    cite: [{ source: monitor-report, quote: Saraqib }]\n`);
    assert.equal(store.base.events.get("seizure")?.place?.at, "saraqib");
    assert.deepEqual(store.allProblems().map(show), []);
    // And it goes again when the place does.
    store.remove("p.facts.yaml");
    assert.equal(store.base.events.get("seizure")?.place?.at, undefined);
    // Placed in e.facts.yaml, whose parsed data the store let go long ago.
    assertAt(only(store.problemsOf("e.facts.yaml"), "dangling-reference"), event("saraqib"), "saraqib");
  });

  it("a broken place circle is broken in the base only: mending it in another file restores every link", () => {
    const store = new FactStore();
    const place = (id: string, inside: string) => `  - id: ${id}\n    kind: place\n    level: town\n    name: ${id}\n    in: ${inside}\n    cite: [{ source: monitor-report, quote: x }]\n`;
    store.updateMany([
      { file: "s.facts.yaml", text: SOURCES },
      { file: "a.facts.yaml", text: `entities:\n${place("alpha", "beta")}` },
      { file: "b.facts.yaml", text: `entities:\n${place("beta", "alpha")}` },
    ]);
    only(store.allProblems(), "place-cycle");
    // The circle was cut at beta (b.facts.yaml); mending it in a.facts.yaml brings beta's link back.
    assert.equal(store.base.entities.get("beta")?.in, undefined);
    store.update("a.facts.yaml", `entities:\n${place("alpha", "delta")}  - id: delta\n    kind: place\n    level: country\n    name: delta\n    cite: [{ source: monitor-report, quote: x }]\n`);
    assert.deepEqual(store.allProblems().map(show), []);
    assert.equal(store.base.entities.get("beta")?.in, "alpha");
    assert.equal(store.base.entities.get("alpha")?.in, "delta");
  });

  it("emptying a file removes its facts (a warning, not a held-back error)", () => {
    const store = storeWith({ "s.facts.yaml": SOURCES, "p.facts.yaml": PLACES });
    only(store.update("p.facts.yaml", ""), "empty-file");
    assert.equal(store.base.entities.size, 0);
    assert.ok(!store.isStale("p.facts.yaml"));
  });

  it("removing a file takes its facts away; references to them become errors in the files that make them", () => {
    const store = storeWith({ "s.facts.yaml": SOURCES, "p.facts.yaml": PLACES, "e.facts.yaml": event("kafr-nabl") });
    store.remove("p.facts.yaml");
    assert.equal(store.base.entities.size, 0);
    assert.equal(only(store.problemsOf("e.facts.yaml"), "dangling-reference").message, "No place has the id 'kafr-nabl'.");
    assert.deepEqual(store.files().sort(), ["e.facts.yaml", "s.facts.yaml"]);
  });

  it("an unreadable file keeps its last good version, and says why", () => {
    const store = storeWith({ "s.facts.yaml": SOURCES, "p.facts.yaml": PLACES });
    store.unreadable("p.facts.yaml", "Cannot read fact file: EACCES");
    assert.equal(store.base.entities.size, 2);
    assert.equal(only(store.problemsOf("p.facts.yaml"), "unreadable").message, "Cannot read fact file: EACCES");
  });

  it("finds the fact files of a folder, linked ones too; a broken link is reported, not skipped", () => {
    const dir = mkdtempSync(join(tmpdir(), "facts-"));
    const elsewhere = mkdtempSync(join(tmpdir(), "facts-elsewhere-"));
    try {
      mkdirSync(join(dir, "nested"));
      writeFileSync(join(dir, "s.facts.yaml"), SOURCES);
      writeFileSync(join(elsewhere, "places.facts.yaml"), PLACES);
      symlinkSync(join(elsewhere, "places.facts.yaml"), join(dir, "nested", "p.facts.yaml"));
      symlinkSync(join(elsewhere, "gone.facts.yaml"), join(dir, "broken.facts.yaml"));
      writeFileSync(join(dir, "notes.yaml"), "not: facts\n");
      const { files } = findFactFiles([dir]);
      assert.deepEqual(files, [join(dir, "broken.facts.yaml"), join(dir, "nested", "p.facts.yaml"), join(dir, "s.facts.yaml")]);
      const store = new FactStore();
      loadFactFiles(store, files);
      assert.equal(store.base.entities.size, 2);
      assert.match(only(store.problemsOf(join(dir, "broken.facts.yaml")), "unreadable").message, /ENOENT/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it("loads a folder from disk: a broken file is reported, the good ones load", () => {
    const dir = mkdtempSync(join(tmpdir(), "facts-"));
    try {
      writeFileSync(join(dir, "s.facts.yaml"), SOURCES);
      writeFileSync(join(dir, "p.facts.yaml"), PLACES);
      writeFileSync(join(dir, "x.facts.yaml"), "entities:\n\t- broken\n");
      const store = new FactStore();
      loadFactFiles(store, [join(dir, "s.facts.yaml"), join(dir, "p.facts.yaml"), join(dir, "x.facts.yaml"), join(dir, "missing.facts.yaml")]);
      assert.equal(store.base.entities.size, 2);
      assert.equal(only(store.problemsOf(join(dir, "x.facts.yaml")), "yaml-syntax").line, 1);
      assert.match(only(store.problemsOf(join(dir, "missing.facts.yaml")), "unreadable").message, /ENOENT/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
