// Reads who a sentence says a person is: the office and the body a name is given. "Observatory
// chief Rami Abdel Rahman", "President Li Keqiang", "Arsenal manager Mikel Arteta", "Satya
// Nadella, the chief executive of Microsoft Gaming", "The court's president, Rodrigo Pacheco".
// Office words are the vocabulary's and the fact base's own role titles and aliases.
import { Token } from "../text/tokens";
import { vocabulary as V } from "../vocabulary";
import { Mention } from "./names";

/** "the court", "the company": a body named by its kind, for the document to say which. */
export interface BodyByNoun {
  noun: string;
  start: number;
  end: number;
}

export interface RoleClaim {
  person: Mention;
  /** The body the office is of, when the sentence names it (by name, or as "the court"). */
  org?: Mention;
  orgByNoun?: BodyByNoun;
  /** The office words as written, lowercase ("chief", "executive"), and where they stand. */
  title: string[];
  /** The office as written ("President"), for a fix in the writer's case. */
  titleWritten: string;
  titleStart: number;
  titleEnd: number;
  /** The office is written right before the name ("President Li Keqiang"), so its words can be rewritten. */
  before: boolean;
}

/** Nouns that name a kind of body: "the court's president" is the president of the court the document named. */
const BODY_NOUNS = new Set([
  "court", "company", "firm", "ministry", "department", "agency", "party", "bank", "government", "committee", "commission",
  "council", "tribunal", "board", "union", "club", "team", "league", "federation", "group", "institute", "observatory",
  "monitor", "university", "army", "police", "regulator", "authority", "office", "senate", "parliament", "assembly", "chamber",
]);

const LINKS = new Set(["of", "at", "for", "with", "in"]);
const ARTICLES = new Set(["the", "a", "an", "its", "his", "her", "their"]);
const WHO_IS = new Set(["who", "is", "was", "now", "then", "also", "as", "currently", "serves", "served"]);

export interface OfficeWords {
  /** A word of an office: a noun of office ("president") or a word of one ("press", "chief", "executive"). */
  has(word: string): boolean;
  /** A head noun of office, without which a run of words is no office ("press" alone is not). */
  isHead(word: string): boolean;
}

/** Office words from the vocabulary and from a fact base's own role titles and aliases. */
export function officeWords(titles: Iterable<string>): OfficeWords {
  const heads = new Set(V.offices);
  const words = new Set([...V.offices, ...V.officeModifiers]);
  for (const title of titles) {
    const pieces = title.toLowerCase().split(/[\s-]+/).filter(Boolean);
    pieces.forEach((p, k) => {
      words.add(p);
      if (k === pieces.length - 1) heads.add(p);
    });
  }
  return { has: (w) => words.has(w), isHead: (w) => heads.has(w) };
}

export function readRoles(tokens: Token[], mentions: Mention[], kindOf: (id: string) => string | undefined, offices: OfficeWords): RoleClaim[] {
  const claims: RoleClaim[] = [];
  const people = mentions.filter((m) => kindOf(m.entityId) === "person");
  if (!people.length) return claims;
  const bodies = mentions.filter((m) => {
    const k = kindOf(m.entityId);
    return k === "organization" || k === "force" || k === "place";
  });
  const officeAt = (k: number): boolean => tokens[k]?.kind === "word" && offices.has(tokens[k].norm) && !V.ranks.has(tokens[k].norm);
  const bodyEndingAt = (k: number): Mention | undefined => bodies.find((b) => b.last === k);
  const bodyStartingAt = (k: number): Mention | undefined => bodies.find((b) => b.first === k);

  for (const person of people) {
    // Before the name: "[Body] [office words] [ranks] Person", "[office words] Person", "the court's president, Person".
    let k = person.first;
    while (k > 0 && V.ranks.has(tokens[k - 1].norm) && tokens[k - 1].cap) k--;
    const comma = tokens[k - 1]?.raw === "," ? k - 1 : -1;
    let end = comma >= 0 ? comma : k;
    let start = end;
    while (start > 0 && end - start < 5 && officeAt(start - 1)) start--;
    if (start < end && offices.isHead(tokens[end - 1].norm)) {
      const title = tokens.slice(start, end).map((t) => t.norm);
      const org = bodyEndingAt(start);
      // "the court's president": the tokenizer drops the possessive 's, which leaves its gap.
      const possessive = start > 1 && BODY_NOUNS.has(tokens[start - 1].norm) && tokens[start - 2]?.norm === "the" && tokens[start].start - tokens[start - 1].end >= 3;
      const orgByNoun = !org && possessive ? { noun: tokens[start - 1].norm, start: tokens[start - 2].start, end: tokens[start - 1].end } : undefined;
      // "President Li Keqiang" (capitalized, right before), or after a body ("Arsenal manager Mikel Arteta").
      if (comma < 0 || org || orgByNoun) {
        claims.push({ person, org, orgByNoun, title, titleWritten: written(tokens, start, end), titleStart: tokens[start].start, titleEnd: tokens[end - 1].end, before: comma < 0 });
        continue;
      }
    }
    // After the name: "Person, (the) [Body's] [office words] (of|at|for) (the) [Body]", "Person, who heads the
    // [Body]", "Person, speaking for the [Body]", "Person, a senior [Body] leader"; or "Person of the [Body]".
    k = person.last;
    if (tokens[k]?.norm === "of" && !tokens[k + 1]?.cap) {
      const at = tokens[k + 1]?.norm === "the" ? k + 2 : k + 1;
      const body = bodyStartingAt(at);
      if (body && kindOf(body.entityId) !== "place") claims.push({ person, org: body, title: [], titleWritten: "", titleStart: person.end, titleEnd: person.end, before: false });
      continue;
    }
    if (tokens[k]?.raw !== ",") continue;
    k++;
    while (tokens[k] && (ARTICLES.has(tokens[k].norm) || WHO_IS.has(tokens[k].norm) || (V.officeModifiers.has(tokens[k].norm) && !offices.isHead(tokens[k].norm) && !officeAt(k + 1)))) k++;
    let org = bodyStartingAt(k);
    if (org) k = org.last;
    start = k;
    let title: string[];
    const verb = tokens[k] ? V.officeVerbs.get(tokens[k].norm) : undefined;
    if (verb && !org) {
      title = [verb];
      k++;
    } else {
      while (tokens[k] && k - start < 5 && officeAt(k)) k++;
      if (k === start || !offices.isHead(tokens[k - 1].norm)) continue;
      title = tokens.slice(start, k).map((t) => t.norm);
    }
    end = k;
    // "…the verdict, court spokeswoman Jane Doe said": the office is the next name's.
    if (people.some((p) => p.first === k)) continue;
    if (!org && tokens[k] && LINKS.has(tokens[k].norm)) {
      k++;
      if (tokens[k]?.norm === "the") k++;
      org = bodyStartingAt(k);
    }
    claims.push({ person, org, title, titleWritten: written(tokens, start, end), titleStart: tokens[start].start, titleEnd: tokens[end - 1].end, before: false });
  }
  return claims;
}

function written(tokens: Token[], start: number, end: number): string {
  return tokens.slice(start, end).map((t) => t.raw).join(" ");
}
