// Compares stated quantities with the counts of the event (or place) they belong to.
// Numbers are compared as ranges built from their qualifiers, never as strings.
import { Count, CountValue, FactEvent, Qualifier } from "../facts/model";
import { Quantity } from "../claims/numbers";
import { DURATION_UNITS } from "../claims/lexicon";
import { formatNumber } from "../fixes/numberText";
import { CompareContext } from "./context";

type Range = [number, number];

/** What a figure allows, as the sources or the writer qualify it. */
export function rangeOf(value: number, qualifier: Qualifier, side: "fact" | "claim"): Range {
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
      return [value * 0.5, value];
    case "fewer than":
      return [0, value - 1e-9];
    default:
      return [value, value];
  }
}

export function overlaps(a: Range, b: Range): boolean {
  return a[0] <= b[1] && b[0] <= a[1];
}

function hoursOf(unit: string | undefined): number {
  return unit ? DURATION_UNITS.get(unit)?.hours ?? DURATION_UNITS.get(`${unit}s`)?.hours ?? 1 : 1;
}

/** The counts of an event that a quantity speaks to. */
export function countsFor(counts: Count[], q: Quantity): Count[] {
  return counts.filter((c) => {
    if (q.measure === "duration") {
      if (c.measure !== "duration") return false;
      const ratio = hoursOf(c.unit) / (q.unitHours ?? 1);
      return ratio <= 60 && ratio >= 1 / 60;
    }
    if (q.measure === "aircraft") return c.measure === "aircraft" && (c.of ?? "helicopters") === q.group;
    const sameGroup =
      c.of === q.group ||
      (q.group === "forces" && (c.of === "us-forces" || c.of === "coalition-forces" || c.of === "forces")) ||
      (c.of === undefined && q.group === "people");
    if (!sameGroup) return false;
    if (c.measure === q.measure) return true;
    // No casualties means none killed and none injured.
    return c.measure === "casualties" && c.value === 0 && (q.measure === "killed" || q.measure === "injured");
  });
}

function claimRange(q: Quantity): Range {
  const r = rangeOf(q.value, q.qualifier, "claim");
  if (q.measure === "duration") return [r[0] * (q.unitHours ?? 1), r[1] * (q.unitHours ?? 1)];
  return r;
}

function factRange(c: Count, v: CountValue): Range {
  const r = rangeOf(v.value, v.qualifier, "fact");
  if (c.measure === "duration") return [r[0] * hoursOf(c.unit), r[1] * hoursOf(c.unit)];
  return r;
}

function describeCount(c: Count, v: CountValue = c): string {
  const q = v.qualifier === "exactly" ? "" : `${v.qualifier} `;
  if (c.measure === "duration") return `${q}${v.value} ${c.unit ?? "hour"}${v.value === 1 ? "" : "s"}`;
  const who = c.of && c.of !== "people" ? ` ${c.of.replace(/-/g, " ")}` : "";
  if (v.value === 0) return `no${who || " people"} ${c.measure === "casualties" ? "casualties" : c.measure}`;
  return `${q}${v.value}${who} ${c.measure === "aircraft" ? "" : c.measure}`.trim();
}

/** The rest of the sentence a quantity stands in, for telling a report of a disputed figure from a claim of it. */
export interface SentenceContext {
  quantities: readonly Quantity[];
  /** The sentence's text (made when asked for) and what its whole paragraph states, when the paragraph is known. */
  text?: () => string;
  paragraph?: readonly Quantity[];
}

export function compareQuantity(
  ctx: CompareContext,
  q: Quantity,
  counts: Count[],
  owner: { id: string; name: string; isEvent: boolean },
  sentence?: SentenceContext,
): boolean {
  const matching = countsFor(counts, q);
  if (!matching.length) return false;
  const claim = claimRange(q);
  // Consistent with any matching count: nothing to say.
  if (matching.some((c) => overlaps(claim, factRange(c, c)))) return true;
  const c = matching[0];
  // Convert the fact into the claim's unit for the fix.
  const inClaimUnit = c.measure === "duration" ? (c.value * hoursOf(c.unit)) / (q.unitHours ?? 1) : c.value;
  const value = Number.isInteger(inClaimUnit) ? inClaimUnit : Math.round(inClaimUnit * 10) / 10;
  const disputed = c.disputed.find((d) => overlaps(claim, factRange(c, d)));
  // "A resident spoke of 12 dead, but the Observatory's toll was 13": the disputed figure set
  // against the established one in the same sentence is reported, not claimed; so it is
  // anywhere in the paragraph when the sentence credits it to the source that gave it ("A
  // resident quoted by Reuters spoke of 12 dead"; "the Observatory said 12" is still wrong).
  const setAgainst = (list: readonly Quantity[]): boolean => list.some((o) => o !== q && countsFor([c], o).length > 0 && overlaps(claimRange(o), factRange(c, c)));
  if (disputed && sentence && (setAgainst(sentence.quantities) || (sentence.paragraph && creditsSource(ctx, disputed, sentence.text) && setAgainst(sentence.paragraph)))) return true;
  const also = disputed
    ? ` One report gives ${describeCount(c, disputed)}${ctx.cite(disputed.cite)}, but the established figure is ${describeCount(c)}.`
    : "";
  ctx.report({
    code: "wrong-number",
    start: q.start,
    end: q.end,
    message: `The sources give ${describeCount(c)} for the ${owner.name}, not ${q.value}${ctx.cite(c.cite)}.${also}`,
    fixes: [durationFix(c, q) ?? { newText: formatNumber(value, q.style, q.capitalized) }],
    fact: { at: c.at, what: `${owner.name}: ${describeCount(c)}` },
    eventId: owner.isEvent ? owner.id : undefined,
    entityId: owner.isEvent ? undefined : owner.id,
    written: String(q.value),
  });
  return true;
}

/** Whether the sentence names a source of the disputed value (its outlet as the sources list it, before any note in brackets). */
function creditsSource(ctx: CompareContext, disputed: CountValue, sentence: (() => string) | undefined): boolean {
  if (!sentence) return false;
  const text = sentence();
  return disputed.cite.some((cite) => {
    const outlet = ctx.base.sources.get(cite.source)?.outlet.split(" (")[0].trim();
    return !!outlet && text.includes(outlet);
  });
}

/** "half an hour" → "two hours": a duration is rewritten with its unit, in the facts' own unit. */
function durationFix(c: Count, q: Quantity): { newText: string; start: number; end: number } | undefined {
  if (c.measure !== "duration" || q.nounEnd === undefined) return undefined;
  const unit = c.unit ?? "hour";
  const number = formatNumber(c.value, q.style === "dozen" || q.style === "no" ? "words" : q.style, q.capitalized);
  return { newText: `${number} ${unit}${c.value === 1 ? "" : "s"}`, start: q.start, end: q.nounEnd };
}

export function compareEventQuantity(ctx: CompareContext, q: Quantity, events: FactEvent[], sentence?: SentenceContext): void {
  // Consistent with any candidate event: fine. Otherwise judged against the first that counts it.
  const counting = events.filter((e) => countsFor(e.counts, q).length > 0);
  if (!counting.length) return;
  const claim = claimRange(q);
  if (counting.some((e) => countsFor(e.counts, q).some((c) => overlaps(claim, factRange(c, c))))) return;
  const ev = counting[0];
  compareQuantity(ctx, q, ev.counts, { id: ev.id, name: ev.name, isEvent: true }, sentence);
}
