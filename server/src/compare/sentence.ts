// Compares what one sentence states with the facts: names, offices, ties and founding dates
// on their own; counts, dates, places and actors against the event the sentence is about.
import { EVENT_VERBS } from "../claims/lexicon";
import { Quantity } from "../claims/numbers";
import { SentenceReading } from "../claims/reader";
import { FactEvent } from "../facts/model";
import { compareActor } from "./actors";
import { Attribution, EventModel } from "./attribution";
import { CompareContext } from "./context";
import { compareEventQuantity, compareQuantity } from "./counts";
import { compareEventDate } from "./dates";
import { compareBuilding } from "./details";
import { DocState } from "./documentState";
import {
  deniesAll,
  followsOtherHappening,
  isBirthDate,
  isConditional,
  isDenied,
  isOtherHappeningsFigure,
  namesOtherHappening,
  opensOnOtherHappening,
  SentenceFrame,
} from "./framing";
import { reportHonorific, reportSuspect } from "./names";
import { compareBased, compareFounded, compareRelation } from "./organizations";
import { compareRole, compareTitle } from "./people";
import { compareEventPlace, compareLocatedPlace, compareRegionOf, knowsPlaceAspect } from "./places";

// Patterns made once: a regex literal inside a function is a new RegExp object at every evaluation.
const REGION_NOUN = /^(province|territory|region|enclave|governorate)$/;
const THE_OR_THIS = /^(the|this)$/;
const SITE_NOUN = /^(area|town|village|site|place|house|city)$/;
const LIES_VERB = /^(lies|is|sits|was|located|situated|stands)$/;

/**
 * Reads `state` as it stood before the sentence; the caller advances it. `paragraph` holds the
 * figures the whole paragraph states, for telling a report of a disputed figure from a claim of it.
 */
export function compareSentence(
  ctx: CompareContext,
  s: SentenceReading,
  blockText: string,
  a: Attribution,
  state: DocState,
  events: EventModel,
  paragraph: readonly Quantity[] = s.quantities,
): void {
  // "An article wrongly said …", "Neither raid was …": nothing the sentence says is claimed.
  if (deniesAll(s.words)) return;
  const first = ctx.findings.length;
  compareClaims(ctx, s, blockText, a, state, events, paragraph);
  // "Killed in 2019, not 2017": a value the writer denies is not claimed; nor is one inside a
  // quotation no one in the sentence is said to have spoken (a claim held up for examination),
  // nor one in an open question ("asked whether the raid meant Washington …").
  if (ctx.findings.length === first) return;
  const frame = new SentenceFrame(blockText, s.start, s.end, s.words);
  for (let k = ctx.findings.length - 1; k >= first; k--) {
    const at = ctx.findings[k].start - ctx.offset;
    if (isDenied(blockText, s.start, at) || frame.inUnattributedQuote(at) || frame.inQuestion(at)) ctx.findings.splice(k, 1);
  }
}

function compareClaims(ctx: CompareContext, s: SentenceReading, blockText: string, a: Attribution, state: DocState, events: EventModel, paragraph: readonly Quantity[]): void {
  for (const suspect of s.suspects) reportSuspect(ctx, suspect);
  for (const h of s.honorifics) reportHonorific(ctx, h, state.people);

  // Dates that tell of a tie or a founding, not of the event (a list: a sentence has few).
  const consumedDates: number[] = [];
  for (const r of s.relations) {
    compareRelation(ctx, r);
    if (r.until) consumedDates.push(r.until.start);
  }
  for (const d of s.foundingDates) consumedDates.push(d.start);
  if (s.dates.length && (s.words.includes("born") || s.words.includes("birth"))) {
    for (const d of s.dates) if (isBirthDate(blockText, s.start, d.start)) consumedDates.push(d.start);
  }
  for (const b of s.based) compareBased(ctx, b);
  for (const f of s.founded) {
    compareFounded(ctx, f);
    consumedDates.push(f.date.start);
  }
  for (const r of s.roles) compareRole(ctx, r);
  for (const t of s.titles) if (!s.roles.some((r) => r.person === t.person)) compareTitle(ctx, t);
  for (const p of s.places) {
    if (p.subjectId) compareLocatedPlace(ctx, p);
    if (p.kind === "region" && p.of) compareRegionOf(ctx, p);
  }

  // Claims about an event: the events the sentence names, or the one it continues.
  const named = a.candidates;
  const candidates: FactEvent[] = named.length ? [...named] : a.primary ? [a.primary] : [];
  if (a.primary && !candidates.includes(a.primary)) candidates.push(a.primary);
  // Every event the sentence itself points at clearly, however strongly another is named: a claim
  // that fits any of them is left alone ("Baghdadi was killed …; a riot in the north-east …").
  a.own.forEach((score, id) => {
    const ev = events.event(id);
    if (score >= 0.8 && ev && !candidates.includes(ev)) candidates.push(ev);
  });
  const aboutAnEvent = tellsOfAnEvent(s, candidates, named.length);
  // The sentence's own event, unless it only hints at one that the document is not about.
  const main = a.primary && (a.own.get(a.primary.id) ?? 0) > 0 ? a.primary : named[0] ?? a.primary;

  // "Had it lasted four hours, …": an imagined event's figures, dates and places are no claims;
  // nor are those of a sentence that names no event of the facts and is set in a place they do
  // not know, with no word for an event of the kind it would continue ("helicopters lifted
  // villagers off rooftops in the flooded town of Borongan", "Copper strike spreads in northern
  // Chile"; "the US raid in the town of Sarmada" is still read as the raid's), or that tells of
  // another kind of happening ("A typhoon that made landfall on Tuesday killed 15").
  const ownKind = s.eventNouns.some((n) => n.kind === main?.kind);
  const elsewhere =
    !named.length &&
    ((!ownKind && s.places.some((p) => !p.entityId && p.kind === "place" && p.relation === "in" && !p.ofSpeech)) ||
      (!s.eventNouns.length && opensOnOtherHappening(s.words)));
  const imagined = isConditional(s.words) || elsewhere;
  // Most sentences name no happening of another kind: then none of their values is looked at for one.
  const mentionsOther = namesOtherHappening(s.words);
  const sentenceText = (): string => blockText.slice(s.start, s.end);
  let lastMeasure = state.lastMeasure;
  for (const stated of s.quantities) {
    // A share "among them" counts what the last stated total counted.
    const q = stated.among && !stated.measure && lastMeasure ? { ...stated, measure: lastMeasure } : stated;
    if (stated.measure === "killed" || stated.measure === "injured") lastMeasure = stated.measure;
    if (q.measure === "population") {
      let places = s.mentions.map((m) => ctx.entity(m.entityId)).filter((e) => e && e.counts.some((c) => c.measure === "population"));
      // "The province is home to …": the province the document named last.
      if (!s.mentions.some((m) => ctx.entity(m.entityId)?.kind === "place") && s.words[0] === "the" && REGION_NOUN.test(s.words[1] ?? "")) {
        const recent = state.recentPlaces.map((id) => ctx.entity(id)).filter((e) => e?.level === "province" || e?.level === "region");
        const counted = recent.reverse().find((e) => e!.counts.some((c) => c.measure === "population"));
        if (counted) places = [counted];
      }
      if (places.length === 1) compareQuantity(ctx, q, places[0]!.counts, { id: places[0]!.id, name: places[0]!.name, isEvent: false });
      continue;
    }
    if (!candidates.length || imagined) continue;
    // "the 1999 earthquake in Turkey, which killed more than 17,000 people": another happening's figure.
    if (mentionsOther && isOtherHappeningsFigure(blockText, s.start, q.start, q.end, s.eventNouns.map((n) => n.start))) continue;
    compareEventQuantity(ctx, q, candidates, { quantities: s.quantities, text: sentenceText, paragraph });
  }
  // The building a raid hit is described wherever the sentence continues that raid.
  if (main && !imagined) compareBuilding(ctx, s, blockText, main);
  if (!aboutAnEvent || !main || imagined) return;
  for (const d of s.dates) if (!consumedDates.includes(d.start)) compareEventDate(ctx, d, candidates, s.mentions);
  // "the wars in Iraq and Afghanistan": a place of another happening, and those listed with it.
  let otherHappening: (typeof s.places)[number] | undefined;
  for (const p of s.places) {
    const listedWith = otherHappening && /^\s*(,|and|or|, and|, or)\s*$/.test(blockText.slice(otherHappening.end, p.start));
    otherHappening = listedWith || (mentionsOther && followsOtherHappening(blockText, s.start, p.start)) ? p : undefined;
    if (otherHappening) continue;
    if (p.ofSpeech) continue;
    if (p.relation === "near" && !p.entityId && main.place?.at && s.mentions.some((m) => m.entityId === main.place!.at)) continue;
    // Consistent with any event the sentence names: nothing to say.
    const trial = (ev: FactEvent): number => {
      const scratch = new CompareContext(ctx.base);
      compareEventPlace(scratch, p, ev);
      return scratch.findings.length;
    };
    // An event that the sentence points at only through this very place is no real alternative:
    // a wrong town must not make the sentence about the town's own event.
    const alternatives = candidates.filter(
      (ev) => ev === main || (a.own.get(ev.id) ?? 0) - (p.entityId ? events.cueWeight(ev.id, p.entityId) : 0) >= 0.8,
    );
    if (alternatives.length > 1 && alternatives.some((ev) => knowsPlaceAspect(ctx, p, ev) && trial(ev) === 0)) continue;
    // "the US raid in Atmeh and the coalition raid in Humaira": with the event's own place stated,
    // another event's place in the same sentence is that event's.
    if (p.entityId && main.place?.at && s.places.some((o) => o !== p && o.entityId === main.place!.at) && isPlaceOfAnotherEvent(ctx, p.entityId, main)) continue;
    compareEventPlace(ctx, p, main);
  }
  for (const actor of s.actors) compareActor(ctx, actor, main);
}
function isPlaceOfAnotherEvent(ctx: CompareContext, placeId: string, main: FactEvent): boolean {
  for (const ev of ctx.base.events.values()) if (ev !== main && ev.place?.at === placeId) return true;
  return false;
}

/**
 * Places and dates are read as an event's only when the sentence tells of it happening: an event
 * noun, a verb of raiding or killing, one of the event's keywords, or "The area lies in …".
 * "Two raids, one in Idlib and one in Aleppo" tells of several events, so of no one place or date.
 */
function tellsOfAnEvent(s: SentenceReading, candidates: FactEvent[], named: number): boolean {
  const severalEvents = s.eventNouns.length > 0 && s.eventNouns.every((n) => n.plural) && named !== 1;
  if (severalEvents) return false;
  return (
    s.eventNouns.some((n) => !n.plural) ||
    s.words.some((w, i) => EVENT_VERBS.has(w) || (w === "took" && s.words[i + 1] === "place")) ||
    candidates.some((ev) => lowercaseKeywords(ev).some((k) => s.words.includes(k))) ||
    (THE_OR_THIS.test(s.words[0] ?? "") &&
      SITE_NOUN.test(s.words[1] ?? "") &&
      LIES_VERB.test(s.words[2] ?? ""))
  );
}

const keywordsOf = new WeakMap<FactEvent, string[]>();
/** An event's keywords in lowercase, worked out once per event rather than per sentence. */
function lowercaseKeywords(ev: FactEvent): string[] {
  let keywords = keywordsOf.get(ev);
  if (!keywords) keywordsOf.set(ev, (keywords = ev.keywords.map((k) => k.toLowerCase())));
  return keywords;
}
