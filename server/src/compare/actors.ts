// Compares who a sentence says carried an event out with the event's recorded actors.
import { ActorClaim } from "../claims/actors";
import { FactEvent } from "../facts/model";
import { CompareContext } from "./context";
import { relatedOrganizations } from "./organizations";
import { normalizeName } from "../text/normalize";

export function compareActor(ctx: CompareContext, claim: ActorClaim, ev: FactEvent): void {
  const actors = ev.actors;
  if (!actors?.ids.length) return;
  const id = claim.actor.entityId;
  if (claim.byCountry) return compareCountryActor(ctx, claim, ev);
  if (actors.ids.includes(id)) return;
  if (actors.ids.some((a) => relatedOrganizations(ctx, a).has(id))) return;
  const actor = ctx.entity(id);
  if (!actor) return;
  const right = ctx.entity(actors.ids[0])!;
  const disputed = actors.disputed.find((d) => d.ids.includes(id));
  const also = disputed ? ` One report names ${ctx.the(id)}${ctx.cite(disputed.cite)}.` : "";
  ctx.report({
    code: "wrong-actor",
    start: claim.actor.start,
    end: claim.actor.end,
    message: `${right.name}, not ${claim.actor.written} — the sources say ${ctx.theEvent(ev)} was carried out by ${carriedOutBy(ctx, ev)}${ctx.cite(actors.cite)}.${also}`,
    fixes: [{ newText: right.name }],
    fact: { at: actors.at, what: `${ev.name}: carried out by ${right.name}` },
    eventId: ev.id,
    written: claim.actor.written,
  });
}

/** "Russian commandos" for a raid the sources give to US forces: no recorded actor belongs to that country. */
function compareCountryActor(ctx: CompareContext, claim: ActorClaim, ev: FactEvent): void {
  const country = ctx.entity(claim.actor.entityId);
  const actors = ev.actors!;
  if (!country) return;
  const marks = new Set([country.name, country.demonym ?? ""].filter(Boolean).map((s) => normalizeName(s)));
  const spells = (id: string): string[] => {
    const e = ctx.entity(id);
    return e ? [e.name, ...e.variants].map((s) => normalizeName(s)) : [];
  };
  const belongs = actors.ids.some((a) => spells(a).some((s) => s.split(" ").some((piece) => marks.has(piece))));
  if (belongs) return;
  const right = ctx.entity(actors.ids[0])!;
  ctx.report({
    code: "wrong-actor",
    start: claim.actor.start,
    end: claim.actor.end,
    message: `${right.name}, not ${claim.actor.written} — the sources say ${ctx.theEvent(ev)} was carried out by ${carriedOutBy(ctx, ev)}${ctx.cite(actors.cite)}.`,
    fixes: [{ newText: right.name }],
    fact: { at: actors.at, what: `${ev.name}: carried out by ${right.name}` },
    eventId: ev.id,
    written: claim.actor.written,
  });
}

/** "the US special forces / the US-led coalition": the first two recorded actors. */
function carriedOutBy(ctx: CompareContext, ev: FactEvent): string {
  return (ev.actors?.ids ?? []).slice(0, 2).map((a) => ctx.the(a)).join(" / ");
}
