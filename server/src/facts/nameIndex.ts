// Looks names up exactly, by variant and by near spelling, in time that does not grow
// with the number of facts: hash maps keyed by a name's first piece, by each piece,
// and by each piece with one letter deleted (the symmetric-delete scheme of SymSpell).
import { slipDistance } from "../text/editDistance";
import { Entity, FactBase } from "./model";
import { namePieces } from "../text/normalize";

export interface NameEntry {
  entityId: string;
  spelling: string;
  pieces: string[];
  /** Acronyms (HTS, IS) match only as written in capitals. */
  caseSensitive: boolean;
  canonical: boolean;
}

/** Short words that join the parts of Arabic and European names; never enough on their own. */
export const PARTICLES = new Set([
  "al", "el", "ad", "ash", "as", "an", "at", "ar", "az", "abu", "bin", "ibn", "bint", "the", "of", "de", "del", "da",
  "van", "von", "der", "la", "le", "for", "and",
]);

export class NameIndex {
  private byFirst = new Map<string, NameEntry[]>();
  private byPiece = new Map<string, NameEntry[]>();
  private deletes = new Map<string, string[]>();
  private pieces = new Set<string>();
  /** Pieces that end a person's name (surnames) or make up a one-piece name. */
  private lastPieces = new Map<string, NameEntry[]>();

  constructor(base: FactBase) {
    for (const entity of base.entities.values()) {
      // Adjectives of countries are words of their own (Iraqi is not a misspelling of Iraq).
      if (entity.demonym) for (const p of namePieces(entity.demonym)) this.pieces.add(p);
      this.add(entity, entity.name, true);
      for (const v of entity.variants) this.add(entity, v, false);
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.pieces.length - a.pieces.length);
  }

  private add(entity: Entity, spelling: string, canonical: boolean): void {
    const pieces = namePieces(spelling);
    if (!pieces.length) return;
    // Lowercase variants starting with "the" ("the coalition") are matched without it.
    if (pieces.length > 1 && pieces[0] === "the") pieces.shift();
    const letters = spelling.replace(/[^\p{L}]/gu, "");
    const caseSensitive = pieces.length === 1 && letters.length <= 6 && letters === letters.toUpperCase();
    const entry: NameEntry = { entityId: entity.id, spelling, pieces, caseSensitive, canonical };
    push(this.byFirst, pieces[0], entry);
    for (const p of new Set(pieces)) {
      if (PARTICLES.has(p)) continue;
      push(this.byPiece, p, entry);
      if (!this.pieces.has(p)) {
        this.pieces.add(p);
        if (p.length >= 4) for (const d of new Set(deletions(p))) push(this.deletes, d, p);
      }
    }
    const last = pieces[pieces.length - 1];
    if ((entity.kind === "person" || pieces.length === 1) && !PARTICLES.has(last)) push(this.lastPieces, last, entry);
  }

  /** Names that begin with this piece, longest first. */
  startingWith(piece: string): NameEntry[] {
    return this.byFirst.get(piece) ?? [];
  }

  /** Names that contain this piece (particles excluded). */
  containing(piece: string): NameEntry[] {
    return this.byPiece.get(piece) ?? [];
  }

  isKnownPiece(piece: string): boolean {
    return this.pieces.has(piece);
  }

  /** Names whose last piece (a surname, or a one-piece name) is this one. */
  endingWith(piece: string): NameEntry[] {
    return this.lastPieces.get(piece) ?? [];
  }

  /** Known pieces one edit away from this one (for pieces of four letters or more). */
  nearPieces(piece: string): string[] {
    if (piece.length < 4) return [];
    const found = new Set<string>();
    for (const key of [piece, ...deletions(piece)]) {
      for (const candidate of this.deletes.get(key) ?? []) {
        if (candidate !== piece && slipDistance(candidate, piece) <= 1) found.add(candidate);
      }
      if (this.pieces.has(key) && key !== piece) found.add(key);
    }
    return [...found];
  }
}

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/** Appends without a duplicate check: callers add each value once per key (a scan would be quadratic in common first names). */
function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
