// Compares the office a sentence gives a person with the one the sources give:
// another person's role is wrong-person, the wrong organization is wrong-relation.
import { RoleClaim, TitleClaim } from "../claims/roles";
import { Entity } from "../facts/model";
import { CompareContext } from "./context";
import { lookups } from "./lookups";
import { relatedOrganizations } from "./organizations";

export function compareRole(ctx: CompareContext, claim: RoleClaim): void {
  const person = ctx.entity(claim.person.entityId);
  const org = ctx.entity(claim.org.entityId);
  if (!person || !org || !person.roles.length) return;
  const orgsOfPerson = person.roles.map((r) => r.of).filter((x): x is string => !!x);
  if (!orgsOfPerson.length) return;
  for (const id of orgsOfPerson) if (id === org.id || relatedOrganizations(ctx, id).has(org.id) || relatedOrganizations(ctx, org.id).has(id)) return;

  // Another person's office ("Observatory chief John Kirby") is the wrong person; mere affiliation is the wrong organization.
  const holder = claim.roleNoun ? holderOf(ctx, org.id, claim.roleNoun, person.id) : undefined;
  if (holder) {
    const role = holder.roles.find((r) => r.of === org.id)!;
    ctx.report({
      code: "wrong-person",
      start: claim.person.start,
      end: claim.person.end,
      message: `The ${role.title} of the ${org.name} is ${holder.name}, not ${person.name}${ctx.cite(role.cite)}.`,
      fixes: [{ newText: holder.name }],
      fact: { at: role.at, what: `${holder.name}: ${role.title}, ${org.name}` },
      entityId: holder.id,
      written: claim.person.written,
    });
    return;
  }
  const own = person.roles.find((r) => r.of)!;
  const ownOrg = ctx.entity(own.of)!;
  ctx.report({
    code: "wrong-relation",
    start: claim.org.start,
    end: claim.org.end,
    message: `${person.name} is ${own.title} of the ${ownOrg.name}, not of the ${org.name}${ctx.cite(own.cite)}.`,
    fixes: [{ newText: ownOrg.name }],
    fact: { at: own.at, what: `${person.name}: ${own.title}, ${ownOrg.name}` },
    entityId: person.id,
    written: claim.org.written,
  });
}

/** "press secretary John Rigsbee": an office the person does not hold and exactly one other person does. */
export function compareTitle(ctx: CompareContext, claim: TitleClaim): void {
  const person = ctx.entity(claim.person.entityId);
  if (!person || !person.roles.length) return;
  const holds = (e: Entity, exact: boolean): boolean =>
    e.roles.some((r) => r.title === claim.title || (!exact && r.aliases.includes(claim.title)) || (!exact && r.title.split(" ").includes(claim.title)));
  if (holds(person, false)) return;
  const words = claim.title.split(" ");
  const others = (lookups(ctx.base).byOfficeWord.get(words[words.length - 1]) ?? []).filter((e) => e.id !== person.id && holds(e, false));
  const holder = others.length === 1 && holds(others[0], true) ? others[0] : undefined;
  if (!holder) return;
  const role = holder.roles.find((r) => r.title === claim.title)!;
  ctx.report({
    code: "wrong-person",
    start: claim.person.start,
    end: claim.person.end,
    message: `The ${role.title}${role.of ? ` of the ${ctx.name(role.of)}` : ""} is ${holder.name}, not ${person.name}${ctx.cite(role.cite)}.`,
    fixes: [{ newText: holder.name }],
    fact: { at: role.at, what: `${holder.name}: ${role.title}` },
    entityId: holder.id,
    written: claim.person.written,
  });
}

/** The one other person who holds a role (of this kind, if named) in the organization. */
function holderOf(ctx: CompareContext, orgId: string, roleNoun: string | undefined, except: string): Entity | undefined {
  const holders = (roleNoun ? lookups(ctx.base).byOfficeWord.get(roleNoun) ?? [] : [...ctx.base.entities.values()]).filter(
    (e) =>
      e.id !== except &&
      e.roles.some(
        // "senior leader" is one of many, not the office: only a role held alone makes the wrong person.
        (r) => r.of === orgId && !/^(senior|deputy|former)\b/.test(r.title) && (!roleNoun || r.title.split(/\s+/).includes(roleNoun) || r.aliases.some((a) => a.split(/\s+/).includes(roleNoun))),
      ),
  );
  return holders.length === 1 ? holders[0] : undefined;
}
