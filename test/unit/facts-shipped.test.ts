// The shipped fact base (facts/*.facts.yaml) against its five source articles: it loads
// with no problem at all, every quote is in the article it cites, it covers what the
// articles name, keeps the outlier's values as disputed, and agrees with the trusted articles.
import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildFactBase } from "../../server/src/facts/build";
import { findFactFiles } from "../../server/src/facts/discover";
import { parseFactFile } from "../../server/src/facts/parse";
import { Checker } from "../../server/src/engine/checker";
import { loadFacts } from "../../server/src/engine/factBase";
import { normalizeName } from "../../server/src/text/normalize";
import { FACTS } from "../support/paths";
import { show } from "./facts-support";

const facts = loadFacts([FACTS]);
const base = facts.base;

describe("shipped fact base", () => {
  it("loads with no error and no warning (every quote found in its article)", () => {
    assert.deepEqual(facts.problems.map(show), []);
    assert.ok(base.sources.size >= 5 && base.entities.size >= 30 && base.events.size >= 8);
  });

  it("really checks its quotes: one changed word is caught", () => {
    const files = findFactFiles([FACTS]).files;
    const parsed = files.map((f) => {
      const text = readFileSync(f, "utf8");
      return parseFactFile(f, f.endsWith("atmeh-raid.facts.yaml") ? text.replace("at least 13 individuals were killed", "at least 14 individuals were killed") : text);
    });
    const warnings = buildFactBase(parsed).problems.filter((p) => p.code === "quote-not-found");
    assert.equal(warnings.length, 1, warnings.map(show).join("\n"));
    assert.match(warnings[0].message, /afp-raid/);
  });

  it("cites every source article, each from facts/sources/", () => {
    const cited = new Set<string>();
    const collect = (o: unknown): void => {
      if (Array.isArray(o)) o.forEach(collect);
      else if (o && typeof o === "object") {
        const r = o as Record<string, unknown>;
        if (typeof r.source === "string" && typeof r.quote === "string") cited.add(r.source);
        Object.values(r).forEach(collect);
      }
    };
    collect([...base.entities.values(), ...base.events.values()]);
    for (const s of base.sources.values()) {
      assert.ok(cited.has(s.id), `source '${s.id}' is never cited`);
      if (s.standing !== "reference") assert.match(s.file ?? "", /^sources\/00[0-4]_[0-9a-f]+\.txt$/, s.id);
    }
  });

  it("knows every person, place and organization the articles name, by the spellings they use", () => {
    const known = new Set<string>();
    for (const e of base.entities.values()) for (const n of [e.name, ...e.variants]) known.add(normalizeName(n));
    const named = [
      // people
      "Rami Abdel Rahman", "John Kirby", "John Rigsbee", "Charles Lister", "Abu Bakr al-Baghdadi",
      "Abu Ibrahim al-Hashimi al-Qurashi", "Abdul Hamid Al-Matar", "Bashar al-Assad",
      // places
      "Atme", "Atmeh", "Humaira", "Idlib", "Aleppo", "Syria", "Turkey", "Iraq", "Russia", "Moscow", "Ankara", "Baghdad", "Washington",
      // organizations and forces
      "Syrian Observatory for Human Rights", "Middle East Institute", "Pentagon", "United States Department of Defence",
      "US Central Command", "Central Command", "US Special Operations forces", "US-led anti-jihadist coalition", "international coalition",
      "International Security Assistance Force", "ISAF", "Islamic State", "IS", "Daesh", "Al-Qaeda", "al Qaeda",
      "Hayat Tahrir al-Sham", "Hay’et Tahrir al-Sham", "HTS", "al-Nusra Front", "Jabhat al-Nusra", "Support Front",
      "Hurras al-Deen", "Huras al-Din", "Guardians of Religion", "AFP", "Agence France-Presse", "Reuters",
    ];
    assert.deepEqual(named.filter((n) => !known.has(normalizeName(n))), []);
  });

  it("holds every event the articles report, placed and cited", () => {
    for (const id of ["atmeh-raid", "humaira-raid", "baghdadi-raid", "qurashi-raid", "matar-strike", "prison-riot", "is-territorial-defeat", "idlib-ceasefire"]) {
      const ev = base.events.get(id);
      assert.ok(ev, id);
      assert.ok(ev.cite.length > 0, id);
    }
    const atmeh = base.events.get("atmeh-raid")!;
    const killed = atmeh.counts.filter((c) => c.measure === "killed");
    assert.deepEqual(killed.map((c) => [c.of, c.value, c.qualifier]), [["people", 13, "at least"], ["children", 4, "exactly"], ["women", 3, "exactly"]]);
  });

  it("keeps what only the outlier (article 000) says as disputed values, never as established ones", () => {
    const atmeh = base.events.get("atmeh-raid")!;
    assert.equal(base.sources.get("reuters-garbled")?.standing, "outlier");
    assert.equal(atmeh.place?.at, "atmeh");
    assert.deepEqual(atmeh.place?.disputed?.map((d) => d.at), ["baghdad"]);
    assert.deepEqual(atmeh.actors?.disputed.flatMap((d) => d.ids), ["isaf"]);
    const killed = atmeh.counts.find((c) => c.measure === "killed" && c.of === "people")!;
    assert.deepEqual([killed.value, killed.disputed.map((d) => d.value)], [13, [12]]);
    const duration = atmeh.counts.find((c) => c.measure === "duration")!;
    assert.deepEqual(duration.disputed.map((d) => [d.value, d.qualifier]), [[2, "more than"]]);
    assert.deepEqual(atmeh.details.find((d) => d.what === "building")?.disputed.map((d) => d.value), ["high-rise building"]);
  });

  it("raises no conflict on the trusted articles (001-004): the facts agree with their sources", () => {
    const checker = new Checker(base);
    for (const name of ["001_5275aee76dddcb41.txt", "002_3b0c83eb93a1357c.txt", "003_f18772d31dee92f8.txt", "004_051e052369d8c2cb.txt"]) {
      const path = join(FACTS, "sources", name);
      const text = readFileSync(path, "utf8");
      const findings = checker.check(text, { path });
      assert.deepEqual(findings.map((f) => `${f.code} "${text.slice(f.start, f.end)}": ${f.message}`), [], name);
    }
  });
});
