// One fact file at a time: YAML syntax and schema problems, each at the place a writer
// must fix, with a message that says what is wrong; hostile input never throws.
import { strict as assert } from "node:assert";
import { MAX_FACT_FILE_BYTES, parseFactFile } from "../../server/src/facts/parse";
import { assertAt, only, show, yaml } from "./facts-support";

const parse = (text: string) => parseFactFile("/facts/test.facts.yaml", text);

/** A file with one event holding one count, its fields written inline: "measure: killed, value: 7". */
const withCount = (fields: string) => yaml`
  events:
    - id: seizure
      name: Seizure
      counts:
        - { ${fields}, cite: [{ source: s, quote: q }] }
      cite: [{ source: s, quote: q }]
`;

const PERSON = yaml`
  entities:
    - id: jane-doe
      kind: person
      name: Jane Doe
      cite:
        - source: monitor-report
          quote: said Jane Doe
`;

describe("fact file parsing", () => {
  it("accepts a well-formed file and hands over its data", () => {
    const r = parse(PERSON);
    assert.deepEqual(r.problems.map(show), []);
    assert.equal(r.data?.entities?.[0].id, "jane-doe");
  });

  describe("schema problems point at what to fix", () => {
    it("an unknown field: at the key, with the field it probably means", () => {
      const text = PERSON.replace("name: Jane Doe", "name: Jane Doe\n    varients: [J. Doe]");
      const p = only(parse(text).problems, "schema");
      assertAt(p, text, "varients");
      assert.equal(p.severity, "error");
      assert.match(p.message, /Unknown field 'varients' in entity 'jane-doe'\. Did you mean 'variants'\?/);
    });

    it("a wrong type: at the value, saying what was expected and what was found", () => {
      const text = PERSON.replace("name: Jane Doe", "name: Jane Doe\n    variants: J. Doe");
      const p = only(parse(text).problems, "schema");
      assertAt(p, text, "J. Doe");
      assert.match(p.message, /'variants' of entity 'jane-doe' should be a list, not the text "J\. Doe"/);
    });

    it("a number written as a word: at the value", () => {
      const text = withCount("measure: killed, value: seven");
      const p = only(parse(text).problems, "schema");
      assertAt(p, text, "seven");
      assert.match(p.message, /'value' of event 'seizure', counts\[0\] should be a number/);
    });

    it("a missing field: at the item that lacks it", () => {
      const text = PERSON.replace(/ {4}cite:[\s\S]*/, "");
      const p = only(parse(text).problems, "schema");
      assertAt(p, text, "id: jane-doe");
      assert.match(p.message, /Missing field 'cite' in entity 'jane-doe'/);
    });

    it("an empty citation list: every fact needs a citation", () => {
      const text = PERSON.replace(/cite:[\s\S]*/, "cite: []\n");
      const p = only(parse(text).problems, "schema");
      assertAt(p, text, "[]");
      assert.match(p.message, /at least one citation/);
    });

    it("a value outside its list: the allowed values and a hint", () => {
      const text = PERSON.replace("kind: person", "kind: city");
      const p = only(parse(text).problems, "schema");
      assertAt(p, text, "city");
      assert.match(p.message, /should be one of: person, place, organization, force\. A city is `kind: place` with `level: city`/);
    });

    it("a qualifier in the writer's words: the format's word for it", () => {
      const text = withCount("measure: killed, value: 7, qualifier: at most");
      const p = only(parse(text).problems, "schema");
      assertAt(p, text, "at most");
      assert.match(p.message, /Did you mean 'up to'\?/);
    });

    it("an id with spaces or capitals", () => {
      const text = PERSON.replace("id: jane-doe", "id: Jane Doe");
      const p = only(parse(text).problems, "schema");
      assertAt(p, text, "Jane Doe");
      assert.match(p.message, /not a valid id: use lowercase letters, digits and hyphens/);
    });

    it("a duration without its unit", () => {
      const text = withCount("measure: duration, value: 3");
      const p = only(parse(text).problems, "schema");
      assertAt(p, text, "{ measure: duration");
      assert.match(p.message, /Missing field 'unit' in event 'seizure', counts\[0\]/);
    });

    it("an empty list item: at its dash", () => {
      const text = "entities:\n  -\n";
      const p = only(parse(text).problems, "schema");
      assertAt(p, text, "-");
      assert.match(p.message, /Entity #1 should be a mapping/);
    });

    it(".nan and .inf are not counts", () => {
      const text = withCount("measure: killed, value: .inf");
      const p = only(parse(text).problems, "schema");
      assertAt(p, text, ".inf");
      assert.match(p.message, /not a finite number/);
    });

    it("nor is a whole number too large to hold", () => {
      const huge = `1${"0".repeat(400)}`;
      const text = withCount(`measure: killed, value: ${huge}`);
      const p = only(parse(text).problems, "schema");
      assertAt(p, text, huge);
      assert.match(p.message, /not a finite number/);
    });

    it("reports every problem of a file, not only the first", () => {
      const text = PERSON.replace("kind: person", "kind: human").replace("name: Jane Doe", "name: 42");
      const problems = parse(text).problems;
      assert.equal(problems.length, 2, problems.map(show).join("\n"));
    });
  });

  describe("YAML syntax problems", () => {
    it("tabs as indentation: at the tab, saying to indent with spaces", () => {
      const text = "entities:\n\t- id: x\n";
      const p = only(parse(text).problems, "yaml-syntax");
      assertAt(p, text, "\t");
      assert.match(p.message, /Tabs are not allowed as indentation in YAML; indent with spaces/);
    });

    it("a field written twice: at the whole second key", () => {
      const text = PERSON.replace("name: Jane Doe", "name: Jane Doe\n    name: J. Doe");
      const p = only(parse(text).problems, "yaml-syntax");
      assertAt(p, text, "name", 1);
      assert.match(p.message, /The field 'name' is written twice/);
    });

    it("an unclosed quote: where the quote opens, not where the file ends", () => {
      const text = PERSON.replace("quote: said Jane Doe", 'quote: "said Jane Doe') + "\n";
      const p = only(parse(text).problems, "yaml-syntax");
      assertAt(p, text, '"said Jane Doe');
      assert.match(p.message, /never closed; add the closing "/);
    });

    it("a quote holding ': ' unquoted: says to put it in quotes", () => {
      const text = PERSON.replace("quote: said Jane Doe", "quote: Jane Doe said: no");
      const problems = parse(text).problems;
      assert.ok(problems.some((p) => p.code === "yaml-syntax" && /must be put in quotes/.test(p.message)), problems.map(show).join("\n"));
      assert.equal(parse(text).data, undefined);
    });

    it("a second YAML document: at the separator", () => {
      const text = `${PERSON}---\nevents: []\n`;
      const p = only(parse(text).problems, "yaml-syntax");
      assertAt(p, text, "---");
      assert.match(p.message, /holds one YAML document/);
    });

    it("gives no data when the syntax is broken, so nothing half-read reaches the base", () => {
      assert.equal(parse("entities:\n\t- id: x\n").data, undefined);
    });
  });

  describe("hostile but simple input", () => {
    it("an empty file: a warning, and no facts (not an error that would keep old facts)", () => {
      for (const text of ["", "   \n", "# only a comment\n"]) {
        const r = parse(text);
        const p = only(r.problems, "empty-file");
        assert.equal(p.severity, "warning");
        assert.deepEqual(r.data, {});
      }
    });

    it("a list at the top: says a fact file is a mapping of sources, entities, events", () => {
      const text = "- id: x\n  kind: place\n";
      const p = only(parse(text).problems, "not-a-mapping");
      assertAt(p, text, "- id: x");
      assert.match(p.message, /A fact file is a mapping with `sources:`, `entities:` and\/or `events:` at the top; this file holds a list/);
    });

    it("a lone scalar at the top", () => {
      const p = only(parse("hello world\n").problems, "not-a-mapping");
      assert.match(p.message, /holds the value "hello world"/);
    });

    it("a misspelled section name at the top: suggests the right one", () => {
      const text = "entity:\n  - id: x\n";
      const p = only(parse(text).problems, "schema");
      assertAt(p, text, "entity");
      assert.match(p.message, /Unknown field 'entity' in the file\. Did you mean 'entities'\?/);
    });

    it("an empty section is no facts, not an error", () => {
      const r = parse("sources:\nentities:\nevents:\n");
      assert.deepEqual(r.problems.map(show), []);
      assert.deepEqual(r.data, { sources: [], entities: [], events: [] });
    });

    it("control characters, a byte-order mark, Windows line ends", () => {
      assert.equal(parse("\u0000\u0001").problems[0].code, "not-a-mapping");
      assert.deepEqual(parse(`\ufeff${PERSON}`).problems.map(show), []);
      const crlf = PERSON.replace("name: Jane Doe", "name: Jane Doe\n    varients: []").replace(/\n/g, "\r\n");
      assertAt(only(parse(crlf).problems, "schema"), crlf.replace(/\r/g, ""), "varients");
    });

    it("an alias bomb is refused, not expanded", () => {
      let text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
      for (let i = 1; i < 9; i++) text += `a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(", ")}]\n`;
      const r = parse(text);
      assert.equal(r.data, undefined);
      assert.match(r.problems[0].message, /alias/i);
    });

    it("nesting too deep to read is an error, not a crash", () => {
      const r = parse(`entities: ${"[".repeat(100_000)}`);
      assert.equal(r.data, undefined);
      assert.ok(r.problems.some((p) => p.code === "yaml-syntax"));
      assert.ok(r.problems.length <= 502, `${r.problems.length} problems`);
    });

    it("a file over the size limit is refused with its size", () => {
      const p = only(parse("#".repeat(MAX_FACT_FILE_BYTES + 1)).problems, "too-large");
      assert.match(p.message, /the limit is 8 MB/);
    });
  });
});
