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
  /** The entry as a list of its own, made when a lookup first returns it alone. */
  alone?: NameEntry[];
}

/**
 * A key's entries: most keys have one, kept as it is (a list for each of hundreds of thousands of
 * keys is tens of megabytes); lookups return lists all the same.
 */
type Entries = NameEntry | NameEntry[];

const NO_ENTRIES = Object.freeze([]) as unknown as NameEntry[];

/** Short words that join the parts of Arabic and European names; never enough on their own. */
export const PARTICLES = new Set([
  "al", "el", "ad", "ash", "as", "an", "at", "ar", "az", "abu", "bin", "ibn", "bint", "the", "of", "de", "del", "da",
  "van", "von", "der", "la", "le", "for", "and",
]);

/** Each particle as one string, for the entries to share. */
const PARTICLE_FORMS = new Map([...PARTICLES].map((p) => [p, p]));

const NOT_LETTERS = /[^\p{L}]/gu;

/** The longest word looked up by near spelling. */
export const MAX_PIECE = 40;

export class NameIndex {
  private byFirst = new Map<string, Entries>();
  /** Every piece of a name but particles: with the demonyms' pieces, the known words. */
  private byPiece = new Map<string, Entries>();
  /** Pieces of four letters or more, in the order first seen; near spellings are looked up among them. */
  private deletable: string[] = [];
  private deletes!: DeletionTable;
  private demonymPieces = new Set<string>();
  /** Pieces that end a person's name (surnames) or make up a one-piece name. */
  private lastPieces = new Map<string, Entries>();

  constructor(base: FactBase) {
    for (const entity of base.entities.values()) {
      // Adjectives of countries are words of their own (Iraqi is not a misspelling of Iraq).
      if (entity.demonym) for (const p of namePieces(entity.demonym)) this.demonymPieces.add(p);
      this.add(entity, entity.name, true);
      for (const v of entity.variants) this.add(entity, v, false);
    }
    for (const list of this.byFirst.values()) if (Array.isArray(list)) list.sort((a, b) => b.pieces.length - a.pieces.length);
    // A list that grew by push keeps room for more; a copy holds just its entries.
    for (const map of [this.byFirst, this.byPiece, this.lastPieces]) for (const [k, list] of map) if (Array.isArray(list)) map.set(k, list.slice());
    this.deletes = new DeletionTable(this.deletable);
  }

  private add(entity: Entity, spelling: string, canonical: boolean): void {
    const pieces = namePieces(spelling);
    // One string per distinct piece ("nadia" in a thousand names is kept once).
    for (let i = 0; i < pieces.length; i++) pieces[i] = this.knownForm(pieces[i]);
    if (!pieces.length) return;
    // Lowercase variants starting with "the" ("the coalition") are matched without it.
    if (pieces.length > 1 && pieces[0] === "the") pieces.shift();
    let caseSensitive = false;
    if (pieces.length === 1) {
      const letters = spelling.replace(NOT_LETTERS, "");
      caseSensitive = letters.length <= 6 && letters === letters.toUpperCase();
    }
    // slice(): the pieces as built keep room to grow; a copy holds just them.
    const entry: NameEntry = { entityId: entity.id, spelling, pieces: pieces.slice(), caseSensitive, canonical, alone: undefined };
    push(this.byFirst, pieces[0], entry);
    for (const p of new Set(pieces)) {
      if (PARTICLES.has(p)) continue;
      if (p.length >= 4 && !this.isKnownPiece(p)) this.deletable.push(p);
      push(this.byPiece, p, entry);
    }
    const last = pieces[pieces.length - 1];
    if ((entity.kind === "person" || pieces.length === 1) && !PARTICLES.has(last)) push(this.lastPieces, last, entry);
  }

  /** The string an entry already holds for this piece, if any: found through the maps, no table of its own. */
  private knownForm(piece: string): string {
    const particle = PARTICLE_FORMS.get(piece);
    if (particle) return particle;
    const entries = this.byPiece.get(piece) ?? this.byFirst.get(piece);
    const entry = entries === undefined ? undefined : Array.isArray(entries) ? entries[0] : entries;
    return entry?.pieces.find((p) => p === piece) ?? piece;
  }

  /** Names that begin with this piece, longest first. */
  startingWith(piece: string): NameEntry[] {
    return listOf(this.byFirst.get(piece));
  }

  /** Names that contain this piece (particles excluded). */
  containing(piece: string): NameEntry[] {
    return listOf(this.byPiece.get(piece));
  }

  isKnownPiece(piece: string): boolean {
    return this.byPiece.has(piece) || this.demonymPieces.has(piece);
  }

  /** Names whose last piece (a surname, or a one-piece name) is this one. */
  endingWith(piece: string): NameEntry[] {
    return listOf(this.lastPieces.get(piece));
  }

  /** Known pieces one edit away from this one (for pieces of four letters or more). */
  nearPieces(piece: string): string[] {
    // No name has a 40-letter word; a longer "word" (a run of text without spaces) is not looked up.
    if (piece.length < 4 || piece.length > MAX_PIECE) return [];
    const found = new Set<string>();
    for (const key of [piece, ...deletions(piece)]) {
      for (const candidate of this.deletes.piecesWithDeletion(key)) {
        if (candidate !== piece && slipDistance(candidate, piece) <= 1) found.add(candidate);
      }
      if (key !== piece && this.isKnownPiece(key)) found.add(key);
    }
    return [...found];
  }
}

/**
 * Which pieces become a given string when one letter is deleted (SymSpell's deletes), without
 * keeping the deleted strings: a hash of each deletion points at its piece, in typed arrays
 * (12 bytes a deletion, against about 150 for a string key and a list in a Map). A lookup
 * checks each piece it finds really has that deletion, so hashes that collide change nothing.
 */
class DeletionTable {
  private readonly heads: Int32Array;
  private readonly next: Int32Array;
  private readonly piece: Int32Array;
  private readonly hashes: Int32Array;

  constructor(private readonly pieces: string[]) {
    let total = 0;
    for (const p of pieces) total += p.length;
    let size = 16;
    while (size < total) size *= 2;
    this.heads = new Int32Array(size).fill(-1);
    this.next = new Int32Array(total);
    this.piece = new Int32Array(total);
    this.hashes = new Int32Array(total);
    let n = 0;
    // Backwards, so each chain lists pieces in the order they were first seen.
    for (let k = pieces.length - 1; k >= 0; k--) {
      const p = pieces[k];
      for (let i = 0; i < p.length; i++) {
        // Deleting either of two equal letters side by side gives the same string: once is enough.
        if (i > 0 && p.charCodeAt(i) === p.charCodeAt(i - 1)) continue;
        const h = hashWithout(p, i);
        const slot = h & (size - 1);
        this.hashes[n] = h;
        this.piece[n] = k;
        this.next[n] = this.heads[slot];
        this.heads[slot] = n++;
      }
    }
  }

  /** The pieces (in the order first seen) that give `key` with one letter deleted. */
  piecesWithDeletion(key: string): string[] {
    const h = hashWithout(key, -1);
    const out: string[] = [];
    for (let e = this.heads[h & (this.heads.length - 1)]; e >= 0; e = this.next[e]) {
      if (this.hashes[e] !== h) continue;
      const p = this.pieces[this.piece[e]];
      if (isOneDeletion(key, p) && out[out.length - 1] !== p) out.push(p);
    }
    return out;
  }
}

/** FNV-1a of a word with the letter at `skip` left out (none when -1). */
function hashWithout(word: string, skip: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) {
    if (i === skip) continue;
    h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  }
  return h | 0;
}

/** Whether deleting one letter of `word` gives `key`. */
function isOneDeletion(key: string, word: string): boolean {
  if (word.length !== key.length + 1) return false;
  let i = 0;
  while (i < key.length && key.charCodeAt(i) === word.charCodeAt(i)) i++;
  return key.slice(i) === word.slice(i + 1);
}

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/** Appends without a duplicate check: callers add each entry once per key (a scan would be quadratic in common first names). */
function push(map: Map<string, Entries>, key: string, entry: NameEntry): void {
  const known = map.get(key);
  if (known === undefined) map.set(key, entry);
  else if (Array.isArray(known)) known.push(entry);
  else map.set(key, [known, entry]);
}

function listOf(entries: Entries | undefined): NameEntry[] {
  if (entries === undefined) return NO_ENTRIES;
  return Array.isArray(entries) ? entries : (entries.alone ??= [entries]);
}
