// The drafter's one door to the claim reader (../claims): every other module of the drafting
// pipeline reads an article through this adapter, so that switching to a new reader is a change
// here only. The reader gives every figure with its unit, kind, counted noun and the words around
// it (claims/figures.ts), the dates, places, offices and actors of a sentence once the article's
// names are known; what a figure counts in the facts' words drafting decides itself (figures.ts).
// Names not in any fact base are found by entities.ts.
import { makeReaderContext, readBlock, SentenceReading } from "../claims/reader";
import { DateMention, readDates } from "../claims/dates";
import { Figure as ReaderFigure, readFigures } from "../claims/figures";
import { PlaceClaim } from "../claims/places";
import { FactBase, Qualifier } from "../facts/model";
import { NameIndex } from "../facts/nameIndex";
import { splitBlocks, splitSentences } from "../text/blocks";
import { Token, tokenize } from "../text/tokens";
import { Unit, vocabulary } from "../vocabulary";

export type { Token, Qualifier, DateMention, PlaceClaim, Unit };
export { vocabulary };

/** The days of the week from Sunday, as Date.getUTCDay() counts them. */
export const WEEKDAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;

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

/** A figure as the reader gives it, its offsets moved into the article. */
export type Figure = ReaderFigure;

export interface Mention {
  entityId: string;
  start: number;
  end: number;
  /** Token indexes of the name within its sentence. */
  first: number;
  last: number;
}

/** An office the sentence gives a person, with the body it is of when one is named. */
export interface RoleFound {
  person: string;
  org?: string;
  /** The office words, lowercase ("chief executive"). */
  title: string;
  /** From the first of person, office and body to the last. */
  start: number;
  end: number;
}

/** What the reader finds in a sentence once the article's names are known. */
export interface Reading {
  sentence: Sentence;
  mentions: Mention[];
  figures: Figure[];
  dates: DateMention[];
  places: PlaceClaim[];
  roles: RoleFound[];
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
      const mentions = r.mentions.map((m) => ({ entityId: m.entityId, start: m.start + shift, end: m.end + shift, first: m.first, last: m.last }));
      out.push({
        sentence: { start, end, text: text.slice(start, end), block: b, index: k, tokens },
        mentions,
        figures: r.figures.map((f) => moved(f, shift)),
        dates: readDates(tokens),
        places: r.places.map((p) => ({ ...p, start: p.start + shift, end: p.end + shift })),
        roles: r.roles.map((x) => {
          const spans = [x.person.start, x.person.end, x.titleStart, x.titleEnd, ...(x.org ? [x.org.start, x.org.end] : [])];
          return { person: x.person.entityId, org: x.org?.entityId, title: x.title.join(" "), start: Math.min(...spans) + shift, end: Math.max(...spans) + shift };
        }),
        actors: r.actors.filter((a) => !a.byCountry).map((a) => a.actor.entityId),
      });
    });
  });
  return out;
}

/** The figures of a piece of text read on its own (a quote), offsets from the text's start. */
export function figuresIn(text: string): { tokens: Token[]; figures: Figure[] } {
  const tokens = tokenize(text);
  const dates = readDates(tokens);
  const inDate = dates.length ? (i: number): boolean => dates.some((d) => d.first <= i && i < d.last) : undefined;
  return { tokens, figures: readFigures(tokens, inDate) };
}

function moved(f: ReaderFigure, shift: number): Figure {
  return { ...f, start: f.start + shift, end: f.end + shift, unitEnd: f.unitEnd === undefined ? undefined : f.unitEnd + shift };
}
