// Reads what a sentence says of organizations: ties between them ("formerly the
// al-Nusra Front", "part of al-Qaeda until 2016", "cut its ties with al-Qaeda in 2016")
// and when one was founded ("set up in 2014", "split away in 2018").
import { Token } from "../text/tokens";
import { DateMention } from "./dates";
import { Mention } from "./names";

// Patterns made once: a regex literal inside a function is a new RegExp object at every evaluation.
const GROUP_NOUN = /^(group|faction|organisation|organization|movement|alliance)$/;
const DESCRIBING_TIE = /^(linked|backed|affiliated|allied|led)$/;
const TIE_ADJECTIVE = /^(closest|main|key|chief|strongest|primary|principal|nearest|most|loyal|trusted)$/;
const COPULA = /^(is|was|remains|became|as)$/;
const FOUNDING_VERB_WITH_OBJECT = /^(formed|founded|created|established|form|found|create|establish)$/;

export interface RelationClaim {
  subject: Mention;
  object: Mention;
  type: "formerly" | "linked" | "ended";
  /** The year the tie ended, when the sentence gives one ("until 2016", "cut ties … in 2016"). */
  until?: DateMention;
}

/** "a monitor based in France", "the UK-based Observatory": where an organization is based. */
export interface BasedClaim {
  subject: Mention;
  /** The place as written; its entity when the facts know it. */
  start: number;
  end: number;
  written: string;
  placeId?: string;
}

export interface FoundedClaim {
  subject: Mention;
  date: DateMention;
}

const LINK_PHRASES: string[][] = [
  ["part", "of"], ["branch", "of"], ["affiliate", "of"], ["offshoot", "of"], ["wing", "of"], ["arm", "of"],
  ["allegiance", "to"], ["loyal", "to"], ["ties", "to"], ["ties", "with"], ["linked", "to"], ["tied", "to"],
  ["aligned", "with"], ["allied", "with"], ["affiliated", "with"], ["member", "of"], ["franchise", "of"],
];
const END_PHRASES: string[][] = [
  ["cut", "its", "ties", "with"], ["cut", "ties", "with"], ["broke", "with"], ["broke", "away", "from"], ["broke", "from"],
  ["split", "from"], ["split", "with"], ["severed", "ties", "with"], ["severed", "its", "ties", "with"], ["left"],
];
const AFFILIATE_NOUNS = new Set(["affiliate", "offshoot", "branch", "franchise", "wing", "ally", "arm", "faction", "splinter"]);
const FOUNDING_VERBS = new Set(["founded", "formed", "created", "established", "launched", "set", "split", "emerged", "born", "form", "found", "create", "establish"]);

const CONNECTORS = new Set([
  ",", "(", ")", "-", "which", "that", "who", "was", "is", "were", "are", "has", "have", "had", "been", "a", "an", "the", "its",
  "their", "group", "keeps", "kept", "maintains", "maintained", "retains", "still", "once", "closer", "close", "stronger",
  "strong", "organic", "direct", "formal", "swore", "sworn", "pledged", "also", "remained", "remains", "long", "and", "itself",
  "officially", "publicly", "reportedly", "later", "then", "until", "up", "set", "known", "as", "formally", "eventually",
  "formed", "founded", "created", "in", "linked", "backed", "affiliated",
  "finally", "effectively", "never", "openly",
]);

/** Phrases by their first word, so each token is tried only against phrases that can start there. */
function byFirstWord(phrases: string[][]): Map<string, string[][]> {
  const map = new Map<string, string[][]>();
  for (const p of phrases) map.set(p[0], [...(map.get(p[0]) ?? []), p]);
  return map;
}
const LINK_BY_FIRST = byFirstWord(LINK_PHRASES);
const END_BY_FIRST = byFirstWord(END_PHRASES);
/** What a word that starts no phrase has: one shared empty list, not a new one per word. */
const NO_PHRASES: readonly string[][] = [];

const matchAt = (tokens: Token[], i: number, words: string[]): boolean => words.every((w, k) => tokens[i + k]?.norm === w);

export function readRelations(
  tokens: Token[],
  orgs: Mention[],
  dates: DateMention[],
  /** The organization the previous sentence named last, for "It keeps closer ties to …". */
  previous?: Mention,
): { relations: RelationClaim[]; founded: FoundedClaim[]; foundingDates: DateMention[] } {
  const relations: RelationClaim[] = [];
  const founded: FoundedClaim[] = [];
  const foundingDates: DateMention[] = [];
  if (!orgs.length) return { relations, founded, foundingDates };
  // "It", "The group": the sentence opens by referring back to the organization just named.
  const opensWithReference =
    tokens[0]?.norm === "it" || (tokens[0]?.norm === "the" && GROUP_NOUN.test(tokens[1]?.norm ?? ""));
  const referredBack = (i: number): Mention | undefined => (opensWithReference && i <= 8 ? previous : undefined);
  // The subject stands just before the tie, joined only by words such as ", which was" or "keeps closer".
  const orgBefore = (i: number): Mention | undefined => {
    let best: Mention | undefined;
    for (const o of orgs) if (o.last <= i && i - o.last <= 10) best = o;
    // "Blue Harbour, the Acme-owned studio founded in 2016": the linked name describes, the first is the subject.
    if (best && tokens[best.last]?.joined && DESCRIBING_TIE.test(tokens[best.last].norm)) {
      const before = orgs.filter((o) => o.last <= best!.first && best!.first - o.last <= 4).pop();
      if (before) best = before;
    }
    if (!best) return undefined;
    for (let k = best.last; k < i; k++) if (!CONNECTORS.has(tokens[k].norm) && !tokens[k].cap) return undefined;
    return best;
  };
  const orgAfter = (i: number, reach = 3): Mention | undefined => orgs.find((o) => o.first >= i && o.first - i <= reach);
  const yearAfter = (i: number, reach = 6): DateMention | undefined =>
    dates.find((d) => d.year && d.first >= i && d.first - i <= reach && (d.prep === "in" || d.prep === "until" || d.prep === "till"));

  for (let i = 0; i < tokens.length; i++) {
    const w = tokens[i].norm;
    // "formerly (known as) (the) B", "the former B"
    if (w === "formerly" || w === "previously" || (w === "former" && tokens[i - 1]?.norm === "the")) {
      let k = i + 1;
      if (tokens[k]?.norm === "known" && tokens[k + 1]?.norm === "as") k += 2;
      if (tokens[k]?.norm === "the") k++;
      const object = orgAfter(k, 2);
      const subject = orgBefore(w === "former" ? i - 1 : i);
      if (object && subject && subject !== object) relations.push({ subject, object, type: "formerly" });
      continue;
    }
    for (const phrase of END_BY_FIRST.get(w) ?? NO_PHRASES) {
      if (!matchAt(tokens, i, phrase)) continue;
      const object = orgAfter(i + phrase.length, 2);
      const subject = orgBefore(i) ?? referredBack(i);
      if (object && subject && subject !== object) relations.push({ subject, object, type: "ended", until: yearAfter(object.last) });
    }
    for (const phrase of LINK_BY_FIRST.get(w) ?? NO_PHRASES) {
      if (!matchAt(tokens, i, phrase)) continue;
      const object = orgAfter(i + phrase.length, 2);
      const subject = orgBefore(i) ?? referredBack(i);
      if (object && subject && subject !== object) {
        const until = dates.find((d) => d.year && d.prep === "until" && Math.abs(d.first - object.last) <= 4);
        relations.push({ subject, object, type: "linked", until });
      }
    }
    // "A is B's closest ally": the tie as a noun after the other's possessive name.
    if (AFFILIATE_NOUNS.has(w) && !endingAt(orgs, i)) {
      let k = i - 1;
      while (k >= 0 && TIE_ADJECTIVE.test(tokens[k].norm)) k--;
      const object = endingAt(orgs, k + 1);
      const verb = object ? tokens[object.first - 1]?.norm : undefined;
      const subject = verb && object && COPULA.test(verb) ? endingAt(orgs, object.first - 1) : undefined;
      if (object && subject && subject !== object) relations.push({ subject, object, type: "linked" });
    }
    // "A, an B affiliate": the tie written as a noun after the other organization's name.
    if (AFFILIATE_NOUNS.has(w)) {
      const object = endingAt(orgs, i);
      const article = object ? tokens[object.first - 1]?.norm : undefined;
      if (object && (article === "a" || article === "an" || article === "the")) {
        const comma = object.first - 2;
        const subject = tokens[comma]?.raw === "," ? endingAt(orgs, comma) : undefined;
        if (subject && subject !== object) relations.push({ subject, object, type: "linked" });
      }
    }
    // "A was set up / founded / formed in 2014", "formed the group B" with a year in the sentence.
    if (FOUNDING_VERBS.has(w)) {
      const next = tokens[i + 1]?.norm;
      if (w === "set" && next !== "up") continue;
      if (w === "split" && next !== "away" && next !== "off" && next !== "in" && next !== "from") continue;
      const date = yearAfter(i + 1, 4);
      const object = FOUNDING_VERB_WITH_OBJECT.test(w) ? orgAfter(i + 1, 3) : undefined;
      // "Set up in 2011 to fight …, the US-led coalition …": the subject follows the opening clause.
      const comma = commaAfter(tokens, i);
      const opening = i <= 1 && comma > 0 ? orgAfter(comma + 1, 2) : undefined;
      const subject = object ?? orgBefore(i) ?? opening;
      // Else the sentence's one year ("In another split in 2018, … formed", a timeline's "| 2015 | … set up").
      const years = dates.filter((d) => d.year && (!d.prep || d.prep === "in"));
      const year = date ?? (years.length === 1 ? years[0] : undefined);
      if (date) foundingDates.push(date);
      if (subject && year) founded.push({ subject, date: year });
    }
  }
  return { relations, founded, foundingDates };
}

/** Reads where organizations are said to be based: "X, a monitor based in France", "the UK-based X". */
export function readBased(tokens: Token[], orgs: Mention[], places: Mention[]): BasedClaim[] {
  const claims: BasedClaim[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.norm !== "based" && t.norm !== "headquartered") continue;
    // "the UK-based Observatory": the place joined before, the organization after.
    if (t.joined && i > 0) {
      const place = endingAt(places, i);
      const name = tokens[i - 1];
      const subject = firstStartingWithin(orgs, i, 3);
      if (subject && (place || (name.cap && !name.upper && name.kind === "word"))) {
        claims.push({ subject, start: place?.start ?? name.start, end: place?.end ?? name.end, written: place?.written ?? name.raw, placeId: place?.entityId });
      }
      continue;
    }
    // "X, a monitor based in France"
    if (tokens[i + 1]?.norm !== "in") continue;
    const subject = lastEndingWithin(orgs, i, 6);
    if (!subject) continue;
    const place = placeStartingAt(places, i + 2);
    const name = tokens[i + 2];
    if (place) claims.push({ subject, start: place.start, end: place.end, written: place.written, placeId: place.entityId });
    else if (name?.kind === "word" && name.cap && !tokens[i + 3]?.joined) claims.push({ subject, start: name.start, end: name.end, written: name.raw });
  }
  return claims;
}

// Searches as plain functions: a closure inside a loop over tokens would cost an allocation per token.

/** The first mention that ends at token `last`. */
function endingAt(mentions: Mention[], last: number): Mention | undefined {
  for (const m of mentions) if (m.last === last) return m;
  return undefined;
}

/** The first mention that starts after token `i`, at most `reach` tokens on. */
function firstStartingWithin(mentions: Mention[], i: number, reach: number): Mention | undefined {
  for (const m of mentions) if (m.first > i && m.first - i <= reach) return m;
  return undefined;
}

/** The last mention that ends by token `i`, at most `reach` tokens before it. */
function lastEndingWithin(mentions: Mention[], i: number, reach: number): Mention | undefined {
  for (let k = mentions.length - 1; k >= 0; k--) if (mentions[k].last <= i && i - mentions[k].last <= reach) return mentions[k];
  return undefined;
}

/** The first comma after token `i`, or -1. */
function commaAfter(tokens: Token[], i: number): number {
  for (let k = i + 1; k < tokens.length; k++) if (tokens[k].raw === ",") return k;
  return -1;
}

/** The place whose name starts at token `first` (the last such, were there several). */
function placeStartingAt(places: Mention[], first: number): Mention | undefined {
  for (let k = places.length - 1; k >= 0; k--) if (places[k].first === first) return places[k];
  return undefined;
}
