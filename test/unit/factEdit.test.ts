// The YAML edit module: each edit inserts exactly its text, every other byte of the file
// (comments, blank lines, quoting, indentation, line endings) stays as it was, and the
// result reads back as the old data plus the new value.
import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseDocument } from "yaml";
import { addVariant, appendToEvent, appendTopLevel, applyChange, EditResult } from "../../server/src/facts/edit";
import { draftProblem, newFactEdit, suggestId } from "../../server/src/facts/newFactEdit";
import { loadFacts } from "../../server/src/engine/factBase";
import { parseFactFile } from "../../server/src/facts/parse";
import { FACTS } from "../support/paths";

/** The new text, after checking that the change only inserts (nothing before or after it moved). */
function inserted(before: string, result: EditResult): string {
  assert.ok(result.ok, result.ok ? "" : result.reason);
  const { change } = result;
  assert.equal(change.start, change.end, "an insertion replaces nothing");
  const after = applyChange(before, change);
  assert.equal(after.slice(0, change.start), before.slice(0, change.start));
  assert.equal(after.slice(change.start + change.newText.length), before.slice(change.start));
  return after;
}

const ENTITY = `# People.
entities:
  - id: charles-lister   # the analyst
    kind: person
    name: Charles Lister
    cite:
      - source: afp-raid
        quote: "Charles Lister, of the Middle East Institute"

  - id: atmeh
    kind: place
    name: Atmeh
    variants: [Atme, "Atma"]  # transliterations
    cite:
      - source: afp-raid
        quote: Atme is home to a massive camp

  - id: idlib
    kind: place
    name: Idlib
    variants:
      - Idleb   # French
      - 'Idlib province'
    cite:
      - source: afp-raid
        quote: Idlib province
  # more places below, one day
`;

describe("fact file edits (yaml)", () => {
  describe("accept a spelling: addVariant", () => {
    it("appends to a flow list, keeping its quoting and the comment after it", () => {
      const after = inserted(ENTITY, addVariant(ENTITY, "atmeh", "Atmah"));
      assert.ok(after.includes(`    variants: [Atme, "Atma", Atmah]  # transliterations\n`), after);
    });

    it("quotes a spelling that a flow list could not hold plain", () => {
      const after = inserted(ENTITY, addVariant(ENTITY, "atmeh", "Atmeh, Idlib"));
      assert.ok(after.includes(`[Atme, "Atma", "Atmeh, Idlib"]`), after);
      assert.deepEqual(parseDocument(after).toJS().entities[1].variants, ["Atme", "Atma", "Atmeh, Idlib"]);
    });

    it("adds a block item with the list's own indentation, after the last item's comment", () => {
      const after = inserted(ENTITY, addVariant(ENTITY, "idlib", "Edlib"));
      assert.ok(after.includes(`      - Idleb   # French\n      - 'Idlib province'\n      - Edlib\n    cite:`), after);
    });

    it("adds a variants key after the name, at the name's indentation, when there is none", () => {
      const after = inserted(ENTITY, addVariant(ENTITY, "charles-lister", "Leicester"));
      assert.ok(after.includes(`    name: Charles Lister\n    variants: [Leicester]\n    cite:`), after);
      assert.ok(after.includes("# the analyst"));
    });

    it("fills an empty variants key, keeping the comment on its line", () => {
      const text = "entities:\n  - id: a\n    kind: place\n    name: A\n    variants:   # none yet\n    cite:\n      - source: s\n        quote: q\n";
      const result = addVariant(text, "a", "Ay");
      assert.ok(result.ok);
      assert.equal(applyChange(text, result.change), text.replace("variants:   # none yet", "variants: [Ay]   # none yet"));
    });

    it("keeps Windows line endings", () => {
      const text = ENTITY.replace(/\n/g, "\r\n");
      const after = inserted(text, addVariant(text, "charles-lister", "Leicester"));
      assert.ok(after.includes("    name: Charles Lister\r\n    variants: [Leicester]\r\n"), JSON.stringify(after.slice(0, 200)));
      assert.ok(!/[^\r]\n/.test(after), "a bare \\n crept in");
    });

    it("works in a flow mapping and in an indentless list", () => {
      const flow = "entities:\n  - {id: a, kind: place, name: A, cite: [{source: s, quote: q}]}\n";
      assert.ok(inserted(flow, addVariant(flow, "a", "Ay")).includes("{id: a, kind: place, name: A, variants: [Ay], cite:"));
      const indentless = "entities:\n- id: a\n  kind: place\n  name: A\n  variants:\n  - B\n  cite:\n  - source: s\n    quote: q\n";
      assert.ok(inserted(indentless, addVariant(indentless, "a", "C")).includes("  variants:\n  - B\n  - C\n  cite:"));
    });

    it("refuses what it cannot do safely, with a reason", () => {
      const refused = (r: EditResult): string => (r.ok ? assert.fail("expected a refusal") : r.reason);
      assert.match(refused(addVariant(ENTITY, "nobody", "X")), /no entity 'nobody'/);
      assert.match(refused(addVariant(ENTITY, "atmeh", "Atme")), /already a variant/);
      assert.match(refused(addVariant(ENTITY, "atmeh", "two\nlines")), /not a spelling/);
      assert.match(refused(addVariant("entities: [\n", "a", "b")), /YAML errors/);
      assert.match(refused(addVariant("entities:\n  - id: a\n    variants: Atme\n", "a", "b")), /not a list/);
    });

    it("leaves the shipped entities file valid, with the new variant read back", () => {
      const file = join(FACTS, "entities.facts.yaml");
      const text = readFileSync(file, "utf8");
      const after = inserted(text, addVariant(text, "charles-lister", "Leicester"));
      const parsed = parseFactFile(file, after);
      assert.deepEqual(parsed.problems.filter((p) => p.severity === "error"), []);
      const lister = parsed.data!.entities!.find((e) => e.id === "charles-lister")!;
      assert.deepEqual(lister.variants, ["Leicester"]);
    });
  });

  describe("add a fact: appendTopLevel and appendToEvent", () => {
    const person = { id: "tom-leicester", kind: "person", name: "Tom Leicester", cite: [{ source: "afp-raid", quote: 'He said: "no comment", twice' }] };

    it("appends an entity after the last one, with a blank line as the list has, before trailing comments", () => {
      const after = inserted(ENTITY, appendTopLevel(ENTITY, "entities", person));
      const expected =
        "        quote: Idlib province\n\n  - id: tom-leicester\n    kind: person\n    name: Tom Leicester\n    cite:\n      - source: afp-raid\n" +
        "        quote: 'He said: \"no comment\", twice'\n  # more places below, one day\n";
      assert.ok(after.endsWith(expected), after.slice(-400));
      assert.deepEqual(parseDocument(after).toJS().entities[3], person);
    });

    it("follows an indentless file's style", () => {
      const text = "entities:\n- id: a\n  kind: place\n  name: A\n  cite:\n  - source: s\n    quote: q\n";
      const after = inserted(text, appendTopLevel(text, "entities", person));
      assert.ok(after.endsWith("- id: tom-leicester\n  kind: person\n  name: Tom Leicester\n  cite:\n  - source: afp-raid\n    quote: 'He said: \"no comment\", twice'\n"), after);
    });

    it("creates the list at the end of a file that has none, and in an empty file", () => {
      const text = "# Sources only.\nsources:\n  - id: s\n    outlet: O\n    title: T\n";
      const after = inserted(text, appendTopLevel(text, "entities", person));
      assert.ok(after.startsWith(text) && after.slice(text.length).startsWith("\nentities:\n  - id: tom-leicester\n"), after);
      const empty = appendTopLevel("", "entities", person);
      assert.ok(empty.ok);
      assert.deepEqual(parseDocument(applyChange("", empty.change)).toJS(), { entities: [person] });
    });

    it("turns an empty flow list into a block list, keeping its comment", () => {
      const text = "entities: []  # none yet\nevents: []\n";
      const result = appendTopLevel(text, "entities", person);
      assert.ok(result.ok);
      const after = applyChange(text, result.change);
      assert.ok(after.startsWith("entities:  # none yet\n  - id: tom-leicester\n"), after);
      assert.ok(after.endsWith("events: []\n"));
    });

    it("appends a detail to an event, creating `details:` at the event's indentation when missing", () => {
      const file = join(FACTS, "atmeh-raid.facts.yaml");
      const text = readFileSync(file, "utf8");
      const detail = { what: "aircraft", value: "helicopters", cite: [{ source: "afp-raid", quote: "helicopters" }] };
      const after = inserted(text, appendToEvent(text, "atmeh-raid", "details", detail));
      const event = parseFactFile(file, after).data!.events!.find((e) => e.id === "atmeh-raid")!;
      assert.deepEqual((event.details as unknown[]).slice(-1), [detail]);

      const bare = "events:\n  - id: e\n    name: E\n    cite:\n      - source: s\n        quote: q\n";
      const added = inserted(bare, appendToEvent(bare, "e", "details", detail));
      assert.equal(added, `${bare}    details:\n      - what: aircraft\n        value: helicopters\n        cite:\n          - source: afp-raid\n            quote: helicopters\n`);
    });
  });

  describe("new facts from a draft", () => {
    const { base } = loadFacts([FACTS]);
    const cite = { source: "afp-raid", quote: "Mr Leicester told Reuters" };

    it("says what is wrong with a draft", () => {
      assert.match(draftProblem(base, { kind: "person", name: "Tom Leicester", cite: { source: "nope", quote: "q" } })!, /No source has the id 'nope'/);
      assert.match(draftProblem(base, { kind: "person", name: "Charles Lister", cite })!, /already names 'charles-lister'/);
      assert.match(draftProblem(base, { kind: "person", name: "X", id: "atmeh", cite })!, /already taken/);
      assert.match(draftProblem(base, { kind: "person", name: "X", id: "Not An Id", cite })!, /not a valid id/);
      assert.match(draftProblem(base, { kind: "count", eventId: "atmeh-raid", measure: "killed", value: -1, cite })!, /number of zero or more/);
      assert.match(draftProblem(base, { kind: "detail", eventId: "no-such-event", what: "w", value: "v", cite })!, /No event/);
      assert.equal(draftProblem(base, { kind: "person", name: "Tom Leicester", cite }), undefined);
    });

    it("makes ids from names, numbered when taken", () => {
      assert.equal(suggestId(base, "Tom Leicester"), "tom-leicester");
      assert.equal(suggestId(base, "Atmeh"), "atmeh-2");
      assert.equal(suggestId(base, "Hay’at Tahrir al-Shām"), "hay-at-tahrir-al-sham");
    });

    it("builds the entity and the count items the schema expects", () => {
      const text = readFileSync(join(FACTS, "entities.facts.yaml"), "utf8");
      const person = newFactEdit(base, { kind: "person", name: " Tom Leicester ", cite }, text);
      assert.ok(person.ok);
      assert.ok(person.change.newText.includes("  - id: tom-leicester\n    kind: person\n    name: Tom Leicester\n    cite:\n      - source: afp-raid\n        quote: Mr Leicester told Reuters\n"));
      const raid = readFileSync(join(FACTS, "atmeh-raid.facts.yaml"), "utf8");
      const count = newFactEdit(base, { kind: "count", eventId: "atmeh-raid", measure: "injured", of: "people", value: 5, qualifier: "at least", cite }, raid);
      assert.ok(count.ok);
      assert.match(count.change.newText, /- measure: injured\n\s+of: people\n\s+value: 5\n\s+qualifier: at least\n/);
    });
  });
});
