// Compares where a sentence puts an event with where the sources put it: the same
// town, province and country; a finer place inside the known one passes.
import { PlaceClaim } from "../claims/places";
import { REGION_LETTERS } from "../claims/lexicon";
import { Entity, FactEvent } from "../facts/model";
import { CompareContext } from "./context";

type LevelClass = "town" | "province" | "country";

function levelClass(e: Entity): LevelClass | undefined {
  switch (e.level) {
    case "village":
    case "town":
    case "city":
      return "town";
    case "province":
    case "region":
      return "province";
    case "country":
      return "country";
    default:
      return undefined;
  }
}

/** The place and every place it lies in, by level. */
function chain(ctx: CompareContext, id: string | undefined): Map<LevelClass, Entity> {
  const levels = new Map<LevelClass, Entity>();
  let e = ctx.entity(id);
  for (let depth = 0; e && depth < 6; depth++) {
    const lvl = levelClass(e);
    if (lvl && !levels.has(lvl)) levels.set(lvl, e);
    e = ctx.entity(e.in);
  }
  return levels;
}

export function compareEventPlace(ctx: CompareContext, claim: PlaceClaim, ev: FactEvent): void {
  const place = ev.place;
  if (!place?.at) return;
  const eventChain = chain(ctx, place.at);
  const finest = ctx.entity(place.at)!;
  const report = (right: Entity, useDemonym: boolean): void => {
    const newText = keepLevelWord(claim.written, useDemonym && right.demonym ? right.demonym : right.name);
    ctx.report({
      code: "wrong-place",
      start: claim.start,
      end: claim.end,
      message: `Wrong place for the ${ev.name}: the sources say ${describePlace(ctx, place.at!)}, not ${claim.written}${ctx.cite(place.cite)}.`,
      fixes: [{ newText }],
      fact: { at: place.loc, what: `${ev.name}: ${describePlace(ctx, place.at!)}` },
      eventId: ev.id,
      entityId: right.id,
      written: claim.written,
    });
  };

  if (claim.kind === "region") {
    const region = place.region ?? finest.region ?? [...eventChain.values()].find((e) => e.region)?.region;
    if (!region || !claim.compass || claim.compass === "c") return;
    if (claim.of && !eventChain.has("country")) return;
    if (claim.of && ![...eventChain.values()].some((e) => e.id === claim.of)) return;
    const want = REGION_LETTERS.get(region);
    if (!want || compatibleCompass(claim.compass, want)) return;
    ctx.report({
      code: "wrong-place",
      start: claim.start,
      end: claim.end,
      message: `Wrong place for the ${ev.name}: the sources say the ${region} of the country, not the ${claim.written}${ctx.cite(place.cite)}.`,
      fixes: [{ newText: compassLike(claim.written, region) }],
      fact: { at: place.loc, what: `${ev.name}: ${region}` },
      eventId: ev.id,
      written: claim.written,
    });
    return;
  }

  if (claim.kind === "border") {
    // "the frontier with Syria" for an event in Syria is the other country's border, said from across it.
    if (claim.entityId && [...eventChain.values()].some((e) => e.id === claim.entityId)) return;
    const near = new Set([...place.near, ...finest.near]);
    if (!near.size || (claim.entityId && near.has(claim.entityId))) return;
    const right = ctx.entity([...near][0]);
    if (!right) return;
    const demonym = claim.demonym && right.demonym;
    ctx.report({
      code: "wrong-place",
      start: claim.start,
      end: claim.end,
      message: `Wrong place for the ${ev.name}: the sources say near the border with ${right.name}, not ${claim.written}${ctx.cite(place.cite)}.`,
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
    const lvl: LevelClass | undefined = claim.level === "town" ? "town" : claim.level === "province" ? "province" : undefined;
    const right = lvl ? eventChain.get(lvl) : undefined;
    if (right) report(right, false);
    return;
  }
  const claimed = ctx.entity(claim.entityId);
  if (!claimed || claimed.kind !== "place") return;
  if ([...eventChain.values()].some((e) => e.id === claimed.id) || claimed.id === finest.id) return;
  const claimedChain = chain(ctx, claimed.id);
  // A finer place inside the event's place: the facts only know the coarser one.
  if ([...claimedChain.values()].some((e) => e.id === finest.id)) return;
  const ownLevel = levelClass(claimed);
  // Near a town says nothing of the town itself, but a place in another province or country is not near.
  if (claim.relation === "near" && ownLevel !== "town") return; // near a country is a border claim
  const levels: LevelClass[] = claim.relation === "near" ? ["province", "country"] : ["town", "province", "country"];
  for (const lvl of levels) {
    const a = claimedChain.get(lvl);
    const b = eventChain.get(lvl);
    if (a && b && a.id !== b.id) {
      const right = (ownLevel && eventChain.get(ownLevel)) ?? finest;
      report(right, !!claim.demonym);
      return;
    }
  }
}

function describePlace(ctx: CompareContext, id: string): string {
  const names: string[] = [];
  let e = ctx.entity(id);
  for (let depth = 0; e && depth < 4; depth++) {
    names.push(e.level === "province" && !/province/i.test(e.name) ? `${e.name} province` : e.name);
    e = ctx.entity(e.in);
  }
  return names.join(", ");
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

/** Where a sentence says a known place lies ("Humaira, in Idlib province") against where it lies. */
export function compareLocatedPlace(ctx: CompareContext, claim: PlaceClaim): void {
  const subject = ctx.entity(claim.subjectId);
  const claimed = ctx.entity(claim.entityId);
  if (subject && !claim.entityId && claim.level === "province") {
    // "Humaira, in rural Hama province": a province the facts do not know, where they know another.
    const right = chain(ctx, subject.id).get("province");
    if (right && right.id !== subject.id) {
      ctx.report({
        code: "wrong-place",
        start: claim.start,
        end: claim.end,
        message: `${subject.name} lies in ${describePlace(ctx, subject.in ?? subject.id)}, not ${claim.written}${ctx.cite(subject.cite)}.`,
        fixes: [{ newText: right.name }],
        fact: { at: subject.at, what: `${subject.name}: in ${right.name}` },
        entityId: subject.id,
        written: claim.written,
      });
    }
    return;
  }
  if (!subject || !claimed || claimed.kind !== "place" || subject.id === claimed.id) return;
  const subjectChain = chain(ctx, subject.id);
  if ([...subjectChain.values()].some((e) => e.id === claimed.id)) return;
  const claimedChain = chain(ctx, claimed.id);
  if ([...claimedChain.values()].some((e) => e.id === subject.id)) return;
  const lvl = levelClass(claimed);
  const right = lvl ? subjectChain.get(lvl) : undefined;
  if (!right || right.id === subject.id) return;
  ctx.report({
    code: "wrong-place",
    start: claim.start,
    end: claim.end,
    message: `${subject.name} lies in ${describePlace(ctx, subject.in ?? subject.id)}, not ${claim.written}${ctx.cite(subject.cite)}.`,
    fixes: [{ newText: claim.demonym && right.demonym ? right.demonym : right.name }],
    fact: { at: subject.at, what: `${subject.name}: in ${right.name}` },
    entityId: subject.id,
    written: claim.written,
  });
}

/** "Aleppo province" → "Idlib province": the level word the writer used stays. */
function keepLevelWord(written: string, name: string): string {
  const m = /\s(province|governorate|region|district)$/i.exec(written);
  return m && !name.toLowerCase().endsWith(m[1].toLowerCase()) ? `${name}${m[0]}` : name;
}

/** "the north-eastern province of Aleppo": where in its country a named place lies. */
export function compareRegionOf(ctx: CompareContext, claim: PlaceClaim): void {
  const place = ctx.entity(claim.of);
  if (!place || place.kind !== "place" || place.level === "country" || !place.region || !claim.compass || claim.compass === "c") return;
  const want = REGION_LETTERS.get(place.region);
  if (!want || compatibleCompass(claim.compass, want)) return;
  ctx.report({
    code: "wrong-place",
    start: claim.start,
    end: claim.end,
    message: `${place.name} lies in the ${place.region} of ${ctx.name(place.in) || "its country"}, not the ${claim.written}${ctx.cite(place.cite)}.`,
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
  if (claim.kind === "region") return !!(place.region ?? ctx.entity(place.at)?.region ?? [...eventChain.values()].find((e) => e.region)?.region);
  if (claim.kind === "border") return place.near.length > 0 || (ctx.entity(place.at)?.near.length ?? 0) > 0;
  return true;
}
