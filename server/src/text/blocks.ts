// Splits prose into blocks (paragraphs, headings, list items) and sentences.
// Blocks are the unit of caching: an edit re-reads only the block it touched.

// Patterns made once: a regex literal inside a function is a new RegExp object at every evaluation.
const SPACE = /\s/;
const TABLE_SEPARATOR = /^[\s|:-]+$/;
const HEADING = /^[ \t]{0,3}#{1,6}\s/;
/** What may close a sentence after its end punctuation: quotes, brackets, Markdown emphasis ("**Lead.** Next"). */
const CLOSING_MARK = /["'”’)\]»*_]/;
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
  /**
   * Set on a window of an over-long sentence: the part of the span whose claims are the
   * window's own. The rest of the span is context shared with the neighbouring windows, read so
   * that a claim at the cut is seen whole, and reported by the window that owns its start.
   */
  own?: { start: number; end: number };
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

/**
 * Sentences of a block, as offsets into the block's text. A sentence past a sane length
 * (`MAX_SENTENCE_WORDS` words or `MAX_SENTENCE_CHARS` characters: pasted text without
 * punctuation, a flattened table, a log) comes as bounded, overlapping windows (see `windows`).
 */
export function splitSentences(text: string): Span[] {
  return Array.from(sentenceSpans(text));
}

/** The sentences of `splitSentences`, one at a time: a long block's are found as they are needed. */
export function* sentenceSpans(text: string): Generator<Span> {
  function* spansOf(start: number, end: number): Generator<Span> {
    if (end <= start) return;
    if (end - start <= MAX_SENTENCE_WORDS || !isOverlong(text, start, end)) yield { start, end };
    else yield* windows(text, start, end);
  }
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
      yield* spansOf(start, trimEnd(text, start, i + 1));
      start = boundary;
      i = boundary - 1;
    }
  }
  yield* spansOf(start, trimEnd(text, start, n));
}

// ------------------------------------------------------------------ windows

/** A sentence longer than this (in words, or in characters) is read in windows. */
export const MAX_SENTENCE_WORDS = 120;
export const MAX_SENTENCE_CHARS = 1_500;
/** What a window owns at most: about a long sentence's worth. */
const WINDOW_WORDS = 80;
const WINDOW_CHARS = 1_000;
/** Context read on each side of a window's own part, so a claim cut in two is still read whole. */
const CONTEXT_WORDS = 12;
const CONTEXT_CHARS = 200;
// WINDOW + 2 × CONTEXT stays within MAX_SENTENCE: a window read on its own is one sentence, not cut again.

/** Words that open a clause: a window is cut before one when no punctuation offers a cut. */
const CONJUNCTIONS = new Set(["and", "but", "or", "while", "whereas", "because", "although", "though", "which", "who", "after", "before", "when", "as", "then", "so", "yet", "nor"]);

const isSpaceCode = (c: number): boolean => c === 32 || (c >= 9 && c <= 13) || (c >= 128 && SPACE.test(String.fromCharCode(c)));

/** Whether [start, end) holds more words or characters than a sentence may; stops counting once it knows. */
function isOverlong(text: string, start: number, end: number): boolean {
  if (end - start > MAX_SENTENCE_CHARS) return true;
  let words = 0;
  let inWord = false;
  for (let i = start; i < end; i++) {
    const space = isSpaceCode(text.charCodeAt(i));
    if (!space && !inWord && ++words > MAX_SENTENCE_WORDS) return true;
    inWord = !space;
  }
  return false;
}

/**
 * An over-long sentence [start, end) cut into windows. Each window owns a run of at most
 * WINDOW_WORDS words and WINDOW_CHARS characters, cut at the last clause boundary in the second
 * half of that run — after ";", else ":", else ",", else before a conjunction, else at a space,
 * else (no space at all) at the character limit — and reads CONTEXT_WORDS words (at most
 * CONTEXT_CHARS characters) on each side besides. The owned parts follow each other without
 * gaps but for the spaces at the cuts; the work per window is bounded, so a sentence of any
 * length is read in time linear in its length, and a cut sits where text that is the same
 * before an edit stays the same after it (the windows after an edit are cut as before).
 */
export function* windows(text: string, start: number, end: number): Generator<Span> {
  let own = start;
  while (own < end) {
    // The end of the run this window may own.
    let limit = own;
    let words = 0;
    let inWord = false;
    while (limit < end && limit - own < WINDOW_CHARS) {
      const space = isSpaceCode(text.charCodeAt(limit));
      if (!space && !inWord && ++words > WINDOW_WORDS) break;
      inWord = !space;
      limit++;
    }
    let cut = limit >= end ? end : bestCut(text, own, limit);
    if (cut <= own) cut = limit; // never an empty window
    const ownEnd = trimEnd(text, own, cut);
    const readStart = contextBefore(text, own, start);
    const readEnd = contextAfter(text, ownEnd, end);
    if (ownEnd > own) yield { start: readStart, end: readEnd, own: { start: own, end: ownEnd } };
    own = skipSpace(text, cut);
  }
}

/** Where to cut a run [from, limit): the best clause boundary in its second half. */
function bestCut(text: string, from: number, limit: number): number {
  const floor = from + Math.floor((limit - from) / 2);
  let comma = -1;
  let colon = -1;
  let conjunction = -1;
  let space = -1;
  for (let i = limit; i > floor; i--) {
    const c = text.charCodeAt(i - 1);
    if (c === 59 /* ; */) return i;
    if (c === 58 /* : */ && colon < 0) colon = i;
    else if (c === 44 /* , */ && comma < 0) comma = i;
    else if (isSpaceCode(c) && i < limit) {
      if (space < 0) space = i;
      if (conjunction < 0 && CONJUNCTIONS.has(wordAt(text, i, limit))) conjunction = i;
    }
  }
  if (colon >= 0) return colon;
  if (comma >= 0) return comma;
  if (conjunction >= 0) return conjunction;
  if (space >= 0) return space;
  // No space at all: a hard cut, never between the halves of a surrogate pair.
  const c = text.charCodeAt(limit - 1);
  return c >= 0xd800 && c <= 0xdbff && limit - 1 > from ? limit - 1 : limit;
}

/** The lowercase word starting at i (up to 8 letters, enough for any conjunction). */
function wordAt(text: string, i: number, limit: number): string {
  let j = i;
  while (j < limit && j - i <= 8 && !isSpaceCode(text.charCodeAt(j))) j++;
  return j - i > 8 ? "" : text.slice(i, j).toLowerCase();
}

/** Where a window's reading starts: CONTEXT_WORDS words before its own part, at a word's start. */
function contextBefore(text: string, own: number, floor: number): number {
  let i = own;
  let words = 0;
  const stop = Math.max(floor, own - CONTEXT_CHARS);
  while (i > stop) {
    // Step back over spaces, then over a word.
    let j = i;
    while (j > stop && isSpaceCode(text.charCodeAt(j - 1))) j--;
    let k = j;
    while (k > stop && !isSpaceCode(text.charCodeAt(k - 1))) k--;
    if (k === j) break;
    // A word cut by the character limit is left out, unless it is the sentence's first.
    if (k === stop && k > floor && !isSpaceCode(text.charCodeAt(k - 1))) break;
    i = k;
    if (++words >= CONTEXT_WORDS) break;
  }
  return i;
}

/** Where a window's reading ends: CONTEXT_WORDS words after its own part, at a word's end. */
function contextAfter(text: string, ownEnd: number, ceiling: number): number {
  let i = ownEnd;
  let words = 0;
  const stop = Math.min(ceiling, ownEnd + CONTEXT_CHARS);
  while (i < stop) {
    let j = i;
    while (j < stop && isSpaceCode(text.charCodeAt(j))) j++;
    let k = j;
    while (k < stop && !isSpaceCode(text.charCodeAt(k))) k++;
    if (k === j) break;
    if (k === stop && k < ceiling && !isSpaceCode(text.charCodeAt(k))) break;
    i = k;
    if (++words >= CONTEXT_WORDS) break;
  }
  return i;
}

// ------------------------------------------------------------------ segments

/** A paragraph up to this length is read and compared whole, as one segment. */
export const MAX_SEGMENT_CHARS = 8_000;
/** A long paragraph is cut into segments of at least this length, where a sentence's text says so. */
const MIN_SEGMENT_CHARS = 2_000;

/**
 * The pieces of a block the checker reads, caches and compares one at a time, each of bounded
 * size: the whole block when it is short (nearly every paragraph); else runs of its sentences,
 * and each window of an over-long sentence on its own. `own` (offsets in the segment's text)
 * is the part whose findings the segment reports, when it reads context beyond it.
 * A long paragraph is cut after a sentence chosen by its own text (a hash), not by a running
 * count, so an edit in one sentence leaves the other segments as they were: cached.
 */
export interface Segment {
  /** Offset of the segment in the block's text. */
  start: number;
  text: string;
  own?: { start: number; end: number };
}

export function splitSegments(blockText: string): Segment[] {
  return Array.from(segmentsOf(blockText));
}

/** The segments of `splitSegments`, one at a time: a long block's are cut as they are needed. */
export function* segmentsOf(blockText: string): Generator<Segment> {
  // Nearly every paragraph: too short for any of its sentences to be over-long.
  if (!isOverlong(blockText, 0, blockText.length)) {
    yield { start: 0, text: blockText };
    return;
  }
  if (blockText.length <= MAX_SEGMENT_CHARS) {
    const spans = splitSentences(blockText);
    if (!spans.some((s) => s.own)) {
      yield { start: 0, text: blockText };
      return;
    }
  }
  let runStart = -1;
  let runEnd = -1;
  for (const span of sentenceSpans(blockText)) {
    if (span.own) {
      if (runStart >= 0) yield { start: runStart, text: blockText.slice(runStart, runEnd) };
      runStart = -1;
      yield { start: span.start, text: blockText.slice(span.start, span.end), own: { start: span.own.start - span.start, end: span.own.end - span.start } };
      continue;
    }
    if (runStart >= 0 && span.end - runStart > MAX_SEGMENT_CHARS) {
      yield { start: runStart, text: blockText.slice(runStart, runEnd) };
      runStart = -1;
    }
    if (runStart < 0) runStart = span.start;
    runEnd = span.end;
    if (runEnd - runStart >= MIN_SEGMENT_CHARS && (hashOf(blockText, span.start, span.end) & 3) === 0) {
      yield { start: runStart, text: blockText.slice(runStart, runEnd) };
      runStart = -1;
    }
  }
  if (runStart >= 0) yield { start: runStart, text: blockText.slice(runStart, runEnd) };
}

/** FNV-1a over a span's code units. */
function hashOf(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
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
