// Every comparison the checker makes, in one list. Each reads the sentence's frame (what the
// sentence is about, and which of its values it claims) and reports what conflicts with the
// facts. Adding a comparison is one line here and a module of its own.
import { FactEvent } from "../facts/model";
import { vocabulary as V } from "../vocabulary";
import { compareActor } from "./actors";
import { compareAligned, restating, SHARED as ALIGNED_SHARED } from "./aligned";
import { compareUnsourced, SHARED as UNSOURCED_SHARED } from "./unsourced";
import { compareChanges } from "./changes";
import { CompareContext } from "./context";
import { agreesFully, compareEventDate } from "./dates";
import { compareDetails } from "./details";
import { compareFigures } from "./figures";
import { SentenceFrame } from "./frame";
import { reportHonorific, reportSuspect } from "./names";
import { compareBased, compareFounded, compareRelation } from "./organizations";
import { compareRole } from "./people";
import { compareEventPlace, compareLocatedPlace, compareRegionOf, knowsPlaceAspect } from "./places";

export interface Comparison {
  /** What it compares, for the reader of this list. */
  readonly name: string;
  compare(frame: SentenceFrame, ctx: CompareContext): void;
}

const names: Comparison = {
  name: "names: near spellings of known names, and 'Mr X' for someone the document named",
  compare(frame, ctx) {
    for (const s of frame.reading.suspects) if (frame.claims(s.start)) reportSuspect(ctx, s);
    for (const h of frame.reading.honorifics) if (frame.claims(h.start)) reportHonorific(ctx, h, frame.state.people);
  },
};

const ties: Comparison = {
  name: "ties between bodies, their founding, where they are based",
  compare(frame, ctx) {
    const s = frame.reading;
    for (const r of s.relations) if (frame.claims(r.object.start)) compareRelation(ctx, r);
    for (const b of s.based) if (frame.claims(b.start)) compareBased(ctx, b);
    for (const f of s.founded) if (frame.claims(f.date.start)) compareFounded(ctx, f);
  },
};

const offices: Comparison = {
  name: "offices: a person given another's office or organization",
  compare(frame, ctx) {
    for (const r of frame.reading.roles) if (frame.claims(r.person.start)) compareRole(ctx, r, frame.state);
  },
};

const whereThingsLie: Comparison = {
  name: "where a named place lies ('Lyon, in Normandy')",
  compare(frame, ctx) {
    for (const p of frame.reading.places) {
      if (!frame.claims(p.start)) continue;
      if (p.subjectId) compareLocatedPlace(ctx, p);
      if (p.kind === "region" && p.of) compareRegionOf(ctx, p);
    }
  },
};

const figures: Comparison = {
  name: "figures: counts, money, percentages, measurements, durations, ages",
  compare(frame, ctx) {
    compareFigures(ctx, frame);
  },
};

const eventDates: Comparison = {
  name: "the date of an event, where the sentence dates that event",
  compare(frame, ctx) {
    if (frame.imagined || !frame.main) return;
    for (const d of frame.reading.dates) {
      if (frame.otherDates.has(d.start) || !frame.claims(d.start) || frame.ofOtherHappening(d.start, d.end)) continue;
      // An event the sentence points at only through this very date is no alternative: a wrong year
      // must not make the sentence the year's own event.
      const own = frame.attribution.own;
      const weight = (ev: FactEvent): number => (own.get(ev.id) ?? 0) - dateCue(frame, ev, d);
      // The event the sentence names most strongly, but for the date itself, comes first: its date is the fix.
      const tied = frame.candidates
        .filter((ev) => frame.tiedTo(ev, d.start, "date") && (ev === frame.main || weight(ev) >= 0.8))
        .sort((a, b) => weight(b) - weight(a) || (b === frame.main ? 1 : 0) - (a === frame.main ? 1 : 0));
      // "announced on 18 January 2022 and completed on 13 October 2023": with the event's own date
      // given in the sentence, another date there is of another stage of it.
      const datedRightly = (ev: FactEvent): boolean => frame.reading.dates.some((o) => o !== d && agreesFully(o, ev));
      if (tied.length && !tied.some(datedRightly)) compareEventDate(ctx, d, tied, frame.reading.mentions);
    }
  },
};

const eventPlaces: Comparison = {
  name: "the place of an event, where the sentence places that event",
  compare(frame, ctx) {
    const main = frame.main;
    if (frame.imagined || !main) return;
    const s = frame.reading;
    // "the wars in Iraq and Afghanistan": a place of another happening, and those listed with it.
    let other: (typeof s.places)[number] | undefined;
    for (const p of s.places) {
      const listedWith = other && /^\s*(,|and|or|, and|, or)\s*$/.test(frame.text.slice(other.end, p.start));
      other = listedWith || frame.ofOtherHappening(p.start, p.end) ? p : undefined;
      if (other || p.ofSpeech || p.subjectId || !frame.claims(p.start)) continue;
      const tied = frame.candidates.filter((ev) => frame.tiedTo(ev, p.start, "place"));
      if (!tied.length) continue;
      const ev = tied.includes(main) ? main : tied[0];
      if (p.relation === "near" && !p.entityId && ev.place?.at && s.mentions.some((m) => m.entityId === ev.place!.at)) continue;
      // Consistent with any event the sentence ties it to: nothing to say. An event the sentence points
      // at only through this very place is no alternative: a wrong town must not make the sentence the town's.
      const own = frame.attribution.own;
      const alternatives = tied.filter((o) => o !== ev && (own.get(o.id) ?? 0) - (p.entityId ? frame.env.events.cueWeight(o.id, p.entityId) : 0) >= 0.8);
      if (alternatives.some((o) => knowsPlaceAspect(ctx, p, o) && fitsPlace(ctx, p, o))) continue;
      // "the quake in Ludian and the aftershock in Qiaojia": with the event's own place stated,
      // another event's place in the same sentence is that event's.
      if (p.entityId && ev.place?.at && s.places.some((o) => o !== p && o.entityId === ev.place!.at) && isPlaceOfAnotherEvent(ctx, p.entityId, ev)) continue;
      compareEventPlace(ctx, p, ev);
    }
  },
};

const actors: Comparison = {
  name: "who carried an event out",
  compare(frame, ctx) {
    if (frame.imagined || !frame.main) return;
    for (const a of frame.reading.actors) {
      // "IS lost its territory" tells no deed of a raid: a verb of another event's deed is about that event.
      if (a.deedOf && !a.deedOf.has(frame.main.id)) continue;
      // "The EU approved": the actor of another event that the verb or noun tells is that event's, not the main one's.
      if (isActorOfKindred(ctx, a.actor.entityId, frame.main, a.deedOf)) continue;
      if (frame.claims(a.actor.start)) compareActor(ctx, a, frame.main);
    }
  },
};

function isActorOfKindred(ctx: CompareContext, actor: string, main: FactEvent, deedOf: ReadonlySet<string> | undefined): boolean {
  for (const ev of ctx.base.events.values()) {
    if (ev === main || !ev.actors?.ids.includes(actor)) continue;
    if (deedOf ? deedOf.has(ev.id) : ev.kind === main.kind) return true;
  }
  return false;
}

const changes: Comparison = {
  name: "the direction of a change against its own figures ('20.56%, up from 20.95%')",
  compare(frame, ctx) {
    compareChanges(ctx, frame);
  },
};

const details: Comparison = {
  name: "details in words: a sentence that follows a source's words but changes one of them",
  compare(frame, ctx) {
    if (frame.main && !frame.imagined) compareDetails(ctx, frame, frame.main);
    // Both read the sentence against the source sentences it shares words with: it is tokenized once.
    const r = restating(ctx, frame, Math.min(ALIGNED_SHARED, UNSOURCED_SHARED));
    if (r) {
      compareAligned(ctx, frame, r);
      compareUnsourced(ctx, frame, r);
    }
  },
};

/** The comparisons, in the order their findings are made; when findings overlap, conflict codes' priority decides. */
export const COMPARISONS: readonly Comparison[] = [names, ties, offices, whereThingsLie, figures, changes, eventDates, eventPlaces, actors, details];

function fitsPlace(ctx: CompareContext, p: Parameters<typeof compareEventPlace>[1], ev: FactEvent): boolean {
  const scratch = new CompareContext(ctx.base);
  compareEventPlace(scratch, p, ev);
  return scratch.findings.length === 0;
}

function isPlaceOfAnotherEvent(ctx: CompareContext, placeId: string, main: FactEvent): boolean {
  for (const ev of ctx.base.events.values()) if (ev !== main && ev.place?.at === placeId) return true;
  return false;
}

/** How much the date's own words (its year, month, weekday) point the sentence at the event. */
function dateCue(frame: SentenceFrame, ev: FactEvent, d: SentenceFrame["reading"]["dates"][number]): number {
  const events = frame.env.events;
  let w = 0;
  if (d.year) w += events.wordCueWeight(ev.id, String(d.year.value));
  if (d.month) w += events.wordCueWeight(ev.id, String(V.monthNames[Number(d.month.value)]).toLowerCase());
  if (d.weekday) w += events.wordCueWeight(ev.id, String(d.weekday.value).toLowerCase());
  return w;
}
