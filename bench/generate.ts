// Makes the benchmark's data from a seed: drafts of news prose of a given size (right and
// wrong claims about the shipped facts, varied so that no two paragraphs are the same),
// and fact bases of a given number of entities, valid against facts/schema.json.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Random } from "../test/fuzz/random";
import { FACTS } from "../test/support/paths";

// ------------------------------------------------------------------ drafts

/**
 * Sentences about the shipped events. `{a|b|c}` picks a: the right value most of the time,
 * else one of the wrong ones, so each draft mixes facts and conflicts as a garbled report does.
 */
const CLAIMS = [
  "US special forces carried out a helicopter-borne raid overnight on Thursday in the town of {Atmeh|Sarmada|Baghdad}, in Syria's Idlib province.",
  "The Syrian Observatory for Human Rights said at least {13|15|12} people were killed in the operation.",
  "Among the dead were {four|five} children and {three|two} women, the monitor said.",
  "The clashes lasted about {two|four} hours, according to residents and the Observatory.",
  "Pentagon press secretary {John Kirby|John Kirbi} said the mission was completed successfully and that there were no US casualties.",
  "Observatory chief {Rami Abdel Rahman|Rami Abdel Rahmen} said it was the largest operation of its kind since the October {2019|2017} raid in Idlib that killed Islamic State leader Abu Bakr al-Baghdadi.",
  "{Charles Lister|Charles Lyster} of the Middle East Institute said the special forces clearly wanted their target alive.",
  "Idlib province is dominated by {Hayat Tahrir al-Sham|Hayat Tahrir al-Shem}, formerly the al-Nusra Front, which was part of al-Qaeda until 2016.",
  "The US-led coalition captured a senior Islamic State bomb maker in the village of {Humaira|Sarmada}, in the north-western countryside of {Aleppo|Idlib} province.",
  "About a dozen helicopters flew low over the area before troops exchanged fire with the occupants of a house.",
  "The coalition said that {no|three} civilians were injured during the operation.",
  "Abu Bakr al-Baghdadi was killed in a US raid in Idlib province in October {2019|2017}.",
  "Idlib is home to more than {three|two} million people, many of them displaced by the war.",
  "Hayat Tahrir al-Sham cut its ties with al-Qaeda in {2016|2014}, and Hurras al-Din split away in 2018.",
  "The helicopters landed near camps for displaced people in {Atme|Atmeh|Baghdad}, close to the border with Turkey.",
  "The Observatory counted {13|14} dead in Atme, including four children.",
];

/** Sentences that claim nothing the facts could contradict, built from parts so paragraphs differ. */
const SUBJECTS = ["Residents", "A local teacher", "Aid workers", "Witnesses", "Shopkeepers", "A farmer", "Families in the camps", "Local journalists", "Medics", "Neighbours", "A mechanic", "Two brothers"];
const VERBS = ["described", "recalled", "spoke of", "complained about", "posted videos of", "told reporters about", "could not forget", "worried about", "were still discussing", "wrote about"];
const OBJECTS = ["the noise of the engines", "gunfire that went on for a long time", "the smell of smoke", "a house with its walls torn open", "the crowds at the bakery the next morning", "roads closed by checkpoints", "the cold in the tents", "the prices in the market", "cars with their windows shattered", "a night without electricity", "children who could not sleep", "the silence after the helicopters left"];
const TAILS = ["", " on the way home", " before dawn", " in the following days", " near the main road", " after the curfew", " at the mosque", " in a message to relatives", " for the first time", " as rain began to fall"];

const HEADINGS = ["Update", "What we know", "Background", "Reactions", "The raid", "The toll", "Who was targeted", "Earlier operations"];

function fill(rng: Random, template: string, wrong = 0.25): string {
  return template.replace(/\{([^}]*)\}/g, (_, alternatives: string) => {
    const options = alternatives.split("|");
    return rng.chance(1 - wrong) ? options[0] : rng.pick(options.slice(1));
  });
}

function filler(rng: Random): string {
  return `${rng.pick(SUBJECTS)} ${rng.pick(VERBS)} ${rng.pick(OBJECTS)}${rng.pick(TAILS)}.`;
}

/** Sentences of the shipped source articles, for a reporter's own wording. */
function sourceSentences(): string[] {
  const dir = join(FACTS, "sources");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .flatMap((f) => readFileSync(join(dir, f), "utf8").split(/(?<=[.!?])\s+/))
    .map((s) => s.replace(/\s+/g, " ").trim())
    .filter((s) => s.length > 30 && /[.!?]$/.test(s));
}

/** A Markdown draft of about `bytes` bytes (UTF-8); `wrong` is the share of claims made wrong. */
export function generateDraft(bytes: number, seed: number, wrong = 0.25): string {
  const rng = new Random(seed);
  const quotes = sourceSentences();
  const parts: string[] = [`# Raid in northwest Syria\n\n`];
  let size = parts[0].length;
  let paragraph = 0;
  while (size < bytes) {
    if (paragraph > 0 && paragraph % 8 === 0) parts.push(`## ${rng.pick(HEADINGS)} ${paragraph / 8}\n\n`);
    const sentences: string[] = [];
    for (let n = rng.int(2, 5); n > 0; n--) {
      const r = rng.next();
      sentences.push(r < 0.45 ? fill(rng, rng.pick(CLAIMS), wrong) : r < 0.65 ? rng.pick(quotes) : filler(rng));
    }
    const text = `${sentences.join(" ")}\n\n`;
    parts.push(text);
    size += Buffer.byteLength(text);
    paragraph++;
  }
  return parts.join("").slice(0, Math.max(bytes, 1)).replace(/\s*$/, "\n");
}

// ------------------------------------------------------------------ fact bases

const SYLLABLES = [
  "ba", "da", "ka", "ma", "na", "ra", "sa", "ta", "za", "ha", "bi", "di", "ki", "mi", "ni", "ri", "si", "ti", "zi", "hi",
  "bu", "du", "ku", "mu", "nu", "ru", "su", "tu", "zu", "hu", "bo", "do", "ko", "mo", "no", "ro", "so", "to", "zo", "ho",
  "bar", "dal", "kan", "mar", "nas", "ram", "sal", "tar", "zan", "har", "bel", "dem", "ker", "mel", "nev", "rem", "sel", "ter", "zel", "hem",
];
const FIRST_NAMES = ["Ahmad", "Omar", "Layla", "Yusuf", "Maryam", "Karim", "Huda", "Samir", "Nadia", "Tariq", "Rana", "Bilal", "Salma", "Fadi", "Dina", "Hassan"];
const TITLES = ["spokesman", "commander", "governor", "director", "minister", "chief of staff"];
const MEASURES = ["killed", "injured", "displaced", "arrested"];
const KINDS = ["raid", "strike", "clash", "ambush", "protest", "ceasefire"];
const LEVELS = ["village", "town", "city", "area"] as const;
const REGIONS = ["north", "south", "east", "west", "northwest", "northeast", "southwest", "southeast", "centre"];

/** A distinct made-up word for every number: three syllables cover 216,000 names. */
function word(i: number): string {
  let s = "";
  let n = i;
  for (let k = 0; k < 3; k++) {
    s += SYLLABLES[n % SYLLABLES.length];
    n = Math.floor(n / SYLLABLES.length);
  }
  return s[0].toUpperCase() + s.slice(1);
}

const q = (s: string): string => JSON.stringify(s); // a JSON string is a valid YAML scalar

interface Planned {
  id: string;
  kind: "person" | "place" | "organization" | "force";
  yaml: string;
}

/**
 * Writes a fact base of `entities` entities (plus one event per ten entities and a few sources)
 * into `dir`, split into files of at most 5,000 entities so each stays far below the size limit.
 */
export function generateFactBase(dir: string, entities: number, seed: number): { files: number; events: number } {
  const rng = new Random(seed);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const sourceIds = Array.from({ length: 20 }, (_, i) => `src-${i}`);
  // src-0 is an outlier: cited only for disputed values, as the checker requires.
  const mainSources = sourceIds.slice(1);
  /** A citation block whose `cite:` key is indented by `pad` spaces. */
  const cite = (what: string, pad = 4): string => {
    const sp = " ".repeat(pad);
    return `\n${sp}cite:\n${sp}  - source: ${rng.pick(mainSources)}\n${sp}    quote: ${q(what)}`;
  };
  writeFileSync(
    join(dir, "sources.facts.yaml"),
    `sources:\n${sourceIds.map((id, i) => `  - id: ${id}\n    outlet: ${q(`Outlet ${word(i)}`)}\n    title: ${q(`Report ${i}`)}\n    standing: ${i === 0 ? "outlier" : "main"}\n`).join("")}`,
  );

  const countries = Math.max(3, Math.ceil(entities / 2000));
  const provinces = Math.max(3, Math.ceil(entities / 200));
  const planned: Planned[] = [];
  const placesOf: string[] = [];
  const people: string[] = [];
  const orgs: string[] = [];
  const forces: string[] = [];
  for (let i = 0; i < entities; i++) {
    const name = word(i);
    if (i < countries) {
      const id = `country-${i}`;
      planned.push({ id, kind: "place", yaml: `  - id: ${id}\n    kind: place\n    level: country\n    name: ${q(name + "ia")}\n    demonym: ${q(name + "ian")}${cite(`the country of ${name}ia`)}\n` });
      placesOf.push(id);
    } else if (i < countries + provinces) {
      const id = `province-${i}`;
      planned.push({
        id,
        kind: "place",
        yaml: `  - id: ${id}\n    kind: place\n    level: province\n    name: ${q(name)}\n    variants: [${q(`${name} province`)}]\n    in: country-${rng.int(0, countries - 1)}\n    region: ${rng.pick(REGIONS)}${cite(`the province of ${name}`)}\n`,
      });
      placesOf.push(id);
    } else {
      const r = rng.next();
      if (r < 0.4) {
        const id = `place-${i}`;
        const population = rng.chance(0.2)
          ? `\n    counts:\n      - measure: population\n        of: people\n        value: ${rng.int(1, 500) * 1000}\n        qualifier: about${cite(`home to about ${name} people`, 8)}`
          : "";
        planned.push({
          id,
          kind: "place",
          yaml: `  - id: ${id}\n    kind: place\n    level: ${rng.pick(LEVELS)}\n    name: ${q(name)}\n    variants: [${q(`${name}h`)}]\n    in: province-${countries + rng.int(0, provinces - 1)}\n    near: [country-${rng.int(0, countries - 1)}]${population}${cite(`the town of ${name}`)}\n`,
        });
        placesOf.push(id);
      } else if (r < 0.8) {
        const id = `person-${i}`;
        const first = rng.pick(FIRST_NAMES);
        const role = orgs.length && rng.chance(0.5)
          ? `\n    roles:\n      - title: ${rng.pick(TITLES)}\n        aliases: [official]\n        of: ${rng.pick(orgs)}${cite(`${first} ${name}, an official`, 8)}`
          : "";
        planned.push({ id, kind: "person", yaml: `  - id: ${id}\n    kind: person\n    name: ${q(`${first} ${name}`)}\n    variants: [${q(`${first} ${name}i`)}]${role}${cite(`said ${first} ${name}`)}\n` });
        people.push(id);
      } else if (r < 0.95) {
        const id = `org-${i}`;
        const relation = orgs.length && rng.chance(0.6)
          ? `\n    relations:\n      - type: ${rng.pick(["part-of", "linked-to", "allied-with", "rival-of", "split-from"])}\n        target: ${rng.pick(orgs)}\n        since: ${rng.int(1990, 2020)}${cite(`${name} and its ties`, 8)}`
          : "";
        const founded = rng.chance(0.3) ? `\n    founded:\n      year: ${rng.int(1950, 2020)}${cite(`${name} was founded`, 6)}` : "";
        planned.push({ id, kind: "organization", yaml: `  - id: ${id}\n    kind: organization\n    name: ${q(`${name} Front`)}\n    variants: [${q(`${name} Movement`)}]${relation}${founded}${cite(`the ${name} Front`)}\n` });
        orgs.push(id);
      } else {
        const id = `force-${i}`;
        planned.push({ id, kind: "force", yaml: `  - id: ${id}\n    kind: force\n    name: ${q(`${name} Brigade`)}${cite(`the ${name} Brigade`)}\n` });
        forces.push(id);
      }
    }
  }

  let files = 1;
  for (let from = 0; from < planned.length; from += 5000) {
    const chunk = planned.slice(from, from + 5000);
    writeFileSync(join(dir, `entities-${String(files).padStart(3, "0")}.facts.yaml`), `entities:\n${chunk.map((p) => p.yaml).join("\n")}`);
    files++;
  }

  const towns = placesOf.filter((id) => id.startsWith("place-"));
  const events: string[] = [];
  const eventCount = Math.max(1, Math.floor(entities / 10));
  for (let i = 0; i < eventCount; i++) {
    const kind = rng.pick(KINDS);
    const at = towns.length ? rng.pick(towns) : placesOf[0];
    const who = (list: string[]): string => (list.length ? rng.pick(list) : rng.pick(placesOf));
    const killed = rng.int(0, 60);
    const disputed = rng.chance(0.3) ? `\n        disputed:\n          - value: ${killed + rng.int(1, 5)}\n            qualifier: about\n            cite:\n              - source: src-0\n                quote: ${q(`about ${killed + 2} dead`)}` : "";
    events.push(
      `  - id: event-${i}\n    name: ${q(`${kind} number ${i}`)}\n    kind: ${kind}\n    keywords: [${q(word(i + 7))}]\n` +
        `    place:\n      at: ${at}\n      cite:\n        - source: ${rng.pick(mainSources)}\n          quote: ${q(`the ${kind} in the town`)}\n` +
        `    when:\n      year: ${rng.int(2010, 2024)}\n      month: ${rng.int(1, 12)}\n      day: ${rng.int(1, 28)}\n      cite:\n        - source: ${rng.pick(mainSources)}\n          quote: ${q(`on that day`)}\n` +
        `    actors:\n      ids: [${who(forces.length ? forces : orgs)}]\n      cite:\n        - source: ${rng.pick(mainSources)}\n          quote: ${q("the forces carried out")}\n` +
        `    targets:\n      ids: [${who(orgs)}]\n      cite:\n        - source: ${rng.pick(mainSources)}\n          quote: ${q("against the group")}\n` +
        `    people: [${who(people)}]\n` +
        `    counts:\n      - measure: ${rng.pick(MEASURES)}\n        of: people\n        value: ${killed}\n        qualifier: ${rng.pick(["exactly", "at least", "about"])}\n        cite:\n          - source: ${rng.pick(mainSources)}\n            quote: ${q(`${killed} people`)}${disputed}\n` +
        `    details:\n      - what: building\n        value: ${q("a two-story house")}\n        cite:\n          - source: ${rng.pick(mainSources)}\n            quote: ${q("the house")}\n` +
        `    cite:\n      - source: ${rng.pick(mainSources)}\n        quote: ${q(`the ${kind}`)}\n`,
    );
  }
  for (let from = 0, n = 1; from < events.length; from += 2500, n++) {
    writeFileSync(join(dir, `events-${String(n).padStart(3, "0")}.facts.yaml`), `events:\n${events.slice(from, from + 2500).join("\n")}`);
    files++;
  }
  return { files: files + 1, events: eventCount };
}

/** Known spellings in a generated base, right and one letter off, for lookup benchmarks. */
export function sampleNamePieces(count: number, entities: number, seed: number): string[] {
  const rng = new Random(seed);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const piece = word(rng.int(0, entities - 1)).toLowerCase();
    if (rng.chance(0.5)) out.push(piece);
    else {
      const at = rng.int(0, piece.length - 1);
      out.push(piece.slice(0, at) + rng.pick(["a", "e", "o", "x"]) + piece.slice(at + 1));
    }
  }
  return out;
}
