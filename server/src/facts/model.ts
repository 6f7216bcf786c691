// The fact base as the engine sees it: plain data, resolved across files.
// The YAML format itself is described by facts/schema.json and facts/README.md.

/** Where a fact was written, so diagnostics can link to it. */
export interface FactLocation {
  file: string;
  line: number; // 0-based
  character: number; // 0-based, UTF-16
}

export interface Citation {
  source: string;
  quote: string;
}

export interface Source {
  id: string;
  outlet: string;
  title: string;
  file?: string;
  url?: string;
  standing: "main" | "outlier" | "reference";
  note?: string;
  /** Publication date as written (YYYY-MM-DD). */
  date?: string;
  at: FactLocation;
}

export type EntityKind = "person" | "place" | "organization" | "force";
export type PlaceLevel = "village" | "town" | "city" | "area" | "province" | "region" | "country";

export interface Role {
  title: string;
  aliases: string[];
  of?: string;
  rank?: string;
  cite: Citation[];
  at: FactLocation;
}

export type RelationType =
  | "formerly"
  | "part-of"
  | "linked-to"
  | "split-from"
  | "led-by"
  | "rival-of"
  | "dominates"
  | "allied-with";

export interface Relation {
  type: RelationType;
  target: string;
  since?: number;
  until?: number;
  cite: Citation[];
  at: FactLocation;
}

export type Qualifier =
  | "exactly"
  | "at least"
  | "more than"
  | "about"
  | "nearly"
  | "up to"
  | "fewer than";

/** A day or part of one, as a fact gives it (`as_of: 2014-08-05`). */
export interface DateParts {
  year?: number;
  month?: number;
  day?: number;
  weekday?: string;
}

export interface CountValue {
  value: number;
  /** The top of a range the sources give ("10 to 12"): `to:`. */
  upper?: number;
  qualifier: Qualifier;
  /** When the value held (`as_of:`): an earlier tally is history, not an error, when a sentence dates it. */
  asOf?: DateParts;
  /** The body that gave or measured the value (`by:`, an entity id): the USGS's magnitude, not the Chinese agency's. */
  by?: string;
  cite: Citation[];
  at: FactLocation;
}

export interface Count extends CountValue {
  measure: string; // killed, injured, casualties, duration, aircraft, population…
  of?: string; // people, children, passengers, homes, seats, us-forces…
  unit?: string; // hour, day, year… (durations)
  disputed: CountValue[];
  /** For a part of a breakdown ("four children" among 13 dead): the group of the total it belongs to. */
  within?: string;
}

export interface FoundedFact {
  year: number;
  month?: number;
  cite: Citation[];
  at: FactLocation;
}

export interface Entity {
  id: string;
  kind: EntityKind;
  name: string;
  variants: string[];
  level?: PlaceLevel;
  in?: string;
  near: string[];
  region?: string;
  demonym?: string;
  roles: Role[];
  relations: Relation[];
  founded?: FoundedFact;
  counts: Count[];
  note?: string;
  cite: Citation[];
  at: FactLocation;
  /** Where `variants:` (or the name, when there are none) sits, for "accept this spelling". */
  variantsAt?: FactLocation;
}

export interface EventPlace {
  at?: string;
  near: string[];
  region?: string;
  cite: Citation[];
  loc: FactLocation;
  /** Other places some sources give (an outlier's wrong town); `at` is held as established. */
  disputed?: { at: string; cite: Citation[]; loc: FactLocation }[];
}

export interface EventWhen {
  year?: number;
  month?: number;
  day?: number;
  weekday?: string;
  time?: string;
  relative?: string;
  /** What the date is the date of, when that matters (the day a killing was announced). */
  note?: string;
  /** The date is the day the event was announced, so "On October 23, the military announced …" states it. */
  announced?: boolean;
  cite: Citation[];
  at: FactLocation;
}

export interface Participants {
  ids: string[];
  cite: Citation[];
  disputed: { ids: string[]; cite: Citation[] }[];
  at: FactLocation;
}

export interface Detail {
  what: string;
  value: string;
  cite: Citation[];
  disputed: { value: string; cite: Citation[] }[];
  at: FactLocation;
}

export interface FactEvent {
  id: string;
  name: string;
  kind: string;
  keywords: string[];
  place?: EventPlace;
  when?: EventWhen;
  actors?: Participants;
  targets?: Participants;
  people: string[];
  counts: Count[];
  details: Detail[];
  cite: Citation[];
  at: FactLocation;
}

export interface FactBase {
  sources: Map<string, Source>;
  entities: Map<string, Entity>;
  events: Map<string, FactEvent>;
  /** The files this base was built from, in load order. */
  files: string[];
  /** The text of each source's article, by source id, where its `file` could be read. */
  articles: Map<string, string>;
}

export function emptyFactBase(): FactBase {
  return { sources: new Map(), entities: new Map(), events: new Map(), files: [], articles: new Map() };
}
