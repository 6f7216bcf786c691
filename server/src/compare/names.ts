// Reports near spellings of known names, and "Mr X" where X is no one the document
// has named but is close to someone it has ("Mr Smyth" after "John Smith").
import { distance } from "fastest-levenshtein";
import { HonorificRef, Suspect } from "../claims/names";
import { namePieces } from "../text/normalize";
import { CompareContext } from "./context";
import { lookups } from "./lookups";

export function reportSuspect(ctx: CompareContext, s: Suspect): void {
  const entity = ctx.entity(s.entityId);
  if (!entity) return;
  const canonical = entity.name;
  const fixes = [{ newText: s.suggestion, start: s.nameStart, end: s.nameEnd }];
  if (s.suggestion !== canonical) fixes.push({ newText: canonical, start: s.nameStart, end: s.nameEnd });
  ctx.report({
    code: "misspelled-name",
    start: s.start,
    end: s.end,
    message: `${s.suggestion}, not ${s.written} — '${s.written}' looks like a misspelling of ${canonical}${describeEntity(ctx, s.entityId)}${ctx.cite(entity.cite)}.`,
    fixes,
    fact: { at: entity.at, what: `${canonical} (${entity.kind})` },
    entityId: entity.id,
    written: s.written,
  });
}

/** Resolves "Mr X" against the people named so far (or, failing that, all known people). */
export function reportHonorific(ctx: CompareContext, h: HonorificRef, peopleSoFar: ReadonlySet<string>): void {
  const pool = peopleSoFar.size ? [...peopleSoFar] : lookups(ctx.base).people.map((e) => e.id);
  let best: { id: string; surname: string; d: number } | undefined;
  let tie = false;
  for (const id of pool) {
    const person = ctx.entity(id);
    if (!person || person.kind !== "person") continue;
    const pieces = person.name.split(/\s+/);
    const surname = pieces[pieces.length - 1];
    const norm = namePieces(surname).join("");
    if (!norm) continue;
    const d = distance(norm, h.norm);
    // One slip anywhere ("Smiths"), or a sound-alike that starts the same ("Smyth").
    const longest = Math.max(norm.length, h.norm.length);
    const soundsAlike = norm[0] === h.norm[0] && d <= Math.max(2, Math.floor(longest / 2));
    // "Frisbee" for "Rigsbee": most of the word shared, only for people the document has named.
    const mostlyShared = peopleSoFar.has(id) && d / longest <= 0.3;
    if (d > 1 && !soundsAlike && !mostlyShared) continue;
    if (!best || d < best.d) {
      best = { id, surname, d };
      tie = false;
    } else if (d === best.d) tie = true;
  }
  if (!best || tie) return;
  const person = ctx.entity(best.id)!;
  ctx.report({
    code: "misspelled-name",
    start: h.start,
    end: h.end,
    message: `${best.surname}, not ${h.written} — no one called ${h.written} appears in the sources; this looks like ${person.name}${describeEntity(ctx, person.id)}${ctx.cite(person.cite)}.`,
    fixes: [{ newText: best.surname }],
    fact: { at: person.at, what: `${person.name} (person)` },
    entityId: person.id,
    written: h.written,
  });
}

function describeEntity(ctx: CompareContext, id: string): string {
  const e = ctx.entity(id);
  if (!e) return "";
  const role = e.roles[0];
  if (role) return `, ${role.title}${role.of ? ` of ${ctx.the(role.of)}` : ""}`;
  if (e.kind === "place" && e.in) return `, in ${ctx.name(e.in)}`;
  return "";
}
