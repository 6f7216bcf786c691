// Finds the names in a sentence: exact mentions of known entities (by any recorded
// spelling), near spellings of them, and "Mr X" references to be resolved against
// the people the document has already named.
import { slipDistance } from "../text/editDistance";
import { NameEntry, NameIndex, PARTICLES } from "../facts/nameIndex";
import { Token } from "../text/tokens";
import { vocabulary as V } from "../vocabulary";

const HONORIFICS = V.honorifics;
const NOT_NAMES = V.notNames;

/** A word English gives a meaning of its own (a month, a weekday, a number, a unit, an office, a level of place) is that word, never a misspelled name ("March" is no slip of "Marsh"). */
function isCommonWord(norm: string): boolean {
  return V.months.has(norm) || V.weekdays.has(norm) || V.numberWords.has(norm) || V.ordinals.has(norm) || V.unitNames.has(norm) || V.offices.has(norm) || V.levelOfNoun.has(norm) || V.compass.has(norm);
}

// Patterns made once: a regex literal inside a function is a new RegExp object at every evaluation.
const DOTS = /\./g;
const DESCRIBING_SUFFIX = /^(led|based|backed|linked|run|held|controlled|dominated|born|affiliated)$/;

export interface Mention {
  entityId: string;
  start: number;
  end: number;
  first: number;
  last: number;
  written: string;
}

export interface Suspect {
  entityId: string;
  /** The part written wrong: what the diagnostic underlines. */
  start: number;
  end: number;
  /** The whole name as written, replaced by the fix. */
  nameStart: number;
  nameEnd: number;
  first: number;
  last: number;
  written: string;
  suggestion: string;
  edits: number;
}

export interface HonorificRef {
  start: number;
  end: number;
  token: number;
  written: string;
  norm: string;
}

export interface NameReading {
  mentions: Mention[];
  suspects: Suspect[];
  honorifics: HonorificRef[];
}

const isNameLike = (t: Token): boolean => t.kind === "word" && (t.cap || t.upper);

/** Which tokens a name already covers: one buffer reused by every sentence (findNames never nests). */
let coveredBuffer = new Uint8Array(256);

export function findNames(tokens: Token[], index: NameIndex, textOf: (s: number, e: number) => string): NameReading {
  const mentions: Mention[] = [];
  // Cleared one past the end too: a look one token beyond reads "not covered", as past a fresh array's end.
  if (coveredBuffer.length <= tokens.length) coveredBuffer = new Uint8Array(tokens.length * 2 + 1);
  const covered = coveredBuffer;
  covered.fill(0, 0, tokens.length + 1);

  // Exact mentions, longest spelling first at each position.
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== "word" && t.kind !== "number") continue;
    const match = longestExact(tokens, i, index.startingWith(t.norm));
    if (!match) continue;
    const last = i + match.pieces.length;
    // Part of a longer hyphenated word ("al-Nasiri" holds no "Nasir"; "Lyon-based" is fine).
    if (t.joined && tokens[i - 1]?.kind === "word" && !PARTICLES.has(tokens[i - 1].norm)) continue;
    mentions.push({ entityId: match.entityId, start: t.start, end: tokens[last - 1].end, first: i, last, written: textOf(t.start, tokens[last - 1].end) });
    covered.fill(1, i, last);
    i = last - 1;
  }

  // A known surname on its own ("Kirby said") names that person when only one person has it.
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (covered[i] || !isNameLike(t) || t.norm.length < 4) continue;
    // "Jon Kirby": an unknown first name before the surname is the full name misspelled, left to the near match.
    const before = tokens[i - 1];
    if (before && i > 1 && isNameLike(before) && !covered[i - 1] && !NOT_NAMES.has(before.norm) && !index.isKnownPiece(before.norm)) continue;
    const person = onlyEntity(index.endingWith(t.norm));
    if (person !== undefined && !(tokens[i + 1]?.joined)) {
      mentions.push({ entityId: person, start: t.start, end: t.end, first: i, last: i + 1, written: t.raw });
      covered[i] = 1;
    }
  }

  const suspects: Suspect[] = [];
  for (const run of nameRuns(tokens, covered)) {
    const s = nearMatch(tokens, run.from, run.to, index, textOf) ?? nearSurname(tokens, run.from, run.to, index);
    if (s) {
      suspects.push(s);
      covered.fill(1, s.first, s.last);
    }
  }

  const honorifics: HonorificRef[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (!tokens[i].cap || !HONORIFICS.has(tokens[i].norm)) continue;
    let k = i + 1;
    if (tokens[k]?.raw === ".") k++;
    const t = tokens[k];
    if (!t || covered[k] || !isNameLike(t) || index.isKnownPiece(t.norm)) continue;
    honorifics.push({ start: t.start, end: t.end, token: k, written: t.raw, norm: t.norm });
  }
  if (!inOrder(mentions)) mentions.sort((a, b) => a.start - b.start);
  return { mentions, suspects, honorifics };
}

function longestExact(tokens: Token[], i: number, entries: NameEntry[]): NameEntry | undefined {
  for (const e of entries) {
    if (i + e.pieces.length > tokens.length) continue;
    let ok = true;
    for (let k = 0; k < e.pieces.length && ok; k++) {
      const t = tokens[i + k];
      ok = (t.kind === "word" || t.kind === "number") && t.norm === e.pieces[k];
      if (ok && e.caseSensitive) ok = t.raw.replace(DOTS, "") === t.raw.replace(DOTS, "").toUpperCase();
    }
    if (!ok) continue;
    // A lowercase spelling of a proper name ("syria") is still that name; a one-piece
    // all-lowercase match of a capitalized name inside ordinary words is not ("turkey" the bird is rare in news; keep).
    const next = tokens[i + e.pieces.length];
    if (next?.joined && next.kind === "word" && !DESCRIBING_SUFFIX.test(next.norm)) continue;
    return e;
  }
  return undefined;
}

/** The one entity all these names belong to; undefined when there are none or several. */
function onlyEntity(entries: NameEntry[]): string | undefined {
  const first = entries[0]?.entityId;
  for (const e of entries) if (e.entityId !== first) return undefined;
  return first;
}

function inOrder(mentions: Mention[]): boolean {
  for (let k = 1; k < mentions.length; k++) if (mentions[k - 1].start > mentions[k].start) return false;
  return true;
}

const nearPiecesOf = new WeakMap<NameIndex, Map<string, string[]>>();
/** Known pieces one slip from a word, worked out once per word (the same capitalized words recur sentence after sentence). */
function nearPieces(index: NameIndex, piece: string): string[] {
  let known = nearPiecesOf.get(index);
  if (!known) nearPiecesOf.set(index, (known = new Map()));
  let near = known.get(piece);
  if (!near) {
    // A vocabulary's worth; a document of endless distinct words starts the memo afresh.
    if (known.size >= 50_000) known.clear();
    known.set(piece, (near = index.nearPieces(piece)));
  }
  return near;
}

/** Maximal runs of capitalized words (with particles such as al- inside) not already matched. */
function nameRuns(tokens: Token[], covered: Uint8Array): { from: number; to: number }[] {
  const runs: { from: number; to: number }[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (covered[i] || !isNameLike(tokens[i])) {
      i++;
      continue;
    }
    let j = i;
    while (
      j < tokens.length &&
      !covered[j] &&
      (isNameLike(tokens[j]) || (PARTICLES.has(tokens[j].norm) && tokens[j + 1]?.joined && j > i))
    )
      j++;
    runs.push({ from: i, to: j });
    i = j + 1;
  }
  return runs;
}

/** A lone word one slip from a known person's surname ("KIRBEY" for Kirby), never opening a sentence. */
function nearSurname(tokens: Token[], from: number, to: number, index: NameIndex): Suspect | undefined {
  if (to - from !== 1 || from === 0) return undefined;
  const t = tokens[from];
  if (t.norm.length < 5 || NOT_NAMES.has(t.norm) || isCommonWord(t.norm) || index.isKnownPiece(t.norm)) return undefined;
  const people = new Map<string, NameEntry>();
  for (const near of nearPieces(index, t.norm)) {
    for (const e of index.endingWith(near)) if (e.pieces.length > 1) people.set(e.entityId, e);
  }
  if (people.size !== 1) return undefined;
  const [entry] = people.values();
  const surname = entry.spelling.split(/\s+/).pop()!;
  if (t.norm.startsWith(entry.pieces[entry.pieces.length - 1]) || entry.pieces[entry.pieces.length - 1].startsWith(t.norm)) return undefined;
  return {
    entityId: entry.entityId,
    start: t.start,
    end: t.end,
    nameStart: t.start,
    nameEnd: t.end,
    first: from,
    last: from + 1,
    written: t.raw,
    suggestion: t.upper ? surname.toUpperCase() : surname,
    edits: 1,
  };
}

function pieceAllowance(written: string, known: string): number {
  if (PARTICLES.has(known)) return written.length <= 3 ? 1 : 0;
  const len = Math.min(written.length, known.length);
  if (len <= 2) return 0;
  // "Kirbie" for "Kirby": two slips at the end of a name that starts the same.
  if (len === 5 && written.slice(0, 3) === known.slice(0, 3)) return 2;
  if (len <= 5) return 1;
  return 2;
}

/** The best near spelling of a known name inside a run of capitalized words, if one is close enough. */
function nearMatch(
  tokens: Token[],
  from: number,
  to: number,
  index: NameIndex,
  textOf: (s: number, e: number) => string,
): Suspect | undefined {
  // Leading capitalized function words ("The", "According") are not part of a name.
  while (from < to && NOT_NAMES.has(tokens[from].norm) && !tokens[from + 1]?.joined) from++;
  if (from >= to) return undefined;
  let best: Suspect | undefined;
  const tried = new Set<NameEntry>();
  for (let k = from; k < to; k++) {
    const norm = tokens[k].norm;
    if (PARTICLES.has(norm)) continue;
    const candidates = [...index.containing(norm)];
    for (const near of nearPieces(index, norm)) candidates.push(...index.containing(near));
    for (const entry of candidates) {
      if (tried.has(entry)) continue;
      tried.add(entry);
      const m = entry.pieces.length;
      for (let start = Math.max(from, k - m + 1); start <= k && start + m <= to; start++) {
        const s = scoreWindow(tokens, start, entry, index, textOf);
        if (s && (!best || s.edits < best.edits || (s.edits === best.edits && s.last - s.first > best.last - best.first))) best = s;
      }
    }
  }
  return best;
}

function scoreWindow(
  tokens: Token[],
  start: number,
  entry: NameEntry,
  index: NameIndex,
  textOf: (s: number, e: number) => string,
): Suspect | undefined {
  const m = entry.pieces.length;
  let edits = 0;
  let exactAnchors = 0;
  let firstDiff = -1;
  let lastDiff = -1;
  let chars = 0;
  for (let j = 0; j < m; j++) {
    const t = tokens[start + j];
    const want = entry.pieces[j];
    chars += want.length;
    if (t.norm === want) {
      if (!PARTICLES.has(want)) exactAnchors++;
      continue;
    }
    // A differing piece that is itself part of another known name is another name, not a typo.
    if (index.isKnownPiece(t.norm) || isCommonWord(t.norm)) return undefined;
    // One word grown from the other ("Syrian" from "Syria", "Kurds" from "Kurd") is a derived word, not a slip.
    if (m === 1 && (t.norm.startsWith(want) || want.startsWith(t.norm))) return undefined;
    const d = slipDistance(t.norm, want);
    if (d > pieceAllowance(t.norm, want)) return undefined;
    edits += d;
    if (firstDiff < 0) firstDiff = start + j;
    lastDiff = start + j;
  }
  if (edits === 0) return undefined;
  if (edits > Math.max(1, Math.round(chars / 5))) return undefined;
  if (m === 1) {
    // One-piece names: only a single slip in a longer word, never at the start of a sentence.
    if (edits > 1 || tokens[start].norm.length < 5 || start === 0 || NOT_NAMES.has(tokens[start].norm)) return undefined;
  } else if (exactAnchors === 0) return undefined;
  const first = tokens[start];
  const last = tokens[start + m - 1];
  // The name is hyphen-joined to something outside the window: not a clean name boundary.
  if (first.joined && start > 0 && !PARTICLES.has(tokens[start - 1].norm)) return undefined;
  return {
    entityId: entry.entityId,
    start: tokens[firstDiff].start,
    end: tokens[lastDiff].end,
    nameStart: first.start,
    nameEnd: last.end,
    first: start,
    last: start + m,
    written: textOf(first.start, last.end),
    suggestion: entry.spelling,
    edits,
  };
}
