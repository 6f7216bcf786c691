// A hand-written scanner (one pass, no backtracking) that cuts a sentence into tokens.
// Hyphens split words into pieces marked `joined`, so "al-Sham" is two pieces that
// still know they belong together, and "al-Baghdadi" never contains the piece "baghdad".
import { foldPiece } from "./normalize";

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

// ASCII first: the Unicode property test is only needed past it, and this runs for every character.
const isLetter = (c: string | undefined): boolean => {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  return /[\p{L}\p{M}]/u.test(c);
};
const isSpace = (c: string): boolean => {
  const code = c.charCodeAt(0);
  return code === 32 || (code >= 9 && code <= 13) || (code >= 128 && /\s/.test(c));
};
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= "0" && c <= "9";
const isApostrophe = (c: string | undefined): boolean => c === "'" || c === "\u2019" || c === "\u02bc";
const isHyphen = (c: string | undefined): boolean => c === "-" || c === "\u2010" || c === "\u2011";

export function tokenize(text: string, offset = 0): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  let hyphenPending = false;
  while (i < n) {
    const c = text[i];
    if (isSpace(c)) {
      hyphenPending = false;
      i++;
      continue;
    }
    const start = i;
    if (isDigit(c)) {
      while (i < n && (isDigit(text[i]) || ((text[i] === "," || text[i] === ".") && isDigit(text[i + 1])))) i++;
      const raw = text.slice(start, i);
      // "13th", "1990s": a number with a letter suffix is a word-like number.
      let end = i;
      while (end < n && isLetter(text[end]) && end - i < 3) end++;
      const suffix = text.slice(i, end).toLowerCase();
      const isOrdinal = /^(st|nd|rd|th|s)$/.test(suffix) && !isLetter(text[end]);
      if (isOrdinal) i = end;
      const value = Number(raw.replace(/,/g, ""));
      tokens.push({
        start: start + offset,
        end: i + offset,
        raw: text.slice(start, i),
        norm: text.slice(start, i).toLowerCase().replace(/,/g, ""),
        kind: isOrdinal && suffix !== "s" ? "word" : "number",
        cap: false,
        upper: false,
        joined: hyphenPending,
        value: isOrdinal && suffix !== "s" ? undefined : value,
      });
      hyphenPending = isHyphen(text[i]) && (isLetter(text[i + 1]) || isDigit(text[i + 1]));
      if (hyphenPending) i++;
      continue;
    }
    if (isLetter(c)) {
      while (i < n) {
        if (isLetter(text[i]) || isDigit(text[i])) i++;
        else if (isApostrophe(text[i]) && isLetter(text[i + 1])) {
          // A possessive 's ends the word; other apostrophes (Hay’et, O'Brien) stay inside it.
          if ((text[i + 1] === "s" || text[i + 1] === "S") && !isLetter(text[i + 2])) break;
          i++;
        } else if (text[i] === "." && isLetter(text[i + 1]) && text[i + 2] === "." && i - start <= 2) {
          i += 2; // U.S., U.N.: single letters joined by dots
        } else break;
      }
      // Keep the final dot of an acronym such as U.S.
      if (text[i] === "." && /^(\p{L}\.)+\p{L}$/u.test(text.slice(start, i))) i++;
      const raw = text.slice(start, i);
      const first = raw.charCodeAt(0);
      const cap = first < 128 ? first >= 65 && first <= 90 : /\p{Lu}/u.test(raw[0]);
      // Only a capitalized word can be all capitals; most words are spared the Unicode scan.
      const letters = cap && raw.length >= 2 ? raw.replace(/[^\p{L}]/gu, "") : "";
      const folded = foldPiece(raw);
      tokens.push({
        start: start + offset,
        end: i + offset,
        raw,
        norm: folded.includes(".") ? folded.replace(/\./g, "") : folded,
        kind: "word",
        cap,
        upper: letters.length >= 2 && letters === letters.toUpperCase() && /\p{Lu}/u.test(letters),
        joined: hyphenPending,
      });
      if (isApostrophe(text[i]) && (text[i + 1] === "s" || text[i + 1] === "S") && !isLetter(text[i + 2])) i += 2;
      hyphenPending = isHyphen(text[i]) && (isLetter(text[i + 1]) || isDigit(text[i + 1]));
      if (hyphenPending) i++;
      continue;
    }
    hyphenPending = false;
    i++;
    tokens.push({ start: start + offset, end: i + offset, raw: c, norm: c, kind: "punct", cap: false, upper: false, joined: false });
  }
  return tokens;
}
