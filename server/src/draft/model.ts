// The draft as plain data, between reading the articles and writing the YAML: the fact format's
// shapes, with citations that name the article they quote by its index.
import { Qualifier } from "../facts/model";
import { Kind } from "./entities";

export interface Cite {
  article: number;
  quote: string;
}

/** A value of a count: the established one, or a disputed one. */
export interface DraftValue {
  value: number;
  /** The top of a range ("10 to 12"): `to:`. */
  upper?: number;
  qualifier: Qualifier;
  /** When the value held (YYYY-MM-DD): the day its clause gives, else its article's date. */
  asOf?: string;
  /** The entity id of the body that gave or measured it. */
  by?: string;
  cite: Cite[];
}

export interface DraftCount extends DraftValue {
  measure: string;
  /** What counts with the same measure across articles (a concept group, or the measure's match key). */
  key: string;
  of?: string;
  /** A vocabulary unit id: USD, percent, km, hour, magnitude… */
  unit?: string;
  breakdown: DraftCount[];
  disputed: DraftValue[];
  /** The entity `of` names (a party, a place of a breakdown), which keys it across articles. */
  ofEntity?: string;
  /** Not the article's first value of its measure: kept as a count of its own, never merged as a dispute. */
  secondary?: boolean;
}

export interface DraftRole {
  title: string;
  of?: string;
  cite: Cite[];
}

export interface DraftEntity {
  id: string;
  kind: Kind;
  name: string;
  variants: string[];
  level?: string;
  in?: string;
  roles: DraftRole[];
  counts: DraftCount[];
  cite: Cite[];
}

export interface DraftWhen {
  year?: number;
  month?: number;
  day?: number;
  weekday?: string;
  time?: string;
  cite: Cite[];
}

export interface DraftEvent {
  id: string;
  name: string;
  kind: string;
  keywords: string[];
  place?: { at: string; cite: Cite[]; disputed: { at: string; cite: Cite[] }[] };
  when?: DraftWhen;
  actors?: { ids: string[]; cite: Cite[]; disputed?: { ids: string[]; cite: Cite[] }[] };
  people: string[];
  counts: DraftCount[];
  cite: Cite[];
  /** Background events (an earlier quake, a past raid) are told for comparison. */
  background?: boolean;
  /** A happening the articles date to another day than the story's ("Congress, elected on Oct. 2"). */
  side?: boolean;
}

export interface DraftSource {
  id: string;
  outlet: string;
  title: string;
  file?: string;
  date?: string;
  note?: string;
}

export interface Draft {
  sources: DraftSource[];
  entities: DraftEntity[];
  events: DraftEvent[];
}

/** A lowercase id of letters, digits and hyphens from a name ("Rami Abdel Rahman" → rami-abdel-rahman). */
export function slug(s: string, max = 48): string {
  const base = s
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  const cut = base.length > max ? base.slice(0, max).replace(/-[^-]*$/, "") : base;
  return cut || "item";
}

/** Hands out ids unique across the draft (and any ids already taken). */
export class Ids {
  private taken = new Set<string>();
  constructor(existing: Iterable<string> = []) {
    for (const id of existing) this.taken.add(id);
  }
  make(name: string): string {
    const base = slug(name);
    let id = base;
    for (let n = 2; this.taken.has(id); n++) id = `${base}-${n}`;
    this.taken.add(id);
    return id;
  }
}
