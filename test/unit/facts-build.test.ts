// Several fact files built into one base: ids resolved across files, and every problem the
// schema cannot see reported at its place. The base never holds a reference that does not resolve.
import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildFactBase } from "../../server/src/facts/build";
import { parseFactFile } from "../../server/src/facts/parse";
import { normalizeQuoteText, quoteInText } from "../../server/src/facts/quotes";
import { Checker } from "../../server/src/engine/checker";
import { FIXTURES } from "../support/paths";
import { assertAt, only, show, yaml } from "./facts-support";

// Fixtures are named *.yaml, not *.facts.yaml, so that no fact discovery ever picks them up.
const VALID = join(FIXTURES, "facts", "valid");
const VALID_FILES = ["sources.yaml", "places.yaml", "events.yaml"];

/** Builds from texts keyed by file name, as if the files sat in the valid fixture's folder. */
function build(files: Record<string, string>) {
  const parsed = Object.entries(files).map(([name, text]) => parseFactFile(join(VALID, name), text));
  for (const p of parsed) assert.ok(p.data, `${p.file} did not parse: ${p.problems.map(show).join("\n")}`);
  return buildFactBase(parsed);
}

function fixture(name: string): string {
  return readFileSync(join(VALID, name), "utf8");
}

const SOURCES = yaml`
  sources:
    - id: monitor-report
      outlet: Example Monitor
      title: Rebels seize Kafr Nabl
    - id: rumour-mill
      outlet: Rumour Mill
      title: A garbled copy
      standing: outlier
`;

const PLACES = yaml`
  entities:
    - id: exampleland
      kind: place
      level: country
      name: Exampleland
      cite: [{ source: monitor-report, quote: Exampleland }]
    - id: kafr-nabl
      kind: place
      level: town
      name: Kafr Nabl
      in: exampleland
      cite: [{ source: monitor-report, quote: Kafr Nabl }]
`;

function eventAt(place: string): string {
  return yaml`
    events:
      - id: seizure
        name: Rebel seizure
        kind: raid
        place:
          at: ${place}
          cite: [{ source: monitor-report, quote: seized }]
        cite: [{ source: monitor-report, quote: seized }]
  `;
}

describe("fact base built across files", () => {
  it("loads the fixture base (three files, references across them) with no problem", () => {
    const files = VALID_FILES.map((f) => join(VALID, f));
    const { base, problems } = buildFactBase(files.map((f) => parseFactFile(f, readFileSync(f, "utf8"))));
    assert.deepEqual(problems.map(show), []);
    const seizure = base.events.get("kafr-nabl-seizure")!;
    assert.equal(seizure.place?.at, "kafr-nabl");
    assert.equal(base.entities.get(seizure.place!.at!)?.in, "exampleland");
    assert.deepEqual(seizure.place?.disputed?.map((d) => d.at), ["exampleland"]);
    assert.equal(base.sources.get(seizure.cite[0].source)?.outlet, "Example Monitor");
    assert.match(base.sources.get("monitor-report")!.at.file, /valid\/sources\.yaml$/);
  });

  it("turns a breakdown into counts of their own, each tied to its total", () => {
    const { base } = build({ "sources.facts.yaml": fixture("sources.yaml"), "places.facts.yaml": fixture("places.yaml"), "events.facts.yaml": fixture("events.yaml") });
    const killed = base.events.get("kafr-nabl-seizure")!.counts.filter((c) => c.measure === "killed");
    assert.deepEqual(
      killed.map((c) => [c.of, c.value, c.qualifier, c.within]),
      [
        ["people", 7, "at least", undefined],
        ["children", 2, "exactly", "people"],
      ],
    );
    assert.equal(killed[0].disputed[0].value, 9);
  });

  it("resolves an id defined in a file that loads later", () => {
    const { base, problems } = build({ "a-event.facts.yaml": eventAt("kafr-nabl"), "b-places.facts.yaml": PLACES, "c-sources.facts.yaml": SOURCES });
    assert.deepEqual(problems.map(show), []);
    assert.equal(base.events.get("seizure")?.place?.at, "kafr-nabl");
  });

  describe("dangling references", () => {
    const text = eventAt("kafr-nable");
    const { base, problems } = build({ "sources.facts.yaml": SOURCES, "places.facts.yaml": PLACES, "event.facts.yaml": text });

    it("are reported at the id value, with the id it probably means", () => {
      const p = only(problems, "dangling-reference");
      assert.match(p.file, /event\.facts\.yaml$/);
      assertAt(p, text, "kafr-nable");
      assert.equal(p.severity, "error");
      assert.equal(p.message, "No place has the id 'kafr-nable'. Did you mean 'kafr-nabl'?");
    });

    it("are left out of the base, so the engine never follows them", () => {
      assert.equal(base.events.get("seizure")?.place?.at, undefined);
      const findings = new Checker(base).check("Rebels seized the town of Kafr Nabl in a raid on Tuesday.");
      assert.ok(Array.isArray(findings));
    });

    it("a citation of an unknown source, and ids in lists", () => {
      const t = yaml`
        events:
          - id: seizure
            name: Rebel seizure
            people: [jane-doe]
            cite: [{ source: monitor-reprot, quote: seized }]
      `;
      const r = build({ "sources.facts.yaml": SOURCES, "event.facts.yaml": t });
      const list = r.problems.filter((p) => p.code === "dangling-reference");
      assert.equal(list.length, 2, list.map(show).join("\n"));
      assertAt(list.find((p) => /jane-doe/.test(p.message))!, t, "jane-doe");
      const cited = list.find((p) => /monitor-reprot/.test(p.message))!;
      assertAt(cited, t, "monitor-reprot");
      assert.match(cited.message, /No source has the id 'monitor-reprot'\. Did you mean 'monitor-report'\?/);
      assert.deepEqual(r.base.events.get("seizure")?.people, []);
    });

    it("who gave a value (`by:`), in a count and in its disputed values", () => {
      const t = yaml`
        events:
          - id: seizure
            name: Rebel seizure
            counts:
              - measure: killed
                value: 3
                by: monitr
                cite: [{ source: monitor-report, quote: seized }]
                disputed:
                  - value: 4
                    by: nobody-known
                    cite: [{ source: monitor-report, quote: seized }]
            cite: [{ source: monitor-report, quote: seized }]
      `;
      const r = build({ "sources.facts.yaml": SOURCES, "event.facts.yaml": t });
      const list = r.problems.filter((p) => p.code === "dangling-reference");
      assert.equal(list.length, 2, list.map(show).join("\n"));
      assertAt(list[0], t, "monitr");
      assertAt(list[1], t, "nobody-known");
      const count = r.base.events.get("seizure")!.counts[0];
      assert.deepEqual([count.by, count.disputed[0].by], [undefined, undefined]);
    });
  });

  it("a duplicate id is reported at the second definition, pointing to the first", () => {
    const again = yaml`
      entities:
        - id: kafr-nabl
          kind: place
          name: Kafranbel
          cite: [{ source: monitor-report, quote: Kafr Nabl }]
    `;
    const { base, problems } = build({ "a-places.facts.yaml": PLACES, "b-more.facts.yaml": again, "sources.facts.yaml": SOURCES });
    const p = only(problems, "duplicate-id");
    assert.match(p.file, /b-more\.facts\.yaml$/);
    assertAt(p, again, "kafr-nabl");
    assert.match(p.message, /Entity id 'kafr-nabl' is already defined at a-places\.facts\.yaml:7/);
    assert.equal(p.related?.[0].line, 6);
    assert.equal(base.entities.get("kafr-nabl")?.name, "Kafr Nabl");
  });

  it("sources, entities and events share one set of ids", () => {
    const text = eventAt("kafr-nabl").replace("id: seizure", "id: exampleland");
    const p = only(build({ "a.facts.yaml": PLACES, "b.facts.yaml": text, "c.facts.yaml": SOURCES }).problems, "duplicate-id");
    assertAt(p, text, "exampleland");
    assert.match(p.message, /Id 'exampleland' is already defined at a\.facts\.yaml:\d+ \(by an entity;/);
  });

  describe("references to the wrong kind of thing", () => {
    it("an event placed at a person", () => {
      const people = yaml`
        entities:
          - id: jane-doe
            kind: person
            name: Jane Doe
            cite: [{ source: monitor-report, quote: Jane Doe }]
      `;
      const text = eventAt("jane-doe");
      const { base, problems } = build({ "s.facts.yaml": SOURCES, "p.facts.yaml": people, "e.facts.yaml": text });
      const p = only(problems, "wrong-kind");
      assertAt(p, text, "jane-doe");
      assert.equal(p.message, "'jane-doe' is a person, but this needs a place.");
      assert.equal(base.events.get("seizure")?.place?.at, undefined);
    });

    it("a citation naming an entity instead of a source", () => {
      const text = PLACES.replace("cite: [{ source: monitor-report, quote: Kafr Nabl }]", "cite: [{ source: exampleland, quote: Kafr Nabl }]");
      const p = only(build({ "s.facts.yaml": SOURCES, "p.facts.yaml": text }).problems, "wrong-kind");
      assertAt(p, text, "exampleland", 2);
      assert.match(p.message, /'exampleland' is an entity, not a source/);
    });
  });

  it("the same spelling for two entities: a warning at the second spelling", () => {
    const text = yaml`
      entities:
        - id: kafranbel-camp
          kind: place
          name: Kafranbel camp
          variants: [Kafr Nabl]
          cite: [{ source: monitor-report, quote: Kafr Nabl }]
    `;
    const p = only(build({ "a.facts.yaml": PLACES, "b.facts.yaml": text, "s.facts.yaml": SOURCES }).problems, "conflicting-name");
    assert.equal(p.severity, "warning");
    assertAt(p, text, "Kafr Nabl");
    assert.match(p.message, /'Kafr Nabl' also names 'kafr-nabl'/);
  });

  it("places inside each other in a circle: reported once, and the circle broken", () => {
    const text = PLACES.replace("level: country\n    name: Exampleland", "level: country\n    name: Exampleland\n    in: kafr-nabl");
    const { base, problems } = build({ "p.facts.yaml": text, "s.facts.yaml": SOURCES });
    const p = only(problems, "place-cycle");
    assert.match(p.message, /exampleland → kafr-nabl → exampleland|kafr-nabl → exampleland → kafr-nabl/);
    let hops = 0;
    for (let e = base.entities.get("kafr-nabl"); e?.in; e = base.entities.get(e.in)) assert.ok(++hops < 5, "still a circle");
  });

  describe("quotes are checked against the cited article", () => {
    it("a quote that is not in the article: a warning at the quote", () => {
      const text = fixture("places.yaml").replace("quote: said Jane Doe\n", "quote: said John Doe\n");
      const { problems } = build({ "sources.facts.yaml": fixture("sources.yaml"), "places.facts.yaml": text });
      const p = only(problems, "quote-not-found");
      assert.equal(p.severity, "warning");
      assertAt(p, text, "said John Doe");
      assert.match(p.message, /Quote not found in source 'monitor-report' \(articles\/report\.txt\)/);
    });

    it("whitespace, case, curly or straight quotes and '…' gaps do not matter", () => {
      const article = normalizeQuoteText('Rebels  seized the town of Kafr Nabl on Tuesday.\n\n“At least 7 people were killed,” said Jane Doe’s monitor.');
      for (const q of ["rebels seized the TOWN", '"At least 7 people were killed," said', "Jane Doe's monitor", "Rebels seized … on Tuesday", "seized the town (...) Kafr Nabl"]) {
        assert.ok(quoteInText(q, article), q);
      }
      for (const q of ["At least 8 people", "on Tuesday … Rebels seized"]) assert.ok(!quoteInText(q, article), q);
    });

    it("a source whose article file is missing: one warning at its file field", () => {
      const text = fixture("sources.yaml").replace("articles/report.txt", "articles/gone.txt");
      const { problems } = build({ "sources.facts.yaml": text, "places.facts.yaml": fixture("places.yaml") });
      const p = only(problems, "source-file-missing");
      assertAt(p, text, "articles/gone.txt");
    });
  });

  it("an event value only an outlier supports: a warning (its values belong under disputed)", () => {
    const text = yaml`
      events:
        - id: seizure
          name: Rebel seizure
          counts:
            - measure: killed
              value: 9
              cite: [{ source: rumour-mill, quote: nine dead }]
            - measure: injured
              value: 3
              cite: [{ source: monitor-report, quote: three hurt }]
              disputed:
                - value: 30
                  cite: [{ source: rumour-mill, quote: thirty hurt }]
          cite: [{ source: monitor-report, quote: seized }]
    `;
    const p = only(build({ "s.facts.yaml": SOURCES, "e.facts.yaml": text }).problems, "outlier-only");
    assertAt(p, text, "rumour-mill");
    assert.match(p.message, /Only an outlier source \(rumour-mill\) supports this value/);
  });

  it("parts of a count that add up to more than the total: a warning", () => {
    const text = yaml`
      events:
        - id: seizure
          name: Rebel seizure
          counts:
            - measure: killed
              value: 7
              cite: [{ source: monitor-report, quote: seven }]
              breakdown:
                - of: children
                  value: 5
                  cite: [{ source: monitor-report, quote: five children }]
                - of: women
                  value: 3
                  cite: [{ source: monitor-report, quote: three women }]
          cite: [{ source: monitor-report, quote: seized }]
    `;
    const p = only(build({ "s.facts.yaml": SOURCES, "e.facts.yaml": text }).problems, "breakdown-exceeds-total");
    assertAt(p, text, "- of: children");
    assert.match(p.message, /add up to 8, more than the total \(7\)/);
  });

  it("dates that cannot be: February 30, a weekday the date did not fall on", () => {
    const text = yaml`
      events:
        - id: seizure
          name: Rebel seizure
          when:
            year: 2021
            month: 2
            day: 30
          cite: [{ source: monitor-report, quote: seized }]
        - id: later
          name: Later seizure
          when:
            year: 2021
            month: 3
            day: 2
            weekday: Monday
          cite: [{ source: monitor-report, quote: seized }]
    `;
    const problems = build({ "s.facts.yaml": SOURCES, "e.facts.yaml": text }).problems.filter((p) => p.code === "impossible-date");
    assert.equal(problems.length, 2, problems.map(show).join("\n"));
    assertAt(problems[0], text, "30");
    assert.equal(problems[0].message, "February has 28 days in 2021, not 30.");
    assertAt(problems[1], text, "Monday");
    assert.equal(problems[1].message, "March 2, 2021 was a Tuesday, not a Monday.");
  });

  it("a place's field on a person: a warning that the checker ignores it", () => {
    const text = yaml`
      entities:
        - id: jane-doe
          kind: person
          name: Jane Doe
          level: town
          cite: [{ source: monitor-report, quote: Jane Doe }]
    `;
    const p = only(build({ "s.facts.yaml": SOURCES, "p.facts.yaml": text }).problems, "misplaced-field");
    assertAt(p, text, "town");
  });
});
