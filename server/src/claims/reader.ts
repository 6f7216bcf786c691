// The claim reader: turns one block of prose into what each sentence states —
// names, quantities, dates, places, roles, relations, actors — without judging any of it.
// It needs the fact base only to recognise names. Comparison lives in ../compare.
import { FactBase } from "../facts/model";
import { NameIndex } from "../facts/nameIndex";
import { splitSentences } from "../text/blocks";
import { tokenize } from "../text/tokens";
import { ActorClaim, readActors } from "./actors";
import { DateMention, readDates } from "./dates";
import { HappeningUse, Happenings } from "./happenings";
import { findNames, HonorificRef, Mention, Suspect } from "./names";
import { Figure, readFigures } from "./figures";
import { PlaceClaim, readPlaces } from "./places";
import { BasedClaim, FoundedClaim, readBased, readRelations, RelationClaim } from "./relations";
import { OfficeWords, officeWords, readRoles, RoleClaim } from "./roles";

/** All offsets are relative to the start of the block. */
export interface SentenceReading {
  start: number;
  end: number;
  /** Lowercase word forms, for tying the sentence to an event. */
  words: readonly string[];
  /** Where each of `words` starts (block offsets), for the words near a claim. */
  wordStarts: Int32Array;
  /** Offsets of the punctuation that ends a clause (; : — ( ) |) and of commas. */
  breaks: readonly number[];
  commas: readonly number[];
  mentions: readonly Mention[];
  suspects: readonly Suspect[];
  honorifics: readonly HonorificRef[];
  /** Every figure with its unit and the words around it. */
  figures: readonly Figure[];
  dates: readonly DateMention[];
  places: readonly PlaceClaim[];
  /** Offices the sentence gives people ("President Li Keqiang", "Nadella, the chief executive of …"). */
  roles: readonly RoleClaim[];
  relations: readonly RelationClaim[];
  founded: readonly FoundedClaim[];
  based: readonly BasedClaim[];
  /** Dates that tell when something was founded, not when an event happened. */
  foundingDates: readonly DateMention[];
  actors: readonly ActorClaim[];
  /** Words naming happenings ("quake", "takeover"), and whether of a kind the facts have events of. */
  eventNouns: readonly HappeningUse[];
}

export interface ReaderContext {
  base: FactBase;
  names: NameIndex;
  countryByDemonym: (norm: string) => string | undefined;
  happenings: Happenings;
  offices: OfficeWords;
}

/** Every role title and alias of the fact base: its own words of office. */
function* roleTitles(base: FactBase): Iterable<string> {
  for (const e of base.entities.values()) for (const r of e.roles) yield* [r.title, ...r.aliases];
}

export function makeReaderContext(base: FactBase, names: NameIndex): ReaderContext {
  const demonyms = new Map<string, string>();
  for (const e of base.entities.values()) if (e.demonym) demonyms.set(e.demonym.toLowerCase(), e.id);
  return { base, names, countryByDemonym: (norm) => demonyms.get(norm), happenings: new Happenings(base), offices: officeWords(roleTitles(base)) };
}

/**
 * One empty list for whatever a sentence has none of (most have no dates, roles, ties…): readings
 * are cached, and an empty list of its own per field of every sentence is most of their objects.
 */
const NONE: readonly never[] = Object.freeze([]);
const CLAUSE_BREAK = new Set([";", ":", "—", "–", "(", ")", "|", "•", "\"", "“", "”"]);
const some = <T>(list: readonly T[]): readonly T[] => (list.length ? list : NONE);

export function readBlock(text: string, ctx: ReaderContext): SentenceReading[] {
  const kindOf = (id: string): string | undefined => ctx.base.entities.get(id)?.kind;
  const isPlace = (id: string): boolean => kindOf(id) === "place";
  const textOf = (s: number, e: number): string => text.slice(s, e);
  let previousOrg: Mention | undefined;
  return splitSentences(text).map((span) => {
    const tokens = tokenize(text.slice(span.start, span.end), span.start);
    const names = findNames(tokens, ctx.names, textOf);
    const dates = readDates(tokens, (w) => ctx.happenings.isEventWord(w));
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
    const words: string[] = [];
    const starts: number[] = [];
    const breaks: number[] = [];
    const commas: number[] = [];
    // Years are words too: "the 2008 earthquake" names that quake as "Sichuan" would.
    for (const t of tokens) {
      if (t.kind === "word" || (t.kind === "number" && t.raw.length === 4)) {
        words.push(t.norm);
        starts.push(t.start);
      } else if (t.kind === "punct") {
        if (t.raw === ",") commas.push(t.start);
        else if (CLAUSE_BREAK.has(t.raw)) breaks.push(t.start);
      }
    }
    const inName = (i: number): boolean => names.mentions.some((m) => m.first <= i && i < m.last);
    const eventNouns = ctx.happenings.read(tokens, inName);
    // A date is no figure ("in 2016", "Aug. 7"): its tokens are skipped.
    const inDate = dates.length ? (i: number): boolean => dates.some((d) => d.first <= i && i < d.last) : undefined;
    const figures = readFigures(tokens, inDate);
    return {
      start: span.start,
      end: span.end,
      words: some(words),
      wordStarts: Int32Array.from(starts),
      breaks: some(breaks),
      commas: some(commas),
      mentions: some(names.mentions),
      suspects: some(names.suspects),
      honorifics: some(names.honorifics),
      figures: some(figures),
      dates: some(dates),
      places: some(readPlaces(tokens, names.mentions, isPlace, ctx.countryByDemonym, (w) => ctx.happenings.isEventWord(w))),
      roles: some(readRoles(tokens, names.mentions, kindOf, ctx.offices)),
      relations: some(relations),
      founded: some(founded),
      foundingDates: some(foundingDates),
      based: some(readBased(tokens, orgs, places)),
      actors: some(readActors(tokens, orgs, ctx.countryByDemonym, ctx.happenings)),
      eventNouns: some(eventNouns),
    };
  });
}
