// Reads quantities: a number in digits or words, its qualifier, what it counts and
// what happened to them ("at least 13 people were killed", "about a dozen helicopters").
import { Qualifier } from "../facts/model";
import { Token } from "../text/tokens";
import {
  EVENT_NOUNS,
  COUNTED_NOUNS,
  DURATION_UNITS,
  MEASURE_WORDS,
  MULTIPLIERS,
  NUMBER_WORDS,
  QUALIFIERS_AFTER,
  QUALIFIERS_BEFORE,
} from "./lexicon";

// Patterns made once: a regex literal inside a function is a new RegExp object at every evaluation.
const PART_OF = /^(the|them|those|these|its|their|whom)$/;
const KILLING_VERB = /^(kills|killed|killing|kill|leaves|left|leaving)$/;
const FLOOR_NOUN = /^(story|storey|stories|storeys|floor)$/;
const WENT_ON = /^(went|goes|dragged|carried|continued)$/;

export type NumberStyle = "digits" | "words" | "dozen" | "no";

export interface NumberPhrase {
  /** Offsets of the number itself ("15", "two dozen"): what a diagnostic underlines and a fix replaces. */
  start: number;
  end: number;
  first: number; // token index of the number
  last: number; // token index after the number
  value: number;
  qualifier: Qualifier;
  style: NumberStyle;
  capitalized: boolean;
}

export interface Quantity extends NumberPhrase {
  /** The counted noun as written ("people", "hours"). */
  noun?: string;
  /** Who is counted, in the facts' terms: people, children, women, civilians, forces, helicopters… */
  group?: string;
  /** What happened: killed, injured, casualties, duration, population, aircraft. */
  measure?: string;
  unit?: string;
  unitHours?: number;
  /** Where the counted noun ends ("six hours"), so a fix can rewrite number and unit together. */
  nounEnd?: number;
  /** Part of a total given in an earlier sentence ("among them"); it has no measure of its own. */
  among?: boolean;
}

const WINDOW = 8;

/** Verbs that say how long fighting went on: "fought for", "raged for", "went on for". */
const LASTING = new Set(["fought", "fighting", "raged", "continued", "clashed", "battled", "lasting", "lasted", "held"]);

/** Nouns a counted word may describe rather than be counted as: "helicopter crews", "children's hospital". */
const MODIFIED_NOUNS = new Set(["crews", "crew", "pilots", "units", "unit", "parents", "families", "hospital", "camps", "camp", "groups", "rights", "convoy", "convoys", "squadron", "squadrons", "gunships"]);

/** Every quantity a sentence states, in order. */
export function readQuantities(tokens: Token[]): Quantity[] {
  const found: Quantity[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const phrase = readNumberAt(tokens, i);
    if (!phrase) continue;
    const q = describe(tokens, phrase);
    if (q) found.push(q);
    i = phrase.last - 1;
  }
  return found;
}

/** A number starting at token i, with its qualifier; undefined if none starts there. */
export function readNumberAt(tokens: Token[], i: number): NumberPhrase | undefined {
  const t = tokens[i];
  let value: number | undefined;
  let last = i + 1;
  let style: NumberStyle = "digits";
  if (t.kind === "number" && t.value !== undefined) {
    value = t.value;
  } else if (t.kind === "word") {
    const w = t.norm;
    if (NUMBER_WORDS.has(w)) {
      value = NUMBER_WORDS.get(w)!;
      style = "words";
      // twenty-three
      const next = tokens[i + 1];
      if (value >= 20 && next?.joined && NUMBER_WORDS.has(next.norm) && NUMBER_WORDS.get(next.norm)! < 10) {
        value += NUMBER_WORDS.get(next.norm)!;
        last = i + 2;
      }
      // "One" is more often a pronoun than a count: take it only before a counted noun ("one US soldier").
      if (w === "one" && nounAfter(tokens, last, 2) === undefined) return undefined;
    } else if (w === "a" && tokens[i + 1]?.norm === "dozen") {
      value = 12;
      last = i + 2;
      style = "dozen";
    } else if (w === "a" && tokens[i + 1]?.norm === "score" && tokens[i + 2]?.norm === "of" && tokens[i + 3]?.kind === "word") {
      // "a score of helicopters": twenty; the fix replaces "a score of" whole, in kind ("a dozen helicopters").
      value = 20;
      last = i + 3;
      style = "dozen";
    } else if (w === "half" && tokens[i + 1]?.norm === "a" && MULTIPLIERS.has(tokens[i + 2]?.norm ?? "")) {
      value = MULTIPLIERS.get(tokens[i + 2].norm)! / 2;
      last = i + 3;
      style = "words";
    } else if (w === "half" && (tokens[i + 1]?.norm === "an" || tokens[i + 1]?.norm === "a") && DURATION_UNITS.has(tokens[i + 2]?.norm ?? "")) {
      value = 0.5; // "half an hour"
      last = i + 2;
      style = "words";
    } else if ((w === "a" || w === "an") && DURATION_UNITS.has(tokens[i + 1]?.norm ?? "") && tokens[i - 1]?.norm !== "half") {
      value = 1; // "a year ago", "an hour"
      last = i + 1;
      style = "words";
    } else if (w === "a" && (tokens[i + 1]?.norm === "hundred" || tokens[i + 1]?.norm === "thousand")) {
      value = MULTIPLIERS.get(tokens[i + 1].norm)!;
      last = i + 2;
      style = "words";
    } else if (w === "no" || w === "none") {
      // "no US casualties", "no civilians were injured": zero, when a counted noun follows.
      if (w === "none" || nounAfter(tokens, i + 1, 3) !== undefined) {
        return { start: t.start, end: t.end, first: i, last: i + 1, value: 0, qualifier: "exactly", style: "no", capitalized: t.cap };
      }
      return undefined;
    }
  }
  if (value === undefined) return undefined;
  // Multipliers: "3.5 million", "two dozen", "three thousand".
  while (tokens[last]?.kind === "word" && MULTIPLIERS.has(tokens[last].norm) && !tokens[last].joined) {
    if (tokens[last].norm === "dozen" && style !== "dozen") style = "dozen";
    value *= MULTIPLIERS.get(tokens[last].norm)!;
    last++;
  }
  const { qualifier } = qualifierBefore(tokens, i);
  return {
    start: t.start,
    end: tokens[last - 1].end,
    first: i,
    last,
    value,
    qualifier,
    style,
    capitalized: t.cap,
  };
}

function qualifierBefore(tokens: Token[], i: number): { qualifier: Qualifier; at: number } {
  for (const [words, q] of QUALIFIERS_BEFORE) {
    const from = i - words.length;
    if (from < 0) continue;
    if (wordsAt(tokens, from, words)) return { qualifier: q, at: from };
  }
  return { qualifier: "exactly", at: i };
}

/** Whether `words` are written from token `from` on (a plain function: no closure per qualifier tried). */
function wordsAt(tokens: Token[], from: number, words: string[]): boolean {
  for (let k = 0; k < words.length; k++) if (tokens[from + k].norm !== words[k]) return false;
  return true;
}

function nounAfter(tokens: Token[], from: number, reach: number): number | undefined {
  for (let k = from; k < tokens.length && k < from + reach; k++) {
    const t = tokens[k];
    if (t.kind === "punct") return undefined;
    if (COUNTED_NOUNS.has(t.norm) || DURATION_UNITS.has(t.norm) || t.norm === "casualties" || t.norm === "injuries" || (t.norm === "members" && tokens[k - 1]?.norm === "service")) {
      // "two helicopter raids": the noun only describes the one that follows it.
      const next = tokens[k + 1];
      if (next && next.kind === "word" && !next.joined && (EVENT_NOUNS.get(next.norm) || MODIFIED_NOUNS.has(next.norm))) return undefined;
      return k;
    }
  }
  return undefined;
}

function describe(tokens: Token[], phrase: NumberPhrase): Quantity | undefined {
  // The phrase's fields written out (a spread of objects of several shapes takes V8's slow path).
  const q: Quantity = {
    start: phrase.start,
    end: phrase.end,
    first: phrase.first,
    last: phrase.last,
    value: phrase.value,
    qualifier: phrase.qualifier,
    style: phrase.style,
    capitalized: phrase.capitalized,
  };
  const next = tokens[phrase.last];
  // Percentages, ordinals in dates and the like are not counts.
  if (next && (next.raw === "%" || next.norm === "percent" || next.norm === "per")) return undefined;
  // "two of the children": a part of a group, not a total.
  if (next?.norm === "of" && PART_OF.test(tokens[phrase.last + 1]?.norm ?? "")) return undefined;
  const nounAt = nounAfter(tokens, phrase.last, phrase.style === "no" ? 3 : 3);
  if (nounAt !== undefined) {
    const noun = tokens[nounAt].norm;
    q.noun = tokens[nounAt].raw;
    q.nounEnd = tokens[nounAt].end;
    const duration = DURATION_UNITS.get(noun);
    if (duration) {
      q.unit = duration.unit;
      q.unitHours = duration.hours;
      if (isDuration(tokens, phrase, nounAt)) q.measure = "duration";
      return q.measure ? q : undefined;
    }
    if (noun === "casualties") {
      q.measure = "casualties";
      q.group = groupFromAdjectives(tokens, phrase.last, nounAt) ?? "people";
      return q;
    }
    q.group = noun === "members" ? "forces" : COUNTED_NOUNS.get(noun);
    if (q.group === "helicopters") {
      q.measure = "aircraft";
      return q;
    }
    if (noun === "dead" || noun === "bodies") {
      // "four dead children": the dead of that group, not all the dead.
      const of = noun === "dead" ? tokens[nounAt + 1] : undefined;
      const group = of?.kind === "word" ? COUNTED_NOUNS.get(of.norm) : undefined;
      if (group && group !== "helicopters") {
        q.group = group;
        q.noun = of!.raw;
        q.nounEnd = of!.end;
      }
      q.measure = "killed";
      return q;
    }
    if (q.group === "people" || q.group === "civilians") {
      const adj = groupFromAdjectives(tokens, phrase.last, nounAt);
      if (adj === "forces") q.group = "forces";
    }
    q.measure = measureNear(tokens, phrase.first, nounAt);
    const after = qualifierAfter(tokens, nounAt + 1);
    if (after) q.qualifier = after;
    // "Five women were among them": a share of a count stated before; the checker supplies what happened.
    if (!q.measure && q.group !== "people" && tokens.some((t) => t.norm === "among")) q.among = true;
    return q.measure || q.among ? q : undefined;
  }
  // "the death toll rose to 20", "a toll of 13": the number is the count of the dead.
  if (tollBefore(tokens, phrase.first)) {
    q.group = "people";
    q.measure = "killed";
    return q;
  }
  // "US raid kills 17", "killing 13": the verb of killing right before the number.
  const before = tokens[qualifierBefore(tokens, phrase.first).at - 1];
  if (before && KILLING_VERB.test(before.norm) && (!next || next.kind === "punct" || next.norm === "people")) {
    if (before.norm.startsWith("kill") || tokens[phrase.last]?.norm === "dead") {
      q.group = "people";
      q.measure = "killed";
      return q;
    }
  }
  // "12 dead", "13 killed" with the noun left out.
  if (next && next.kind === "word" && MEASURE_WORDS.get(next.norm) === "killed" && next.norm !== "death") {
    q.group = "people";
    q.measure = "killed";
    return q;
  }
  // "a two-story house": how many floors a building has.
  if (next?.joined && FLOOR_NOUN.test(next.norm)) {
    q.measure = "storeys";
    q.group = "building";
    return q;
  }
  // "a six-hour raid": the unit joined to the number ("a 13-year-old" is an age, not a duration).
  // "a 15-minute walk", "a three-hour drive" measure other things.
  if (next?.joined && DURATION_UNITS.has(next.norm) && EVENT_NOUNS.get(tokens[phrase.last + 1]?.norm ?? "") !== undefined) {
    q.unit = DURATION_UNITS.get(next.norm)!.unit;
    q.unitHours = DURATION_UNITS.get(next.norm)!.hours;
    q.measure = "duration";
    return q;
  }
  return undefined;
}

const TOLL_LINKS = new Set(["rose", "risen", "climbed", "reached", "stood", "stands", "hit", "was", "is", "at", "to", "of", "has", "had", "now", "increased", "jumped"]);

function tollBefore(tokens: Token[], first: number): boolean {
  const { at } = qualifierBefore(tokens, first);
  for (let k = at - 1; k >= 0 && k >= at - 4; k--) {
    if (tokens[k].norm === "toll") return true;
    if (!TOLL_LINKS.has(tokens[k].norm)) return false;
  }
  return false;
}

/** "US soldiers", "American troops": the counted are forces, not civilians. */
function groupFromAdjectives(tokens: Token[], from: number, nounAt: number): string | undefined {
  for (let k = from; k < nounAt; k++) {
    const w = tokens[k].norm;
    if (w === "us" || w === "american" || w === "coalition" || w === "military" || w === "allied") return "forces";
    if (w === "civilian") return "civilians";
  }
  return undefined;
}

function isDuration(tokens: Token[], phrase: NumberPhrase, nounAt: number): boolean {
  const before = tokens[phrase.first - 1];
  const qualifierStart = qualifierBefore(tokens, phrase.first).at;
  const prev = tokens[qualifierStart - 1];
  // "lasted for two hours", "fought for two hours" — not "schools stayed closed for 24 hours".
  if (prev?.norm === "for" || before?.norm === "for") {
    const forAt = prev?.norm === "for" ? qualifierStart - 1 : phrase.first - 1;
    const verb = tokens[forAt - 1]?.norm ?? "";
    // "went on for", "dragged on for"
    if (verb === "on") return WENT_ON.test(tokens[forAt - 2]?.norm ?? "");
    return MEASURE_WORDS.get(verb) === "duration" || LASTING.has(verb) || EVENT_NOUNS.get(verb) !== undefined;
  }
  if (tokens[nounAt + 1]?.norm === "long" || tokens[nounAt + 1]?.norm === "ago") return true;
  // "over in half an hour"
  if (prev?.norm === "in" && tokens[qualifierStart - 2]?.norm === "over") return true;
  // "a two-hour raid" — but not "a 15-minute walk" or "the three-hour drive".
  if (tokens[nounAt].joined) return EVENT_NOUNS.get(tokens[nounAt + 1]?.norm ?? "") !== undefined;
  for (let k = Math.max(0, qualifierStart - 4); k < qualifierStart; k++) if (MEASURE_WORDS.get(tokens[k].norm) === "duration") return true;
  return false;
}

function qualifierAfter(tokens: Token[], from: number): Qualifier | undefined {
  for (const [words, q] of QUALIFIERS_AFTER) {
    if (words.every((w, k) => tokens[from + k]?.norm === w)) return q;
  }
  return undefined;
}

/** The nearest word that says what happened to the counted, within the clause. */
function measureNear(tokens: Token[], first: number, nounAt: number): string | undefined {
  let best: { measure: string; dist: number } | undefined;
  const consider = (k: number, dist: number): void => {
    const m = MEASURE_WORDS.get(tokens[k].norm);
    if (!m || m === "duration") return;
    if (m === "population" && tokens[k].norm === "home" && tokens[k + 1]?.norm !== "to") return;
    if (!best || dist < best.dist) best = { measure: m, dist };
  };
  for (let k = nounAt + 1; k < tokens.length && k <= nounAt + WINDOW; k++) {
    if (tokens[k].raw === ";" ) break;
    consider(k, k - nounAt);
  }
  for (let k = first - 1; k >= 0 && k >= first - WINDOW; k--) {
    if (tokens[k].raw === ";") break;
    consider(k, first - k + 0.5);
  }
  return best?.measure;
}
