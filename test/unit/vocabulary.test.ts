// The vocabulary (server/vocabulary/english.json): it fits its schema, and the engine reads it as
// the schema says — spellings folded, words grouped by meaning, units and currencies found, kinds
// of happening with their nouns and verbs.
import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv from "ajv";
import { slipOf } from "../../server/src/compare/aligned";
import { Happenings } from "../../server/src/claims/happenings";
import { buildFactBase } from "../../server/src/facts/build";
import { parseFactFile } from "../../server/src/facts/parse";
import { tokenize } from "../../server/src/text/tokens";
import { keysOf, matchKey, sameCurrency, vocabulary as V, VOCABULARY_FILE } from "../../server/src/vocabulary";
import { FACTS, ROOT } from "../support/paths";
import { yaml } from "./facts-support";

describe("the vocabulary", () => {
  it("is the file the engine reads, and fits its schema", () => {
    assert.equal(VOCABULARY_FILE, join(ROOT, "server", "vocabulary", "english.json"));
    const schema = JSON.parse(readFileSync(join(ROOT, "server", "vocabulary", "schema.json"), "utf8"));
    const data = JSON.parse(readFileSync(VOCABULARY_FILE, "utf8"));
    const validate = new Ajv({ allErrors: true, strict: true, strictTuples: false }).compile(schema);
    assert.ok(validate(data), JSON.stringify(validate.errors, null, 2));
  });

  it("names the drafter's concept groups by words that are in a group", () => {
    const grouped = new Set(JSON.parse(readFileSync(VOCABULARY_FILE, "utf8")).concepts.groups.flat());
    for (const [name, words] of Object.entries(V.drafting)) {
      if (!name.endsWith("Anchors")) continue;
      for (const w of words as string[]) assert.ok(grouped.has(w), `drafting.${name}: ${w} is in no concept group`);
    }
  });

  it("folds British and American spellings and plurals to one key", () => {
    assert.equal(matchKey("metres"), matchKey("meters"));
    assert.equal(matchKey("neighbours"), matchKey("neighbors"));
    assert.equal(matchKey("centre"), matchKey("center"));
    assert.equal(matchKey("quakes"), matchKey("quake"));
  });

  it("groups words of one meaning, so a toll meets the killed", () => {
    const shared = (a: string, b: string): boolean => keysOf(a).some((k) => keysOf(b).includes(k));
    assert.ok(shared("toll", "killed"));
    assert.ok(shared("storey", "floors"));
    assert.ok(!shared("killed", "injured"));
  });

  it("knows units and currencies by id, and which currencies share a sign", () => {
    assert.equal(V.unit("usd")?.family, "currency");
    assert.equal(V.unit("km")?.factor, 1000);
    assert.equal(V.unit("percent")?.family, "percent");
    assert.ok(sameCurrency(V.unit("USD")!, V.currencyBySign.get("$")!));
    assert.ok(!sameCurrency(V.unit("USD")!, V.unit("EUR")!));
  });

  it("says which words name happenings, and of which kind", () => {
    const kind = (w: string): readonly number[] | undefined => V.happeningsOf.get(w);
    assert.deepEqual(kind("quake"), kind("earthquake"));
    assert.notDeepEqual(kind("quake"), kind("takeover"));
    assert.ok(V.happeningVerbForms.has("struck"));
  });
});

describe("happenings of a fact base", () => {
  const text = yaml`
    sources:
      - id: wire
        outlet: Wire
        title: Quake
        date: 2031-03-15
        standing: main
    events:
      - id: quake
        name: Harlow earthquake
        kind: earthquake
        keywords: [rubble, evacuated]
        cite:
          - source: wire
            quote: Rescuers pulled survivors from the rubble and residents were relocated
  `;
  const base = buildFactBase([parseFactFile(join(FACTS, "inline.facts.yaml"), text)]).base;
  const happenings = new Happenings(base);

  it("tells the event's own kind of happening from another story's", () => {
    const uses = happenings.read(tokenize("The quake came a year after the flood."), () => false);
    assert.deepEqual(uses.map((u) => [u.kind.startsWith("g"), u.own]), [[true, true], [true, false]]);
  });

  it("knows the verbs of the event's deed: its kind's, its keywords', its citations'", () => {
    for (const verb of ["struck", "jolted", "evacuated", "relocated"]) assert.ok(happenings.deedOf(verb).has("quake"), verb);
    assert.equal(happenings.deedOf("lost").size, 0);
  });
});

describe("slips against a source's sentence", () => {
  const slip = (draft: string, source: string) => slipOf(tokenize(draft), tokenize(source));

  it("finds one name, one year or one opposite put for the source's", () => {
    assert.deepEqual(slip("Nintendo", "Sony")?.kind, "name");
    assert.deepEqual(slip("2023", "2022")?.right, "2022");
    assert.deepEqual(slip("rose", "fell")?.kind, "opposite");
  });

  it("is no slip when more is told otherwise: another name beside another year", () => {
    assert.equal(slip("near Samarra in 1971", "in Idlib in 2019"), undefined);
  });
});
