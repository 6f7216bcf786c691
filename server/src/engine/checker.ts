// The engine: prose in, findings out. Reads each block once (cached by its text), ties
// sentences to events, and compares each block once per context (compare/sentence.ts).
// No editor imports: the language server, the CLI and the tests all call this.
import { readBlock, ReaderContext, makeReaderContext, SentenceReading } from "../claims/reader";
import { Attribution, EventModel } from "../compare/attribution";
import { EventWords } from "../compare/eventWords";
import { CompareEnv } from "../compare/frame";
import { ValueTime } from "../compare/countFacts";
import { CompareContext } from "../compare/context";
import { advance, DocState, newDocState } from "../compare/documentState";
import { compareSentence } from "../compare/sentence";
import { FactBase } from "../facts/model";
import { NameIndex } from "../facts/nameIndex";
import { splitBlocks } from "../text/blocks";
import { extractProse, isSuppressed, markupKindOf } from "../text/markup";
import { ConflictCode, Finding, Severity } from "./findings";
import { TextCache } from "./textCache";

export interface CheckOptions {
  /** LSP language id (markdown, plaintext…); decides how markup is read. */
  languageId?: string;
  path?: string;
  /** At most this many findings (the first in the document); a runaway document stays usable. Default 1000. */
  maxFindings?: number;
  /** Severity per code; a code set to "off" is not reported. */
  severities?: Partial<Record<ConflictCode, Severity | "off">>;
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

/** What a block's comparisons depend on besides its text: its sentences' events and the document before it. */
function contextKey(atts: Attribution[], state: DocState): string {
  // Joined, not concatenated: a key kept in the cache is one flat string, not a tree of pieces.
  const parts = [state.peopleKey, "|", state.lastMeasure ?? "", "|", state.recentPlaces.join(","), "|", state.recentBodies.join(","), "|"];
  for (const a of atts) {
    parts.push(a.primary?.id ?? "", "/");
    for (const e of a.candidates) parts.push(e.id, ",");
    parts.push(";");
  }
  return parts.join("");
}

/** A copy of a cached finding placed at its block's offset (cached findings are never changed). */
function shifted(f: Finding, by: number): Finding {
  return {
    ...f,
    start: f.start + by,
    end: f.end + by,
    fixes: f.fixes.map((x) => ({ ...x, start: x.start + by, end: x.end + by })),
  };
}

/** When two findings overlap, the more specific one is kept. */
const PRIORITY: ConflictCode[] = ["misspelled-name", "wrong-person", "wrong-place", "wrong-number", "wrong-date", "wrong-actor", "wrong-relation", "wrong-detail"];

/** Characters of block text whose readings are kept; beyond this the least recently used go. */
const CACHE_CHARS = 16 * 1024 * 1024;
/** Contexts remembered per block: a block compared under many contexts keeps only the latest. */
const CONTEXTS_PER_BLOCK = 4;

export class Checker {
  private readonly names: NameIndex;
  private readonly events: EventModel;
  private readonly reader: ReaderContext;
  private readonly env: CompareEnv;
  private readonly cache = new TextCache<SentenceReading[]>(CACHE_CHARS);
  /** Each block's findings (offsets within the block) per context; they go when its readings go. */
  private readonly compared = new WeakMap<SentenceReading[], Map<string, Finding[]>>();

  constructor(readonly base: FactBase) {
    this.names = new NameIndex(base);
    this.reader = makeReaderContext(base, this.names);
    this.events = new EventModel(base, this.reader.happenings);
    this.env = { events: this.events, eventWords: new EventWords(base, this.reader.happenings) };
  }

  check(text: string, options: CheckOptions = {}): Finding[] {
    const kind = markupKindOf(options.languageId ?? "plaintext", options.path);
    const view = extractProse(text, kind);
    if (view.directives.fileDisabled) return [];
    const blocks = splitBlocks(view.prose).map((block) => ({ block, readings: this.read(block.text) }));
    const attributions = this.events.attribute(blocks.flatMap((b) => b.readings));
    const state = newDocState();
    const findings: Finding[] = [];
    let next = 0;
    for (const { block, readings } of blocks) {
      const atts = attributions.slice(next, next + readings.length);
      next += readings.length;
      // A block compares the same way whenever its text, its sentences' events and what the
      // document said before it are the same: an edit re-compares only what it changed.
      const key = contextKey(atts, state);
      let byContext = this.compared.get(readings);
      if (!byContext) this.compared.set(readings, (byContext = new Map()));
      let local = byContext.get(key);
      if (local) {
        for (const r of readings) advance(state, r, this.base);
      } else {
        const ctx = new CompareContext(this.base);
        // A disputed figure set against the established one anywhere in the paragraph is reported, not claimed.
        const paragraph = readings.length > 1 ? readings.flatMap((r) => r.figures) : readings[0]?.figures ?? [];
        const anchor = blockAnchor(block.text, readings);
        readings.forEach((r, k) => {
          compareSentence(ctx, r, block.text, atts[k], state, this.env, paragraph, anchor);
          advance(state, r, this.base);
        });
        local = ctx.findings;
        if (byContext.size >= CONTEXTS_PER_BLOCK) byContext.delete(byContext.keys().next().value!);
        byContext.set(key, local);
      }
      for (const f of local) findings.push(shifted(f, block.start));
    }
    const severities = options.severities ?? {};
    const kept = dedupe(findings).filter((f) => !isSuppressed(view.directives, f.start, f.code) && severities[f.code] !== "off");
    for (const f of kept) {
      const sev = severities[f.code];
      if (sev && sev !== "off") f.severity = sev;
    }
    return kept.slice(0, options.maxFindings ?? 1000);
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
    const at = (entityId: string, start: number, end: number, written: string, exact: boolean): void => {
      if (block.start + start <= offset && offset <= block.start + end) found.push({ entityId, start: block.start + start, end: block.start + end, written, exact });
    };
    for (const s of this.read(block.text)) {
      for (const m of s.mentions) at(m.entityId, m.start, m.end, m.written, true);
      for (const m of s.suspects) at(m.entityId, m.nameStart, m.nameEnd, m.written, false);
    }
    return found;
  }

  /** Reads a block, or returns what an earlier check read from the same text. */
  private read(text: string): SentenceReading[] {
    const hit = this.cache.get(text);
    if (hit) return hit;
    const readings = readBlock(text, this.reader);
    this.cache.set(text, readings);
    return readings;
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

/** Of findings that overlap, keeps the more specific; groups of overlapping findings are settled apart, so this stays near-linear. */
function dedupe(findings: Finding[]): Finding[] {
  const byStart = [...findings].sort((x, y) => x.start - y.start || x.end - y.end);
  const kept: Finding[] = [];
  let group: Finding[] = [];
  let groupEnd = -1;
  const settle = (): void => {
    const ranked = group.sort((x, y) => PRIORITY.indexOf(x.code) - PRIORITY.indexOf(y.code) || x.start - y.start);
    const chosen: Finding[] = [];
    for (const f of ranked) if (!chosen.some((k) => k.start < f.end && f.start < k.end)) chosen.push(f);
    kept.push(...chosen.sort((x, y) => x.start - y.start || x.end - y.end));
    group = [];
  };
  for (const f of byStart) {
    if (group.length && f.start >= groupEnd) settle();
    group.push(f);
    groupEnd = group.length === 1 ? f.end : Math.max(groupEnd, f.end);
  }
  if (group.length) settle();
  return kept;
}
