// Compares what a sentence says of organizations with their recorded ties and founding.
import { BasedClaim, FoundedClaim, RelationClaim } from "../claims/relations";
import { Entity, Relation } from "../facts/model";
import { CompareContext } from "./context";
import { lookups } from "./lookups";

/** Every organization reachable through ties (formerly, part of, linked to, led by), both ways. */
export function relatedOrganizations(ctx: CompareContext, id: string): Set<string> {
  const seen = new Set<string>([id]);
  const queue = [id];
  while (queue.length) {
    const cur = queue.shift()!;
    for (const r of ctx.entity(cur)?.relations ?? []) {
      if (r.type === "rival-of" || r.type === "dominates") continue;
      if (!seen.has(r.target)) {
        seen.add(r.target);
        queue.push(r.target);
      }
    }
  }
  // Ties recorded on the other side ("X led-by Y" says Y leads X).
  for (const e of lookups(ctx.base).tiedTo.get(id) ?? []) seen.add(e.id);
  seen.delete(id);
  return seen;
}

/** The recorded tie from an organization (or what it formerly was) to another, with its years. */
function tieTo(ctx: CompareContext, from: string, to: string): Relation | undefined {
  const direct = ctx.entity(from)?.relations.find((r) => r.target === to && r.type !== "formerly");
  if (direct) return direct;
  for (const r of ctx.entity(from)?.relations ?? []) {
    if (r.type !== "formerly") continue;
    const via = ctx.entity(r.target)?.relations.find((x) => x.target === to);
    if (via) return via;
  }
  return undefined;
}

export function compareRelation(ctx: CompareContext, claim: RelationClaim): void {
  const subject = ctx.entity(claim.subject.entityId);
  const object = ctx.entity(claim.object.entityId);
  if (!subject || !object) return;
  const ties = subject.relations.filter((r) => r.type !== "dominates" && r.type !== "rival-of");
  if (!ties.length) return;

  if (claim.type === "formerly") {
    const former = ties.filter((r) => r.type === "formerly");
    if (!former.length || former.some((r) => r.target === object.id)) return;
    const right = ctx.entity(former[0].target)!;
    ctx.report({
      code: "wrong-relation",
      start: claim.object.start,
      end: claim.object.end,
      message: `${right.name}, not ${claim.object.written} — ${ctx.the(subject.id)} was formerly ${ctx.the(right.id)}${ctx.cite(former[0].cite)}.`,
      fixes: [{ newText: right.name }],
      fact: { at: former[0].at, what: `${subject.name}: formerly ${right.name}` },
      entityId: subject.id,
      written: claim.object.written,
    });
    return;
  }

  const related = relatedOrganizations(ctx, subject.id);
  if (!related.has(object.id)) {
    if (object.kind !== "organization") return;
    const link = ties.find((r) => r.type === "part-of" || r.type === "linked-to") ?? ties[0];
    const via = link.type === "formerly" ? ctx.entity(link.target)?.relations.find((r) => r.type === "part-of" || r.type === "linked-to") : link;
    const right = ctx.entity((via ?? link).target);
    if (!right) return;
    ctx.report({
      code: "wrong-relation",
      start: claim.object.start,
      end: claim.object.end,
      message: `${right.name}, not ${claim.object.written} — the sources tie ${ctx.the(subject.id)} to ${ctx.the(right.id)}${ctx.cite((via ?? link).cite)}.`,
      fixes: [{ newText: right.name }],
      fact: { at: (via ?? link).at, what: `${subject.name}: ${(via ?? link).type} ${right.name}` },
      entityId: subject.id,
      written: claim.object.written,
    });
    return;
  }
  const year = claim.until?.year;
  if (!year) return;
  const tie = tieTo(ctx, subject.id, object.id);
  if (!tie?.until || tie.until === year.value) return;
  ctx.report({
    code: "wrong-date",
    start: year.start,
    end: year.end,
    message: `${tie.until}, not ${year.value} — the sources say the tie between ${ctx.the(subject.id)} and ${ctx.the(object.id)} lasted until ${tie.until}${ctx.cite(tie.cite)}.`,
    fixes: [{ newText: String(tie.until) }],
    fact: { at: tie.at, what: `${subject.name}: ${tie.type} ${object.name} until ${tie.until}` },
    entityId: subject.id,
    written: String(year.value),
  });
}

export function compareFounded(ctx: CompareContext, claim: FoundedClaim): void {
  const org = ctx.entity(claim.subject.entityId);
  const year = claim.date.year;
  if (!org?.founded || !year || org.founded.year === year.value) return;
  ctx.report({
    code: "wrong-date",
    start: year.start,
    end: year.end,
    message: `${org.founded.year}, not ${year.value} — the sources say ${ctx.the(org.id)} was founded in ${org.founded.year}${ctx.cite(org.founded.cite)}.`,
    fixes: [{ newText: String(org.founded.year) }],
    fact: { at: org.founded.at, what: `${org.name}: founded ${org.founded.year}` },
    entityId: org.id,
    written: String(year.value),
  });
}

/** "A monitor based in France" for an organization the sources place in the UK. */
export function compareBased(ctx: CompareContext, claim: BasedClaim): void {
  const org = ctx.entity(claim.subject.entityId);
  const home = ctx.entity(org?.in);
  if (!org || !home) return;
  // The claimed place, or anything it lies in, may be where the organization is.
  for (let e: Entity | undefined = home; e; e = ctx.entity(e.in)) if (e.id === claim.placeId) return;
  // A place the facts do not know may lie within the one they give (London in the UK): no judgement.
  const claimed = ctx.entity(claim.placeId);
  if (!claimed) return;
  for (let e: Entity | undefined = claimed; e; e = ctx.entity(e.in)) if (e.id === home.id) return;
  ctx.report({
    code: "wrong-place",
    start: claim.start,
    end: claim.end,
    message: `${home.name}, not ${claim.written} — the sources place ${ctx.the(org.id)} in ${home.name}${ctx.cite(org.cite)}.`,
    fixes: [{ newText: home.name }],
    fact: { at: org.at, what: `${org.name}: in ${home.name}` },
    entityId: org.id,
    written: claim.written,
  });
}
