// One spelling-insensitive form for names, so "Al-Qaeda’s", "al Qaeda" and "al-qaeda" meet.

// Patterns made once: a regex literal inside a function is a new RegExp object at every evaluation.
const PLAIN_ASCII = /^[A-Za-z0-9.]*$/;
const PLAIN_WORDS = /^[A-Za-z0-9]+(?: [A-Za-z0-9]+)*$/;
const MARKS = /\p{M}+/gu;

const APOSTROPHES = /[\u2019\u2018\u02bc\u02bb`´']/g;
const DASHES = /[\u2010-\u2015\u2212-]/g;

/** Lowercase, no diacritics, apostrophes dropped, hyphens and runs of space folded to one space. */
export function normalizeName(s: string): string {
  // Words of plain letters and single spaces, as most names are written: already in that form but for case.
  if (PLAIN_WORDS.test(s)) return s.toLowerCase();
  return namePieces(s).join(" ");
}

/** The pieces of a name as the tokenizer sees them: "Hay’et Tahrir al-Sham" → ["hayet","tahrir","al","sham"]. */
export function namePieces(s: string): string[] {
  return foldPiece(s.replace(DASHES, " "))
    .split(/[^\p{L}\p{N}.&]+/u)
    .map((p) => p.replace(/\./g, ""))
    .filter(Boolean);
}

/** Lowercase, strip diacritics and apostrophes. */
export function foldPiece(s: string): string {
  // Plain ASCII letters need no decomposition: the common case, done for every word.
  if (PLAIN_ASCII.test(s)) return s.toLowerCase();
  return s.normalize("NFD").replace(MARKS, "").replace(APOSTROPHES, "").toLowerCase();
}
