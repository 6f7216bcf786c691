// Reads figures: a number in digits or words with its qualifier, its unit (a currency, percent,
// a length, a time…), its scale ("$68.7 billion", "$69bn"), what it counts ("80,000 houses")
// and the words around it, which tie it to a fact of the same kind. Judges nothing.
import { Qualifier } from "../facts/model";
import { Token } from "../text/tokens";
import { keysOf, Phrase, Unit, vocabulary as V } from "../vocabulary";

/** How the number was written, so a fix writes the facts' value the same way. */
export interface NumberStyle {
  kind: "digits" | "words" | "dozen" | "no" | "ordinal-digits" | "ordinal-words";
  /** Digits after the point as written ("68.7" → 1), for the fix's precision. */
  decimals: number;
  /** The scale word or letters written after the number ("billion", "bn"), and its value. */
  scale?: { text: string; value: number; attached: boolean };
  /** Digits grouped with commas ("3,143"). */
  grouped: boolean;
  capitalized: boolean;
}

/** amount: a count or a measure; part: a share of a group not counted here ("two of the children"). */
export type FigureKind = "amount" | "age" | "score" | "ordinal" | "part";

export interface Figure {
  /** The number as written, scale included ("68.7 billion", "two dozen"): what a diagnostic underlines and a fix replaces. */
  start: number;
  end: number;
  /** Token indexes of the number (first) and just past the figure with its unit (last). */
  first: number;
  last: number;
  /** The value in the written unit, scale applied: "$68.7 billion" → 68700000000. */
  value: number;
  /** The other end of a range ("10 to 12"), or the other side of a score ("2-1"). */
  upper?: number;
  qualifier: Qualifier;
  unit?: Unit;
  /** "a share", "an hour": what the amount is for. */
  per?: string;
  kind: FigureKind;
  style: NumberStyle;
  /** The counted noun ("houses", "people"), lowercase, when one follows. */
  noun?: string;
  /** The unit's or noun's end, for a fix that rewrites number and unit together ("half an hour" → "two hours"). */
  unitEnd?: number;
  /** Match keys of the words around the figure in its clause, nearest first, with how near they are (1 next to it, falling off). */
  context: ContextWord[];
  /** The word right before the figure and its qualifier ("from 410 to 589": "from"). */
  before?: string;
}

export interface ContextWord {
  /** The word's match key and its concept groups (vocabulary keysOf). */
  keys: readonly string[];
  weight: number;
  /** Token index, for telling which figure of the sentence a word is nearer. */
  at: number;
}

const PART_OF = new Set(["the", "them", "those", "these", "its", "their", "whom", "which", "our", "his", "her"]);
const CLAUSE_BREAKS = new Set([";", "(", ")", "|", "•"]);
/** A colon or a dash goes on about the same thing ("won it overwhelmingly: 63.9%"): its words count, for less. */
const SOFT_BREAKS = new Set([":", "—", "–"]);
const ARTICLES = new Set(["a", "an"]);
const FOR_EACH = new Set(["a", "an", "per", "each", "every"]);
/** Words that may stand between a number and its counted noun ("13 more people", "3 other US soldiers"). */
const NOUN_SKIP = new Set(["more", "other", "others", "additional", "further", "new", "of", "the", "them", "those", "these", "were", "are", "was", "had", "have", "been", "still", "reported", "confirmed", "officially"]);

/** Every figure a sentence states, in order. Token indexes in `skip` (years of dates) are not read. */
export function readFigures(tokens: Token[], skip?: (i: number) => boolean): Figure[] {
  const found: Figure[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (skip?.(i)) continue;
    // A list's or a thread's number ("2.", "1/", "**4/**", "03") opens the line: structure, not a figure.
    if (tokens[i].kind === "number" && opensSentence(tokens, i) && isMarker(tokens, i)) continue;
    const f = readFigureAt(tokens, i, skip);
    if (!f) continue;
    found.push(f);
    i = f.last - 1;
  }
  shareUnits(tokens, found);
  if (found.length) for (const f of found) f.context = contextOf(tokens, f, found);
  return found;
}

/** Whether only punctuation (a list's dash, bold marks) stands before token i. */
function opensSentence(tokens: Token[], i: number): boolean {
  for (let k = 0; k < i; k++) if (tokens[k].kind !== "punct") return false;
  return true;
}

/** "1.", "2)", "1/", "03  FILE": a number that opens a sentence and is followed by a marker. */
function isMarker(tokens: Token[], i: number): boolean {
  const next = tokens[i + 1];
  if (!next) return true;
  if (next.raw === "." || next.raw === ")" || next.raw === "/") return next.start === tokens[i].end;
  return /^0\d$/.test(tokens[i].raw);
}

const LISTING = new Set([",", "and", "or", "to", "versus", "vs", "against", "from"]);

/**
 * A bare number next to a figure with a unit shares it: "magnitude 6.5 by the CENC and 6.1 by the
 * USGS", "10 and 12 km". Only across a few words with no other number between.
 */
function shareUnits(tokens: Token[], figures: Figure[]): void {
  for (let k = 0; k < figures.length; k++) {
    const f = figures[k];
    if (f.unit || f.noun || f.kind !== "amount") continue;
    const prev = figures[k - 1];
    const next = figures[k + 1];
    if (next?.unit && next.kind === "amount" && next.first - f.last <= 1 && (next.first === f.last || LISTING.has(tokens[f.last].norm))) f.unit = next.unit;
    else if (prev?.unit && prev.kind === "amount" && f.first - prev.last <= 6) {
      let plain = true;
      for (let j = prev.last; j < f.first && plain; j++) plain = tokens[j].kind !== "number" && tokens[j].raw !== ";";
      if (plain) f.unit = prev.unit;
    }
  }
}

interface NumberAt {
  value: number;
  first: number;
  /** Token index just past the number and its scale word. */
  last: number;
  style: NumberStyle;
  ordinal: boolean;
}

/** A plain number at token i: digits, words ("twenty-three", "a dozen", "half a million"), an ordinal. */
export function readNumberAt(tokens: Token[], i: number, money = false): NumberAt | undefined {
  const t = tokens[i];
  if (!t) return undefined;
  const style: NumberStyle = { kind: "digits", decimals: 0, grouped: false, capitalized: t.cap };
  let value: number | undefined;
  let last = i + 1;
  let ordinal = false;
  if (t.kind === "number" && t.value !== undefined) {
    // "1990s" is a decade, not a count.
    if (/s$/i.test(t.raw)) return undefined;
    value = t.value;
    const point = t.norm.indexOf(".");
    style.decimals = point >= 0 ? t.norm.length - point - 1 : 0;
    style.grouped = t.raw.includes(",");
  } else if (t.kind === "word") {
    const w = t.norm;
    const ordinalDigits = /^(\d+)(st|nd|rd|th)$/.exec(w);
    if (ordinalDigits) {
      value = Number(ordinalDigits[1]);
      ordinal = true;
      style.kind = "ordinal-digits";
    } else if (V.ordinals.has(w) && !isFractionUse(tokens, i)) {
      value = V.ordinals.get(w)!;
      ordinal = true;
      style.kind = "ordinal-words";
      // "twenty-first"
    } else if (V.numberWords.has(w)) {
      value = V.numberWords.get(w)!;
      style.kind = "words";
      const next = tokens[i + 1];
      if (value >= 20 && next?.joined && V.numberWords.has(next.norm) && V.numberWords.get(next.norm)! < 10) {
        value += V.numberWords.get(next.norm)!;
        last = i + 2;
      } else if (value >= 20 && next?.joined && V.ordinals.has(next.norm) && V.ordinals.get(next.norm)! < 10) {
        value += V.ordinals.get(next.norm)!;
        last = i + 2;
        ordinal = true;
        style.kind = "ordinal-words";
      }
    } else if (ARTICLES.has(w) && V.multipliers.has(tokens[i + 1]?.norm ?? "") && !tokens[i + 1].joined) {
      // "a dozen", "a hundred", "a million", "a score of"
      const m = tokens[i + 1].norm;
      if (m === "score" && tokens[i + 2]?.norm !== "of") return undefined;
      value = V.multipliers.get(m)!;
      last = i + 2;
      style.kind = m === "dozen" || m === "score" ? "dozen" : "words";
      if (m === "score") last = i + 3;
      return withMultipliers(tokens, { value, first: i, last, style, ordinal });
    } else if (w === "half" && ARTICLES.has(tokens[i + 1]?.norm ?? "") && V.multipliers.has(tokens[i + 2]?.norm ?? "")) {
      value = V.multipliers.get(tokens[i + 2].norm)! / 2;
      last = i + 3;
      style.kind = "words";
      return { value, first: i, last, style, ordinal };
    } else if (w === "half" && ARTICLES.has(tokens[i + 1]?.norm ?? "") && unitAt(tokens, i + 2)?.unit.family === "time") {
      // "half an hour": the unit follows.
      return { value: 0.5, first: i, last: i + 2, style: { ...style, kind: "words" }, ordinal };
    } else if (ARTICLES.has(w) && unitAt(tokens, i + 1)?.unit.family === "time" && tokens[i - 1]?.norm !== "half" && !tokens[i + 1].joined) {
      // "a year ago", "an hour": one of the unit; the writer's "a" is the number.
      return { value: 1, first: i, last: i + 1, style: { ...style, kind: "words" }, ordinal };
    } else if (w === "no" || w === "none" || w === "zero") {
      return { value: 0, first: i, last: i + 1, style: { ...style, kind: w === "zero" ? "words" : "no" }, ordinal };
    }
  }
  if (value === undefined) return undefined;
  return withMultipliers(tokens, { value, first: i, last, style, ordinal }, money);
}

/** "third" in "a third of the houses" is a fraction, not an ordinal. */
function isFractionUse(tokens: Token[], i: number): boolean {
  return V.fractions.has(tokens[i].norm) && ARTICLES.has(tokens[i - 1]?.norm ?? "") && tokens[i + 1]?.norm === "of";
}

/** "3.5 million", "two dozen", "69bn": scale words after the number. A lone "m", "k" or "b" is a scale only for money ("$5m", not "100m"). */
function withMultipliers(tokens: Token[], n: NumberAt, money = false): NumberAt {
  let value = n.value;
  let last = n.last;
  const style = n.style;
  for (;;) {
    const next = tokens[last];
    if (!next || next.kind !== "word" || next.joined || next.norm === "score") break;
    const attached = next.start === tokens[last - 1].end;
    let scale = V.multipliers.get(next.norm);
    if (scale === undefined) {
      const short = V.abbreviatedMultipliers.get(next.norm);
      if (short !== undefined && (next.norm.length >= 2 || (money && attached))) scale = short;
    }
    if (scale === undefined) break;
    if (next.norm === "dozen" && style.kind === "words") style.kind = "dozen";
    value *= scale;
    // Digits keep their scale word for the fix ("2.1 million"); words are rewritten whole ("two dozen").
    if (style.kind === "digits") style.scale = { text: next.raw, value: (style.scale?.value ?? 1) * scale, attached };
    last++;
  }
  return { ...n, value, last, style };
}

/** A unit named at token i ("km", "per cent", "miles per hour", "US dollars", "%"), the longest that matches. */
function unitAt(tokens: Token[], i: number): { unit: Unit; last: number } | undefined {
  const t = tokens[i];
  if (!t) return undefined;
  if (t.kind === "punct") {
    const u = V.unitSymbols.get(t.raw);
    return u ? { unit: u, last: i + 1 } : undefined;
  }
  // "km/h", "m/s": written with a slash, which the tokenizer splits.
  const slash = tokens[i + 1];
  const b = tokens[i + 2];
  if (slash?.raw === "/" && b && t.end === slash.start && slash.end === b.start) {
    const slashed = V.unitNames.get(`${t.norm}/${b.norm}`);
    if (slashed) return { unit: slashed[0].value, last: i + 3 };
  }
  const candidates = V.unitNames.get(t.norm) ?? V.unitNames.get(t.raw.toLowerCase());
  if (!candidates) return undefined;
  for (const p of candidates) if (phraseAt(tokens, i, p)) return { unit: p.value, last: i + p.words.length };
  return undefined;
}

function phraseAt<T>(tokens: Token[], i: number, p: Phrase<T>): boolean {
  for (let k = 0; k < p.words.length; k++) {
    const t = tokens[i + k];
    if (!t || (t.norm !== p.words[k] && t.raw.toLowerCase() !== p.words[k])) return false;
  }
  return true;
}

/** A currency written before the amount: "$", "US$", "£", "R$", "USD", "Rs". */
function currencyBefore(tokens: Token[], i: number): { unit: Unit; first: number } | undefined {
  const t = tokens[i - 1];
  if (!t) return undefined;
  // "US$", "R$", "HK$": a word glued to the sign.
  const glued = tokens[i - 2];
  if (t.kind === "punct" && glued?.kind === "word" && glued.end === t.start) {
    const u = V.currencySymbols.get(`${glued.raw.replace(/\./g, "")}${t.raw}`.toLowerCase());
    if (u) return { unit: u, first: i - 2 };
  }
  const symbol = V.currencySymbols.get(t.raw.toLowerCase());
  // A code or sign: "USD 5 million", "£56bn", "Rs 500"; a lowercase word is no symbol.
  if (symbol && (t.kind === "punct" || t.upper || /^Rs\.?$/.test(t.raw))) return { unit: symbol, first: i - 1 };
  const sign = t.kind === "punct" ? V.currencyBySign.get(t.raw) : undefined;
  return sign ? { unit: sign, first: i - 1 } : undefined;
}

function qualifierBefore(tokens: Token[], i: number): { qualifier: Qualifier; at: number } {
  // The longest qualifier phrase ending right before i.
  for (let len = 4; len >= 1; len--) {
    const from = i - len;
    if (from < 0) continue;
    for (const p of V.qualifiersBefore.get(tokens[from].norm) ?? []) if (p.words.length === len && phraseAt(tokens, from, p)) return { qualifier: p.value, at: from };
  }
  return { qualifier: "exactly", at: i };
}

/** Letters that are a unit only when glued to the number ("100m", "5t"), never on their own ("5 m"). */
const GLUED_ONLY = /^[a-z]$/i;

const CLOCK = /^(a\.?m|p\.?m)$/i;

/** "4:30", "16:45", "7 p.m.": a time of day, not a figure. */
function isClockTime(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  const next = tokens[i + 1];
  const prev = tokens[i - 1];
  if (next?.raw === ":" && next.start === t.end && tokens[i + 2]?.kind === "number" && tokens[i + 2].start === next.end) return true;
  if (prev?.raw === ":" && prev.end === t.start && tokens[i - 2]?.kind === "number") return true;
  return !!next && next.kind === "word" && CLOCK.test(next.raw.replace(/\./g, "")) && (t.value ?? 0) <= 12;
}

function readFigureAt(tokens: Token[], i: number, inDate?: (i: number) => boolean): Figure | undefined {
  const t = tokens[i];
  if (t.kind === "number" && isClockTime(tokens, i)) return undefined;
  const currency = t.kind === "number" ? currencyBefore(tokens, i) : undefined;
  const n = readNumberAt(tokens, i, !!currency);
  if (!n) return undefined;
  // "One" is more often a pronoun than a count: a number only before a noun ("one US soldier").
  if (n.style.kind === "words" && V.pronounLike.has(t.norm) && n.last === i + 1 && !directNoun(tokens, n.last)) return undefined;
  if (n.style.kind === "no" && t.norm !== "none" && nounAfter(tokens, n.last) === undefined) return undefined;
  // "gave no death toll", "no figures": none given, not none counted.
  if (n.style.kind === "no" && [1, 2].some((d) => V.tallyNouns.has(tokens[i + d]?.norm ?? ""))) return undefined;
  let unit = currency?.unit;
  let unitEnd: number | undefined;
  let last = n.last;
  let per: string | undefined;
  let kind: FigureKind = n.ordinal ? "ordinal" : "amount";
  let upper: number | undefined;
  const qualifier = qualifierBefore(tokens, currency ? currency.first : i);
  const before = tokens[qualifier.at - 1];

  // A range or a score: "10-12", "2-1", "10–12", "10 to 12", "between 10 and 12" (not "from 410 to 589", a change).
  const next = tokens[last];
  if (!n.ordinal && next?.kind === "number" && next.joined && next.value !== undefined) {
    if (inDate?.(last)) return undefined;
    upper = next.value;
    last++;
  } else if (!n.ordinal && (next?.raw === "–" || next?.raw === "—") && tokens[last + 1]?.kind === "number") {
    // "3–9 February": the first day of a span of dates, not a figure.
    if (inDate?.(last + 1)) return undefined;
    upper = tokens[last + 1].value;
    last += 2;
  } else if (!n.ordinal && ((next?.norm === "to" && before?.norm !== "from") || (next?.norm === "and" && before?.norm === "between")) && tokens[last + 1]?.kind === "number" && !currency) {
    const second = readNumberAt(tokens, last + 1);
    if (second && second.value > n.value) {
      upper = second.value;
      last = second.last;
    }
  }
  if (upper !== undefined) {
    // A score reads high against low ("2-1", "3-0", "1-1"); a range low to high ("10-12").
    if (Number.isInteger(n.value) && n.value < 30 && upper < 30 && upper <= n.value && !n.style.scale) kind = "score";
    else if (upper < n.value) upper = undefined;
    // "3 to 4 million": the scale of the second is the first's too.
    else if (n.style.scale && upper < (n.value / n.style.scale.value) * 10) upper *= n.style.scale.value;
  }

  if (!unit && kind !== "score") {
    const after = unitAt(tokens, last);
    const glued = after && tokens[last].start === tokens[last - 1].end;
    if (after && (glued || !GLUED_ONLY.test(tokens[last].raw))) {
      unit = after.unit;
      last = after.last;
      unitEnd = tokens[last - 1].end;
    }
  }
  if (!unit && kind !== "score") {
    // "magnitude 6.5", "magnitude-6.5": the unit before the number.
    const u = i > 0 ? unitAt(tokens, i - 1) : undefined;
    if (u && u.last === i && u.unit.family === "magnitude") unit = u.unit;
  }
  // "$95 a share", "16 cm an hour", "2,000 a month".
  const each = tokens[last];
  if (each && FOR_EACH.has(each.norm) && tokens[last + 1]?.kind === "word" && !V.stopwords.has(tokens[last + 1].norm)) {
    const rate = unitAt(tokens, last + 1);
    if (unit?.family === "currency" || (unit && rate?.unit.family === "time")) {
      per = rate?.unit.id ?? tokens[last + 1].norm;
      last = rate?.last ?? last + 2;
    }
  }
  // A year is a date's, not a figure's ("in 2016"): four digits 1800–2100 with no unit.
  if (!unit && kind === "amount" && isYearLike(tokens, i, n)) return undefined;
  // Ages: "Lula, 77,", "a 77-year-old", "aged 77".
  if (isAge(tokens, i, last, unit)) {
    kind = "age";
    if (unit?.id === "year") {
      unit = undefined;
      if (tokens[last]?.norm === "old") last++;
    }
  }
  // "two of the children", "five of them": a part of a group, not a total.
  if (kind === "amount" && !unit && tokens[last]?.norm === "of" && PART_OF.has(tokens[last + 1]?.norm ?? "")) kind = "part";
  let noun = kind === "score" ? undefined : nounAfter(tokens, last);
  // "a father of five", "a toll of 13", "a crowd of 73,000": a bare number after "[noun] of" counts that noun.
  if (noun === undefined && !unit && kind === "amount" && before?.norm === "of" && tokens[qualifier.at - 2]?.kind === "word" && !tokens[qualifier.at - 2].cap && !V.stopwords.has(tokens[qualifier.at - 2].norm)) {
    noun = qualifier.at - 2;
  }
  let q = qualifier.qualifier;
  if (noun !== undefined) {
    // "13 people at least"
    for (const p of V.qualifiersAfter.get(tokens[noun + 1]?.norm ?? "") ?? []) if (phraseAt(tokens, noun + 1, p)) q = p.value;
    if (unitEnd === undefined) unitEnd = tokens[noun].end;
  }
  return {
    start: t.start,
    end: tokens[n.last - 1].end,
    first: i,
    last,
    value: n.value,
    upper,
    qualifier: q,
    unit,
    per,
    kind,
    style: { ...n.style, capitalized: n.style.capitalized || (!!currency && tokens[currency.first].cap) },
    noun: noun !== undefined ? tokens[noun].norm : undefined,
    unitEnd,
    context: [],
    before: before?.kind === "word" ? before.norm : before?.raw,
  };
}

function isYearLike(tokens: Token[], i: number, n: NumberAt): boolean {
  const t = tokens[i];
  if (t.kind !== "number" || !/^\d{4}$/.test(t.raw) || n.value < 1800 || n.value > 2100 || n.style.scale) return false;
  const next = tokens[n.last];
  // "2000 people" is a count.
  if (next && next.kind === "word" && !next.cap && !V.stopwords.has(next.norm) && !V.months.has(next.norm) && !V.datePrepositions.has(next.norm) && !(V.fiscalWords.has(next.norm))) {
    return false;
  }
  return true;
}

/** "Lula, 77,", "a 77-year-old", "aged 77", "77 years old". */
function isAge(tokens: Token[], i: number, last: number, unit: Unit | undefined): boolean {
  const prev = tokens[i - 1];
  const next = tokens[last];
  if (prev?.norm === "aged" || prev?.norm === "age") return true;
  if (unit?.id === "year" && (next?.norm === "old" || (next?.joined && next.norm === "old"))) return true;
  const t = tokens[i];
  const ends = !next || next.raw === "," || next.raw === "." || next.raw === ")" || next.raw === ";";
  // "Lula, who is 77, takes office": a bare number said of who.
  if (!unit && t.kind === "number" && Number.isInteger(t.value) && t.value! > 0 && t.value! < 120 && ends && tokens[i - 2]?.norm === "who" && WHO_IS.has(prev?.norm ?? "")) return true;
  // "Name, 77," — a capitalized name, a comma, a bare number, a comma or the end.
  if (!unit && t.kind === "number" && t.value! > 0 && t.value! < 120 && Number.isInteger(t.value) && prev?.raw === "," && tokens[i - 2]?.cap && tokens[i - 2]?.kind === "word") {
    return ends;
  }
  return false;
}

const WHO_IS = new Set(["is", "was", "turns", "turned"]);

/** "one soldier", "one US soldier": a noun right after the number, so "one" is a number, not a pronoun ("one had killed"). */
function directNoun(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  if (!t || t.kind !== "word" || V.stopwords.has(t.norm) || /ed$/.test(t.norm)) return false;
  if (t.cap) return tokens[k + 1]?.kind === "word" && !tokens[k + 1].cap && !V.stopwords.has(tokens[k + 1].norm);
  return true;
}

/**
 * The counted noun after a number ("80,000 houses", "13 more people"): the first word that is not a
 * little word, or the plural after it when the first only describes it ("a dozen coalition helicopters").
 */
function nounAfter(tokens: Token[], from: number): number | undefined {
  for (let k = from; k < tokens.length && k < from + 4; k++) {
    const t = tokens[k];
    if (t.kind !== "word") return undefined;
    if (NOUN_SKIP.has(t.norm)) continue;
    // "32 km southwest of": a direction, not what is counted.
    if (V.stopwords.has(t.norm) || V.months.has(t.norm) || V.weekdays.has(t.norm) || V.compass.has(t.norm)) return undefined;
    // A word in capitals longer than an acronym is a headline's word ("13 DEAD").
    if (t.upper && t.norm.length > 4) return k;
    // A capitalized word after a number is a name ("3 Dutch soldiers" keeps "soldiers" two on).
    if (t.cap && k === from && !V.ordinals.has(t.norm)) {
      const next = tokens[k + 1];
      if (next?.kind === "word" && !next.cap && !V.stopwords.has(next.norm)) return k + 1;
      return undefined;
    }
    const next = tokens[k + 1];
    if (next?.kind === "word" && !next.cap && !next.joined && !t.norm.endsWith("s") && next.norm.endsWith("s") && !V.stopwords.has(next.norm) && !/(ed|ing)$/.test(t.norm)) return k + 1;
    return k;
  }
  return undefined;
}

/**
 * The words of a figure's clause with how near they stand: the clause runs back to the sentence
 * start or a clause break and on to the next one, and a word nearer another figure counts for that one.
 */
function contextOf(tokens: Token[], f: Figure, all: Figure[]): ContextWord[] {
  const words: ContextWord[] = [];
  const reach = 24;
  let soft = 1;
  const take = (k: number, dist: number): void => {
    const t = tokens[k];
    if (SOFT_BREAKS.has(t.raw)) soft = 0.6;
    if (t.kind !== "word" && !(t.kind === "number" && /^\d{4}$/.test(t.raw))) return;
    // "US" in capitals is the country, not the pronoun.
    if ((V.stopwords.has(t.norm) && !t.upper) || V.multipliers.has(t.norm) || V.numberWords.has(t.norm) || (/^\d/.test(t.norm) && !/^\d{4}$/.test(t.raw))) return;
    let weight = soft / (1 + dist / 4);
    // Nearer another figure: it is that figure's word.
    for (const o of all) {
      if (o === f) continue;
      const d = k < o.first ? o.first - k : k >= o.last ? k - o.last + 1 : 0;
      if (d < dist) weight *= d === 0 ? 0.1 : 0.4;
    }
    words.push({ keys: keysOf(t.norm), weight, at: k });
  };
  for (let k = f.first - 1, d = 1; k >= 0 && d <= reach; k--, d++) {
    if (CLAUSE_BREAKS.has(tokens[k].raw)) break;
    take(k, d);
  }
  soft = 1;
  // The figure's own words (its number, scale and unit) are not context: the unit is compared as a unit.
  // What an amount is for is ("$95 a share").
  if (f.per) words.push({ keys: keysOf(f.per), weight: 1, at: f.last - 1 });
  for (let k = f.last, d = 1; k < tokens.length && d <= reach; k++, d++) {
    if (CLAUSE_BREAKS.has(tokens[k].raw)) break;
    // "jumped to 589 as rescuers reached …": a figure with no noun of its own does not count what the next clause tells of.
    if (k === f.last && !f.noun && V.clauseOpeners.has(tokens[k].norm)) soft = 0.25;
    take(k, d);
  }
  return words;
}
