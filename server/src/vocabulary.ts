// The general English vocabulary of the reader, loaded once from server/vocabulary/english.json
// (data, with its schema beside it) into the lookup tables the readers use. Everything a story
// brings — its events, what it counts, its names and offices — comes from its fact base instead.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Qualifier } from "./facts/model";

interface RawVocabulary {
  numbers: {
    words: Record<string, number>;
    ordinals: Record<string, number>;
    multipliers: Record<string, number>;
    abbreviatedMultipliers: Record<string, number>;
    fractions: Record<string, number>;
    pronounLike: string[];
    tallyNouns: string[];
    implied: { words: string[]; noun: string; atLeast: number; atMost?: number }[];
  };
  qualifiers: { before: [string, Qualifier][]; after: [string, Qualifier][] };
  units: { id: string; family: string; factor: number; offset?: number; names: string[]; symbols?: string[]; before?: boolean }[];
  currencies: { code: string; symbols: string[]; sign: string; names: string[] }[];
  calendar: {
    months: Record<string, number>;
    monthNames: string[];
    weekdays: Record<string, string>;
    partsOfDay: string[];
    relativeDays: Record<string, number>;
    fiscalWords: string[];
    prepositions: string[];
    pointsBefore: string[];
  };
  places: {
    levels: Record<string, string[]>;
    tiers: Record<string, string[] | string>;
    compass: Record<string, string>;
    regions: Record<string, string>;
    adjectives: string[];
    locatives: string[];
    near: string[];
    edges: string[];
    entering: string[];
  };
  people: { offices: string[]; officeModifiers: string[]; ranks: string[]; honorifics: string[]; ageWords: string[]; officeVerbs: Record<string, string> };
  concepts: { groups: string[][] };
  happenings: { kinds: { nouns: string[]; verbs: string[] }[]; aspects: string[][] };
  framing: Record<"speech" | "reporting" | "negations" | "denials" | "correcting" | "refuting" | "conditionals" | "inverted" | "subjects" | "expectation" | "birth" | "happening" | "between" | "clauseOpeners", string[]>;
  antonyms: { pairs: [string, string][] };
  names: { notNames: string[]; heads: string[]; particles: string[]; definite: string[] };
  drafting: Record<string, string[] | Record<string, string>>;
  stopwords: string[];
}

/** A unit of measurement: values of one family convert to its base unit through factor and offset. */
export interface Unit {
  id: string;
  family: string;
  factor: number;
  offset: number;
  /** The unit as a writer spells it, each as its words ("per", "cent"). */
  names: string[][];
  symbols: string[];
  /** Currencies only: the bare sign several of them share ($). */
  sign?: string;
  /** Written before its number ("magnitude 6.1"). */
  before?: boolean;
}

/** A word sequence and what it means, looked up by its first word. */
export interface Phrase<T> {
  words: string[];
  value: T;
}

/** Where the vocabulary lives: beside the sources (out/server/src → server/vocabulary) or beside the bundle (dist/vocabulary). */
export const VOCABULARY_FILE = [join(__dirname, "..", "..", "..", "server", "vocabulary", "english.json"), join(__dirname, "vocabulary", "english.json")].find(existsSync) ?? join(__dirname, "vocabulary", "english.json");

const raw = JSON.parse(readFileSync(VOCABULARY_FILE, "utf8")) as RawVocabulary;

/** A word table as a Map: a word such as "constructor" is no entry of it, as it would be of a plain object. */
const table = <T>(entries: Record<string, T>): ReadonlyMap<string, T> => new Map(Object.entries(entries));

/** Phrases indexed by first word, longest first, so the longest match is tried first. */
function phrases<T>(list: Phrase<T>[]): ReadonlyMap<string, Phrase<T>[]> {
  const byFirst = new Map<string, Phrase<T>[]>();
  for (const p of list) {
    const at = byFirst.get(p.words[0]);
    if (at) at.push(p);
    else byFirst.set(p.words[0], [p]);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  return byFirst;
}

const splitWords = (s: string): string[] => s.toLowerCase().split(/\s+/).filter(Boolean);

const units: Unit[] = raw.units.map((u) => ({ id: u.id, family: u.family, factor: u.factor, offset: u.offset ?? 0, names: u.names.map(splitWords), symbols: u.symbols ?? [], before: u.before }));
const currencies: Unit[] = raw.currencies.map((c) => ({ id: c.code, family: "currency", factor: 1, offset: 0, names: c.names.map(splitWords), symbols: c.symbols, sign: c.sign }));
const unitById = new Map<string, Unit>();
for (const u of [...units, ...currencies]) unitById.set(u.id.toLowerCase(), u);

/** Word groups: each word (and the groups it is in), so words of one meaning meet. */
function groupIndex(groups: string[][]): ReadonlyMap<string, readonly number[]> {
  const index = new Map<string, number[]>();
  groups.forEach((g, k) => {
    for (const w of g) {
      const at = index.get(w);
      if (!at) index.set(w, [k]);
      else if (!at.includes(k)) at.push(k);
    }
  });
  return index;
}

const antonyms = new Map<string, Set<string>>();
for (const [a, b] of raw.antonyms.pairs) {
  (antonyms.get(a) ?? antonyms.set(a, new Set()).get(a)!).add(b);
  (antonyms.get(b) ?? antonyms.set(b, new Set()).get(b)!).add(a);
}

const levelOfNoun = new Map<string, string>();
for (const [level, nouns] of Object.entries(raw.places.levels)) for (const n of nouns) if (!levelOfNoun.has(n)) levelOfNoun.set(n, level);
const tierOfLevel = new Map<string, string>();
for (const [tier, levels] of Object.entries(raw.places.tiers)) if (Array.isArray(levels)) for (const l of levels) tierOfLevel.set(l, tier);

export const vocabulary = {
  /** The drafter's word lists and tables, as written (server/src/draft/vocabulary.ts makes them lookups). */
  drafting: raw.drafting,
  numberWords: table(raw.numbers.words),
  ordinals: table(raw.numbers.ordinals),
  multipliers: table(raw.numbers.multipliers),
  abbreviatedMultipliers: table(raw.numbers.abbreviatedMultipliers),
  fractions: table(raw.numbers.fractions),
  pronounLike: new Set(raw.numbers.pronounLike),
  tallyNouns: new Set(raw.numbers.tallyNouns),
  /** Words that state a figure without a number: "a high-rise" has five storeys or more. */
  implied: raw.numbers.implied.map((i) => ({ ...i, words: i.words.map(splitWords) })),
  qualifiersBefore: phrases(raw.qualifiers.before.map(([w, q]) => ({ words: splitWords(w), value: q }))),
  qualifiersAfter: phrases(raw.qualifiers.after.map(([w, q]) => ({ words: splitWords(w), value: q }))),
  /** Units and currencies by the first word of each of their names. */
  unitNames: phrases([...units, ...currencies].flatMap((u) => u.names.map((words) => ({ words, value: u })))),
  /** Symbols written before an amount ("US$", "£", "€"), and the bare signs ("$"). */
  currencySymbols: new Map<string, Unit>(currencies.flatMap((c) => c.symbols.map((s) => [s.toLowerCase(), c] as [string, Unit]))),
  /** The currency a bare sign names: the one currency with it, or a unit standing for all that share it ("$"). */
  currencyBySign: new Map<string, Unit>(),
  unitSymbols: new Map<string, Unit>(units.flatMap((u) => u.symbols.map((s) => [s, u] as [string, Unit]))),
  unit: (id: string | undefined): Unit | undefined => (id ? unitById.get(id.toLowerCase()) : undefined),
  units: [...units, ...currencies] as readonly Unit[],
  months: table(raw.calendar.months),
  monthNames: ["", ...raw.calendar.monthNames],
  weekdays: table(raw.calendar.weekdays),
  partsOfDay: new Set(raw.calendar.partsOfDay),
  relativeDays: table(raw.calendar.relativeDays),
  fiscalWords: new Set(raw.calendar.fiscalWords),
  datePrepositions: new Set(raw.calendar.prepositions),
  pointsBefore: new Set(raw.calendar.pointsBefore),
  /** Place level by a noun that names it ("town" → town, "governorate" → province). */
  levelOfNoun: levelOfNoun as ReadonlyMap<string, string>,
  /** The tier of a level: levels of one tier stand for one another in a chain of places. */
  tierOf: (level: string | undefined): string | undefined => (level ? tierOfLevel.get(level) ?? level : undefined),
  /** Whether places stand at this level in a chain of places (a town, a province; not an area or a river). */
  inChain: (level: string | undefined): boolean => !!level && tierOfLevel.has(level),
  compass: table(raw.places.compass),
  regions: table(raw.places.regions),
  placeAdjectives: new Set(raw.places.adjectives),
  locatives: new Set(raw.places.locatives),
  nearWords: new Set(raw.places.near),
  edges: new Set(raw.places.edges),
  entering: new Set(raw.places.entering),
  offices: new Set(raw.people.offices),
  officeModifiers: new Set(raw.people.officeModifiers),
  ranks: new Set(raw.people.ranks),
  honorifics: new Set(raw.people.honorifics),
  ageWords: new Set(raw.people.ageWords),
  /** Verbs that say an office, and the office they mean ("heads" → head). */
  officeVerbs: table(raw.people.officeVerbs),
  /** The concept groups a word belongs to: words of one meaning ("toll", "killed", "deaths"). */
  conceptsOf: groupIndex(raw.concepts.groups),
  /** The happening kind (group) a word names: "quake" and "earthquake" are one kind; aspects follow the kinds. */
  happeningsOf: groupIndex([...raw.happenings.kinds.map((k) => [...k.nouns, ...k.verbs]), ...raw.happenings.aspects]),
  /** Groups at or past this index are aspects of many kinds of happening ("the fighting", "the rescue"). */
  firstAspect: raw.happenings.kinds.length,
  /** Verbs of happenings ("struck", "launched"): they tie a value to an event, but never tell of another story. */
  happeningVerbForms: new Set(raw.happenings.kinds.flatMap((k) => k.verbs)),
  /** The verbs of each kind of happening, by group index ("raided", "stormed" of a raid); an aspect's are its words. */
  happeningGroupVerbs: [...raw.happenings.kinds.map((k) => k.verbs), ...raw.happenings.aspects] as readonly (readonly string[])[],
  speech: new Set(raw.framing.speech),
  reporting: new Set(raw.framing.reporting),
  negations: new Set(raw.framing.negations),
  denials: new Set(raw.framing.denials),
  correcting: new Set(raw.framing.correcting),
  refuting: raw.framing.refuting.map(splitWords),
  conditionals: new Set(raw.framing.conditionals),
  clauseOpeners: new Set(raw.framing.clauseOpeners),
  inverted: new Set(raw.framing.inverted),
  subjects: new Set(raw.framing.subjects),
  expectation: raw.framing.expectation.map(splitWords),
  birth: new Set(raw.framing.birth),
  /** Verbs that tell any happening, as written ("ended", not "end"): a date or a place beside them is the event's. */
  happeningVerbs: new Set(raw.framing.happening),
  between: new Set(raw.framing.between),
  antonyms: antonyms as ReadonlyMap<string, ReadonlySet<string>>,
  notNames: new Set(raw.names.notNames),
  nameHeads: new Set(raw.names.heads),
  particles: new Set(raw.names.particles),
  definite: new Set(raw.names.definite),
  stopwords: new Set(raw.stopwords),
};
{
  const bySign = new Map<string, Unit[]>();
  for (const c of currencies) (bySign.get(c.sign!) ?? bySign.set(c.sign!, []).get(c.sign!)!).push(c);
  for (const [sign, list] of bySign) {
    vocabulary.currencyBySign.set(sign, list.length === 1 ? list[0] : { id: sign, family: "currency", factor: 1, offset: 0, names: [], symbols: [sign], sign });
  }
}

/** Whether two currencies may be the same: equal, or one is a bare sign the other is written with ("$" and USD). */
export function sameCurrency(a: Unit, b: Unit): boolean {
  return a.id === b.id || a.id === b.sign || b.id === a.sign;
}

/**
 * The stem a word is matched on: plurals, -ed and -ing forms of one word meet ("employs",
 * "employees" and "employed" stay apart; concept groups join those). Light by design: a word
 * must not be mistaken for another.
 */
export function stem(word: string): string {
  let w = word.toLowerCase();
  if (w.endsWith("'s") || w.endsWith("’s")) w = w.slice(0, -2);
  if (w.length <= 3) return w;
  if (w.endsWith("ies") && w.length > 4) return `${w.slice(0, -3)}y`;
  if (w.endsWith("sses")) return w.slice(0, -2);
  if (w.endsWith("ied") && w.length > 4) return `${w.slice(0, -3)}y`;
  if (w.endsWith("ing") && w.length > 5) return undouble(w.slice(0, -3));
  if (w.endsWith("ed") && w.length > 4) return undouble(w.slice(0, -2));
  if (w.endsWith("es") && /(ch|sh|x|z|ss)es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) return w.slice(0, -1);
  return w;
}

function undouble(w: string): string {
  const n = w.length;
  if (n > 3 && w[n - 1] === w[n - 2] && !"lsz".includes(w[n - 1])) return w.slice(0, -1);
  // "closed" → "clos", "close" → "close": the silent e goes, so both meet on "clos".
  return w;
}

/**
 * A word's stem with a trailing silent e dropped, so "close" and "closed" meet; British and American
 * spellings meet too ("epicentre", "epicenter"; "neighbour", "neighbor").
 */
/** Words a document repeats are keyed once: the readers ask for the same few thousand words again and again. */
const MEMO_WORDS = 100_000;
const matchKeys = new Map<string, string>();
const keyLists = new Map<string, readonly string[]>();

export function matchKey(word: string): string {
  const known = matchKeys.get(word);
  if (known !== undefined) return known;
  if (matchKeys.size >= MEMO_WORDS) matchKeys.clear();
  const key = matchKeyOf(word);
  matchKeys.set(word, key);
  return key;
}

function matchKeyOf(word: string): string {
  let w = word.toLowerCase();
  if (w.length >= 6 && w.endsWith("tre")) w = `${w.slice(0, -3)}ter`;
  else if (w.length >= 6 && w.endsWith("tres")) w = `${w.slice(0, -4)}ters`;
  else if (w.length >= 7 && /our(s|ed|ing)?$/.test(w)) w = w.replace(/our(s|ed|ing)?$/, "or$1");
  const s = stem(w);
  return s.length > 4 && s.endsWith("e") ? s.slice(0, -1) : s;
}

/** Keys a word is matched on: its own, and the concept groups it belongs to ("toll" meets "killed"). */
export function keysOf(word: string): readonly string[] {
  const known = keyLists.get(word);
  if (known) return known;
  if (keyLists.size >= MEMO_WORDS) keyLists.clear();
  const lower = word.toLowerCase();
  const key = matchKey(lower);
  const groups = vocabulary.conceptsOf.get(lower) ?? vocabulary.conceptsOf.get(key);
  // Shared between callers, so frozen: a caller that wants to add keys copies them.
  const keys = Object.freeze(groups ? [key, ...groups.map((g) => `~${g}`)] : [key]);
  keyLists.set(word, keys);
  return keys;
}
