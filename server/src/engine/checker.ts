// The engine: prose in, findings out. Reads each block once (cached by its text),
// ties sentences to events, and runs each comparison. No editor imports: the
// language server, the CLI and the tests all call this.
import { readBlock, ReaderContext, makeReaderContext, SentenceReading } from "../claims/reader";
import { compareActor } from "../compare/actors";
import { compareBuilding } from "../compare/details";
import { Attribution, EventModel } from "../compare/attribution";
import { CompareContext } from "../compare/context";
import { compareEventQuantity, compareQuantity } from "../compare/counts";
import { compareEventDate } from "../compare/dates";
import { reportHonorific, reportSuspect } from "../compare/names";
import { compareFounded, compareRelation } from "../compare/organizations";
import { compareRole, compareTitle } from "../compare/people";
import { compareEventPlace, compareLocatedPlace, compareRegionOf } from "../compare/places";
import { FactBase, FactEvent } from "../facts/model";
import { NameIndex } from "../facts/nameIndex";
import { splitBlocks } from "../text/blocks";
import { extractProse, isSuppressed, markupKindOf } from "../text/markup";
import { ConflictCode, Finding, Severity } from "./findings";
import { EVENT_VERBS } from "../claims/lexicon";

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

/** What a document has said so far that later sentences read: who was named, what was counted, where. */
interface DocState {
  people: Set<string>;
  /** The people in the order first named, as one string: part of each block's cache key. */
  peopleKey: string;
  /** What the last total counted (killed, injured), for shares stated after it ("five women among them"). */
  lastMeasure?: string;
  /** Places the last few sentences named, oldest first, for "the province is home to …". */
  recentPlaces: string[];
}

function newDocState(): DocState {
  return { people: new Set(), peopleKey: "", recentPlaces: [] };
}

/** What one sentence adds to the document state; worked out once per (cached) reading. */
interface StateDelta {
  people: string[];
  measure?: string;
  places: string[];
}
const deltas = new WeakMap<SentenceReading, StateDelta>();

function deltaOf(s: SentenceReading, base: FactBase): StateDelta {
  let d = deltas.get(s);
  if (!d) {
    const kind = (id: string): string | undefined => base.entities.get(id)?.kind;
    d = {
      people: [...s.mentions, ...s.suspects].filter((m) => kind(m.entityId) === "person").map((m) => m.entityId),
      measure: [...s.quantities].reverse().find((q) => q.measure === "killed" || q.measure === "injured")?.measure,
      places: s.mentions.filter((m) => kind(m.entityId) === "place").map((m) => m.entityId),
    };
    deltas.set(s, d);
  }
  return d;
}

/** Moves the document state past one sentence. */
function advance(state: DocState, s: SentenceReading, base: FactBase): void {
  const d = deltaOf(s, base);
  for (const id of d.people) {
    if (state.people.has(id)) continue;
    state.people.add(id);
    state.peopleKey += `${id},`;
  }
  if (d.measure) state.lastMeasure = d.measure;
  if (d.places.length) {
    state.recentPlaces.push(...d.places);
    if (state.recentPlaces.length > 12) state.recentPlaces.splice(0, state.recentPlaces.length - 12);
  }
}

function compareKey(text: string, atts: Attribution[], state: DocState): string {
  let events = "";
  for (const a of atts) {
    events += a.primary?.id ?? "";
    events += "/";
    for (const e of a.candidates) events += `${e.id},`;
    events += ";";
  }
  return `${state.peopleKey}|${state.lastMeasure ?? ""}|${state.recentPlaces.join(",")}|${events}|${text}`;
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

/** Blocks cached at most; beyond this the least recently used are dropped. */
const CACHE_LIMIT = 50_000;

export class Checker {
  private readonly names: NameIndex;
  private readonly events: EventModel;
  private readonly reader: ReaderContext;
  private readonly cache = new Map<string, SentenceReading[]>();
  /** Each block's findings (offsets within the block), keyed by everything they depend on. */
  private readonly compared = new Map<string, Finding[]>();

  constructor(readonly base: FactBase) {
    this.names = new NameIndex(base);
    this.events = new EventModel(base);
    this.reader = makeReaderContext(base, this.names);
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
      const key = compareKey(block.text, atts, state);
      let local = this.compared.get(key);
      if (local) {
        this.compared.delete(key);
        for (const r of readings) advance(state, r, this.base);
      } else {
        const ctx = new CompareContext(this.base);
        readings.forEach((r, k) => this.compareSentence(ctx, r, block.text, atts[k], state));
        local = ctx.findings;
        if (this.compared.size >= CACHE_LIMIT) this.compared.delete(this.compared.keys().next().value!);
      }
      this.compared.set(key, local);
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
    if (hit) {
      this.cache.delete(text);
      this.cache.set(text, hit);
      return hit;
    }
    const readings = readBlock(text, this.reader);
    this.cache.set(text, readings);
    if (this.cache.size > CACHE_LIMIT) {
      let drop = this.cache.size - CACHE_LIMIT * 0.8;
      for (const key of this.cache.keys()) {
        if (drop-- <= 0) break;
        this.cache.delete(key);
      }
    }
    return readings;
  }

  /** Compares one sentence, reading what the document said before it from `state`, then advances it. */
  private compareSentence(ctx: CompareContext, s: SentenceReading, blockText: string, a: Attribution, state: DocState): void {
    this.compareClaims(ctx, s, blockText, a, state);
    advance(state, s, this.base);
  }

  private compareClaims(ctx: CompareContext, s: SentenceReading, blockText: string, a: Attribution, state: DocState): void {
    for (const suspect of s.suspects) reportSuspect(ctx, suspect);
    for (const h of s.honorifics) reportHonorific(ctx, h, state.people);

    const consumedDates = new Set<number>();
    for (const r of s.relations) {
      compareRelation(ctx, r);
      if (r.until) consumedDates.add(r.until.start);
    }
    for (const d of s.foundingDates) consumedDates.add(d.start);
    for (const f of s.founded) {
      compareFounded(ctx, f);
      consumedDates.add(f.date.start);
    }
    for (const r of s.roles) compareRole(ctx, r);
    for (const t of s.titles) if (!s.roles.some((r) => r.person === t.person)) compareTitle(ctx, t);
    for (const p of s.places) {
      if (p.subjectId) compareLocatedPlace(ctx, p);
      if (p.kind === "region" && p.of) compareRegionOf(ctx, p);
    }

    // Claims about an event: the events the sentence names, or the one it continues.
    const named = a.candidates;
    const events: FactEvent[] = named.length ? [...named] : a.primary ? [a.primary] : [];
    if (a.primary && !events.includes(a.primary)) events.push(a.primary);
    // Places and dates are read as an event's only when the sentence tells of it happening.
    // "two raids, one in Idlib and one in Aleppo": several events, no one place or date.
    const severalEvents = s.eventNouns.length > 0 && s.eventNouns.every((n) => n.plural) && named.length !== 1;
    const aboutAnEvent =
      !severalEvents &&
      (s.eventNouns.some((n) => !n.plural) ||
      s.words.some((w, i) => EVENT_VERBS.has(w) || (w === "took" && s.words[i + 1] === "place")) ||
      events.some((ev) => ev.keywords.some((k) => s.words.includes(k.toLowerCase()))) ||
      // "The area lies in …", "The town is near …": the place of the event being told.
      (/^(the|this)$/.test(s.words[0] ?? "") && /^(area|town|village|site|place|house|city)$/.test(s.words[1] ?? "") && /^(lies|is|sits|was|located|situated|stands)$/.test(s.words[2] ?? "")));
    // The sentence's own event, unless it only hints at one that the document is not about.
    const main = a.primary && (a.own.get(a.primary.id) ?? 0) > 0 ? a.primary : named[0] ?? a.primary;

    let lastMeasure = state.lastMeasure;
    for (const stated of s.quantities) {
      // A share "among them" counts what the last stated total counted.
      const q = stated.among && !stated.measure && lastMeasure ? { ...stated, measure: lastMeasure } : stated;
      if (stated.measure === "killed" || stated.measure === "injured") lastMeasure = stated.measure;
      if (q.measure === "population") {
        let places = s.mentions.map((m) => ctx.entity(m.entityId)).filter((e) => e && e.counts.some((c) => c.measure === "population"));
        // "The province is home to …": the province the document named last.
        if (!s.mentions.some((m) => ctx.entity(m.entityId)?.kind === "place") && s.words[0] === "the" && /^(province|territory|region|enclave|governorate)$/.test(s.words[1] ?? "")) {
          const recent = state.recentPlaces.map((id) => ctx.entity(id)).filter((e) => e?.level === "province" || e?.level === "region");
          const counted = recent.reverse().find((e) => e!.counts.some((c) => c.measure === "population"));
          if (counted) places = [counted];
        }
        if (places.length === 1) compareQuantity(ctx, q, places[0]!.counts, { id: places[0]!.id, name: places[0]!.name, isEvent: false });
        continue;
      }
      if (events.length) compareEventQuantity(ctx, q, events);
    }
    // The building a raid hit is described wherever the sentence continues that raid.
    if (main) compareBuilding(ctx, s, blockText, main);
    if (!aboutAnEvent || !main) return;
    for (const d of s.dates) if (!consumedDates.has(d.start)) compareEventDate(ctx, d, events, s.mentions);
    for (const p of s.places) {
      if (p.ofSpeech) continue;
      if (p.relation === "near" && !p.entityId && main.place?.at && s.mentions.some((m) => m.entityId === main.place!.at)) continue;
      // Consistent with any event the sentence names: nothing to say.
      const trial = (ev: FactEvent): number => {
        const scratch = new CompareContext(this.base);
        compareEventPlace(scratch, p, ev);
        return scratch.findings.length;
      };
      // An event that the sentence points at only through this very place is no real alternative:
      // a wrong town must not make the sentence about the town's own event.
      const alternatives = events.filter(
        (ev) => ev === main || (a.own.get(ev.id) ?? 0) - (p.entityId ? this.events.cueWeight(ev.id, p.entityId) : 0) >= 0.8,
      );
      if (alternatives.length > 1 && alternatives.some((ev) => ev.place?.at && trial(ev) === 0)) continue;
      compareEventPlace(ctx, p, main);
    }
    for (const actor of s.actors) compareActor(ctx, actor, main);
  }
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
