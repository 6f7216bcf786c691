// Compares the figures a sentence states with the counts of the facts. A figure meets a count
// only when it is about what that count counts: the same unit family, and the words around the
// figure are the words of the count (its measure, its `of`, the words of its citations). A
// figure that fits any count it may be about is left alone; one that fits none is flagged
// against the count it is most clearly about, and fixed only to that count's own value.
import { Figure } from "../claims/figures";
import { Qualifier } from "../facts/model";
import { figureFix } from "../fixes/figureText";
import { keysOf, sameCurrency, Unit, vocabulary as V } from "../vocabulary";
import { CompareContext } from "./context";
import { CountFact, CountFacts, FactValue, ValueTime } from "./countFacts";
import { SentenceFrame } from "./frame";

type Range = [number, number];

/** What a figure allows, as the sources or the writer qualify it. */
export function rangeOf(value: number, qualifier: Qualifier, side: "fact" | "claim", upper?: number): Range {
  if (upper !== undefined && upper > value) return [value, upper];
  switch (qualifier) {
    case "at least":
      // "At least 13" reports 13: a different reported figure is a different claim.
      return [value, value];
    case "more than":
      return side === "fact" ? [value, Infinity] : [value + Math.min(1, value / 100) * 1e-6 + 1e-9, Infinity];
    case "about":
      return [value * 0.85, value * 1.15];
    case "nearly":
      return [value * 0.85, value];
    case "up to":
      return side === "fact" ? [value * 0.8, value] : [value * 0.5, value];
    case "fewer than":
      return [0, value - 1e-9];
    default:
      return [value, value];
  }
}

export const overlaps = (a: Range, b: Range): boolean => a[0] <= b[1] && b[0] <= a[1];

/** People in general: a count of them needs no saying whom. */
const GENERIC = new Set(keysOf("people"));

/** How strongly the words around a figure must point at a count before the figure is compared with it. */
const THRESHOLD = 0.6;
/** A count of an event the sentence is not about must be named more clearly still. */
const ELSEWHERE = 0.45;

interface Scored {
  fact: CountFact;
  score: number;
}

export function compareFigures(ctx: CompareContext, frame: SentenceFrame): void {
  const figures = frame.reading.figures;
  if (!figures.length || frame.imagined) return;
  const counts = CountFacts.of(ctx.base);
  if (!counts.all.length) return;
  for (const f of figures) {
    if (!frame.claims(f.start) || frame.ofOtherHappening(f.start, f.end)) continue;
    // "two helicopter raids": a count of happenings, which the facts do not count.
    if (f.noun && V.happeningsOf.has(f.noun)) continue;
    const found = candidates(counts, f, frame);
    if (!found.clear.length) continue;
    judge(ctx, f, found, frame);
  }
}

interface Candidates {
  /** Counts the figure's words point at clearly enough to judge it against, strongest first. */
  clear: Scored[];
  /** Counts it may be about at all: a figure that fits one of these is left alone. */
  possible: Scored[];
}

export function candidates(counts: CountFacts, f: Figure, frame: SentenceFrame): Candidates {
  const pool = counts.withKeys(f.context.flatMap((w) => w.keys));
  const events = frame.countedEvents;
  for (const ev of events) for (const c of counts.ofOwner(ev.id)) pool.add(c);
  // The entities the sentence names, or that the last sentences named where the sentence refers to one
  // by its level ("The province is home to …").
  const named = new Set(frame.reading.mentions.map((m) => m.entityId));
  for (const id of frame.state.recentPlaces.slice(-3)) {
    const level = counts.levelOf(id);
    if (level && frame.reading.words.some((w) => V.levelOfNoun.get(w) === level)) named.add(id);
  }
  for (const id of named) for (const c of counts.ofOwner(id)) pool.add(c);
  const clear: Scored[] = [];
  const possible: Scored[] = [];
  for (const fact of pool) {
    if (!compatible(f, fact)) continue;
    const owner = fact.owner;
    let weight: number;
    if (owner.kind === "event") {
      const rank = events.indexOf(owner.event);
      weight = rank === 0 ? 1.2 : rank > 0 ? 1 : ELSEWHERE;
    } else weight = named.has(owner.entity.id) ? 1.2 : ELSEWHERE;
    if (f.kind === "age") {
      // An age is the age of the person named next to it ("Lula, 77,"), and of no one else.
      if (owner.kind === "entity" && nextTo(frame, owner.entity.id, f)) clear.push({ fact, score: 2 }), possible.push({ fact, score: 2 });
      continue;
    }
    const { score, gated } = wordScore(f, fact);
    if (score <= 0) continue;
    if (gated) possible.push({ fact, score: score * weight });
    // Judged only against counts of what the sentence is about: its events, the document's, the places and people it names.
    if (gated && weight > ELSEWHERE && score * weight >= THRESHOLD) clear.push({ fact, score: score * weight });
  }
  clear.sort((a, b) => b.score - a.score);
  possible.sort((a, b) => b.score - a.score);
  return { clear, possible };
}

/** Whether the entity is named right before the figure ("Lula, 77,", "Lula (77)"), or right after ("77-year-old Lula"). */
function nextTo(frame: SentenceFrame, id: string, f: Figure): boolean {
  return frame.reading.mentions.some((m) => m.entityId === id && ((m.end <= f.start && f.start - m.end <= 3) || (m.start >= f.end && m.start - f.end <= 16)));
}

/**
 * How strongly the figure's words are the count's: each word counts once (its best key), each key of
 * the count once. Gated when the words also say what befell those counted, or which count it is.
 */
export function wordScore(f: Figure, fact: CountFact): { score: number; gated: boolean } {
  const nounKeys = f.noun ? keysOf(f.noun) : [];
  const used = new Map<string, number>();
  // Every key of the count the figure's words meet, for how much of the measure they cover.
  const met = new Set<string>();
  for (const w of f.context) {
    let bestKey: string | undefined;
    let bestValue = 0;
    for (const k of w.keys) {
      const s = fact.signature.get(k);
      if (s === undefined) continue;
      // Who is counted ("people", "forces") is said in the figure's own noun phrase, not by a word further off.
      if (fact.counted.has(k) && w.weight < 0.6) continue;
      met.add(k);
      if (s * w.weight > bestValue) {
        bestValue = s * w.weight;
        bestKey = k;
      }
    }
    if (bestKey !== undefined && bestValue > (used.get(bestKey) ?? 0)) used.set(bestKey, bestValue);
  }
  let score = 0;
  let happened = 0;
  used.forEach((v, k) => {
    score += v;
    if (!fact.subject.has(k)) happened += v;
  });
  // The sentence says what one of the count's citations says around its value: it is that count.
  const said = new Set(f.context.filter((w) => w.weight >= 0.3).map((w) => w.keys[0]));
  if (fact.quoted.some((q) => q.size >= 3 && [...q].filter((k) => said.has(k)).length >= 0.7 * q.size)) return { score: Math.max(score, 2), gated: true };
  // A count of someone in particular ("parties allied with Lula", "Lula in the Northeast", the U.S.
  // Geological Survey's reading) is that figure only as far as the sentence says whose.
  for (const k of fact.named) if (!met.has(k)) score *= 0.5;
  // So is a count of a particular group ("US forces"), which only the figure's own noun phrase can say.
  if ([...fact.counted].some((k) => !k.startsWith("~") && !GENERIC.has(k)) && ![...fact.counted].some((k) => met.has(k))) score *= 0.5;
  // A counted noun that is not what the count counts ("three people" against the count of the children killed).
  if (nounKeys.length && !nounKeys.some((k) => fact.subject.has(k) || fact.measure.has(k))) {
    if (fact.count.within || fact.subject.size || !nounKeys.some((k) => fact.signature.has(k))) score *= 0.3;
  }
  // Who is counted is not enough ("three million people" are not the killed people) unless no other count
  // counts them: the figure's noun, or a name next to it, is this count's alone ("12 in Huize county").
  const ownNoun = nounKeys.some((k) => fact.ownSubject.has(k)) || f.context.some((w) => w.weight >= 0.6 && w.keys.some((k) => fact.ownSubject.has(k)));
  let gated = happened >= 0.2 || ownNoun;
  // The words of the measure itself must be there, most of them ("fall from record high": a fall alone is not it).
  if (gated && fact.measureWords.length > 1 && !ownNoun) {
    const covered = fact.measureWords.filter((keys) => keys.some((k) => met.has(k))).length;
    gated = covered / fact.measureWords.length >= 0.5 || happened >= 1;
  }
  return { score, gated };
}

/** The same kind of quantity: one unit family (one currency), an age for an age. */
function compatible(f: Figure, fact: CountFact): boolean {
  if (f.kind === "score" || f.kind === "ordinal" || f.kind === "part") return false;
  if ((f.kind === "age") !== fact.isAge) return false;
  if (f.kind === "age") return true;
  const a = f.unit;
  const b = fact.unit;
  if (!a || !b) return !a && !b;
  if (a.family !== b.family) return false;
  if (a.family === "currency") return sameCurrency(a, b);
  // Units far apart measure different things: "four months" is no raid's duration of hours, "100 metres" no distance of 23 km.
  const ratio = a.factor / b.factor;
  return ratio <= 60 && ratio >= 1 / 60;
}

/** The figure's range in the count's unit, with room for the rounding of the figure as written. */
function claimRange(f: Figure, fact: CountFact): Range {
  const [lo, hi] = rangeOf(f.value, f.qualifier, "claim", f.upper);
  // "615" is exact; "600" may be 615 rounded; "$69 billion" is $68.7 billion rounded.
  const slack = roundingOf(f);
  const widened: Range = f.qualifier === "exactly" || f.qualifier === "at least" ? [lo - slack, hi + slack] : [lo, hi];
  return [toFactUnit(widened[0], f.unit, fact), toFactUnit(widened[1], f.unit, fact)];
}

/** Half the place of the last digit written: "615" ±0.5, "600" ±50, "68.7 billion" ±0.05 billion. */
function roundingOf(f: Figure): number {
  if (f.style.kind !== "digits") return f.value >= 100 && f.value % 100 === 0 ? 50 : 0;
  const scale = f.style.scale?.value ?? 1;
  const written = f.value / scale;
  if (f.style.decimals > 0) return (0.5 * 10 ** -f.style.decimals) * scale;
  let place = 1;
  let n = Math.round(written);
  while (n !== 0 && n % 10 === 0 && place < 1e9) {
    n /= 10;
    place *= 10;
  }
  // Round figures are written rounded; a digit that is not zero is meant as it stands.
  return place > 1 ? 0.5 * place * scale : 0;
}

function toFactUnit(v: number, from: Unit | undefined, fact: CountFact): number {
  const to = fact.unit;
  if (!from || !to || from.id === to.id || from.family === "currency") return v / fact.scale;
  return ((v * from.factor + from.offset - to.offset) / to.factor) / fact.scale;
}

function factRange(v: FactValue): Range {
  return rangeOf(v.value, v.qualifier, "fact", v.upper);
}

/** A figure of another unit is converted, so the comparison allows for the writer's rounding in that unit. */
function converted(f: Figure, fact: CountFact): boolean {
  return !!f.unit && !!fact.unit && f.unit.id !== fact.unit.id && f.unit.family !== "currency";
}

function fits(f: Figure, fact: CountFact, v: FactValue): boolean {
  const claim = claimRange(f, fact);
  const range = factRange(v);
  if (converted(f, fact)) {
    // Converted figures are rounded twice: allow 2% either way.
    return overlaps([claim[0] * 0.98, claim[1] * 1.02], range);
  }
  return overlaps(claim, range);
}

/** Whether the sentence gives a superseded or disputed value as a report: dated to its day, credited to who gave it, or set against the established one. */
function reported(f: Figure, fact: CountFact, v: FactValue, frame: SentenceFrame, ctx: CompareContext): boolean {
  if (frame.anchors.some((a) => v.times.some((t) => sameDay(a, t)))) return true;
  const outlier = v.source.cite.every((c) => ctx.base.sources.get(c.source)?.standing === "outlier");
  const words = frame.wordKeys;
  const credited = [...v.givenBy].some((k) => words.has(k));
  // Another figure of the same count, that gives its established value.
  const setAgainst = (list: readonly Figure[]): boolean => list.some((o) => o !== f && compatible(o, fact) && wordScore(o, fact).gated && fits(o, fact, fact.values[0]));
  // A report the facts trust is a report when credited or dated; a known outlier's figure only when set against the established one.
  if (!outlier && credited) return true;
  return setAgainst(frame.reading.figures) || (credited && setAgainst(frame.paragraph));
}

function sameDay(a: ValueTime, b: ValueTime): boolean {
  let shared = 0;
  for (const p of ["year", "month", "day", "weekday"] as const) {
    if (a[p] === undefined || b[p] === undefined) continue;
    if (a[p] !== b[p]) return false;
    shared++;
  }
  return shared > 0 && (a.day !== undefined || a.weekday !== undefined);
}

function judge(ctx: CompareContext, f: Figure, found: Candidates, frame: SentenceFrame): void {
  const scored = found.clear;
  const best = scored[0];
  // Counts nearly as likely as the best are as much what the figure may be about, and so is any count
  // its words point at half as strongly as they point at any: a figure that fits one is left alone.
  const rivals = scored.filter((s) => s.score >= best.score * 0.75);
  const top = found.possible[0]?.score ?? 0;
  const maybe = found.possible.filter((s) => s.score >= top * 0.6 && !rivals.includes(s));
  let disputed: { fact: CountFact; value: FactValue } | undefined;
  for (const { fact } of maybe) for (const v of fact.values) if (fits(f, fact, v) && (v.established || reported(f, fact, v, frame, ctx))) return;
  for (const { fact } of rivals) {
    for (const v of fact.values) {
      if (!fits(f, fact, v)) continue;
      if (v.established || reported(f, fact, v, frame, ctx)) return;
      disputed ??= { fact, value: v };
    }
  }
  const fact = disputed?.fact ?? best.fact;
  const established = fact.values[0];
  const others = rivals.filter((r) => r.fact !== fact && r.fact.values[0].value !== established.value);
  // Words that fit a class of counts equally ("seats" of four parties) do not say which one the figure is:
  // it may be a count the facts do not hold (the chamber's 513). Left alone unless one stands out.
  if (!disputed && others.length >= 2) return;
  const certain = !others.length;
  const owner = fact.owner.kind === "event" ? fact.owner.event.name : fact.owner.entity.name;
  const right = describeValue(fact, established);
  const wrongText = writtenFigure(frame.text, f);
  const also = disputed
    ? ` One report gives ${describeValue(fact, disputed.value)}${ctx.cite(disputed.value.source.cite)}, but the established figure is ${right}.`
    : "";
  const fixes = [figureFix(fact, established, f)];
  for (const o of others.slice(0, 2)) fixes.push(figureFix(o.fact, o.fact.values[0], f));
  ctx.report({
    code: "wrong-number",
    start: f.start,
    end: f.end,
    message: `${right}, not ${wrongText} — the sources give ${right} for ${what(fact)} (${owner})${ctx.cite(established.source.cite)}.${also}`,
    fixes: fixes.filter((x, k) => fixes.findIndex((y) => y.newText === x.newText) === k),
    preferred: certain,
    fact: { at: established.source.at, what: `${owner}: ${what(fact)}, ${right}` },
    eventId: fact.owner.kind === "event" ? fact.owner.event.id : undefined,
    entityId: fact.owner.kind === "entity" ? fact.owner.entity.id : undefined,
    written: wrongText,
  });
}

/** The figure as the sentence writes it, with its currency sign and unit ("$3.1 billion", "53%", "two hours"). */
function writtenFigure(text: string, f: Figure): string {
  const sign = f.unit?.family === "currency" ? /(?:[A-Z]{1,3}\$|[$£€¥₹])\s?$/u.exec(text.slice(Math.max(0, f.start - 4), f.start))?.[0] ?? "" : "";
  return `${sign}${text.slice(f.start, f.unit && f.unitEnd !== undefined ? Math.max(f.end, f.unitEnd) : f.end)}`;
}

/** "at least 13", "about 10,000", "$68.7 billion", "45%". */
export function describeValue(fact: CountFact, v: FactValue): string {
  const q = v.qualifier === "exactly" ? "" : `${v.qualifier} `;
  const n = (x: number): string => (Number.isInteger(x) && Math.abs(x) >= 10000 ? x.toLocaleString("en-US") : String(x));
  const amount = v.upper !== undefined ? `${n(v.value)}–${n(v.upper)}` : n(v.value);
  const u = fact.unit;
  if (!u) return `${q}${amount}`;
  if (u.family === "currency") return `${q}${u.sign ?? u.id}${bigAmount(v.value)}`.replace(/^(.*?)([A-Z]{3})(\d)/, "$1$2 $3");
  if (u.id === "percent") return `${q}${amount}%`;
  const name = u.names[0]?.join(" ") ?? u.id;
  return u.before ? `${q}${name} ${amount}` : `${q}${amount} ${name}`;
}

function bigAmount(x: number): string {
  for (const [size, word] of [[1e12, "trillion"], [1e9, "billion"], [1e6, "million"]] as const) {
    if (Math.abs(x) >= size) return `${Number((x / size).toFixed(2))} ${word}`;
  }
  return Number.isInteger(x) ? x.toLocaleString("en-US") : String(x);
}

/** What a count counts, in the facts' words: "killed (people)", "price per share in US dollars". */
function what(fact: CountFact): string {
  const c = fact.count;
  const of = c.of && !/^[a-z0-9-]+$/.test(c.of) ? c.of : c.of?.replace(/-/g, " ");
  return of && of !== "people" ? `${c.measure} (${of})` : c.measure;
}
