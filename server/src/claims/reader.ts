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
  words: string[];
  mentions: Mention[];
  suspects: Suspect[];
  honorifics: HonorificRef[];
  quantities: Quantity[];
  dates: DateMention[];
  places: PlaceClaim[];
  roles: RoleClaim[];
  titles: TitleClaim[];
  relations: RelationClaim[];
  founded: FoundedClaim[];
  based: BasedClaim[];
  /** Dates that tell when something was founded, not when an event happened. */
  foundingDates: DateMention[];
  actors: ActorClaim[];
  eventNouns: EventNounUse[];
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

export function readBlock(text: string, ctx: ReaderContext): SentenceReading[] {
  const kindOf = (id: string): string | undefined => ctx.base.entities.get(id)?.kind;
  let previousOrg: Mention | undefined;
  return splitSentences(text).map((span) => {
    const tokens = tokenize(text.slice(span.start, span.end), span.start);
    const textOf = (s: number, e: number): string => text.slice(s, e);
    const names = findNames(tokens, ctx.names, textOf);
    const dates = readDates(tokens);
    const orgs = names.mentions.filter((m) => kindOf(m.entityId) === "organization" || kindOf(m.entityId) === "force");
    const { relations, founded, foundingDates } = readRelations(tokens, orgs, dates, previousOrg);
    const lastOrg = orgs.filter((o) => kindOf(o.entityId) === "organization").pop();
    previousOrg = lastOrg ?? previousOrg;
    const eventNouns: EventNounUse[] = [];
    const inName = (start: number): boolean => names.mentions.some((m) => m.start <= start && start < m.end);
    for (const t of tokens) {
      const kind = EVENT_NOUNS[t.norm];
      // "the international mission" names the coalition, not an event.
      if (kind && !inName(t.start)) eventNouns.push({ kind, start: t.start, plural: t.norm.endsWith("s") && t.norm !== "clashes" });
    }
    return {
      start: span.start,
      end: span.end,
      words: tokens.filter((t) => t.kind === "word").map((t) => t.norm),
      mentions: names.mentions,
      suspects: names.suspects,
      honorifics: names.honorifics,
      quantities: readQuantities(tokens).filter((q) => !dates.some((d) => d.year && d.start <= q.start && q.end <= d.end)),
      dates,
      places: readPlaces(tokens, names.mentions, (id) => kindOf(id) === "place", ctx.countryByDemonym),
      roles: readRoles(tokens, names.mentions, kindOf),
      titles: readTitles(tokens, names.mentions.filter((m) => kindOf(m.entityId) === "person")),
      relations,
      founded,
      foundingDates,
      based: readBased(tokens, orgs, names.mentions.filter((m) => kindOf(m.entityId) === "place")),
      actors: readActors(tokens, orgs, ctx.countryByDemonym),
      eventNouns,
    };
  });
}
