// The drafter's one door to the claim reader (../claims): every other module of the drafting
// pipeline reads an article through this adapter, so that switching to a new reader is a change
// here only. What the reader does not give yet (figures in percent, money or magnitude; names
// not in any fact base), drafting adds in its own modules and says so there.
import { makeReaderContext, readBlock, SentenceReading } from "../claims/reader";
import { DateMention, readDates } from "../claims/dates";
import { Quantity, readNumberAt, readQuantities } from "../claims/numbers";
import { PlaceClaim } from "../claims/places";
import { MONTHS, NUMBER_WORDS, MULTIPLIERS, QUALIFIERS_BEFORE, WEEKDAYS } from "../claims/lexicon";
import { FactBase, Qualifier } from "../facts/model";
import { NameIndex } from "../facts/nameIndex";
import { splitBlocks, splitSentences } from "../text/blocks";
import { Token, tokenize } from "../text/tokens";

export type { Token, Qualifier, DateMention, PlaceClaim };
export { MONTHS, WEEKDAYS, NUMBER_WORDS, MULTIPLIERS, QUALIFIERS_BEFORE };

/** One sentence of an article, offsets into the article's text. */
export interface Sentence {
  start: number;
  end: number;
  text: string;
  /** Index of the paragraph (block) it belongs to, and its place in it. */
  block: number;
  index: number;
  tokens: Token[];
}

/** A figure with what it measures, offsets into the article. */
export interface Figure {
  start: number;
  end: number;
  value: number;
  qualifier: Qualifier;
  /** What happened to the counted (killed, injured, duration…), in the facts' terms. */
  measure?: string;
  /** Who or what is counted (people, children…). */
  of?: string;
  /** The counted noun as written. */
  noun?: string;
  unit?: string;
  /** A share of a total given before ("among them four children"). */
  among?: boolean;
  /** Token indexes of the number within its sentence. */
  first: number;
  last: number;
}

/** What the reader finds in a sentence once the article's names are known. */
export interface Reading {
  sentence: Sentence;
  mentions: { entityId: string; start: number; end: number; first: number; last: number }[];
  figures: Figure[];
  dates: DateMention[];
  places: PlaceClaim[];
  roles: { person: string; org: string; roleNoun?: string }[];
  titles: { person: string; title: string; start: number }[];
  actors: string[];
}

/** The article's sentences, paragraph by paragraph. */
export function sentencesOf(text: string): Sentence[] {
  const out: Sentence[] = [];
  splitBlocks(text).forEach((block, b) => {
    splitSentences(block.text).forEach((span, k) => {
      const start = block.start + span.start;
      const end = block.start + span.end;
      out.push({ start, end, text: text.slice(start, end), block: b, index: k, tokens: tokenize(text.slice(start, end), start) });
    });
  });
  return out;
}

/** The tokens of a piece of text, offsets from `offset`. */
export function tokensOf(text: string, offset = 0): Token[] {
  return tokenize(text, offset);
}

/** The dates of a sentence (the reader's own). */
export function datesOf(tokens: Token[]): DateMention[] {
  return readDates(tokens);
}

/** Reads every sentence with the names of a (drafted) fact base known. */
export function readWithFacts(text: string, base: FactBase): Reading[] {
  const ctx = makeReaderContext(base, new NameIndex(base));
  const out: Reading[] = [];
  splitBlocks(text).forEach((block, b) => {
    const shift = block.start;
    readBlock(block.text, ctx).forEach((r: SentenceReading, k) => {
      const start = shift + r.start;
      const end = shift + r.end;
      const tokens = tokenize(text.slice(start, end), start);
      out.push({
        sentence: { start, end, text: text.slice(start, end), block: b, index: k, tokens },
        mentions: r.mentions.map((m) => ({ entityId: m.entityId, start: m.start + shift, end: m.end + shift, first: m.first, last: m.last })),
        figures: figuresOf(readQuantities(tokenize(block.text.slice(r.start, r.end), r.start)), shift),
        dates: readDates(tokens),
        places: r.places.map((p) => ({ ...p, start: p.start + shift, end: p.end + shift })),
        roles: r.roles.filter((x) => x.org).map((x) => ({ person: x.person.entityId, org: x.org!.entityId, roleNoun: x.title[x.title.length - 1] })),
        titles: r.roles.filter((x) => !x.org).map((x) => ({ person: x.person.entityId, title: x.title.join(" "), start: x.person.start + shift })),
        actors: r.actors.filter((a) => !a.byCountry).map((a) => a.actor.entityId),
      });
    });
  });
  return out;
}

/** The reader's quantities as figures, offsets into the article. */
function figuresOf(quantities: readonly Quantity[], shift: number): Figure[] {
  const figures: Figure[] = quantities.map((q) => ({
    start: q.start + shift,
    end: q.end + shift,
    value: q.value,
    qualifier: q.qualifier,
    measure: q.measure,
    of: q.group,
    noun: q.noun,
    unit: q.unit,
    among: q.among,
    first: q.first,
    last: q.last,
  }));
  return figures;
}

/** Every number of a sentence with its qualifier, counted or not (for figures the reader does not describe). */
export function numbersOf(tokens: Token[]): { first: number; last: number; start: number; end: number; value: number; qualifier: Qualifier }[] {
  const out: { first: number; last: number; start: number; end: number; value: number; qualifier: Qualifier }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const n = readNumberAt(tokens, i);
    if (!n) continue;
    out.push({ first: n.first, last: n.last, start: n.start, end: n.end, value: n.value, qualifier: n.qualifier });
    i = n.last - 1;
  }
  return out;
}

/** The reader's quantities of a sentence read on its own (no names needed). */
export function quantitiesOf(tokens: Token[]): Figure[] {
  return figuresOf(readQuantities(tokens), 0);
}
