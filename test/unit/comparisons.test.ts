// The comparisons on stories of other kinds than the shipped one: an earthquake (the checked
// example of facts/README.md) and a ferry sinking written here. Each case is a sentence and what
// the checker must say of it: nothing, or the conflicts it flags ("code:written text").
import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Checker } from "../../server/src/engine/checker";
import { buildFactBase } from "../../server/src/facts/build";
import { parseFactFile } from "../../server/src/facts/parse";
import { FACTS } from "../support/paths";
import { show, yaml } from "./facts-support";

function checkerOf(...files: string[]): (text: string) => string[] {
  const parsed = files.map((text, i) => parseFactFile(join(FACTS, `inline-${i + 1}.facts.yaml`), text));
  const built = buildFactBase(parsed);
  assert.deepEqual(built.problems.filter((p) => p.severity === "error").map(show), []);
  const checker = new Checker(built.base);
  return (text) => checker.check(text, { languageId: "markdown" }).map((f) => `${f.code}:${text.slice(f.start, f.end)}`);
}

describe("comparisons on an earthquake (facts/README.md's example)", () => {
  const readme = readFileSync(join(FACTS, "README.md"), "utf8");
  const example = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]).find((b) => b.includes("harlow-quake"))!;
  const flagged = checkerOf(example);

  it("passes what the sources say, in the writer's own units and words", () => {
    assert.deepEqual(flagged("A magnitude-6.1 earthquake struck Harlow County on Saturday."), []);
    assert.deepEqual(flagged("Damage from the quake is put at 2.4 billion US dollars."), []);
    assert.deepEqual(flagged("Between 300 and 400 homes were damaged."), []);
    assert.deepEqual(flagged("About 350 homes were damaged."), []);
  });

  it("flags a wrong toll, amount of money, share and magnitude", () => {
    assert.deepEqual(flagged("The earthquake killed 14 people in Harlow County."), ["wrong-number:14"]);
    assert.deepEqual(flagged("Damage from the quake is estimated at $3.1 billion."), ["wrong-number:3.1 billion"]);
    assert.deepEqual(flagged("Only 53% of homes in Harlow County were insured before the quake."), ["wrong-number:53"]);
    assert.deepEqual(flagged("Some 900 homes were damaged in the quake."), ["wrong-number:900"]);
    assert.deepEqual(flagged("The National Geological Survey measured the quake at magnitude 7.2."), ["wrong-number:7.2"]);
  });
});

describe("comparisons on a ferry sinking", () => {
  const flagged = checkerOf(yaml`
    sources:
      - id: coast
        outlet: Coast Daily
        title: Ferry sinks off Kettle Point
        date: 2031-05-06
        standing: main
    entities:
      - id: kettle-point
        kind: place
        level: town
        name: Kettle Point
        cite:
          - source: coast
            quote: A passenger ferry sank off Kettle Point on Tuesday morning
      - id: coastguard
        kind: organization
        name: Coastguard
        variants: [the coastguard]
        cite:
          - source: coast
            quote: The coastguard rescued 212 passengers
      - id: navy
        kind: force
        name: Navy
        cite:
          - source: coast
            quote: The navy lost two boats in a storm last year
    events:
      - id: ferry-sinking
        name: Kettle Point ferry sinking
        kind: sinking
        keywords: [ferry, capsized]
        place:
          at: kettle-point
          cite:
            - source: coast
              quote: A passenger ferry sank off Kettle Point on Tuesday morning
        actors:
          ids: [coastguard]
          cite:
            - source: coast
              quote: The coastguard rescued 212 passengers
        counts:
          - measure: killed
            value: 14
            cite:
              - source: coast
                quote: killing 14 people, the coastguard said
          - measure: rescued
            of: passengers
            value: 212
            cite:
              - source: coast
                quote: The coastguard rescued 212 passengers
        details:
          - what: vessel
            value: three-deck vessel
            cite:
              - source: coast
                quote: the three-deck vessel capsized in high winds
        cite:
          - source: coast
            quote: A passenger ferry sank off Kettle Point on Tuesday morning
  `);

  it("passes what the sources say", () => {
    assert.deepEqual(flagged("The coastguard rescued 212 passengers after the ferry capsized off Kettle Point."), []);
    assert.deepEqual(flagged("The three-deck ferry sank off Kettle Point, killing 14 people."), []);
  });

  it("flags a wrong count and a wrong detail in figures", () => {
    assert.deepEqual(flagged("The ferry sank off Kettle Point, killing 41 people."), ["wrong-number:41"]);
    assert.deepEqual(flagged("The ferry, a five-deck vessel, capsized in high winds."), ["wrong-detail:five"]);
  });

  it("flags who carried out the event's own deed, and only that deed", () => {
    // "rescued" is the deed the sources give the coastguard; another body doing it is a wrong actor.
    assert.deepEqual(flagged("The ferry capsized off Kettle Point. The navy rescued 212 passengers."), ["wrong-actor:navy"]);
    // Another deed, of another story: not the event's actor.
    assert.deepEqual(flagged("The ferry capsized off Kettle Point. The navy lost two boats in a storm last year."), []);
  });
});

describe("comparisons on a warehouse fire, with one count of people", () => {
  const flagged = checkerOf(yaml`
    sources:
      - id: wire
        outlet: Wire
        title: Fire guts warehouse
        date: 2031-03-03
    entities:
      - id: helen-marsh
        kind: person
        name: Helen Marsh
        cite:
          - source: wire
            quote: said chief officer Helen Marsh
    events:
      - id: warehouse-fire
        name: Warehouse fire
        kind: fire
        when:
          year: 2031
          month: 3
          day: 3
          cite:
            - source: wire
              quote: A fire destroyed a warehouse on March 3, 2031
        counts:
          - measure: employees
            of: people
            value: 400
            qualifier: about
            cite:
              - source: wire
                quote: the firm, which employs about 400 people at the site
        cite:
          - source: wire
            quote: A fire destroyed a warehouse on March 3, 2031
  `);

  it("reads a month as a month, not as a slip of a person's name", () => {
    assert.deepEqual(flagged("The fire broke out on March 3, 2031, Marsh said."), []);
    assert.deepEqual(flagged("Chief officer Helen Marsch spoke to reporters."), ["misspelled-name:Marsch"]);
  });

  it("does not take any figure of people for the one count of people the facts hold", () => {
    assert.deepEqual(flagged("Seventeen people were taken to hospital after the fire."), []);
    assert.deepEqual(flagged("About 140 people were on the night shift when the fire broke out."), []);
    assert.deepEqual(flagged("The fire gutted the firm, which employs about 900 people at the site."), ["wrong-number:900"]);
  });
});
