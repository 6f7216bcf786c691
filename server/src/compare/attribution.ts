// Decides which event a sentence is about. Each event gets cues from its own facts
// (its town, its targets, its spokespeople, its keywords, its kind of event), weighted
// down when other events share them; a sentence with no cue of its own inherits
// the event of the sentences before it ("the operation", "the dead").
import { FactBase, FactEvent } from "../facts/model";
import { namePieces } from "../text/normalize";
import { Happenings } from "../claims/happenings";
import { matchKey, vocabulary as V } from "../vocabulary";
import { SentenceReading } from "../claims/reader";

export interface Attribution {
  /** The event the sentence is most likely about, if any. */
  primary?: FactEvent;
  /** Events the sentence itself names strongly enough to be read against, strongest first. */
  candidates: FactEvent[];
  /** Score of each event from the sentence's own words and names. */
  own: ReadonlyMap<string, number>;
  /** The document's main event, the backdrop of every sentence that says little of its own. */
  backdrop?: FactEvent;
}

const TOWN_LEVELS = new Set(["village", "town", "city", "area"]);
/** The scores of a sentence with no cue (most sentences): one shared map, as they are kept per reading. */
const NO_SCORES: ReadonlyMap<string, number> = new Map();

export class EventModel {
  /** Entity id → event id → weight; and the same for words. Kept apart so a sentence's cues are looked up without building a key. */
  private entityCues = new Map<string, Map<string, number>>();
  private wordCues = new Map<string, Map<string, number>>();

  constructor(
    private base: FactBase,
    happenings: Happenings = new Happenings(base),
  ) {
    // Each kind's words, for the events of that kind ("quake" and "tremor" for an earthquake).
    const kindWords = new Map<string, string[]>();
    V.happeningsOf.forEach((groups, word) => {
      for (const g of groups) (kindWords.get(`g${g}`) ?? kindWords.set(`g${g}`, []).get(`g${g}`)!).push(word);
    });
    const raw = new Map<string, Map<string, number>>();
    const add = (eventId: string, cue: string, weight: number): void => {
      let m = raw.get(cue);
      if (!m) raw.set(cue, (m = new Map()));
      m.set(eventId, Math.max(m.get(eventId) ?? 0, weight));
    };
    for (const ev of base.events.values()) {
      const at = ev.place?.at ? base.entities.get(ev.place.at) : undefined;
      if (at) {
        add(ev.id, `e:${at.id}`, at.level && TOWN_LEVELS.has(at.level) ? 3 : 1);
        let up = at.in ? base.entities.get(at.in) : undefined;
        for (let depth = 0; up && depth < 4; depth++) {
          add(ev.id, `e:${up.id}`, up.level === "country" ? 0.2 : 0.6);
          up = up.in ? base.entities.get(up.in) : undefined;
        }
      }
      for (const id of ev.place?.near ?? []) add(ev.id, `e:${id}`, 0.3);
      for (const id of ev.actors?.ids ?? []) add(ev.id, `e:${id}`, 0.5);
      for (const d of ev.actors?.disputed ?? []) for (const id of d.ids) add(ev.id, `e:${id}`, 0.4);
      // A targeted person marks one event; a targeted group (Islamic State) is named in many contexts.
      for (const id of ev.targets?.ids ?? []) add(ev.id, `e:${id}`, base.entities.get(id)?.kind === "person" ? 3 : 0.5);
      for (const id of ev.people) add(ev.id, `e:${id}`, 1.5);
      for (const k of ev.keywords) for (const p of namePieces(k)) add(ev.id, `w:${p}`, 1.2);
      for (const kind of happenings.kindsOf(ev.id)) for (const word of kindWords.get(kind) ?? [kind.slice(2)]) add(ev.id, `w:${word}`, 0.4);
      if (ev.when?.weekday) add(ev.id, `w:${ev.when.weekday.toLowerCase()}`, 0.6);
      if (ev.when?.year) add(ev.id, `w:${ev.when.year}`, 1);
      if (ev.when?.month) add(ev.id, `w:${V.monthNames[ev.when.month].toLowerCase()}`, 0.5);
    }
    // A cue shared by several events says less about each.
    for (const [cue, events] of raw) {
      const shared = events.size;
      // A cue most events share ("raid" in a base of a thousand raids) tells them apart no better than nothing.
      if (shared > 12) continue;
      const m = new Map<string, number>();
      for (const [id, w] of events) m.set(id, w / shared);
      if (cue.startsWith("e:")) this.entityCues.set(cue.slice(2), m);
      else this.wordCues.set(cue.slice(2), m);
    }
  }

  event(id: string): FactEvent | undefined {
    return this.base.events.get(id);
  }

  /** How much a word ties a sentence to the event (a year, a weekday, a keyword). */
  wordCueWeight(eventId: string, word: string): number {
    return this.wordCues.get(word)?.get(eventId) ?? 0;
  }

  /** How much naming this entity ties a sentence to the event. */
  cueWeight(eventId: string, entityId: string): number {
    return this.entityCues.get(entityId)?.get(eventId) ?? 0;
  }

  /** Readings are cached by block text, so a sentence's scores are worked out once per fact base. */
  private scored = new WeakMap<SentenceReading, ReadonlyMap<string, number>>();

  /** Score of each event from one sentence's own words and names. */
  score(s: SentenceReading): ReadonlyMap<string, number> {
    const known = this.scored.get(s);
    if (known) return known;
    const scores = this.computeScore(s);
    this.scored.set(s, scores);
    return scores;
  }

  private computeScore(s: SentenceReading): ReadonlyMap<string, number> {
    const scores = new Map<string, number>();
    const add = (w: number, id: string): void => {
      scores.set(id, (scores.get(id) ?? 0) + w);
    };
    // Each cue counts once per sentence. Most words are no cue at all: looked up first, only cues are remembered.
    const seen: Map<string, number>[] = [];
    const take = (cues: Map<string, number> | undefined): void => {
      if (!cues || seen.includes(cues)) return;
      seen.push(cues);
      cues.forEach(add);
    };
    for (const m of s.mentions) take(this.entityCues.get(m.entityId));
    for (const m of s.suspects) take(this.entityCues.get(m.entityId));
    for (const w of s.words) take(this.wordCues.get(w));
    return scores.size ? scores : NO_SCORES;
  }

  /** The events a sentence names strongly enough, strongest first (ties in the order the scores were made). */
  private candidatesOf(scores: ReadonlyMap<string, number>): FactEvent[] {
    let topOwn = 0;
    scores.forEach((v) => {
      if (v > topOwn) topOwn = v;
    });
    const strong: [string, number][] = [];
    scores.forEach((v, id) => {
      if (v >= 0.8 && v >= 0.5 * topOwn) strong.push([id, v]);
    });
    if (strong.length > 1) strong.sort((a, b) => b[1] - a[1]);
    return strong.map(([id]) => this.base.events.get(id)!);
  }

  /** Attributes every sentence of a document, in order. */
  attribute(sentences: SentenceReading[]): Attribution[] {
    const own = sentences.map((s) => this.score(s));
    const prior = new Map<string, number>();
    // Counted per sentence, capped: a document about one event is many sentences about it,
    // not one sentence that names its target.
    for (const m of own) for (const [id, v] of m) prior.set(id, (prior.get(id) ?? 0) + Math.min(v, 1.5));
    const top = Math.max(0, ...prior.values());
    // The document's main event backs every sentence that says little of its own.
    const main = new Map<string, number>();
    for (const [id, v] of prior) main.set(id, top ? v / top : 0);
    // Every event any sentence points at is in `main`; only those can ever be chosen.
    const ids = [...main.keys()];
    const mainOf = ids.map((id) => main.get(id)!);
    // What the sentences before carry into this one, per id of `ids` (0 once it has faded).
    let carry = new Float64Array(ids.length);
    let next = new Float64Array(ids.length);
    const topId = ids[mainOf.indexOf(1)];
    const backdrop = topId ? this.base.events.get(topId) : undefined;
    return own.map((scores) => {
      let primaryId: string | undefined;
      let best = 0.5;
      for (let k = 0; k < ids.length; k++) {
        const v = (scores.get(ids[k]) ?? 0) + 0.6 * carry[k] + mainOf[k];
        if (v > best) {
          primaryId = ids[k];
          best = v;
        }
      }
      let candidates: FactEvent[] = [];
      if (scores.size) candidates = this.candidatesOf(scores);
      // What this sentence was about carries into the next, fading.
      for (let k = 0; k < ids.length; k++) {
        const v = Math.min((scores.get(ids[k]) ?? 0) + 0.6 * carry[k], 4) * 0.7;
        next[k] = v > 0.01 ? v : 0;
      }
      [carry, next] = [next, carry];
      return { primary: primaryId ? this.base.events.get(primaryId) : undefined, candidates, own: scores, backdrop };
    });
  }
}
