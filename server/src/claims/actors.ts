// Reads who a sentence says carried an event out: "ISAF has launched an operation",
// "a raid conducted by US Special Forces", "the US-led coalition captured …".
import { Token } from "../text/tokens";
import { ACTION_VERBS, EVENT_NOUNS } from "./lexicon";
import { Mention } from "./names";

// Patterns made once: a regex literal inside a function is a new RegExp object at every evaluation.
const FORCE_WORDS = /^(troops|forces|commandos|soldiers|units|aircraft|helicopters)$/;

export interface ActorClaim {
  actor: Mention;
  /** "Russian commandos": the actor is named by its country's adjective; actor.entityId is the country. */
  byCountry?: boolean;
  /** Token index of the event noun the actor carried out, if named. */
  eventNoun?: number;
}

const AUXILIARIES = new Set(["has", "have", "had", "was", "were", "is", "are", "reportedly", "also", "then", "allegedly", "had", "been"]);
const DEEDS = new Set([
  "landed", "raided", "stormed", "captured", "arrested", "swooped", "attacked", "descended", "seized", "detained", "abducted",
  "snatched", "entered", "land", "lands", "raid", "storm", "storms", "capture", "captures", "seize", "seizes", "arrest", "arrests",
]);
const FORCE_NOUNS = /^(troops|forces|commandos|soldiers|units|army|military|jets|helicopters|aircraft|marines|paratroopers|personnel)$/;
const ARTICLES = new Set(["a", "an", "the", "its", "their", "this"]);

export function readActors(tokens: Token[], named: Mention[], countryByDemonym: (norm: string) => string | undefined): ActorClaim[] {
  const claims: ActorClaim[] = [];
  // "Russian troops", "Turkish special forces": a force named by its country's adjective.
  const byCountry: Mention[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    const country = countryByDemonym(tokens[i].norm);
    if (!country || !tokens[i].cap || inMention(named, i)) continue;
    let k = i + 1;
    if (tokens[k]?.norm === "special" && tokens[k + 1]?.norm === "forces") k++;
    if (!FORCE_NOUNS.test(tokens[k]?.norm ?? "")) continue;
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
    if (tokens[k] && FORCE_WORDS.test(tokens[k].norm)) k++;
    while (tokens[k] && AUXILIARIES.has(tokens[k].norm)) k++;
    const verb = tokens[k];
    if (!verb) continue;
    if (ACTION_VERBS.has(verb.norm)) {
      let j = k + 1;
      if (tokens[j]?.norm === "out") j++;
      while (tokens[j] && (ARTICLES.has(tokens[j].norm) || (!EVENT_NOUNS.get(tokens[j].norm) && tokens[j].kind === "word" && j - k <= 4 && !tokens[j].cap))) j++;
      const noun = tokens[j];
      if (noun && EVENT_NOUNS.get(noun.norm) && isSingular(noun.norm)) claims.push({ actor: m, eventNoun: j, byCountry: byCountry.includes(m) });
    } else if (DEEDS.has(verb.norm)) {
      claims.push({ actor: m, byCountry: byCountry.includes(m) });
    }
  }
  // "a raid (was) conducted / carried out / led by X"
  for (let i = 0; i < tokens.length; i++) {
    const noun = tokens[i];
    if (!EVENT_NOUNS.get(noun.norm) || !isSingular(noun.norm)) continue;
    // "a raid (on Atme) (was) carried out by X": the verb within a few words, no clause break between.
    let k = i + 1;
    while (k < tokens.length && k - i <= 6 && tokens[k].kind !== "punct" && !ACTION_VERBS.has(tokens[k].norm)) k++;
    if (!tokens[k] || !ACTION_VERBS.has(tokens[k].norm)) continue;
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
