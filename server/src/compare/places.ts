// Compares where a sentence puts an event (or a named place) with where the sources put it. A
// place is right when it is the event's place or any place that one lies in (a coarser place), or
// lies within it (a finer one the facts do not know); it is wrong when it stands where the chain
// of places has another of its level ("in Sichuan" for a place in Yunnan, both provinces).
import { PlaceClaim } from "../claims/places";
import { Entity, FactEvent } from "../facts/model";
import { vocabulary as V } from "../vocabulary";
import { CompareContext } from "./context";

/** The place and every place it lies in, finest first. */
function chain(ctx: CompareContext, id: string | undefined): Entity[] {
  const out: Entity[] = [];
  let e = ctx.entity(id);
  for (let depth = 0; e && depth < 8 && !out.includes(e); depth++) {
    out.push(e);
    e = ctx.entity(e.in);
  }
  return out;
}

/** The tier of a place's level (local, county, province, country); an "area" has none. */
function tierOf(level: string | undefined): string | undefined {
  return level && level !== "area" ? V.tierOf(level) : undefined;
}

/** The level a claim gives an unknown place ("the town of X", "X province"), as a tier. */
function claimedTier(level: string | undefined): string | undefined {
  return tierOf(level);
}

/** The place of the chain that stands where `p` would: the same level, else the same tier. */
function counterpart(places: Entity[], level: string | undefined): Entity | undefined {
  if (!level) return undefined;
  return places.find((e) => e.level === level) ?? places.find((e) => tierOf(e.level) !== undefined && tierOf(e.level) === tierOf(level));
}

export function compareEventPlace(ctx: CompareContext, claim: PlaceClaim, ev: FactEvent): void {
  const place = ev.place;
  if (!place?.at) return;
  const eventChain = chain(ctx, place.at);
  const finest = eventChain[0];
  if (!finest) return;
  const report = (right: Entity, useDemonym: boolean): void => {
    const newText = keepLevelWord(claim.written, useDemonym && right.demonym ? right.demonym : right.name);
    ctx.report({
      code: "wrong-place",
      start: claim.start,
      end: claim.end,
      message: `${right.name}, not ${claim.written} — the sources place ${withoutPlace(ctx.theEvent(ev), finest.name)} in ${describePlace(ctx, place.at!)}${ctx.cite(place.cite)}.`,
      fixes: [{ newText }],
      fact: { at: place.loc, what: `${ev.name}: ${describePlace(ctx, place.at!)}` },
      eventId: ev.id,
      entityId: right.id,
      written: claim.written,
    });
  };

  if (claim.kind === "region") {
    const country = eventChain.find((e) => e.level === "country");
    const region = place.region ?? finest.region ?? eventChain.find((e) => e.region)?.region;
    if (!region || !claim.compass || claim.compass === "c") return;
    // "northeastern Yunnan" is a part of Yunnan; only "northern Syria" says where in its country the event was.
    if (claim.of && (claim.of !== country?.id || !country)) return;
    const want = V.regions.get(region);
    if (!want || compatibleCompass(claim.compass, want)) return;
    ctx.report({
      code: "wrong-place",
      start: claim.start,
      end: claim.end,
      message: `${compassLike(claim.written, region)}, not ${claim.written} — the sources place ${ctx.theEvent(ev)} in the ${region} of ${country?.name ?? "the country"}${ctx.cite(place.cite)}.`,
      fixes: [{ newText: compassLike(claim.written, region) }],
      fact: { at: place.loc, what: `${ev.name}: ${region}` },
      eventId: ev.id,
      written: claim.written,
    });
    return;
  }

  if (claim.kind === "border") {
    // "the frontier with Syria" for an event in Syria is the other country's border, said from across it.
    if (claim.entityId && eventChain.some((e) => e.id === claim.entityId)) return;
    const near = new Set([...place.near, ...finest.near]);
    if (!near.size || (claim.entityId && near.has(claim.entityId))) return;
    const right = ctx.entity([...near][0]);
    if (!right) return;
    const demonym = claim.demonym && right.demonym;
    ctx.report({
      code: "wrong-place",
      start: claim.start,
      end: claim.end,
      message: `${demonym ? right.demonym : right.name}, not ${claim.written} — the sources place ${ctx.theEvent(ev)} near the border with ${right.name}${ctx.cite(place.cite)}.`,
      fixes: [{ newText: demonym ? right.demonym! : right.name }],
      fact: { at: place.loc, what: `${ev.name}: near ${right.name}` },
      eventId: ev.id,
      entityId: right.id,
      written: claim.written,
    });
    return;
  }

  if (!claim.entityId) {
    // "landed near the town of Saraqeb": an unknown town given as the spot; a bare "near X" is left alone.
    if (claim.relation === "near" && (claim.level !== "town" || !claim.explicit)) return;
    // An unknown name introduced as a town, or as a province, where the event's own belongs.
    const tier = claimedTier(claim.level);
    const right = tier ? eventChain.find((e) => tierOf(e.level) === tier) : undefined;
    if (right) report(right, false);
    return;
  }
  const claimed = ctx.entity(claim.entityId);
  if (!claimed || claimed.kind !== "place") return;
  // The event's place or a coarser one; or a finer place within it, that the facts only know the coarser of.
  if (eventChain.includes(claimed) || chain(ctx, claimed.id).includes(finest)) return;
  const tier = tierOf(claimed.level);
  // Near a town says nothing of the town itself; near a country is a border claim.
  if (claim.relation === "near" && tier !== "local") return;
  let right = counterpart(eventChain, claimed.level);
  if (claim.relation === "near" && right === finest) {
    // "near Dover" for an event in Folkestone: two towns may be near; only another province or country is wrong.
    const a = chain(ctx, claimed.id).find((e) => tierOf(e.level) === "province");
    const b = eventChain.find((e) => tierOf(e.level) === "province");
    if (!a || !b || a === b) return;
    right = finest;
  }
  if (!right) {
    // Levels that do not line up (a county against a city): wrong only when they lie in different countries or provinces.
    const differs = (t: string): boolean => {
      const a = chain(ctx, claimed.id).find((e) => tierOf(e.level) === t);
      const b = eventChain.find((e) => tierOf(e.level) === t);
      return !!a && !!b && a !== b;
    };
    if (differs("province") || differs("country")) right = finest;
  }
  if (right) report(right, !!claim.demonym);
}

function describePlace(ctx: CompareContext, id: string): string {
  return chain(ctx, id)
    .slice(0, 4)
    .map((e) => e.name)
    .join(", ");
}

/** North is compatible with northwest, not with northeast or south. */
function compatibleCompass(claimed: string, actual: string): boolean {
  const a = new Set(claimed.split(""));
  const b = new Set(actual.split(""));
  return [...a].every((x) => b.has(x)) || [...b].every((x) => a.has(x));
}

/** Writes the right compass word in the form the writer used ("northern" → "northwestern"). */
function compassLike(written: string, region: string): string {
  const hyphen = written.includes("-");
  const adjective = /ern$/i.test(written);
  let word = region;
  if (hyphen && word.length > 5) word = `${word.slice(0, 5)}-${word.slice(5)}`;
  if (adjective) word = `${word}ern`;
  return /^[A-Z]/.test(written) ? word[0].toUpperCase() + word.slice(1) : word;
}

/** Where a sentence says a known place lies ("Kettle Point, in Harlow County") against where it lies. */
export function compareLocatedPlace(ctx: CompareContext, claim: PlaceClaim): void {
  const subject = ctx.entity(claim.subjectId);
  if (!subject) return;
  const subjectChain = chain(ctx, subject.id);
  const report = (right: Entity): void => {
    ctx.report({
      code: "wrong-place",
      start: claim.start,
      end: claim.end,
      message: `${right.name}, not ${claim.written} — ${subject.name} lies in ${describePlace(ctx, subject.in ?? subject.id)}${ctx.cite(subject.cite)}.`,
      fixes: [{ newText: claim.demonym && right.demonym ? right.demonym : keepLevelWord(claim.written, right.name) }],
      fact: { at: subject.at, what: `${subject.name}: in ${right.name}` },
      entityId: subject.id,
      written: claim.written,
    });
  };
  if (!claim.entityId) {
    // "Kettle Point, in rural Essex": a province the facts do not know, where they know another.
    const tier = claimedTier(claim.level);
    const right = tier === "province" ? subjectChain.slice(1).find((e) => tierOf(e.level) === tier) : undefined;
    if (right) report(right);
    return;
  }
  const claimed = ctx.entity(claim.entityId);
  if (!claimed || claimed.kind !== "place" || claimed === subject) return;
  if (subjectChain.includes(claimed) || chain(ctx, claimed.id).includes(subject)) return;
  const right = counterpart(subjectChain.slice(1), claimed.level);
  if (right && right !== subject) report(right);
}

/** "Sichuan province" → "Yunnan province": the level word the writer used stays. */
function keepLevelWord(written: string, name: string): string {
  const m = /\s(province|governorate|region|district)$/i.exec(written);
  return m && !name.toLowerCase().endsWith(m[1].toLowerCase()) ? `${name}${m[0]}` : name;
}

/** "the north-eastern province of Aleppo": where in its country a named place lies. */
export function compareRegionOf(ctx: CompareContext, claim: PlaceClaim): void {
  const place = ctx.entity(claim.of);
  // "northeastern Yunnan" names a part of Yunnan, not where Yunnan lies.
  if (claim.partOf && place?.level !== "country") return;
  if (!place || place.kind !== "place" || place.level === "country" || !place.region || !claim.compass || claim.compass === "c") return;
  const want = V.regions.get(place.region);
  if (!want || compatibleCompass(claim.compass, want)) return;
  ctx.report({
    code: "wrong-place",
    start: claim.start,
    end: claim.end,
    message: `${compassLike(claim.written, place.region)}, not ${claim.written} — ${place.name} lies in the ${place.region} of ${ctx.name(place.in) || "its country"}${ctx.cite(place.cite)}.`,
    fixes: [{ newText: compassLike(claim.written, place.region) }],
    fact: { at: place.at, what: `${place.name}: ${place.region}` },
    entityId: place.id,
    written: claim.written,
  });
}

/** Whether the facts say enough of an event's place to judge this claim (an event with no known region agrees with no region claim). */
export function knowsPlaceAspect(ctx: CompareContext, claim: PlaceClaim, ev: FactEvent): boolean {
  const place = ev.place;
  if (!place?.at) return false;
  const eventChain = chain(ctx, place.at);
  if (claim.kind === "region") return !!(place.region ?? eventChain.find((e) => e.region)?.region);
  if (claim.kind === "border") return place.near.length > 0 || (eventChain[0]?.near.length ?? 0) > 0;
  return true;
}

/** "the raid in Atmeh" placed "in Atmeh, Idlib": an event named by its place is said once with it. */
function withoutPlace(event: string, place: string): string {
  const tail = ` in ${place}`;
  return event.endsWith(tail) ? event.slice(0, -tail.length) : event;
}
