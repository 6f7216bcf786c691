// Reads who a sentence says carried an event out: "X has launched an operation", "the strike
// was conducted by X", "the coalition captured …". The verbs are the vocabulary's verbs of
// undertaking and the fact base's own happening words and keywords.
import { Token } from "../text/tokens";
import { keysOf, stem, vocabulary as V } from "../vocabulary";
import { Mention } from "./names";

/** "troops", "soldiers", "units": words for a body's armed people ("Russian troops", "ISAF troops landed"). */
const FORCES = new Set(keysOf("forces").filter((k) => k.startsWith("~")));
const isForceWord = (t: Token | undefined): boolean => !!t && (t.norm === "units" || t.norm === "unit" || keysOf(t.norm).some((k) => FORCES.has(k)));

export interface ActorClaim {
  actor: Mention;
  /** "Russian commandos": the actor is named by its country's adjective; actor.entityId is the country. */
  byCountry?: boolean;
  /** Token index of the event noun the actor carried out, if named. */
  eventNoun?: number;
  /** "X landed": the events whose deed the verb tells; the claim is about one of them only. */
  deedOf?: ReadonlySet<string>;
}

/** What the fact base knows of its happenings: which verbs tell its events' deeds, which nouns name happenings. */
export interface HappeningWords {
  deedOf(norm: string): ReadonlySet<string>;
  isHappeningNoun(norm: string): boolean;
}

const AUXILIARIES = new Set(["has", "have", "had", "was", "were", "is", "are", "reportedly", "also", "then", "allegedly", "been"]);
const ARTICLES = new Set(["a", "an", "the", "its", "their", "this"]);
/** Verbs of undertaking in any tense: "launched", "conducts", "carry". */
const ACTION_STEMS = new Set([...V.happeningVerbs].map(stem));
const isAction = (norm: string): boolean => V.happeningVerbs.has(norm) || ACTION_STEMS.has(stem(norm));
const NO_HAPPENINGS: HappeningWords = { deedOf: () => new Set(), isHappeningNoun: (w) => V.happeningsOf.has(w) };

export function readActors(
  tokens: Token[],
  named: Mention[],
  countryByDemonym: (norm: string) => string | undefined,
  happenings: HappeningWords = NO_HAPPENINGS,
): ActorClaim[] {
  const deedOf = (t: Token): ReadonlySet<string> | undefined => {
    if (t.kind !== "word" || t.cap) return undefined;
    const events = happenings.deedOf(t.norm);
    return events.size ? events : undefined;
  };
  const isEventNoun = (norm: string): boolean => happenings.isHappeningNoun(norm);
  const claims: ActorClaim[] = [];
  // "Russian troops", "Turkish special forces": a force named by its country's adjective.
  const byCountry: Mention[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    const country = countryByDemonym(tokens[i].norm);
    if (!country || !tokens[i].cap || inMention(named, i)) continue;
    let k = i + 1;
    if (tokens[k]?.norm === "special" && tokens[k + 1]?.norm === "forces") k++;
    if (!isForceWord(tokens[k])) continue;
    byCountry.push({ entityId: country, start: tokens[i].start, end: tokens[k].end, first: i, last: k + 1, written: tokens.slice(i, k + 1).map((t) => t.raw).join(" ") });
  }
  // "the Russian-led coalition": the coalition's leader named by its country's adjective.
  for (const m of named) {
    const led = tokens[m.first - 1];
    const adj = tokens[m.first - 2];
    if (led?.norm === "led" && led.joined && adj && countryByDemonym(adj.norm) && adj.cap) {
      byCountry.push({ entityId: countryByDemonym(adj.norm)!, start: adj.start, end: led.end, first: m.first - 2, last: m.last, written: `${adj.raw}-led` });
    }
  }
  const forces = byCountry.length ? [...named, ...byCountry] : named;
  if (!forces.length) return claims;
  for (const m of forces) {
    // Skip a parenthesised abbreviation after the name: "International Security Assistance Force (ISAF)".
    let k = m.last;
    if (tokens[k]?.raw === "(") {
      const close = tokens.findIndex((t, j) => j > k && t.raw === ")");
      if (close > 0 && close - k <= 4) k = close + 1;
    }
    // "troops from the coalition landed", "forces of X"; plain "troops" after the name.
    if (isForceWord(tokens[k])) k++;
    while (tokens[k] && AUXILIARIES.has(tokens[k].norm)) k++;
    const verb = tokens[k];
    if (!verb) continue;
    if (isAction(verb.norm)) {
      let j = k + 1;
      if (tokens[j]?.norm === "out") j++;
      while (tokens[j] && (ARTICLES.has(tokens[j].norm) || (!isEventNoun(tokens[j].norm) && tokens[j].kind === "word" && j - k <= 4 && !tokens[j].cap))) j++;
      const noun = tokens[j];
      if (noun && isEventNoun(noun.norm) && isSingular(noun.norm)) claims.push({ actor: m, eventNoun: j, byCountry: byCountry.includes(m) });
    } else if (deedOf(verb)) {
      claims.push({ actor: m, byCountry: byCountry.includes(m), deedOf: deedOf(verb) });
    }
  }
  // "a raid (was) conducted / carried out / led by X"
  for (let i = 0; i < tokens.length; i++) {
    const noun = tokens[i];
    if (!isEventNoun(noun.norm) || !isSingular(noun.norm)) continue;
    // "a strike (on the port) (was) carried out by X": the verb within a few words, no clause break between.
    let k = i + 1;
    while (k < tokens.length && k - i <= 6 && tokens[k].kind !== "punct" && !isAction(tokens[k].norm)) k++;
    if (!tokens[k] || !isAction(tokens[k].norm)) continue;
    k++;
    if (tokens[k]?.norm === "out") k++;
    if (tokens[k]?.norm !== "by") continue;
    k++;
    if (tokens[k]?.norm === "the") k++;
    const m = mentionStartingAt(forces, k);
    if (m && !claimsOf(claims, m)) claims.push({ actor: m, eventNoun: i, byCountry: byCountry.includes(m) });
  }
  return claims;
}

// Searches as plain functions: a closure inside a loop over tokens would cost an allocation per token.
function inMention(mentions: Mention[], i: number): boolean {
  for (const m of mentions) if (m.first <= i && i < m.last) return true;
  return false;
}

function mentionStartingAt(mentions: Mention[], first: number): Mention | undefined {
  for (const m of mentions) if (m.first === first) return m;
  return undefined;
}

function claimsOf(claims: ActorClaim[], actor: Mention): boolean {
  for (const c of claims) if (c.actor === actor) return true;
  return false;
}

function isSingular(noun: string): boolean {
  return !noun.endsWith("s") || noun === "clashes";
}
