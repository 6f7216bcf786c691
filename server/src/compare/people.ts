// Compares the office a sentence gives a person with the offices the sources give. Another
// person's office ("President Li Keqiang" when the president is Xi Jinping) is wrong-person; a
// body the person holds no office in is wrong-relation. Either way the sentence may be wrong
// about the office or about the person, so both fixes are offered and neither is preferred
// unless only one reading is possible.
import { RoleClaim } from "../claims/roles";
import { Entity, Role } from "../facts/model";
import { CompareContext } from "./context";
import { DocState } from "./documentState";
import { lookups } from "./lookups";
import { relatedOrganizations } from "./organizations";

/** Words of an office that say what it is, less its modifiers ("former", "then", "acting"). */
const PASSING = new Set(["former", "then", "acting", "interim", "current", "outgoing", "incoming", "the", "a", "an", "of"]);

function core(words: readonly string[]): string[] {
  return words.filter((w) => !PASSING.has(w));
}

/** Whether the words name this role: its title or an alias, word for word (modifiers aside). */
function namesRole(words: readonly string[], role: Role): boolean {
  const said = core(words).join(" ");
  if (!said) return false;
  return [role.title, ...role.aliases].some((t) => {
    const own = core(t.toLowerCase().split(/[\s-]+/)).join(" ");
    return own === said || own.endsWith(` ${said}`) || said.endsWith(` ${own}`);
  });
}

/**
 * Whether a role is of this body. An office is of one body ("chief executive of Microsoft Gaming" is
 * not Microsoft's); a mere tie ("Doe of the Institute") may be of any body tied to it.
 */
function ofBody(ctx: CompareContext, role: Role, bodyId: string, office = true): boolean {
  if (!role.of) return false;
  if (role.of === bodyId) return true;
  if (office) return [role.of, bodyId].some((a) => ctx.entity(a)?.relations.some((r) => r.type === "formerly" && r.target === (a === role.of ? bodyId : role.of)));
  return relatedOrganizations(ctx, role.of).has(bodyId) || relatedOrganizations(ctx, bodyId).has(role.of);
}

/** The one other person who holds an office of these words (in this body, if named). */
function holderOf(ctx: CompareContext, words: readonly string[], bodyId: string | undefined, except: string): { person: Entity; role: Role } | undefined {
  const head = core(words).pop();
  if (!head) return undefined;
  let found: { person: Entity; role: Role } | undefined;
  for (const e of lookups(ctx.base).byOfficeWord.get(head) ?? []) {
    if (e.id === except) continue;
    const role = e.roles.find((r) => namesRole(words, r) && (!bodyId || ofBody(ctx, r, bodyId)) && !/^(senior|deputy|former|vice)\b/.test(r.title));
    if (!role) continue;
    if (found && found.person !== e) return undefined;
    found = { person: e, role };
  }
  return found;
}

/** The body a claim names: by name, or "the court" as the last court the document named. */
function bodyOf(ctx: CompareContext, claim: RoleClaim, state: DocState): { id: string; start: number; end: number; written: string } | undefined {
  if (claim.org) return { id: claim.org.entityId, start: claim.org.start, end: claim.org.end, written: claim.org.written };
  const noun = claim.orgByNoun;
  if (!noun) return undefined;
  for (let k = state.recentBodies.length - 1; k >= 0; k--) {
    const e = ctx.entity(state.recentBodies[k]);
    if (e && [e.name, ...e.variants].some((n) => n.toLowerCase().split(/\s+/).includes(noun.noun))) return { id: e.id, start: noun.start, end: noun.end, written: `the ${noun.noun}` };
  }
  return undefined;
}

export function compareRole(ctx: CompareContext, claim: RoleClaim, state: DocState): void {
  const person = ctx.entity(claim.person.entityId);
  if (!person || !person.roles.length) return;
  const body = bodyOf(ctx, claim, state);
  if (claim.orgByNoun && !body) return;
  const office = claim.title.length > 0;
  // An office the person holds (of the body named): right.
  if (person.roles.some((r) => namesRole(claim.title, r) && (!body || !r.of || ofBody(ctx, r, body.id)))) return;
  // A body the person holds another office in, or is tied to: the words of office are looser than the facts ("official").
  if (body && person.roles.some((r) => ofBody(ctx, r, body.id, false) && (!office || ofBody(ctx, r, body.id) || !holderOf(ctx, claim.title, body.id, person.id)))) return;
  const holder = holderOf(ctx, claim.title, body?.id, person.id);
  const officeText = claim.title.join(" ");
  if (holder) {
    const role = holder.role;
    const own = person.roles.find((r) => !body || ofBody(ctx, r, body.id)) ?? person.roles[0];
    const fixes: { newText: string; start?: number; end?: number; title?: string }[] = [
      { newText: holder.person.name, start: claim.person.start, end: claim.person.end, title: `Replace with '${holder.person.name}' (the ${role.title}${role.of ? ` of ${ctx.the(role.of)}` : ""})` },
    ];
    // The right office for the person, where it is written as a word before the name ("Premier Li Keqiang").
    if (claim.before && own) fixes.push({ newText: styled(own.title, claim), start: claim.titleStart, end: claim.titleEnd, title: `Replace with '${styled(own.title, claim)}' (${person.name}'s office)` });
    ctx.report({
      code: "wrong-person",
      start: claim.before ? claim.titleStart : claim.person.start,
      end: claim.person.end,
      message: `${holder.person.name}, not ${person.name}, is the ${role.title}${role.of ? ` of ${ctx.the(role.of)}` : ""}${own ? ` — ${person.name} is ${own.title}${own.of ? ` of ${ctx.the(own.of)}` : ""}` : ""}${ctx.cite(role.cite)}.`,
      fixes,
      // The sentence may be wrong about the office or about the person: neither fix is certain.
      preferred: false,
      fact: { at: role.at, what: `${holder.person.name}: ${role.title}${role.of ? `, ${ctx.name(role.of)}` : ""}` },
      entityId: holder.person.id,
      written: claim.person.written,
    });
    return;
  }
  if (!body) return;
  // No one else holds that office there: the body is the slip ("Jane Doe of the Survey").
  const own = person.roles.find((r) => r.of && (namesRole(claim.title, r) || !claim.title.length)) ?? person.roles.find((r) => r.of);
  const ownBody = ctx.entity(own?.of);
  if (!own || !ownBody || ctx.entity(body.id)?.kind === "place") return;
  ctx.report({
    code: "wrong-relation",
    start: body.start,
    end: body.end,
    message: `${ownBody.name}, not ${body.written} — ${person.name} is ${own.title} of ${ctx.the(ownBody.id)}${officeText ? `, not ${officeText} of ${ctx.the(body.id)}` : ""}${ctx.cite(own.cite)}.`,
    fixes: [{ newText: ownBody.name }],
    preferred: !!claim.org,
    fact: { at: own.at, what: `${person.name}: ${own.title}, ${ownBody.name}` },
    entityId: person.id,
    written: body.written,
  });
}

/** An office written as the sentence wrote the one it replaces: "President" → "Premier", "chief executive" → "chairman". */
function styled(title: string, claim: RoleClaim): string {
  return /^\p{Lu}/u.test(claim.titleWritten) ? title.replace(/(^|\s)\p{Ll}/gu, (c) => c.toUpperCase()) : title;
}
