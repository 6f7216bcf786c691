// The claim reader: turns one block of prose into what each sentence states —
// names, quantities, dates, places, roles, relations, actors — without judging any of it.
// It needs the fact base only to recognise names. Comparison lives in ../compare.
import { FactBase } from "../facts/model";
import { NameIndex } from "../facts/nameIndex";
import { splitSentences } from "../text/blocks";
import { tokenize } from "../text/tokens";
import { ActorClaim, readActors } from "./actors";
import { DateMention, readDates } from "./dates";
import { EVENT_NOUNS } from "./lexicon";
import { findNames, HonorificRef, Mention, Suspect } from "./names";
import { Quantity, readQuantities } from "./numbers";
import { PlaceClaim, readPlaces } from "./places";
import { BasedClaim, FoundedClaim, readBased, readRelations, RelationClaim } from "./relations";
import { readRoles, readTitles, RoleClaim, TitleClaim } from "./roles";

export interface EventNounUse {
  kind: string;
  start: number;
  plural: boolean;
}

/** All offsets are relative to the start of the block. */
export interface SentenceReading {
  start: number;
  end: number;
  /** Lowercase word forms, for tying the sentence to an event. */
  words: readonly string[];
  mentions: readonly Mention[];
  suspects: readonly Suspect[];
  honorifics: readonly HonorificRef[];
  quantities: readonly Quantity[];
  dates: readonly DateMention[];
  places: readonly PlaceClaim[];
  roles: readonly RoleClaim[];
  titles: readonly TitleClaim[];
  relations: readonly RelationClaim[];
  founded: readonly FoundedClaim[];
  based: readonly BasedClaim[];
  /** Dates that tell when something was founded, not when an event happened. */
  foundingDates: readonly DateMention[];
  actors: readonly ActorClaim[];
  eventNouns: readonly EventNounUse[];
}

export interface ReaderContext {
  base: FactBase;
  names: NameIndex;
  countryByDemonym: (norm: string) => string | undefined;
}

export function makeReaderContext(base: FactBase, names: NameIndex): ReaderContext {
  const demonyms = new Map<string, string>();
  for (const e of base.entities.values()) if (e.demonym) demonyms.set(e.demonym.toLowerCase(), e.id);
  return { base, names, countryByDemonym: (norm) => demonyms.get(norm) };
}

/**
 * One empty list for whatever a sentence has none of (most have no dates, roles, ties…): readings
 * are cached, and an empty list of its own per field of every sentence is most of their objects.
 */
const NONE: readonly never[] = Object.freeze([]);
const some = <T>(list: readonly T[]): readonly T[] => (list.length ? list : NONE);

export function readBlock(text: string, ctx: ReaderContext): SentenceReading[] {
  const kindOf = (id: string): string | undefined => ctx.base.entities.get(id)?.kind;
  const isPlace = (id: string): boolean => kindOf(id) === "place";
  const textOf = (s: number, e: number): string => text.slice(s, e);
  let previousOrg: Mention | undefined;
  return splitSentences(text).map((span) => {
    const tokens = tokenize(text.slice(span.start, span.end), span.start);
    const names = findNames(tokens, ctx.names, textOf);
    const dates = readDates(tokens);
    // The named entities by kind, each looked up once.
    const orgs: Mention[] = [];
    const people: Mention[] = [];
    const places: Mention[] = [];
    let lastOrg: Mention | undefined;
    for (const m of names.mentions) {
      const kind = kindOf(m.entityId);
      if (kind === "organization" || kind === "force") orgs.push(m);
      if (kind === "organization") lastOrg = m;
      else if (kind === "person") people.push(m);
      else if (kind === "place") places.push(m);
    }
    const { relations, founded, foundingDates } = readRelations(tokens, orgs, dates, previousOrg);
    previousOrg = lastOrg ?? previousOrg;
    const eventNouns: EventNounUse[] = [];
    const words: string[] = [];
    const inName = (start: number): boolean => names.mentions.some((m) => m.start <= start && start < m.end);
    for (const t of tokens) {
      if (t.kind === "word") words.push(t.norm);
      const kind = EVENT_NOUNS.get(t.norm);
      // "the international mission" names the coalition, not an event.
      if (kind && !inName(t.start)) eventNouns.push({ kind, start: t.start, plural: t.norm.endsWith("s") && t.norm !== "clashes" });
    }
    const quantities = readQuantities(tokens);
    return {
      start: span.start,
      end: span.end,
      words: some(words),
      mentions: some(names.mentions),
      suspects: some(names.suspects),
      honorifics: some(names.honorifics),
      quantities: some(dates.length ? quantities.filter((q) => !dates.some((d) => d.year && d.start <= q.start && q.end <= d.end)) : quantities),
      dates: some(dates),
      places: some(readPlaces(tokens, names.mentions, isPlace, ctx.countryByDemonym)),
      roles: some(readRoles(tokens, names.mentions, kindOf)),
      titles: some(readTitles(tokens, people)),
      relations: some(relations),
      founded: some(founded),
      foundingDates: some(foundingDates),
      based: some(readBased(tokens, orgs, places)),
      actors: some(readActors(tokens, orgs, ctx.countryByDemonym)),
      eventNouns: some(eventNouns),
    };
  });
}
