// The engine: prose in, findings out. Reads each segment of the prose once (cached by its
// text), ties sentences to events, and compares each segment once per context
// (compare/sentence.ts). A segment is a paragraph, or a bounded piece of an over-long one
// (text/blocks.ts: runs of sentences, windows of an over-long sentence), so no step of a check
// grows with a paragraph's or a sentence's length. `checkSteps` does the work in bounded steps
// for the language server to interleave with its other requests; `check` runs them all.
// No editor imports: the language server, the CLI and the tests all call this.
import { readBlock, ReaderContext, makeReaderContext, SentenceReading } from "../claims/reader";
import { Attribution, EventModel } from "../compare/attribution";
import { ValueTime } from "../compare/countFacts";
import { EventWords } from "../compare/eventWords";
import { CompareEnv } from "../compare/frame";
import { CompareContext } from "../compare/context";
import { advance, DocState, newDocState } from "../compare/documentState";
import { compareSentence } from "../compare/sentence";
import { FactBase } from "../facts/model";
import { NameIndex } from "../facts/nameIndex";
import { Segment, segmentsOf, splitBlocks, splitSegments } from "../text/blocks";
import { extractProse, isSuppressed, markupKindOf } from "../text/markup";
import { PRIORITY } from "./conflicts";
import { ConflictCode, Finding, Severity } from "./findings";
import { TextCache } from "./textCache";
import { Figure } from "../claims/figures";

export interface CheckOptions {
  /** LSP language id (markdown, plaintext…); decides how markup is read. */
  languageId?: string;
  path?: string;
  /** At most this many findings (the first in the document); a runaway document stays usable. Default 1000. */
  maxFindings?: number;
  /** Severity per code; a code set to "off" is not reported. */
  severities?: Partial<Record<ConflictCode, Severity | "off">>;
  /**
   * The document the text is of (an editor's URI): its segments' readings are then kept until
   * the document's next check no longer uses them or it is `release`d, so the cache holds what
   * is open. Without it, readings go to a small least-recently-used cache (the CLI, tests).
   */
  document?: string;
  /** Filled in as the check goes: the findings already final, and the prose offset they cover. */
  progress?: CheckProgress;
}

export interface CheckProgress {
  /** Findings no later step can change, in document order (what a check stopped early has found). */
  settled: Finding[];
  /** Every finding starting before this offset is in `settled`. */
  upTo: number;
}

/** A name as written in a document: which entity it is (or looks like) and where. */
export interface NameAt {
  entityId: string;
  start: number;
  end: number;
  written: string;
  /** False for a near spelling of the entity's name. */
  exact: boolean;
}

/**
 * What a segment's comparisons depend on besides its text: its sentences' events and the
 * document before it. The people named so far come as a running hash of their list, not the
 * list itself, so the key stays short however many people a document names.
 */
function contextKey(atts: Attribution[], state: DocState, people: PeopleHash, own: Segment["own"]): string {
  people.update(state.peopleKey);
  // Joined, not concatenated: a key kept in the cache is one flat string, not a tree of pieces.
  const parts = [own ? `${own.start}-${own.end}` : "", "|", people.key, "|", state.recentPlaces.join(","), "|", state.recentBodies.join(","), "|"];
  for (const a of atts) {
    parts.push(a.primary?.id ?? "", "/");
    for (const e of a.candidates) parts.push(e.id, ",");
    parts.push(";");
  }
  return parts.join("");
}

/** Two independent 32-bit hashes (and the length) of an append-only string, updated with what was appended. */
class PeopleHash {
  private length = 0;
  private h1 = 0x811c9dc5;
  private h2 = 0x1b873593;
  key = "0";
  update(text: string): void {
    if (text.length === this.length) return;
    for (let i = this.length; i < text.length; i++) {
      const c = text.charCodeAt(i);
      this.h1 = Math.imul(this.h1 ^ c, 0x01000193);
      this.h2 = Math.imul(this.h2 + c, 0x5bd1e995) ^ (this.h2 >>> 15);
    }
    this.length = text.length;
    this.key = `${this.length}:${(this.h1 >>> 0).toString(36)}:${(this.h2 >>> 0).toString(36)}`;
  }
}

/** A copy of a cached finding placed at its segment's offset (cached findings are never changed). */
function shifted(f: Finding, by: number): Finding {
  return {
    ...f,
    start: f.start + by,
    end: f.end + by,
    fixes: f.fixes.map((x) => ({ ...x, start: x.start + by, end: x.end + by })),
  };
}


/**
 * Characters of segment text whose readings are kept besides those of open documents: what an
 * edit replaced (for an undo) and what callers without a document read (the CLI: its `--fix`
 * re-check). Small, so closing a document gives its memory back.
 */
const RECENT_CHARS = 512 * 1024;
/** Contexts remembered per segment: a paragraph a long document repeats (a standing line, a sign-off) is compared under as many contexts as it stands in places; beyond this many, the oldest go (a first-in-first-out cache smaller than the repetitions would miss every time). */
const CONTEXTS_PER_BLOCK = 256;
/** A step of a check reads or compares about this many characters (or this many cached segments). */
const STEP_CHARS = 4_000;
const STEP_CACHED = 64;
/**
 * In a paragraph of more sentences than this, a disputed figure is set against the figures of
 * the sentences around it (this many on each side), not of the whole paragraph: bounded work per sentence.
 */
const PARAGRAPH_SENTENCES = 16;

/** A segment of the document as read: where it is in the prose, and its sentences. */
interface Piece {
  at: number;
  segment: Segment;
  readings: SentenceReading[];
}

/** A segment's readings, and how many open documents use them. */
interface Owned {
  readings: SentenceReading[];
  users: number;
}

export class Checker {
  private readonly names: NameIndex;
  private readonly events: EventModel;
  private readonly reader: ReaderContext;
  private readonly env: CompareEnv;
  /** Readings of the segments of open documents, with the segments each document uses. */
  private readonly owned = new Map<string, Owned>();
  private readonly usedBy = new Map<string, Set<string>>();
  private readonly recent = new TextCache<SentenceReading[]>(RECENT_CHARS);
  /** Each segment's findings (offsets within the segment) per context; they go when its readings go. */
  private readonly compared = new WeakMap<SentenceReading[], Map<string, Finding[]>>();

  constructor(readonly base: FactBase, parts?: { names: NameIndex; events: EventModel }) {
    this.names = parts?.names ?? new NameIndex(base);
    this.reader = makeReaderContext(base, this.names);
    this.events = parts?.events ?? new EventModel(base, this.reader.happenings);
    this.env = { events: this.events, eventWords: new EventWords(base, this.reader.happenings) };
  }

  /** A checker built in steps (its name index in one, its event model in another), for a server that must not freeze meanwhile. */
  static *create(base: FactBase): Generator<void, Checker> {
    const names = new NameIndex(base);
    yield;
    const events = new EventModel(base);
    yield;
    return new Checker(base, { names, events });
  }

  /** Checks a text at once (the CLI, the tests): every step of `checkSteps`. */
  check(text: string, options: CheckOptions = {}): Finding[] {
    const steps = this.checkSteps(text, options);
    for (;;) {
      const r = steps.next();
      if (r.done) return r.value;
    }
  }

  /**
   * Checks a text in steps of bounded work: the markup, then each segment read (a few thousand
   * characters, or many cached segments), the sentences tied to events, then each segment
   * compared. The caller may stop stepping at any point (a newer version came); what the steps
   * already read stays cached. The findings are those of `check`.
   */
  *checkSteps(text: string, options: CheckOptions = {}): Generator<void, Finding[]> {
    const kind = markupKindOf(options.languageId ?? "plaintext", options.path);
    const view = extractProse(text, kind);
    if (view.directives.fileDisabled) return [];
    yield;
    const blocks = splitBlocks(view.prose);
    yield;
    const document = options.document;
    const used = document ? new Set<string>() : undefined;
    const pieces: Piece[] = [];
    let work = 0;
    for (const block of blocks) {
      for (const segment of segmentsOf(block.text)) {
        let readings = this.cached(segment.text);
        if (readings) work += STEP_CHARS / STEP_CACHED;
        else {
          readings = readBlock(segment.text, this.reader);
          // Which events each sentence points at, worked out now rather than all at once below.
          for (const r of readings) this.events.score(r);
          work += 2 * segment.text.length;
          if (!document) this.recent.set(segment.text, readings);
        }
        if (document) this.use(document, segment.text, readings);
        used?.add(segment.text);
        pieces.push({ at: block.start + segment.start, segment, readings });
        if (work >= STEP_CHARS) {
          work = 0;
          yield;
        }
      }
      work += 16;
    }
    // Read whole: what the document no longer uses goes (to the recent cache, for an undo).
    if (document && used) this.trim(document, used);
    yield;
    const sentences: SentenceReading[] = [];
    for (const p of pieces) for (const r of p.readings) sentences.push(r);
    const attributions = this.events.attribute(sentences);
    yield;

    const severities = options.severities ?? {};
    const max = options.maxFindings ?? 1000;
    const kept: Finding[] = options.progress?.settled ?? [];
    kept.length = 0;
    const deduper = new Deduper();
    const keep = (f: Finding): void => {
      if (isSuppressed(view.directives, f.start, f.code) || severities[f.code] === "off") return;
      const sev = severities[f.code];
      if (sev && sev !== "off") f.severity = sev;
      kept.push(f);
    };
    const state = newDocState();
    const people = new PeopleHash();
    let next = 0;
    work = 0;
    for (let i = 0; i < pieces.length; i++) {
      const { at, segment, readings } = pieces[i];
      const atts = attributions.slice(next, next + readings.length);
      next += readings.length;
      // A segment compares the same way whenever its text, its sentences' events and what the
      // document said before it are the same: an edit re-compares only what it changed.
      const key = contextKey(atts, state, people, segment.own);
      let byContext = this.compared.get(readings);
      if (!byContext) this.compared.set(readings, (byContext = new Map()));
      let local = byContext.get(key);
      if (local) {
        for (const r of readings) advance(state, r, this.base);
        work += STEP_CHARS / STEP_CACHED;
      } else {
        local = this.compare(segment, readings, atts, state);
        if (byContext.size >= CONTEXTS_PER_BLOCK) byContext.delete(byContext.keys().next().value!);
        byContext.set(key, local);
        work += segment.text.length;
      }
      for (const f of local) deduper.add(shifted(f, at));
      // Every later finding starts at or after the next segment's own part: what lies before is final.
      const following = pieces[i + 1];
      const frontier = following ? following.at + (following.segment.own?.start ?? 0) : Infinity;
      for (const f of deduper.settle(frontier)) keep(f);
      if (options.progress) options.progress.upTo = frontier;
      // The first `max` findings are known: the rest of the document cannot change them.
      if (kept.length >= max) break;
      if (work >= STEP_CHARS) {
        work = 0;
        yield;
      }
    }
    if (kept.length > max) kept.length = max;
    return options.progress ? [...kept] : kept;
  }

  /** Compares one segment's sentences, advancing the document state past them. */
  private compare(segment: Segment, readings: SentenceReading[], atts: Attribution[], state: DocState): Finding[] {
    const ctx = new CompareContext(this.base);
    // A disputed figure set against the established one anywhere in the paragraph is reported, not claimed.
    const all = readings.length > 1 ? readings.flatMap((r) => r.figures) : readings[0]?.figures ?? [];
    const paragraph = (k: number): readonly Figure[] =>
      readings.length <= 2 * PARAGRAPH_SENTENCES + 1
        ? all
        : readings.slice(Math.max(0, k - PARAGRAPH_SENTENCES), k + PARAGRAPH_SENTENCES + 1).flatMap((r) => r.figures);
    const anchor = blockAnchor(segment.text, readings);
    readings.forEach((r, k) => {
      compareSentence(ctx, r, segment.text, atts[k], state, this.env, paragraph(k), anchor, readings[k + 1]);
      advance(state, r, this.base);
    });
    const own = segment.own;
    // A window reports what starts in its own part; its context is its neighbours'.
    return own ? ctx.findings.filter((f) => own.start <= f.start && f.start < own.end) : ctx.findings;
  }

  /**
   * The known names written at an offset, as the checker reads them (for hover and go to
   * definition): exact mentions, and near spellings with the entity they look like.
   */
  namesAt(text: string, offset: number, options: CheckOptions = {}): NameAt[] {
    const view = extractProse(text, markupKindOf(options.languageId ?? "plaintext", options.path));
    const block = splitBlocks(view.prose).find((b) => b.start <= offset && offset <= b.end);
    if (!block) return [];
    const found: NameAt[] = [];
    const seen = new Set<string>();
    for (const segment of splitSegments(block.text)) {
      const from = block.start + segment.start;
      if (offset < from || offset > from + segment.text.length) continue;
      const at = (entityId: string, start: number, end: number, written: string, exact: boolean): void => {
        const key = `${entityId}|${from + start}|${from + end}|${exact}`;
        if (from + start <= offset && offset <= from + end && !seen.has(key)) {
          seen.add(key);
          found.push({ entityId, start: from + start, end: from + end, written, exact });
        }
      };
      for (const s of this.read(segment.text)) {
        for (const m of s.mentions) at(m.entityId, m.start, m.end, m.written, true);
        for (const m of s.suspects) at(m.entityId, m.nameStart, m.nameEnd, m.written, false);
      }
    }
    return found;
  }

  /** A document was closed: the readings only it used go. */
  release(document: string): void {
    const texts = this.usedBy.get(document);
    if (!texts) return;
    this.usedBy.delete(document);
    for (const t of texts) this.drop(t, false);
  }

  /** Characters of segment text whose readings are kept (open documents' and recent), for the bench and tests. */
  cachedChars(): number {
    let chars = this.recent.chars;
    for (const t of this.owned.keys()) chars += t.length;
    return chars;
  }

  private cached(text: string): SentenceReading[] | undefined {
    return this.owned.get(text)?.readings ?? this.recent.get(text);
  }

  /** Reads a segment, or returns what an earlier check read from the same text. */
  private read(text: string): SentenceReading[] {
    const hit = this.cached(text);
    if (hit) return hit;
    const readings = readBlock(text, this.reader);
    this.recent.set(text, readings);
    return readings;
  }

  /** The document uses this segment's readings (kept as long as it does). */
  private use(document: string, text: string, readings: SentenceReading[]): void {
    let texts = this.usedBy.get(document);
    if (!texts) this.usedBy.set(document, (texts = new Set()));
    if (texts.has(text)) return;
    texts.add(text);
    const entry = this.owned.get(text);
    if (entry) entry.users++;
    else this.owned.set(text, { readings, users: 1 });
  }

  /** After a whole read of the document: the segments it no longer has are let go. */
  private trim(document: string, used: Set<string>): void {
    const texts = this.usedBy.get(document);
    if (!texts) return;
    for (const t of texts) {
      if (used.has(t)) continue;
      texts.delete(t);
      this.drop(t, true);
    }
  }

  private drop(text: string, keepRecent: boolean): void {
    const entry = this.owned.get(text);
    if (!entry || --entry.users > 0) return;
    this.owned.delete(text);
    if (keepRecent) this.recent.set(text, entry.readings);
  }
}

const ENTRY = /^\s*([-*+]|\d{1,3}[.)]|\|)?\s*(\*\*|__)?\s*$/;
const AFTER_ENTRY_DATE = /^\s*(\*\*|__)?\s*[,.]?\s*([\d:]+\s*(a\.?m\.?|p\.?m\.?)?\s*)?(\*\*|__)?\s*(—|–|-|:|\|)/i;

/**
 * The day a timeline entry is dated to: "- **Monday 4 August** — …", "| Early Tuesday | …". Its
 * sentences' figures are that day's (the toll as it stood then), not claims of today's.
 */
function blockAnchor(text: string, readings: SentenceReading[]): ValueTime | undefined {
  const d = readings[0]?.dates[0];
  if (!d || !ENTRY.test(text.slice(0, d.start)) || !AFTER_ENTRY_DATE.test(text.slice(d.end, d.end + 24))) return undefined;
  return { year: d.year?.value as number | undefined, month: d.month?.value as number | undefined, day: d.day?.value as number | undefined, weekday: d.weekday?.value as string | undefined };
}

/**
 * Of findings that overlap, keeps the more specific. Findings come segment by segment; a group
 * of overlapping findings is settled once no later finding can join it, so this stays
 * near-linear and lets a check stop once it has as many findings as it reports.
 */
class Deduper {
  private pending: Finding[] = [];

  add(f: Finding): void {
    this.pending.push(f);
  }

  /** The findings of every group that ends at or before `frontier` (where all later findings start), in order. */
  settle(frontier: number): Finding[] {
    if (!this.pending.length) return [];
    // Stable: findings with the same span keep the order they were made in.
    const byStart = this.pending.sort((x, y) => x.start - y.start || x.end - y.end);
    const out: Finding[] = [];
    let from = 0;
    while (from < byStart.length) {
      let to = from + 1;
      let groupEnd = byStart[from].end;
      while (to < byStart.length && byStart[to].start < groupEnd) groupEnd = Math.max(groupEnd, byStart[to++].end);
      if (groupEnd > frontier) break;
      out.push(...choose(byStart.slice(from, to)));
      from = to;
    }
    this.pending = byStart.slice(from);
    return out;
  }
}

/** Of a group of overlapping findings, the more specific ones that do not overlap each other, in order. */
function choose(group: Finding[]): Finding[] {
  const ranked = group.sort((x, y) => PRIORITY.get(x.code)! - PRIORITY.get(y.code)! || x.start - y.start);
  const chosen: Finding[] = [];
  for (const f of ranked) if (!chosen.some((k) => k.start < f.end && f.start < k.end)) chosen.push(f);
  return chosen.sort((x, y) => x.start - y.start || x.end - y.end);
}
