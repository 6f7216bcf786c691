// Reads dates: years, months with or without a day, weekdays, and the word that
// introduces them ("in", "since", "until", "on"), which says how the date relates to the event.
import { Token } from "../text/tokens";
import { vocabulary as V } from "../vocabulary";

const MONTHS = V.months;
const WEEKDAYS = V.weekdays;

// Patterns made once: a regex literal inside a function is a new RegExp object at every evaluation.
const FOUR_DIGITS = /^\d{4}$/;
const ORDINAL_DAY = /^\d{1,2}(st|nd|rd|th)$/;
const DASH = /^[–—-]$/;

export interface DatePart {
  value: number | string;
  start: number;
  end: number;
}

export interface DateMention {
  start: number;
  end: number;
  first: number; // token index
  last: number; // token index after the date
  year?: DatePart;
  month?: DatePart;
  day?: DatePart;
  weekday?: DatePart;
  /** The preposition before the date: in, on, since, until, by, before, after, from… */
  prep?: string;
  /** "the 2019 raid": the date modifies the noun that follows. */
  modifies?: string;
  /** The date tells when something was said ("On Friday, the Pentagon said"), not when the event happened. */
  ofSpeech?: boolean;
  /** The date of a dateline ("LUDIAN, China, Aug. 7 -"): when the report was filed. */
  dateline?: boolean;
}

/** Words that tell something happening, for telling a date of the event from a date of speech, whatever the story. */
const HAPPENED = new Set(["killed", "died", "death", "killing", "founded", "formed", "established", "created", "set", "split", "lasted", "took", "began", "ended", "occurred", "happened"]);

/** Whether the word nearest tokens [first, last) is a verb of saying rather than one of happening. */
export function isOfSpeech(tokens: Token[], d: { first: number; last: number }, isEventWord: (norm: string) => boolean = () => false): boolean {
  let best: { speech: boolean; dist: number } | undefined;
  for (let k = Math.max(0, d.first - 8); k < Math.min(tokens.length, d.last + 8); k++) {
    if (k >= d.first && k < d.last) continue;
    const w = tokens[k].norm;
    const speech = V.reporting.has(w);
    if (!speech && !HAPPENED.has(w) && !V.happeningVerbs.has(w) && !isEventWord(w)) continue;
    const dist = k < d.first ? d.first - k : k - d.last + 1;
    if (!best || dist < best.dist) best = { speech, dist };
  }
  return best?.speech ?? false;
}

const PREPOSITIONS = new Set(["in", "on", "since", "until", "till", "by", "before", "after", "from", "during", "of", "last", "this", "early", "late", "mid"]);

const isYear = (t: Token | undefined): boolean =>
  t !== undefined && t.kind === "number" && FOUR_DIGITS.test(t.raw) && t.value! >= 1900 && t.value! <= 2100;

const DASHES = new Set(["-", "—", "–", "--"]);

/**
 * Where a dateline ends: "LUDIAN, China, Aug. 7 -", "SAO PAULO, Oct 30 (Reuters) —". A sentence opening
 * on a place in capitals, then commas, a date and a dash, is a report's heading, not its claims.
 */
export function datelineEnd(tokens: Token[]): number {
  const first = tokens[0];
  if (!first || first.kind !== "word" || !(first.upper || (first.raw.length > 1 && first.raw === first.raw.toUpperCase()))) return -1;
  for (let k = 1; k < tokens.length && k < 16; k++) {
    if (DASHES.has(tokens[k].raw)) return tokens.slice(0, k).some((t) => MONTHS.has(t.norm)) ? k : -1;
  }
  return -1;
}

export function readDates(tokens: Token[], isEventWord?: (norm: string) => boolean): DateMention[] {
  const dates: DateMention[] = [];
  const dateline = datelineEnd(tokens);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    let m: DateMention | undefined;
    if (t.kind === "word" && WEEKDAYS.has(t.norm) && t.cap) {
      m = { start: t.start, end: t.end, first: i, last: i + 1, weekday: { value: WEEKDAYS.get(t.norm)!, start: t.start, end: t.end } };
    } else if (t.kind === "word" && t.cap && MONTHS.has(t.norm) && isMonthHere(tokens, i)) {
      m = { start: t.start, end: t.end, first: i, last: i + 1, month: { value: MONTHS.get(t.norm)!, start: t.start, end: t.end } };
      let k = i + 1;
      if (tokens[k]?.raw === ".") k++;
      const dayTok = tokens[k];
      if (dayTok && dayTok.kind === "number" && dayTok.value! >= 1 && dayTok.value! <= 31 && !isYear(dayTok)) {
        m.day = { value: dayTok.value!, start: dayTok.start, end: dayTok.end };
        k++;
        if (tokens[k]?.raw === ",") k++;
      } else if (tokens[k]?.kind === "word" && ORDINAL_DAY.test(tokens[k].norm)) {
        m.day = { value: parseInt(tokens[k].norm, 10), start: tokens[k].start, end: tokens[k].end };
        k++;
      }
      if (isYear(tokens[k])) {
        m.year = { value: tokens[k].value!, start: tokens[k].start, end: tokens[k].end };
        k++;
      }
      // "23 October"
      const before = tokens[i - 1];
      if (!m.day && before && before.kind === "number" && before.value! >= 1 && before.value! <= 31 && !isYear(before)) {
        m.day = { value: before.value!, start: before.start, end: before.end };
        m.first = i - 1;
        m.start = before.start;
      }
      m.last = k;
      m.end = tokens[k - 1].end;
    } else if (isYear(t) && !isCount(tokens, i) && !inYearRange(tokens, i)) {
      m = { start: t.start, end: t.end, first: i, last: i + 1, year: { value: t.value!, start: t.start, end: t.end } };
    }
    if (!m) continue;
    const prev = tokens[m.first - 1];
    if (prev && PREPOSITIONS.has(prev.norm)) m.prep = prev.norm;
    const after = tokens[m.last];
    if (after && after.kind === "word" && !after.cap && prev?.norm === "the") m.modifies = after.norm;
    // "since the 2019 raid": "since" governs the raid; the date is that raid's own.
    else if (prev?.norm === "the" && tokens[m.first - 2]?.norm === "since") m.prep = "since";
    m.ofSpeech = isOfSpeech(tokens, m, isEventWord);
    if (m.last <= dateline) m.dateline = true;
    // "since November 2019, when US forces killed …": the date of the event the clause tells.
    if ((m.prep === "since" || m.prep === "until") && tokens[m.last]?.raw === "," && tokens[m.last + 1]?.norm === "when") m.prep = "when";
    // "Monday 4 August", "Saturday, Aug. 3": a weekday and the date it names are one date.
    const last = dates[dates.length - 1];
    const gap = last ? tokens.slice(last.last, m.first) : [];
    if (last && gap.length <= 1 && gap.every((t) => t.raw === ",") && ((last.weekday && !last.month && m.month && !m.weekday) || (m.weekday && !m.month && last.month && !last.weekday))) {
      last.last = m.last;
      last.end = m.end;
      last.weekday ??= m.weekday;
      last.month ??= m.month;
      last.day ??= m.day;
      last.year ??= m.year;
      last.dateline ||= m.dateline;
    } else dates.push(m);
    i = m.last - 1;
  }
  return dates;
}

/** "May", "March" and abbreviations are also ordinary words: months only next to a number or after a preposition. */
function isMonthHere(tokens: Token[], i: number): boolean {
  const w = tokens[i].norm;
  const next = tokens[i + 1];
  const prev = tokens[i - 1];
  const nearNumber =
    next?.kind === "number" || prev?.kind === "number" || (next?.raw === "." && tokens[i + 2]?.kind === "number");
  if (w === "may" || w === "march" || w.length <= 3) {
    return nearNumber || (prev !== undefined && ["in", "last", "since", "until", "early", "late", "mid", "this", "next"].includes(prev.norm));
  }
  return true;
}

/** "(1971-2019)", "2011–2014": a span of years, a lifetime or a period, not a date of anything. */
function inYearRange(tokens: Token[], i: number): boolean {
  const next = tokens[i + 1];
  const prev = tokens[i - 1];
  if (next && isYear(next) && next.joined) return true;
  if (tokens[i].joined && prev && isYear(prev)) return true;
  if (next && DASH.test(next.raw) && isYear(tokens[i + 2])) return true;
  if (prev && DASH.test(prev.raw) && isYear(tokens[i - 2])) return true;
  return false;
}

/** "2000 people": a number before a counted noun is a count, not a year. */
function isCount(tokens: Token[], i: number): boolean {
  const next = tokens[i + 1];
  // A plural noun after it ("2000 people", "1500 homes"), unless the number modifies it as a year does ("the 2017 raids", "in 2019 elections").
  const prev = tokens[i - 1];
  if (prev && (prev.norm === "the" || prev.norm === "a" || V.datePrepositions.has(prev.norm))) return false;
  return next !== undefined && next.kind === "word" && !next.cap && (next.norm.endsWith("s") || V.conceptsOf.has(next.norm)) && !V.stopwords.has(next.norm) && !V.months.has(next.norm);
}
