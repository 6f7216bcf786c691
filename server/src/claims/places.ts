// Reads where a sentence puts things: "in the town of X", "Yunnan province",
// "near the Turkish border", "in northwest Syria", "the northern Syrian city of X".
import { Token } from "../text/tokens";
import { vocabulary as V } from "../vocabulary";
import { Mention } from "./names";
import { isOfSpeech } from "./dates";

// Patterns made once: a regex literal inside a function is a new RegExp object at every evaluation.
const TIME_AFTER = /^(earlier|later|last)$/;
const PLACE_ADJECTIVE = /^(rural|neighbouring|neighboring|nearby|central|northern|southern|eastern|western)$/;

/** The level a sentence gives a place ("the town of X", "X province"): a level of the fact format. */
export type PlaceLevelClass = string;

/** The level a noun names, when it is one that places stand at in a chain (not "area", not "river"). */
function levelOf(noun: string | undefined): string | undefined {
  const level = noun ? V.levelOfNoun.get(noun) : undefined;
  return V.inChain(level) ? level : undefined;
}
const COMPASS = V.compass;

export interface PlaceClaim {
  /** What a diagnostic underlines and a fix replaces: the name, the adjective or the compass word. */
  start: number;
  end: number;
  written: string;
  kind: "place" | "border" | "region";
  /** A known place, when the name is one. */
  entityId?: string;
  /** The level the sentence gives the place ("the town of", "X province"). */
  level?: PlaceLevelClass;
  relation: "in" | "near";
  /** Written as an adjective ("Turkish border", "Syrian city"). */
  demonym?: boolean;
  /** Introduced with its level ("the town of X"), not merely capitalized after "in". */
  explicit?: boolean;
  /** The place where something was said ("In Washington, Kirby said …"), not where the event happened. */
  ofSpeech?: boolean;
  /** A named place the sentence says lies here ("Kettle Point, in Harlow County"). */
  subjectId?: string;
  /** For region claims: compass letters (n, nw…) and the place they divide, if named. */
  compass?: string;
  of?: string;
  /** The compass word stands right before the name ("northeastern Yunnan"): a part of that place, not where it lies. */
  partOf?: boolean;
}

const NO_MENTIONS: ReadonlyMap<number, Mention> = new Map();


export function readPlaces(
  tokens: Token[],
  mentions: Mention[],
  isPlace: (id: string) => boolean,
  countryByDemonym: (norm: string) => string | undefined,
  /** A word that tells something happening: a happening's noun or verb, or an event's keyword. */
  isEventWord: (norm: string) => boolean = () => false,
): PlaceClaim[] {
  const claims: PlaceClaim[] = [];
  // Most sentences name nothing: they share one empty map.
  let mentionAt: ReadonlyMap<number, Mention> = NO_MENTIONS;
  if (mentions.length) {
    const byFirst = new Map<number, Mention>();
    for (const m of mentions) byFirst.set(m.first, m);
    mentionAt = byFirst;
  }

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const level = levelOf(t.norm);

    // "the (northern) (Syrian) town of X"
    if (level && tokens[i + 1]?.norm === "of" && (!t.cap || t.upper)) {
      let k = i + 2;
      if (tokens[k]?.norm === "the") k++;
      const name = nameAt(tokens, k, mentionAt);
      const rel = relationBefore(tokens, i);
      // "residents of the nearby town of X" says nothing of where anything happened.
      if (name && rel) {
        claims.push({ ...name, kind: "place", level, relation: rel, explicit: true });
        adjectivesBefore(tokens, i, claims, countryByDemonym, name.entityId);
        // "the Yunnan town of Longtou": the name before the level word says where the town lies.
        const container = placeEndingAt(mentionAt, i, isPlace);
        if (container && name.entityId) {
          claims.push({ start: container.start, end: container.end, written: container.written, kind: "place", entityId: container.entityId, relation: "in", subjectId: name.entityId });
        }
        i = name.lastToken - 1;
        continue;
      }
    }

    const m = mentionAt.get(i);
    if (m && isPlace(m.entityId) && !inList(tokens, m, mentionAt, isPlace)) {
      const after = tokens[m.last];
      // "Yunnan province": the level follows the name, or is part of the recorded spelling itself.
      const own = tokens[m.last - 1];
      const lvl = after && !after.cap && levelOf(after.norm) ? levelOf(after.norm) : m.last - m.first > 1 ? levelOf(own.norm) : undefined;
      const rel = relationBefore(tokens, i);
      if (rel) {
        const subjectId = rel === "in" ? placeLocated(tokens, i, mentions, isPlace) : undefined;
        claims.push({ start: m.start, end: m.end, written: m.written, kind: "place", entityId: m.entityId, level: lvl, relation: rel, subjectId });
      } else if (lvl && lvl !== "area" && tokens[i - 1]?.raw === "|") {
        // A table's "Where" cell: "| Aleppo province |".
        claims.push({ start: m.start, end: m.end, written: m.written, kind: "place", entityId: m.entityId, level: lvl, relation: "in" });
      }
      // "northwest Syria", "northern Syria", "north-western Syria", "the north-eastern province of Aleppo"
      const areaOf = tokens[i - 1]?.norm === "of" && V.levelOfNoun.get(tokens[i - 2]?.norm ?? "") ? i - 3 : -1;
      const direct = compassEndingAt(tokens, i - 1);
      const compass = direct ?? (areaOf >= 0 ? compassEndingAt(tokens, areaOf) : undefined);
      if (compass) claims.push({ ...compass, kind: "region", relation: "in", of: m.entityId, partOf: !!direct });
      continue;
    }

    // "raided a house in Sarmada": a name the facts do not know, where an event happened.
    const edgeOf = t.norm === "of" && V.edges.has(tokens[i - 1]?.norm ?? "");
    if ((t.norm === "in" || t.norm === "at" || edgeOf) && !mentionAt.has(i + 1)) {
      const unknown = unknownPlaceAfter(tokens, i + 1, countryByDemonym, mentionAt);
      const eventBefore = (at: number): boolean => eventWordBefore(tokens, at, isEventWord);
      // "Kettle Point, in rural Harlow County": a name the facts do not know, said to hold a known place.
      const subjectId = unknown && V.tierOf(unknown.level) === "province" ? placeLocated(tokens, i, mentions, isPlace) : undefined;
      if (unknown && (eventBefore(edgeOf ? i - 3 : i) || subjectId)) {
        claims.push({ start: unknown.start, end: unknown.end, written: unknown.written, kind: "place", level: unknown.level, relation: "in", subjectId });
        i = unknown.lastToken - 1;
        continue;
      }
    }

    // "near the Turkish border", "the border with Turkey"
    if (t.norm === "border" || t.norm === "frontier") {
      const adj = tokens[i - 1];
      const country = adj ? countryByDemonym(adj.norm) : undefined;
      if (country && adj) claims.push({ start: adj.start, end: adj.end, written: adj.raw, kind: "border", entityId: country, relation: "near", demonym: true });
      else if (tokens[i + 1]?.norm === "with") {
        const m2 = mentionAt.get(i + 2) ?? (tokens[i + 2]?.norm === "the" ? mentionAt.get(i + 3) : undefined);
        if (m2 && isPlace(m2.entityId)) claims.push({ start: m2.start, end: m2.end, written: m2.written, kind: "border", entityId: m2.entityId, relation: "near" });
      }
      continue;
    }

    // "in the north-east of the country", "in the northwest"
    if (COMPASS.get(t.norm) !== undefined && !t.joined && tokens[i - 1]?.norm === "the" && tokens[i - 2]?.norm === "in") {
      const key = compassKey(tokens, i);
      const at = i + (key.includes("-") ? 2 : 1);
      const next = tokens[at];
      // "in the north-east (of the country)", not "in the south of the province".
      const ofCountry =
        next?.norm === "of" &&
        ((tokens[at + 1]?.norm === "the" && tokens[at + 2]?.norm === "country") || mentionAt.get(at + 1) !== undefined);
      if (!next || next.kind === "punct" || ofCountry || (next.norm !== "of" && AFTER_PLACE.has(next.norm)) || TIME_AFTER.test(next.norm)) {
        claims.push({ start: t.start, end: (key.includes("-") ? tokens[i + 1] : t).end, written: key, kind: "region", compass: COMPASS.get(key), relation: "in" });
      }
    }
  }
  for (const c of claims) {
    const first = tokens.findIndex((t) => t.start >= c.start);
    let last = first;
    while (last < tokens.length && tokens[last].end <= c.end) last++;
    if (first >= 0) c.ofSpeech = isOfSpeech(tokens, { first, last: Math.max(last, first + 1) }, isEventWord);
  }
  return claims;
}

const LOCATING = new Set([",", "lies", "lie", "is", "was", "sits", "located", "situated", "a", "an", "the", "town", "village", "city", "in", "of", "province", "which", "countryside", "area", "region", "rural", "district", "near", "neighbouring", "neighboring", "county", "state", "prefecture"]);

/**
 * The named place that a locative phrase before token i says lies there: "Kettle Point, in …", "Lyon lies
 * in …", "Ludian county, in southwest China's Sichuan province" (a country's possessive belongs to the phrase).
 */
function placeLocated(tokens: Token[], i: number, mentions: Mention[], isPlace: (id: string) => boolean): string | undefined {
  let end = i;
  for (let j = mentions.length - 1; j >= 0; j--) {
    const p = mentions[j];
    if (p.last > end || !isPlace(p.entityId)) continue;
    if (end - p.last > 7) return undefined;
    let plain = true;
    for (let k = p.last; k < end && plain; k++) {
      const w = tokens[k].norm;
      plain = LOCATING.has(w) || COMPASS.get(w) !== undefined || (tokens[k].joined && COMPASS.get(w) !== undefined);
    }
    if (!plain) return undefined;
    // "China's Sichuan": a place right against the located one is part of the locative phrase; the subject is before it.
    if (p.last === end) {
      end = p.first;
      continue;
    }
    return p.entityId;
  }
  return undefined;
}

/** Words that may follow a place name that ends its noun phrase ("in Sarmada on Thursday"). */
const AFTER_PLACE = new Set(["on", "in", "at", "near", "and", "which", "where", "that", "late", "early", "overnight", "last", "this", "during", "before", "after", "when", "while", "with", "killing", "leaving"]);

/** An event noun or verb just before the preposition: "raid in", "landed at", "raided a house in". */
function eventWordBefore(tokens: Token[], i: number, isEventWord: (norm: string) => boolean): boolean {
  for (let k = i - 1; k >= 0 && k >= i - 4; k--) {
    const t = tokens[k];
    if (t.kind === "punct") return false;
    if (isEventWord(t.norm)) return true;
  }
  return false;
}

/** A run of capitalized words that reads as a place name the facts do not know. */
function unknownPlaceAfter(
  tokens: Token[],
  k: number,
  countryByDemonym: (norm: string) => string | undefined,
  mentionAt: ReadonlyMap<number, Mention>,
): { start: number; end: number; written: string; level: PlaceLevelClass; lastToken: number } | undefined {
  while (k < tokens.length && PLACE_ADJECTIVE.test(tokens[k].norm)) k++;
  if (mentionAt.has(k)) return undefined; // a known name, read elsewhere
  let j = k;
  while (j < tokens.length && j - k < 3) {
    const t = tokens[j];
    const plain = t.kind === "word" && t.cap && !t.upper && !V.notNames.has(t.norm) && !V.months.has(t.norm) && !V.weekdays.has(t.norm) && !countryByDemonym(t.norm);
    if (!plain || (j > k && !t.cap)) break;
    j++;
  }
  if (j === k) return undefined;
  const next = tokens[j];
  if (next?.joined) return undefined;
  const level = next ? levelOf(next.norm) ?? (V.levelOfNoun.get(next.norm) === "area" ? "area" : undefined) : undefined;
  if (next && next.kind === "word" && !level && !AFTER_PLACE.has(next.norm)) return undefined;
  if (level === "country" || level === "area") return undefined;
  return {
    start: tokens[k].start,
    end: tokens[j - 1].end,
    written: tokens.slice(k, j).map((t) => t.raw).join(" "),
    level: level ?? "town",
    lastToken: j,
  };
}

/** The first named place (in order of mention) that ends at token `last`; a plain function, not a closure in the loop over tokens. */
function placeEndingAt(mentionAt: ReadonlyMap<number, Mention>, last: number, isPlace: (id: string) => boolean): Mention | undefined {
  for (const p of mentionAt.values()) if (p.last === last && isPlace(p.entityId)) return p;
  return undefined;
}

/** "in Iraq and Syria": a list of places states a scope, not where one thing happened. */
function inList(tokens: Token[], m: Mention, mentionAt: ReadonlyMap<number, Mention>, isPlace: (id: string) => boolean): boolean {
  const next = tokens[m.last];
  if ((next?.norm === "and" || next?.norm === "or" || next?.raw === ",") && mentionAt.get(m.last + 1) && isPlace(mentionAt.get(m.last + 1)!.entityId)) return true;
  const prev = tokens[m.first - 1];
  if (prev?.norm === "and" || prev?.norm === "or") {
    for (const other of mentionAt.values()) if (other.last === m.first - 1 && isPlace(other.entityId)) return true;
  }
  return false;
}

/** A compass word ending at token k ("northern", or "north-western" as two joined tokens). */
function compassEndingAt(tokens: Token[], k: number): { start: number; end: number; written: string; compass: string } | undefined {
  const t = tokens[k];
  if (!t) return undefined;
  if (t.joined && k > 0) {
    const key = `${tokens[k - 1].norm}-${t.norm}`;
    const compass = COMPASS.get(key);
    if (compass !== undefined) return { start: tokens[k - 1].start, end: t.end, written: key, compass };
    return undefined;
  }
  const compass = COMPASS.get(t.norm);
  if (compass !== undefined && !tokens[k + 1]?.joined) return { start: t.start, end: t.end, written: t.raw, compass };
  return undefined;
}

/** "north-western" is two tokens joined by a hyphen: read them as one compass word. */
function compassKey(tokens: Token[], i: number): string {
  const t = tokens[i];
  const next = tokens[i + 1];
  if (next?.joined && COMPASS.get(`${t.norm}-${next.norm}`) !== undefined) return `${t.norm}-${next.norm}`;
  return t.norm;
}

function nameAt(
  tokens: Token[],
  k: number,
  mentionAt: ReadonlyMap<number, Mention>,
): { start: number; end: number; written: string; entityId?: string; lastToken: number } | undefined {
  const m = mentionAt.get(k);
  if (m) return { start: m.start, end: m.end, written: m.written, entityId: m.entityId, lastToken: m.last };
  let j = k;
  while (j < tokens.length && j - k < 3 && tokens[j].kind === "word" && (tokens[j].cap || (tokens[j].joined && j > k))) j++;
  if (j === k) return undefined;
  const first = tokens[k];
  const last = tokens[j - 1];
  return { start: first.start, end: last.end, written: tokens.slice(k, j).map((t) => t.raw).join(" "), lastToken: j };
}

/** The preposition that puts something in or near a place, looking back over "the", adjectives and a country's name. */
function relationBefore(tokens: Token[], i: number): "in" | "near" | undefined {
  for (let k = i - 1; k >= 0 && k >= i - 5; k--) {
    const w = tokens[k].norm;
    // "of" places only after a word for an area: "the countryside of Yunnan", not "the capital of France".
    if (w === "of") {
      const before = tokens[k - 1]?.norm;
      if (V.edges.has(before)) return "in";
      const level = V.levelOfNoun.get(before);
      return level && V.tierOf(level) !== "local" ? "in" : undefined;
    }
    if (V.locatives.has(w) || V.entering.has(w)) return "in";
    if (V.nearWords.has(w)) return "near";
    if (w === "to" && tokens[k - 1]?.norm === "close") return "near";
    if (tokens[k].kind === "punct") return undefined;
  }
  return undefined;
}

/** "the northern Syrian city of": a compass word and a country's adjective before the level noun. */
function adjectivesBefore(
  tokens: Token[],
  i: number,
  claims: PlaceClaim[],
  countryByDemonym: (norm: string) => string | undefined,
  of: string | undefined,
): void {
  for (let k = i - 1; k >= 0 && k >= i - 3; k--) {
    const t = tokens[k];
    if (t.norm === "the" || t.norm === "a" || t.kind === "punct") break;
    const country = countryByDemonym(t.norm);
    const compass = compassEndingAt(tokens, k);
    if (country) claims.push({ start: t.start, end: t.end, written: t.raw, kind: "place", entityId: country, level: "country", relation: "in", demonym: true });
    else if (compass) {
      claims.push({ ...compass, kind: "region", relation: "in", of });
      if (t.joined) k--;
    }
  }
}
