// Reads who a sentence says a person is: "Observatory chief Rami Abdel Rahman",
// "John Kirby, the Pentagon press secretary", "Charles Lister of the Middle East Institute".
import { Token } from "../text/tokens";
import { ROLE_NOUNS } from "./lexicon";
import { Mention } from "./names";

export interface RoleClaim {
  person: Mention;
  org: Mention;
  roleNoun?: string;
}

/** "press secretary John Rigsbee": an office written before a name, with no organization. */
export interface TitleClaim {
  person: Mention;
  title: string;
}

/** Titles read right before a person's name: up to three words of office ("press secretary", "spokesman"). */
export function readTitles(tokens: Token[], people: Mention[]): TitleClaim[] {
  const claims: TitleClaim[] = [];
  for (const person of people) {
    let k = person.first;
    const words: string[] = [];
    while (k > 0 && words.length < 3) {
      const t = tokens[k - 1];
      if (t.kind !== "word" || !(ROLE_NOUNS.has(t.norm) || TITLE_WORDS.has(t.norm))) break;
      words.unshift(t.norm);
      k--;
    }
    // Ranks between the office and the name ("spokesman Army Major John Rigsbee") are skipped above by TITLE_WORDS.
    const office = words.filter((w) => !RANKS.has(w));
    if (office.some((w) => ROLE_NOUNS.has(w))) claims.push({ person, title: office.join(" ") });
  }
  return claims;
}

const TITLE_WORDS = new Set(["press", "senior", "deputy", "chief", "army", "major", "general", "colonel", "captain", "lieutenant", "former", "top"]);
const RANKS = new Set(["army", "major", "general", "colonel", "captain", "lieutenant", "former", "top", "senior"]);

const FILLER = new Set([
  "the", "a", "an", "senior", "top", "former", "chief", "deputy", "press", "army", "major", "general", "colonel", "head",
  "non", "governmental", "non-governmental", "organization", "organisation", "group", "ngo", "its", "s",
  // "whom it described as a senior figure in the …"
  "whom", "who", "it", "described", "as", "is", "was", "known", "considered", "seen", "called", "in", "with", "also", "then",
  "heads", "leads", "runs", "directs", "chairs", "speaking", "speaks",
]);

/** Verbs of office, read as the office they name: "who heads the Observatory", "speaking for the Pentagon". */
const OFFICE_VERBS: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, {
  heads: "head", leads: "leader", runs: "head", directs: "director", chairs: "chairman", speaking: "spokesman", speaks: "spokesman",
});

export function readRoles(tokens: Token[], mentions: Mention[], kindOf: (id: string) => string | undefined): RoleClaim[] {
  const claims: RoleClaim[] = [];
  const people = mentions.filter((m) => kindOf(m.entityId) === "person");
  const orgs = mentions.filter((m) => {
    const k = kindOf(m.entityId);
    return k === "organization" || k === "force";
  });
  if (!people.length || !orgs.length) return claims;

  for (const person of people) {
    // [Org] (senior) role (rank) [Person]: the org ends within six tokens before the person, a role noun between.
    const before = orgs.filter((o) => o.last <= person.first && person.first - o.last <= 6);
    const org = before[before.length - 1];
    if (org) {
      const between = tokens.slice(org.last, person.first);
      const role = between.find((t) => ROLE_NOUNS.has(t.norm));
      const clean = between.every((t) => ROLE_NOUNS.has(t.norm) || FILLER.has(t.norm) || t.cap || t.raw === "(" || t.raw === ")" || t.upper);
      if (role && clean && !between.some((t) => t.raw === "," || t.raw === ";")) {
        claims.push({ person, org, roleNoun: role.norm });
        continue;
      }
    }
    // [Person], (the) (senior) [role] of|for|at (the) [Org]  /  [Person], a senior [Org] [role]  /  [Person] of the [Org]
    const after = orgs.find((o) => o.first >= person.last && o.first - person.last <= 11);
    if (after) {
      const between = tokens.slice(person.last, after.first);
      const tail = tokens.slice(after.last, after.last + 2);
      const roleBetween = between.find((t) => ROLE_NOUNS.has(t.norm)) ?? between.find((t) => OFFICE_VERBS[t.norm] !== undefined);
      const roleAfter = tail.find((t) => ROLE_NOUNS.has(t.norm));
      // Capitalized adjectives before the organization ("of the Syrian Observatory") belong to its name.
      const words = between.filter((t) => t.raw !== ",").filter((t, k, all) => !(t.cap && k >= all.length - 2 && k > 0));
      const linked =
        (words.length > 0 && words.every((t) => FILLER.has(t.norm) || ROLE_NOUNS.has(t.norm) || t.norm === "of" || t.norm === "for" || t.norm === "at")) ||
        (words.length <= 2 && words[0]?.norm === "of");
      const commaOnlyAtStart = between.findIndex((t) => t.raw === ",") <= 0;
      if (linked && commaOnlyAtStart && (roleBetween || roleAfter || words[0]?.norm === "of")) {
        const noun = (roleBetween ?? roleAfter)?.norm;
        claims.push({ person, org: after, roleNoun: noun ? OFFICE_VERBS[noun] ?? noun : undefined });
      }
    }
  }
  // [role] of|for (the) [Org], [Person]: "Press Secretary for the United States Department of Defence, John Kirby"
  for (const org of orgs) {
    const pre = tokens.slice(Math.max(0, org.first - 3), org.first);
    const role = pre.find((t) => ROLE_NOUNS.has(t.norm));
    if (!role) continue;
    if (tokens[org.last]?.raw !== ",") continue;
    const person = people.find((p) => p.first === org.last + 1);
    if (person && !claims.some((c) => c.person === person)) claims.push({ person, org, roleNoun: role.norm });
  }
  return claims;
}
