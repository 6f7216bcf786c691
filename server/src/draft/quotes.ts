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
  const text = sentence.text.replace(/\s+$/, "");
  const trimEnd = (s: string): string => s.replace(/[\s,;:]+$/, "").replace(/^[\s,;:]+/, "");
  if (wordCount(text) <= WHOLE) return trimEnd(stripOuterQuote(text));
  const from = Math.max(0, start - sentence.start);
  const to = Math.min(text.length, end - sentence.start);
  const breaks: number[] = [];
  for (const m of text.matchAll(/[;:—–]\s|,\s(?=(?:and|but|while|which|who|where|when|with|after|before|as|though|although|according|said|says)\b)|,\s/g)) breaks.push(m.index!);
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
  return trimEnd(stripOuterQuote(clause));
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
