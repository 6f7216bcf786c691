// Compares dates with the date of the event they belong to: year, month, day, weekday.
import { DateMention, DatePart } from "../claims/dates";
import { vocabulary as V } from "../vocabulary";

const MONTH_NAMES = V.monthNames;
import { EventWhen, FactEvent } from "../facts/model";
import { CompareContext } from "./context";
import { Mention } from "../claims/names";
import { lookups } from "./lookups";

type PartName = "year" | "month" | "day" | "weekday";
const PARTS: PartName[] = ["year", "month", "day", "weekday"];

/** Dates introduced by these words point at another moment ("since 2019"), not at the event's own date. */
const RELATIVE = new Set(["since", "until", "till", "before", "after", "by", "from"]);

function shared(d: DateMention, w: EventWhen): PartName[] {
  return PARTS.filter((p) => d[p] !== undefined && w[p] !== undefined);
}

function agrees(d: DateMention, w: EventWhen): boolean {
  return shared(d, w).every((p) => String(d[p]!.value).toLowerCase() === String(w[p]).toLowerCase());
}

/** Whether a date gives at least two parts of the event's date, and gives them rightly. */
export function agreesFully(d: DateMention, ev: FactEvent): boolean {
  return !!ev.when && shared(d, ev.when).length >= 2 && agrees(d, ev.when);
}

export function compareEventDate(ctx: CompareContext, d: DateMention, events: FactEvent[], mentions: readonly Mention[] = []): void {
  if (d.prep && RELATIVE.has(d.prep)) return;
  // A date of speech ("On Friday, the Pentagon said") is checked only against dates that are announcements.
  const dated = events.filter((e) => e.when && shared(d, e.when).length > 0 && (!d.ofSpeech || e.when.announced));
  if (!dated.length) return;
  if (dated.some((e) => agrees(d, e.when!))) return;
  const ev = dated[0];
  const when = ev.when!;
  if (wrongTarget(ctx, d, ev, mentions)) return;
  // "It lost its territory in March 2019, and seven months later …": a full date that is another
  // known event's date belongs to that event, even when the sentence goes on to this one.
  if (PARTS.filter((p) => d[p] !== undefined).length >= 2 && [...ctx.base.events.values()].some((e) => e.when && shared(d, e.when).length >= 2 && agrees(d, e.when))) return;
  for (const p of shared(d, when)) {
    const part = d[p] as DatePart;
    if (String(part.value).toLowerCase() === String(when[p]).toLowerCase()) continue;
    const right = p === "month" ? MONTH_NAMES[when.month!] : String(when[p]);
    const wrong = p === "month" ? MONTH_NAMES[Number(part.value)] : String(part.value);
    ctx.report({
      code: "wrong-date",
      start: part.start,
      end: part.end,
      message: `${right}, not ${wrong} — the sources date ${ctx.theEvent(ev)} to ${describeWhen(when)}${ctx.cite(when.cite)}.`,
      fixes: [{ newText: right }],
      fact: { at: when.at, what: `${ev.name}: ${describeWhen(when)}` },
      eventId: ev.id,
      written: wrong,
    });
  }
}

export function describeWhen(w: EventWhen): string {
  const parts: string[] = [];
  if (w.weekday) parts.push(w.weekday);
  if (w.month) parts.push(MONTH_NAMES[w.month] + (w.day ? ` ${w.day}` : ""));
  if (w.year) parts.push(String(w.year));
  return parts.join(", ") || w.relative || "an unstated date";
}

/** "The October 2019 trial that convicted Doe": the date fits another event exactly, so the person named is the slip. */
function wrongTarget(ctx: CompareContext, d: DateMention, ev: FactEvent, mentions: readonly Mention[]): boolean {
  const named = mentions.find((m) => ev.targets?.ids.includes(m.entityId) && ctx.entity(m.entityId)?.kind === "person");
  if (!named) return false;
  const fitting = lookups(ctx.base).datedWithPersonTarget.find(
    (e) => e !== ev && e.when && shared(d, e.when).length >= 2 && agrees(d, e.when) && e.targets?.ids.some((id) => ctx.entity(id)?.kind === "person"),
  );
  if (!fitting) return false;
  const right = ctx.entity(fitting.targets!.ids.find((id) => ctx.entity(id)?.kind === "person"));
  if (!right) return false;
  ctx.report({
    code: "wrong-person",
    start: named.start,
    end: named.end,
    message: `${right.name}, not ${ctx.name(named.entityId)} — ${ctx.theEvent(fitting)} of ${describeWhen(fitting.when!)} targeted ${right.name}${ctx.cite(fitting.targets!.cite)}.`,
    fixes: [{ newText: right.name }],
    fact: { at: fitting.targets!.at, what: `${fitting.name}: ${right.name}` },
    eventId: fitting.id,
    entityId: right.id,
    written: named.written,
  });
  return true;
}
