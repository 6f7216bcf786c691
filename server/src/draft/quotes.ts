// Choosing the words a drafted fact quotes: the clause of the sentence that holds the value,
// copied exactly from the article, and checked to be in it before anything cites it.
import { normalizeQuoteText, quoteInText } from "../facts/quotes";
import { Sentence } from "./reading";

/** Sentences up to this many words are quoted whole. */
const WHOLE = 32;
/** A clause is widened to at least this many words, so the quote says what the value is. */
const MIN_WORDS = 6;

const wordCount = (s: string): number => s.split(/\s+/).filter(Boolean).length;

/**
 * The clause of `sentence` around [start, end): the whole sentence when short, else the part
 * between the nearest clause breaks (; : — or a comma before a new clause), widened to a few words.
 */
export function clauseAround(sentence: Sentence, start: number, end: number): string {
  const full = sentence.text.replace(/\s+$/, "");
  // The part of the sentence between hard breaks (; : —) that holds the span: "In 1974 a quake … left
  // more than 1,400 dead; the 2008 earthquake … killed almost 70,000" is two clauses, each with its figure.
  let lo = 0;
  let hi = full.length;
  for (const m of full.matchAll(/\s?[;:—–]\s|\s[-–—]{1,2}\s/g)) {
    const k = m.index!;
    if (k + m[0].length <= start - sentence.start) lo = k + m[0].length;
    else if (k >= end - sentence.start) {
      hi = k;
      break;
    }
  }
  let text = full.slice(lo, hi);
  const offset = lo;
  // A hard clause too short to say what the value is: the whole sentence.
  if (wordCount(text) < MIN_WORDS) {
    text = full;
    return wordCount(text) <= WHOLE ? trim(text) : commaClause(text, start - sentence.start, end - sentence.start);
  }
  if (wordCount(text) <= WHOLE) return trim(text);
  return commaClause(text, start - sentence.start - offset, end - sentence.start - offset);
}

const trim = (s: string): string => stripOuterQuote(s.replace(/[\s,;:]+$/, "").replace(/^[\s,;:]+/, ""));

/** The part of a long clause between the nearest commas that open a new clause, widened to a few words. */
function commaClause(text: string, from: number, to: number): string {
  return trim(between(text, from, to, /[;:—–]\s|,\s/g));
}

/** The text between the nearest breaks either side of [from, to), widened by whole pieces to a few words. */
function between(text: string, from: number, to: number, breakAt: RegExp): string {
  const breaks: number[] = [];
  for (const m of text.matchAll(breakAt)) breaks.push(m.index!);
  let a = 0;
  let b = text.length;
  for (const k of breaks) {
    if (k < from) a = k + 1;
    else if (k >= to) {
      b = k;
      break;
    }
  }
  // Widen by whole clauses until the quote says enough.
  let clause = text.slice(a, b);
  while (wordCount(clause) < MIN_WORDS && (a > 0 || b < text.length)) {
    const before = breaks.filter((k) => k < a - 1).pop();
    const after = breaks.find((k) => k > b);
    if (a > 0) a = before !== undefined ? before + 1 : 0;
    else b = after ?? text.length;
    clause = text.slice(a, b);
  }
  return clause;
}

/**
 * The clause holding a value at [start, end): the clause of clauseAround, cut at "and" or a comma that
 * stands between this figure and the one before (ending at `prevEnd`) or after (starting at `nextStart`).
 */
export function valueClause(sentence: Sentence, start: number, end: number, prevEnd?: number, nextStart?: number): string {
  const clause = clauseAround(sentence, start, end);
  if (prevEnd === undefined && nextStart === undefined) return clause;
  const at = sentence.text.indexOf(clause);
  if (at < 0) return clause;
  const base = sentence.start + at;
  const from = start - base;
  const to = end - base;
  const lo = prevEnd !== undefined ? prevEnd - base : -1;
  const hi = nextStart !== undefined ? nextStart - base : Infinity;
  let a = 0;
  let b = clause.length;
  for (const m of clause.matchAll(/,\s+and\s|\s+and\s|,\s/g)) {
    const k = m.index!;
    if (k >= lo && k + m[0].length <= from) a = k + m[0].length;
    else if (k >= to && k < hi && b === clause.length) b = k;
  }
  const cut = trim(clause.slice(a, b));
  return wordCount(cut) >= 3 ? cut : clause;
}

/**
 * The clause of `sentence` around [start, end) cut at commas too: the words of a date or a place
 * and of what it says happened there and then, widened by whole clauses to a few words.
 */
export function tightClause(sentence: Sentence, start: number, end: number): string {
  const text = sentence.text.replace(/\s+$/, "");
  const clause = between(text, Math.max(0, start - sentence.start), Math.min(text.length, end - sentence.start), /[;:—–]\s|,\s|\s[-–—]{1,2}\s/g);
  return stripOuterQuote(clause.replace(/[\s,;:]+$/, "").replace(/^[\s,;:\-–—]+/, ""));
}

/** A quote mark opening or closing the quote, unmatched inside it, is not needed (the checker ignores quote marks). */
function stripOuterQuote(s: string): string {
  return s.replace(/^[\s"“”'‘’]+/, "").replace(/[\s"“”'‘’]+$/, "").trim();
}

/** Checks quotes against an article's own text as the loader will. */
export class QuoteCheck {
  private normalized: string;
  constructor(raw: string) {
    this.normalized = normalizeQuoteText(raw);
  }
  has(quote: string): boolean {
    return quote.trim().length > 0 && quoteInText(quote, this.normalized);
  }
}
