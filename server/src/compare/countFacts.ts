// The counts of a fact base as the figure comparison sees them: each with its unit, the words
// that say what it counts (its measure, its `of`, and the words of its own citations around the
// value) and each of its values with when and by whom it was given. Built once per fact base;
// a figure finds its candidates through an index of those words, not by a pass over every count.
import { Count, CountValue, Entity, FactBase, FactEvent } from "../facts/model";
import { readFigures } from "../claims/figures";
import { tokenize } from "../text/tokens";
import { keysOf, matchKey, Unit, vocabulary as V } from "../vocabulary";

/** When a value was given: the parts its citation, its `as_of` or its source's date say. */
export interface ValueTime {
  year?: number;
  month?: number;
  day?: number;
  weekday?: string;
}

export interface FactValue {
  value: number;
  upper?: number;
  qualifier: CountValue["qualifier"];
  established: boolean;
  source: CountValue;
  /** When the value held, from `as_of`, the words of its quote or its source's date. */
  times: ValueTime[];
  /** Match keys of who gave or measured it: its sources' outlets and `by`. */
  givenBy: Set<string>;
}

export interface CountFact {
  count: Count;
  owner: { kind: "event"; event: FactEvent } | { kind: "entity"; entity: Entity };
  unit?: Unit;
  /** What a value of 1 in the count's unit is worth in the unit's base: "in million cubic metres" is 1e6. */
  scale: number;
  /** Words that say what the count counts, with how much each says. */
  signature: Map<string, number>;
  /** Keys of who or what is counted (its `of` and counted noun), as against what happened to them: a figure must meet the rest too. */
  subject: Set<string>;
  /** Who in particular its `of` names ("Lula in the Northeast", "U.S. Geological Survey reading", "US forces"): a sentence that says none of it is less likely about it. */
  named: Set<string>;
  /** Of those, the common nouns ("people", "forces"), which only the figure's own noun phrase says; names ("Lula", "U.S. Geological Survey") may stand anywhere. */
  counted: Set<string>;
  /** The words around the value in each of its citations: a sentence that says most of them is the source's own. */
  quoted: Set<string>[];
  /** Keys of its measure's words and their concepts ("killed": the killing concept, "toll", "dead"). */
  measure: Set<string>;
  /** The words of its measure (less any unit), each as its keys: how much of this a figure's words cover says how surely it is this count. */
  measureWords: (readonly string[])[];
  /** Subject keys no other count has ("helicopters"): naming them is enough to say which count a figure is. */
  ownSubject: Set<string>;
  /** The counted noun of the count's own quote ("houses"), as a match key. */
  noun?: string;
  /** The count is someone's age. */
  isAge: boolean;
  values: FactValue[];
}

/** Days, months and years in a count's `of` ("closing price on Friday 14 January 2022") say when, not whose. */
function isCalendar(word: string): boolean {
  return V.weekdays.has(word) || V.months.has(word) || /^\d/.test(word);
}

/** People in general: a count of them needs no saying whom. */
const GENERIC = new Set(keysOf("people"));

const cache = new WeakMap<FactBase, CountFacts>();

export class CountFacts {
  readonly all: CountFact[] = [];
  private readonly byKey = new Map<string, CountFact[]>();
  private readonly byOwner = new Map<string, CountFact[]>();

  static of(base: FactBase): CountFacts {
    let c = cache.get(base);
    if (!c) cache.set(base, (c = new CountFacts(base)));
    return c;
  }

  private constructor(private readonly base: FactBase) {
    for (const ev of base.events.values()) for (const c of ev.counts) this.add(c, { kind: "event", event: ev });
    for (const e of base.entities.values()) for (const c of e.counts) this.add(c, { kind: "entity", entity: e });
    // A word most counts share says little about which one a figure is: weighted down by how many have it.
    const df = new Map<string, number>();
    const subjectDf = new Map<string, number>();
    for (const f of this.all) {
      for (const k of f.signature.keys()) df.set(k, (df.get(k) ?? 0) + 1);
      for (const k of f.subject) subjectDf.set(k, (subjectDf.get(k) ?? 0) + 1);
    }
    // "people" is no count's own, even where one count alone counts them: "17 people were taken to hospital" is not the 400 people a company employs.
    for (const f of this.all) for (const k of f.subject) if (subjectDf.get(k) === 1 && !k.startsWith("~") && !GENERIC.has(k)) f.ownSubject.add(k);
    for (const f of this.all) {
      for (const [k, w] of f.signature) f.signature.set(k, w / Math.sqrt(df.get(k)!));
      // An event's own words (its kind, its keywords) say a figure is of that event: weak evidence, but
      // what tells "the firefight went on for five hours" is the raid's duration. Added after the
      // weighting, as every count of the event has them.
      if (f.owner.kind === "event") {
        for (const text of [f.owner.event.kind, ...f.owner.event.keywords]) {
          for (const t of tokenize(text)) if (t.kind === "word") for (const k of keysOf(t.norm)) if (!f.signature.has(k)) f.signature.set(k, 0.3);
        }
      }
      for (const k of f.signature.keys()) (this.byKey.get(k) ?? this.byKey.set(k, []).get(k)!).push(f);
    }
  }

  /** The counts that share a word with these keys. */
  withKeys(keys: Iterable<string>): Set<CountFact> {
    const found = new Set<CountFact>();
    for (const k of keys) for (const f of this.byKey.get(k) ?? []) found.add(f);
    return found;
  }

  /** A place's level ("province"), for a sentence that refers to it as "the province". */
  levelOf(id: string): string | undefined {
    return this.base.entities.get(id)?.level;
  }

  /** The counts of one event or entity. */
  ofOwner(id: string): readonly CountFact[] {
    return this.byOwner.get(id) ?? [];
  }

  private add(count: Count, owner: CountFact["owner"]): void {
    const signature = new Map<string, number>();
    const subject = new Set<string>();
    // Names the event itself implies (its own name, who acted, who was targeted) need no saying.
    const implied = new Set<string>();
    if (owner.kind === "event") {
      const ev = owner.event;
      const names = [ev.name, ...[...(ev.actors?.ids ?? []), ...(ev.targets?.ids ?? []), ev.place?.at].flatMap((id) => {
        const e = id ? this.base.entities.get(id) : undefined;
        return e ? [e.name, ...e.variants] : [];
      })];
      for (const n of names) for (const t of tokenize(n)) if (t.kind === "word") implied.add(matchKey(t.norm));
    } else for (const n of [owner.entity.name, ...owner.entity.variants]) for (const t of tokenize(n)) if (t.kind === "word") implied.add(matchKey(t.norm));
    const counted = new Set<string>();
    const named = new Set<string>();
    const note = (text: string | undefined, weight: number, ofSubject = false): void => {
      if (!text) return;
      for (const t of tokenize(text)) {
        if (t.kind !== "word" || (V.stopwords.has(t.norm) && !t.upper)) continue;
        for (const k of keysOf(t.norm)) {
          signature.set(k, Math.max(signature.get(k) ?? 0, k.startsWith("~") ? weight * 0.8 : weight));
          if (ofSubject) subject.add(k);
          if (ofSubject && !t.cap && !t.upper) counted.add(k);
          // Who in particular: a name, or a group that is not people in general ("US forces", not "people").
          if (ofSubject && !k.startsWith("~") && (t.cap || t.upper || !GENERIC.has(k)) && !implied.has(k) && !isCalendar(t.norm)) named.add(k);
        }
      }
    };
    note(count.measure, 2);
    const measureKeys = new Set<string>();
    for (const t of tokenize(count.measure)) if (t.kind === "word") for (const k of keysOf(t.norm)) measureKeys.add(k);
    const measureWords: (readonly string[])[] = [];
    for (const t of tokenize(count.measure)) {
      if (t.kind !== "word" || V.stopwords.has(t.norm) || V.unitNames.has(t.norm) || V.multipliers.has(t.norm) || t.norm === "in") continue;
      measureWords.push(keysOf(t.norm));
    }
    // An id-like `of` ("us-forces") in words; its two-letter pieces are a country's code ("US").
    note(/^[a-z0-9-]+$/.test(count.of ?? "") ? count.of!.split("-").map((w) => (w.length === 2 ? w.toUpperCase() : w)).join(" ") : count.of, 1.5, true);
    if (count.within) note(count.within, 0.5, true);
    // The unit: the count's own, or named in its measure ("depth in km", "deal value in US dollars").
    let unit = V.unit(count.unit);
    let scale = 1;
    if (!unit) ({ unit, scale } = unitNamedIn(`${count.measure} ${/^[a-z0-9-]+$/.test(count.of ?? "") ? "" : count.of ?? ""}`));
    let noun: string | undefined;
    const quoted: Set<string>[] = [];
    // The words of its citations around the value: what the sources said when they gave it.
    for (const c of count.cite) {
      const tokens = tokenize(c.quote);
      const figures = readFigures(tokens);
      const own = figures.find((f) => agrees(f.value * (f.unit ? 1 : 1), count.value, scale)) ?? (figures.length === 1 ? figures[0] : undefined);
      if (!own) {
        note(c.quote, 0.4);
        continue;
      }
      if (!unit && own.unit && own.kind !== "age") unit = own.unit;
      // "nearly 500 dead": a noun that is the measure itself says what befell them, not who they were.
      if (own.noun && !noun && !keysOf(own.noun).some((k) => k.startsWith("~") && measureKeys.has(k))) noun = matchKey(own.noun);
      quoted.push(new Set(own.context.filter((w) => w.weight >= 0.3).map((w) => w.keys[0])));
      for (const w of own.context) {
        // A name around the value in the quote ("Zhaoyang District of Zhaotong City") says whose or where, not what befell them.
        const name = tokens[w.at]?.cap || tokens[w.at]?.upper;
        for (const k of w.keys) {
          const weight = (k.startsWith("~") ? 0.8 : 1) * Math.min(1.2, w.weight * 1.5);
          signature.set(k, Math.max(signature.get(k) ?? 0, weight));
          if (name && w.at > 0) subject.add(k);
        }
      }
    }
    if (noun) {
      for (const k of keysOf(noun)) {
        signature.set(k, Math.max(signature.get(k) ?? 0, 2));
        subject.add(k);
        counted.add(k);
      }
    }
    const isAge = (V.conceptsOf.get(count.measure.toLowerCase()) ?? []).some((g) => V.conceptsOf.get("age")?.includes(g));
    const values: FactValue[] = [count, ...count.disputed].map((v, k) => ({
      value: v.value,
      upper: v.upper,
      qualifier: v.qualifier,
      established: k === 0,
      source: v,
      times: timesOf(this.base, v),
      givenBy: givenBy(this.base, v),
    }));
    const fact: CountFact = { count, owner, unit, scale, signature, subject, counted, named, quoted, measure: measureKeys, measureWords, ownSubject: new Set(), noun, isAge, values };
    this.all.push(fact);
    const ownerId = owner.kind === "event" ? owner.event.id : owner.entity.id;
    (this.byOwner.get(ownerId) ?? this.byOwner.set(ownerId, []).get(ownerId)!).push(fact);
  }
}

/** Whether a quote's figure is the count's value ("$68.7 billion" for 68700000000; "49.6 million" for 49.6 in millions). */
function agrees(written: number, value: number, scale: number): boolean {
  const close = (a: number, b: number): boolean => Math.abs(a - b) <= Math.max(1e-9, Math.abs(b) * 0.005);
  return close(written, value) || close(written, value * scale);
}

/** A unit named in a count's measure: "in US dollars", "in km", "in million cubic meters" (its scale too). */
function unitNamedIn(text: string): { unit?: Unit; scale: number } {
  const tokens = tokenize(text);
  for (let i = 0; i < tokens.length; i++) {
    let scale = 1;
    let k = i;
    while (tokens[k] && V.multipliers.has(tokens[k].norm)) scale *= V.multipliers.get(tokens[k++].norm)!;
    const t = tokens[k];
    if (!t) break;
    for (const p of V.unitNames.get(t.norm) ?? V.unitNames.get(t.raw.toLowerCase()) ?? []) {
      if (p.words.every((w, j) => tokens[k + j]?.norm === w || tokens[k + j]?.raw.toLowerCase() === w)) return { unit: p.value, scale };
    }
    if (t.raw === "%") return { unit: V.unit("percent"), scale };
  }
  return { scale: 1 };
}

const WEEKDAY_OF = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** When a value held: its `as_of`, the day its quote names, and its sources' dates. */
function timesOf(base: FactBase, v: CountValue): ValueTime[] {
  const times: ValueTime[] = [];
  if (v.asOf) times.push(v.asOf);
  for (const c of v.cite) {
    const tokens = tokenize(c.quote);
    for (const t of tokens) {
      const weekday = V.weekdays.get(t.norm);
      if (weekday && t.cap) times.push({ weekday });
    }
    const date = base.sources.get(c.source)?.date;
    const m = date ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(date) : null;
    if (m) {
      const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
      times.push({ year, month, day, weekday: WEEKDAY_OF[new Date(Date.UTC(year, month - 1, day)).getUTCDay()] });
    }
  }
  return times;
}

/** Who gave a value: its sources' outlets and its `by` body, as match keys of their names' words. */
function givenBy(base: FactBase, v: CountValue): Set<string> {
  const keys = new Set<string>();
  const add = (name: string | undefined): void => {
    if (!name) return;
    for (const t of tokenize(name.split(" (")[0])) if (t.kind === "word" && !V.stopwords.has(t.norm)) keys.add(matchKey(t.norm));
  };
  for (const c of v.cite) add(base.sources.get(c.source)?.outlet);
  if (v.by) {
    const e = base.entities.get(v.by);
    add(e?.name);
    for (const variant of e?.variants ?? []) add(variant);
  }
  return keys;
}
