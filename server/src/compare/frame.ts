// What one sentence is about and how it frames what it says, worked out once before any value is
// compared: the events it may be about, whether it imagines, denies, corrects, asks or quotes,
// which happenings of another kind it tells of, and the days it dates its figures to. Each
// comparison asks the frame before it compares a value, so nothing is compared and then taken back.
import { HappeningUse } from "../claims/happenings";
import { Figure } from "../claims/figures";
import { SentenceReading } from "../claims/reader";
import { DateMention } from "../claims/dates";
import { FactEvent } from "../facts/model";
import { matchKey, vocabulary as V } from "../vocabulary";
import { Attribution, EventModel } from "./attribution";
import { ValueTime } from "./countFacts";
import { DocState } from "./documentState";
import { EventWords } from "./eventWords";
import { deniesAll, isBirthDate, isConditional, isDenied, QuoteMarks } from "./framing";

/** What every comparison shares: the model of events and the words that tie values to them. */
export interface CompareEnv {
  events: EventModel;
  eventWords: EventWords;
}

export class SentenceFrame {
  /** The events the sentence may be about: those it names, the one it continues, and any it points at clearly. */
  readonly candidates: FactEvent[];
  /** The events whose counts its figures may be: the candidates and the document's main event. */
  readonly countedEvents: FactEvent[];
  /** The event it is most likely about. */
  readonly main?: FactEvent;
  /** The sentence frames everything it says as not so ("Neither …", "an article wrongly said …"). */
  readonly deniesAll: boolean;
  /** An imagined event ("Had it lasted …", "If …"), or one set somewhere the facts do not know and of no kind of theirs. */
  readonly imagined: boolean;
  /** Words naming happenings of a kind the facts have no event of. */
  readonly others: readonly HappeningUse[];
  /** Days the sentence dates its figures to ("by Monday", a timeline entry's day). */
  readonly anchors: ValueTime[];
  /** Starts of dates that are another thing's: a founding, a tie's end, a birth. */
  readonly otherDates = new Set<number>();
  private readonly quotes: QuoteMarks;
  private keys?: ReadonlySet<string>;

  constructor(
    readonly reading: SentenceReading,
    readonly text: string,
    readonly attribution: Attribution,
    readonly state: DocState,
    readonly env: CompareEnv,
    /** The figures of the whole paragraph (a disputed figure set against the established one there is reported). */
    readonly paragraph: readonly Figure[],
    /** The day a timeline entry or a heading above dates the block to. */
    blockAnchor?: ValueTime,
  ) {
    const s = reading;
    const a = attribution;
    this.deniesAll = deniesAll(s.words);
    const named = a.candidates;
    const candidates: FactEvent[] = named.length ? [...named] : a.primary ? [a.primary] : [];
    if (a.primary && !candidates.includes(a.primary)) candidates.push(a.primary);
    // Every event the sentence itself points at clearly, however strongly another is named: a value
    // that fits any of them is left alone.
    a.own.forEach((score, id) => {
      const ev = env.events.event(id);
      if (score >= 0.8 && ev && !candidates.includes(ev)) candidates.push(ev);
    });
    this.candidates = candidates;
    // The document's main event stays in view for figures: a toll of the quake is the quake's in a sentence about the relief effort.
    this.countedEvents = a.backdrop && !candidates.includes(a.backdrop) ? [...candidates, a.backdrop] : candidates;
    this.main = a.primary && (a.own.get(a.primary.id) ?? 0) > 0 ? a.primary : named[0] ?? a.primary;
    this.others = s.eventNouns.filter((n) => !n.own);
    const ownKind = s.eventNouns.some((n) => n.own);
    // A sentence that names no event of the facts, has no word of their kinds, and is set in a place
    // they do not know or opens on another kind of happening tells of something else.
    const elsewhere =
      !named.length &&
      !ownKind &&
      (s.places.some((p) => !p.entityId && p.kind === "place" && p.relation === "in" && !p.ofSpeech) || this.others.some((n) => n.at < 3));
    this.imagined = isConditional(s.words) || elsewhere;
    this.quotes = new QuoteMarks(text, s.start, s.end, s.words);
    for (const r of s.relations) if (r.until) this.otherDates.add(r.until.start);
    for (const d of s.foundingDates) this.otherDates.add(d.start);
    for (const f of s.founded) this.otherDates.add(f.date.start);
    if (s.dates.length && s.words.some((w) => V.birth.has(w))) for (const d of s.dates) if (isBirthDate(text, s.start, d.start)) this.otherDates.add(d.start);
    for (const d of s.dates) {
      // A report's dateline, a date expected rather than happened ("expected to close in fiscal 2023"),
      // and a date that dates a price or a share ("a closing price of $65.39 on Friday") are not the event's.
      if (d.dateline || this.expected(d.start) || this.datesAFigure(d)) this.otherDates.add(d.start);
    }
    this.anchors = s.dates.filter((d) => !this.otherDates.has(d.start) || this.datesAFigure(d)).map(timeOf);
    if (blockAnchor) this.anchors.push(blockAnchor);
  }

  /** Whether the clause before an offset expects rather than reports ("is expected to close in", "will be sworn in on"). */
  expected(at: number): boolean {
    const before = this.wordsBefore(at, 12);
    return V.expectation.some((phrase) => {
      for (let i = 0; i + phrase.length <= before.length; i++) if (phrase.every((w, k) => before[i + k] === w)) return true;
      return false;
    });
  }

  /** A date right after a price or a percentage ("$65.39 on Friday", "25% by Tuesday") dates that figure. */
  private datesAFigure(d: DateMention): boolean {
    for (const f of this.reading.figures) {
      if (f.end > d.start || d.start - (f.unitEnd ?? f.end) > 12) continue;
      if (f.unit?.family === "currency" || f.unit?.family === "percent") return /^[\s,%]*(on|by|as of|at|in|late|early)?\s*(the)?\s*$/i.test(this.text.slice(f.unitEnd ?? f.end, d.start).replace("%", ""));
    }
    return false;
  }

  /** Whether the writer claims the value at this offset: not denied, not held up in quotation marks, not asked about. */
  claims(at: number): boolean {
    if (this.deniesAll) return false;
    const s = this.reading;
    return !isDenied(this.text, s.start, at) && !this.quotes.inUnattributedQuote(at) && !this.quotes.inQuestion(at) && !this.quotes.refuted(at);
  }

  /** Match keys of every word of the sentence (who it credits, what it names). */
  get wordKeys(): ReadonlySet<string> {
    return (this.keys ??= keysOf(this.reading));
  }

  /** The sentence's words within the clause around an offset: back to a clause break (or `back` words), on to the next (or `ahead`). */
  clauseWords(at: number, back = 10, ahead = 6): string[] {
    const s = this.reading;
    const starts = s.wordStarts;
    let i = lowerBound(starts, at);
    const from = lastBefore(s.breaks, at);
    const to = firstAfter(s.breaks, at);
    const out: string[] = [];
    for (let k = i - 1, n = 0; k >= 0 && n < back && starts[k] > from; k--, n++) out.push(s.words[k]);
    for (let n = 0; i < starts.length && n < ahead + 1 && starts[i] < to; i++, n++) out.push(s.words[i]);
    return out;
  }

  /** Up to `n` words of the clause before an offset, in text order. */
  wordsBefore(at: number, n: number): string[] {
    const s = this.reading;
    const from = lastBefore(s.breaks, at);
    const out: string[] = [];
    for (let k = lowerBound(s.wordStarts, at) - 1; k >= 0 && out.length < n && s.wordStarts[k] > from; k--) out.push(s.words[k]);
    return out.reverse();
  }

  /**
   * Whether a value at this offset is tied to the event in its clause: by the event's own words (its
   * kind, keywords, the words its citations use with its date or place) or by a name of who acted,
   * was targeted or spoke ("US special forces came for its leader in October 2019").
   */
  tiedTo(ev: FactEvent, at: number, kind: "date" | "place"): boolean {
    const words = kind === "date" ? this.env.eventWords.datingWords(ev) : this.env.eventWords.placingWords(ev);
    // Its own words, or a verb that tells any happening ("took place", "began"), where the event is the sentence's.
    const happening = ev === this.main;
    if (this.clauseWords(at, 16, 8).some((w) => words.has(matchKey(w)) || (happening && V.happeningVerbs.has(w)))) return true;
    const s = this.reading;
    const from = Math.max(lastBefore(s.breaks, at), at - 120);
    const to = Math.min(firstAfter(s.breaks, at), at + 80);
    // Who acted and who was targeted place and date it; where a commentator speaks from does not.
    const parties = [...(ev.actors?.ids ?? []), ...(ev.targets?.ids ?? [])];
    if (kind === "date" && ev.place?.at) parties.push(ev.place.at);
    // The value itself is no tie ("the central bank in Ankara" is not tied to what Ankara did).
    return s.mentions.some((m) => m.start >= from && m.start < to && m.start !== at && parties.includes(m.entityId));
  }

  /** Whether a value at this offset is another happening's: one named just before it, in its clause, with no event of the facts named between. */
  ofOtherHappening(start: number, end: number): boolean {
    if (!this.others.length) return false;
    // "veterans of the wars in Iraq": a place or date right after another happening is its own, whatever came before.
    if (this.others.some((o) => o.start < start && start - o.start < 40 && /^[\p{L}’'-]+\s+((in|on|at|of|near|the|a|an)\s+)*$/u.test(this.text.slice(o.start, start)))) return true;
    // A happening of the facts' own kind named before the value makes it theirs ("The raid, which came after the earthquake, killed 17").
    if (this.reading.eventNouns.some((n) => n.own && !n.verb && n.start < start)) return false;
    for (const o of this.others) {
      // "the 1999 earthquake in Turkey, which killed 17,000": the happening before the value.
      if (o.start < start && start - o.start < 300) return true;
      // "7 killed in bus crash": right after it.
      if (o.start > end && o.start - end < 30) return true;
    }
    return false;
  }
}

function timeOf(d: DateMention): ValueTime {
  return { year: d.year?.value as number | undefined, month: d.month?.value as number | undefined, day: d.day?.value as number | undefined, weekday: d.weekday?.value as string | undefined };
}

const keysOfReading = new WeakMap<SentenceReading, ReadonlySet<string>>();
function keysOf(s: SentenceReading): ReadonlySet<string> {
  let keys = keysOfReading.get(s);
  if (!keys) keysOfReading.set(s, (keys = new Set(s.words.map(matchKey))));
  return keys;
}

function lowerBound(sorted: ArrayLike<number>, at: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function lastBefore(sorted: readonly number[], at: number): number {
  const k = lowerBound(sorted, at);
  return k ? sorted[k - 1] : -1;
}

function firstAfter(sorted: readonly number[], at: number): number {
  const k = lowerBound(sorted, at + 1);
  return k < sorted.length ? sorted[k] : Infinity;
}
