// A hand-written scanner (one pass, no backtracking) that cuts a sentence into tokens.
// Hyphens split words into pieces marked `joined`, so "al-Sham" is two pieces that
// still know they belong together, and "al-Nasiri" never contains the piece "nasir".
import { foldPiece } from "./normalize";

// Patterns made once: a regex literal inside a function is a new RegExp object at every evaluation.
const LETTER_OR_MARK = /[\p{L}\p{M}]/u;
const UNICODE_SPACE = /\s/;
const ORDINAL_SUFFIX = /^(st|nd|rd|th|s)$/;
const COMMAS = /,/g;
const DOTTED_LETTERS = /^(\p{L}\.)+\p{L}$/u;
const CAPITAL = /\p{Lu}/u;
const NOT_LETTERS = /[^\p{L}]/gu;
const DOTS = /\./g;

export interface Token {
  start: number;
  end: number;
  raw: string;
  /** Lowercase, no diacritics, apostrophes or dots: the form names are matched on. */
  norm: string;
  kind: "word" | "number" | "punct";
  /** First letter is a capital. */
  cap: boolean;
  /** Two or more letters, all capitals (an acronym such as HTS). */
  upper: boolean;
  /** Attached to the previous token by a hyphen. */
  joined: boolean;
  /** For numbers, the value ("3,000" → 3000). */
  value?: number;
}

// Character tests on code units (charCodeAt is NaN past the end, which no test accepts).
// ASCII first: the Unicode property test is only needed past it, and this runs for every character.
const isLetterAt = (text: string, i: number): boolean => {
  const code = text.charCodeAt(i);
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  return code === code && LETTER_OR_MARK.test(text[i]);
};
const isDigitAt = (text: string, i: number): boolean => {
  const code = text.charCodeAt(i);
  return code >= 48 && code <= 57;
};
const isSpaceAt = (text: string, i: number): boolean => {
  const code = text.charCodeAt(i);
  return code === 32 || (code >= 9 && code <= 13) || (code >= 128 && UNICODE_SPACE.test(text[i]));
};
const isApostropheAt = (text: string, i: number): boolean => {
  const code = text.charCodeAt(i);
  return code === 39 || code === 0x2019 || code === 0x02bc;
};
const isHyphenAt = (text: string, i: number): boolean => {
  const code = text.charCodeAt(i);
  return code === 45 || code === 0x2010 || code === 0x2011;
};
const isAsciiLetterOrDigit = (code: number): boolean => (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);

/** Two or more capitals and no small letter, for a capitalized word of plain ASCII (the scan `upper` needs otherwise). */
function isPlainAcronym(raw: string): boolean {
  let capitals = 0;
  for (let k = 0; k < raw.length; k++) {
    const code = raw.charCodeAt(k);
    if (code >= 97 && code <= 122) return false;
    if (code >= 65 && code <= 90) capitals++;
  }
  return capitals >= 2;
}

/**
 * One string per distinct word form. Readings keep every sentence's words for as long as they
 * are cached: shared forms keep that to one string per word of the vocabulary, not one per use.
 * Only sequential strings go in (a short slice is a copy, toLowerCase makes a new string), never a
 * slice that would keep a whole block alive; the table is emptied when it grows past a vocabulary.
 */
const forms = new Map<string, string>();
const MAX_FORMS = 100_000;

function shared(form: string): string {
  const known = forms.get(form);
  if (known !== undefined) return known;
  if (forms.size >= MAX_FORMS) forms.clear();
  forms.set(form, form);
  return form;
}

/** V8 copies slices shorter than this; a longer one points into its parent string. */
const COPIED_SLICE = 13;

// Every token is built with the same fields in the same order (value undefined but for numbers),
// so the readers that walk them all see one object shape.
export function tokenize(text: string, offset = 0): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  let hyphenPending = false;
  while (i < n) {
    if (isSpaceAt(text, i)) {
      hyphenPending = false;
      i++;
      continue;
    }
    const start = i;
    if (isDigitAt(text, i)) {
      while (i < n) {
        const code = text.charCodeAt(i);
        if ((code >= 48 && code <= 57) || ((code === 44 || code === 46) && isDigitAt(text, i + 1))) i++;
        else break;
      }
      const digits = text.slice(start, i);
      // "13th", "1990s": a number with a letter suffix is a word-like number.
      let end = i;
      while (end < n && isLetterAt(text, end) && end - i < 3) end++;
      const suffix = end > i ? text.slice(i, end).toLowerCase() : "";
      const isOrdinal = suffix !== "" && ORDINAL_SUFFIX.test(suffix) && !isLetterAt(text, end);
      if (isOrdinal) i = end;
      const value = Number(digits.includes(",") ? digits.replace(COMMAS, "") : digits);
      const raw = isOrdinal ? text.slice(start, i) : digits;
      const lower = isOrdinal ? raw.toLowerCase() : raw;
      tokens.push({
        start: start + offset,
        end: i + offset,
        raw,
        norm: lower.includes(",") ? lower.replace(COMMAS, "") : lower,
        kind: isOrdinal && suffix !== "s" ? "word" : "number",
        cap: false,
        upper: false,
        joined: hyphenPending,
        value: isOrdinal && suffix !== "s" ? undefined : value,
      });
      hyphenPending = isHyphenAt(text, i) && (isLetterAt(text, i + 1) || isDigitAt(text, i + 1));
      if (hyphenPending) i++;
      continue;
    }
    if (isLetterAt(text, i)) {
      // Whether every character taken is one of [A-Za-z0-9.], the common case that needs no folding.
      let plain = true;
      let capitals = false;
      while (i < n) {
        const code = text.charCodeAt(i);
        if (code < 128 ? isAsciiLetterOrDigit(code) : isLetterAt(text, i)) {
          if (code >= 128) plain = false;
          else if (code >= 65 && code <= 90) capitals = true;
          i++;
        } else if (isApostropheAt(text, i) && isLetterAt(text, i + 1)) {
          // A possessive 's ends the word; other apostrophes (Hay’et, O'Brien) stay inside it.
          if ((text[i + 1] === "s" || text[i + 1] === "S") && !isLetterAt(text, i + 2)) break;
          plain = false;
          i++;
        } else if (code === 46 && isLetterAt(text, i + 1) && text[i + 2] === "." && i - start <= 2) {
          const letter = text.charCodeAt(i + 1);
          if (letter >= 128) plain = false;
          else if (letter <= 90) capitals = true;
          i += 2; // U.S., U.N.: single letters joined by dots
        } else break;
      }
      // Keep the final dot of an acronym such as U.S.
      if (text[i] === "." && DOTTED_LETTERS.test(text.slice(start, i))) i++;
      const raw = text.slice(start, i);
      const first = raw.charCodeAt(0);
      const cap = first < 128 ? first >= 65 && first <= 90 : CAPITAL.test(raw[0]);
      let folded: string;
      let upper: boolean;
      // Whether the folded form is a string of its own, not a slice into the text (see `shared`).
      let ownString: boolean;
      if (plain) {
        // What foldPiece and the Unicode scan below give for plain ASCII, without them (and a
        // short word without capitals is its own lowercase form: no copy of it is made).
        ownString = capitals || raw.length >= COPIED_SLICE;
        folded = ownString ? raw.toLowerCase() : raw;
        upper = cap && isPlainAcronym(raw);
      } else {
        // Only a capitalized word can be all capitals; most words are spared the Unicode scan.
        const letters = cap && raw.length >= 2 ? raw.replace(NOT_LETTERS, "") : "";
        folded = foldPiece(raw);
        // A fold that changed nothing may have returned the slice itself.
        ownString = folded !== raw;
        upper = letters.length >= 2 && letters === letters.toUpperCase() && CAPITAL.test(letters);
      }
      tokens.push({
        start: start + offset,
        end: i + offset,
        raw,
        norm: folded.includes(".") ? shared(folded.replace(DOTS, "")) : ownString || raw.length < COPIED_SLICE ? shared(folded) : folded,
        kind: "word",
        cap,
        upper,
        joined: hyphenPending,
        value: undefined,
      });
      if (isApostropheAt(text, i) && (text[i + 1] === "s" || text[i + 1] === "S") && !isLetterAt(text, i + 2)) i += 2;
      hyphenPending = isHyphenAt(text, i) && (isLetterAt(text, i + 1) || isDigitAt(text, i + 1));
      if (hyphenPending) i++;
      continue;
    }
    hyphenPending = false;
    const c = text[i];
    i++;
    tokens.push({ start: start + offset, end: i + offset, raw: c, norm: c, kind: "punct", cap: false, upper: false, joined: false, value: undefined });
  }
  return tokens;
}
