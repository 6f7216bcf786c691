// Splits prose into blocks (paragraphs, headings, list items) and sentences.
// Blocks are the unit of caching: an edit re-reads only the block it touched.

// Patterns made once: a regex literal inside a function is a new RegExp object at every evaluation.
const SPACE = /\s/;
const TABLE_SEPARATOR = /^[\s|:-]+$/;
const HEADING = /^[ \t]{0,3}#{1,6}\s/;
const CLOSING_MARK = /["'”’)\]»]/;
const SENTENCE_OPENER = /[\p{Lu}\d"'“‘(\[]/u;
const LINE_OPENS_ITEM = /^(#{1,6}\s|[-*+]\s|\d{1,9}[.)]\s|>)/;
const LETTER_OR_DOT = /[\p{L}.]/u;
const ONE_CAPITAL = /^\p{Lu}$/u;
const DOTTED_LETTERS = /^(\p{L}\.)+\p{L}$/u;

export interface Block {
  start: number;
  end: number;
  text: string;
}

export interface Span {
  start: number;
  end: number;
}

const TABLE_ROW = /^\s*\|.*\|\s*$/;
const LIST_OR_HEADING = /^[ \t]{0,3}(#{1,6}\s|[-*+]\s|\d{1,9}[.)]\s|>)/;

/** Blocks separated by blank lines; headings and list items start blocks of their own. */
export function splitBlocks(prose: string): Block[] {
  const blocks: Block[] = [];
  let start = -1;
  let pos = 0;
  const n = prose.length;
  const close = (end: number): void => {
    if (start >= 0) {
      let e = end;
      while (e > start && SPACE.test(prose[e - 1])) e--;
      if (e > start) blocks.push({ start, end: e, text: prose.slice(start, e) });
    }
    start = -1;
  };
  while (pos <= n) {
    let lineEnd = prose.indexOf("\n", pos);
    if (lineEnd < 0) lineEnd = n;
    const line = prose.slice(pos, lineEnd);
    if (line.trim() === "") close(pos);
    else {
      const tableRow = TABLE_ROW.test(line);
      if (LIST_OR_HEADING.test(line) || tableRow) close(pos);
      // A table's separator row holds no prose.
      if (tableRow && TABLE_SEPARATOR.test(line)) {
        pos = lineEnd + 1;
        continue;
      }
      if (start < 0) start = pos + (line.length - line.trimStart().length);
      // A heading, and each row of a table, is a block on its own line.
      if (HEADING.test(line) || tableRow) close(lineEnd);
    }
    pos = lineEnd + 1;
  }
  close(n);
  return blocks;
}

const ABBREVIATIONS = new Set([
  "mr", "mrs", "ms", "dr", "prof", "st", "gen", "col", "lt", "sgt", "maj", "capt", "cpt", "cmdr", "adm", "gov", "sen",
  "rep", "rev", "jr", "sr", "no", "vs", "etc", "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr", "jun", "jul",
  "aug", "sep", "sept", "oct", "nov", "dec", "approx", "est", "fig", "e.g", "i.e", "u.s", "u.k", "u.n", "a.m", "p.m",
]);

/** Sentences of a block, as offsets into the block's text. */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  let start = skipSpace(text, 0);
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text[i];
    let boundary = -1; // the offset where the next sentence starts
    if (c === "." || c === "!" || c === "?") {
      let j = i + 1;
      while (j < n && CLOSING_MARK.test(text[j])) j++;
      if (j >= n) continue;
      if (!SPACE.test(text[j])) continue;
      const k = skipSpace(text, j);
      if (k >= n) continue;
      if (c === "." && isAbbreviation(text, i)) continue;
      // The next sentence begins with a capital, a digit or an opening quote.
      if (SENTENCE_OPENER.test(text[k])) boundary = k;
    } else if (c === "\n") {
      // A line break ends a sentence after end punctuation or a line without any (a title).
      const k = skipSpace(text, i + 1);
      if (k < n && LINE_OPENS_ITEM.test(text.slice(k, k + 12))) boundary = k;
    }
    if (boundary > 0) {
      const end = trimEnd(text, start, i + 1);
      if (end > start) spans.push({ start, end });
      start = boundary;
      i = boundary - 1;
    }
  }
  const end = trimEnd(text, start, n);
  if (end > start) spans.push({ start, end });
  return spans;
}

function isAbbreviation(text: string, dot: number): boolean {
  let s = dot;
  while (s > 0 && dot - s < 12 && LETTER_OR_DOT.test(text[s - 1])) s--;
  const word = text.slice(s, dot).toLowerCase();
  if (ABBREVIATIONS.has(word)) return true;
  // A single capital letter is an initial ("John F. Kennedy"); "U.S." style acronyms.
  if (ONE_CAPITAL.test(text.slice(s, dot))) return true;
  if (DOTTED_LETTERS.test(text.slice(s, dot))) {
    // "U.S." ends a sentence only when a plainly new sentence follows; keep it inside.
    return true;
  }
  return false;
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && SPACE.test(text[i])) i++;
  return i;
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && SPACE.test(text[end - 1])) end--;
  return end;
}
