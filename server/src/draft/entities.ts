// Finding the names an article uses and telling what each is: a person, a place, an
// organization or an armed force. The claim reader only recognises names a fact base already
// holds; drafting has to find new ones, so this module does (runs of capitalized words, the
// words around them, and compromise's tagger as one more opinion), then the reader reads the
// article again with them known (see events.ts).
import nlp from "compromise";
import { distance } from "fastest-levenshtein";
import { normalizeName } from "../text/normalize";
import { Sentence, Token } from "./reading";
import {
  FORCE_HEADS,
  NOT_NAME_WORDS,
  OFFICE_MODIFIERS,
  OFFICE_NOUNS,
  ORG_HEADS,
  ORG_OPENERS,
  PLACE_LEVELS,
  SPEECH_VERBS,
  STRIPPED_LEVELS,
  BODY_NOUNS,
  WIRE_OUTLETS,
} from "./vocabulary";

export type Kind = "person" | "place" | "organization" | "force";

export interface Occurrence {
  article: number;
  start: number;
  end: number;
  sentence: Sentence;
  written: string;
}

export interface Found {
  key: string;
  name: string;
  kind: Kind;
  level?: string;
  /** A country's adjective the articles use ("Syrian" for Syria). */
  demonym?: string;
  variants: Set<string>;
  occurrences: Occurrence[];
}

interface Run {
  first: number;
  last: number; // exclusive
  pieces: Token[];
}

/** Connecting words allowed inside a name when a capitalized word follows ("Ministry of Civil Affairs"). */
const INNER = new Set(["of", "for", "de", "del", "da", "du", "al", "el", "bin", "ibn", "van", "von", "la", "le", "y"]);
const PARTICLE_START = new Set(["al", "el", "bin", "ibn", "van", "von", "de", "da", "du", "la", "le"]);
const LOCATIVE = new Set(["in", "near", "at", "from", "outside", "across", "into", "inside", "to"]);
const ADJECTIVE_ENDING = /(ian|ese|ish|i)$/;

const isCapWord = (t: Token | undefined): boolean => !!t && t.kind === "word" && (t.cap || t.upper) && /\p{L}/u.test(t.raw);

/** Spans compromise tags as people, places and organizations, by kind. */
function taggerSpans(text: string): { kind: Kind | "country"; start: number; end: number }[] {
  const doc = nlp(text);
  const out: { kind: Kind | "country"; start: number; end: number }[] = [];
  const take = (kind: Kind | "country", list: { offset: { start: number; length: number } }[]): void => {
    for (const x of list) out.push({ kind, start: x.offset.start, end: x.offset.start + x.offset.length });
  };
  take("country", doc.match("#Country").json({ offset: true }));
  take("person", doc.people().json({ offset: true }));
  take("place", doc.places().json({ offset: true }));
  take("organization", doc.organizations().json({ offset: true }));
  return out;
}

/** The name runs of a sentence: capitalized words, with particles inside. */
function runsOf(tokens: Token[], text: string, lower: Set<string>): Run[] {
  const runs: Run[] = [];
  // Words next to each other with only a space (or a hyphen) between: "Syria’s Idlib" is two names.
  // "People's Liberation Army" is one: a possessive joins when the word before it is a common one.
  const close = (a: Token, b: Token, runStart: number): boolean => {
    const gap = text.slice(a.end, b.start);
    if (b.joined || gap === " " || gap === "\u00a0") return true;
    return /^['’]s\s$/.test(gap) && runStart === tokens.indexOf(a) && lower.has(a.norm);
  };
  for (let i = 0; i < tokens.length; i++) {
    // "al-Qaeda": the particle joined to the name opens it.
    const opensWithParticle = PARTICLE_START.has(tokens[i].norm) && tokens[i + 1]?.joined && isCapWord(tokens[i + 1]);
    if (!isCapWord(tokens[i]) && !opensWithParticle) continue;
    let j = i + 1;
    if (opensWithParticle) j = i + 2;
    for (;;) {
      const t = tokens[j];
      if (t && !close(tokens[j - 1], t, i)) break;
      if (isCapWord(t)) j++;
      // "Huize County of Qujing City" is two places.
      else if (t && t.kind === "word" && INNER.has(t.norm) && isCapWord(tokens[j + 1]) && !(t.norm === "of" && STRIPPED_LEVELS.has(tokens[j - 1].norm))) j += 2;
      // "Securities and Exchange Commission", "Competition and Markets Authority": "and" inside a body's name.
      else if (t && (t.norm === "and" || t.raw === "&") && isCapWord(tokens[j + 1]) && tokens.slice(j + 1, j + 5).some((x) => isCapWord(x) && ORG_HEADS.has(x.norm))) j += 2;
      // "al-Sham", "bin Laden": a particle joined to the capitalized word after it.
      else if (t && t.kind === "word" && PARTICLE_START.has(t.norm) && tokens[j + 1]?.joined && isCapWord(tokens[j + 1])) j += 2;
      else break;
    }
    runs.push({ first: i, last: j, pieces: tokens.slice(i, j) });
    i = j - 1;
  }
  return runs;
}

export interface DiscoverInput {
  article: number;
  text: string;
  sentences: Sentence[];
  /** Offsets not to look for names in (headline, dateline): title case there says nothing. */
  skip: { start: number; end: number }[];
}

interface Votes {
  person: number;
  place: number;
  organization: number;
  force: number;
  level?: string;
}

/** Finds the named people, places, organizations and forces of the articles. */
export function discoverEntities(inputs: DiscoverInput[]): Found[] {
  const byKey = new Map<string, { found: Found; votes: Votes }>();
  const pending: { written: string; occ: Occurrence; run: Run; tokens: Token[] }[] = [];

  for (const input of inputs) {
    const lower = lowercaseWords(input.text);
    const tagged = taggerSpans(input.text);
    // Each kind the tagger gives a run, once; a country only when it is the whole run ("France" is not "Agence France-Presse").
    const taggedAt = (start: number, end: number): (Kind | "country")[] => [
      ...new Set(
        tagged
          .filter((s) => {
            const overlap = Math.min(s.end, end) - Math.max(s.start, start);
            // A tag on a part of the run ("US" of "US Central Command") says nothing of the whole.
            return overlap > 0 && (s.kind === "country" ? s.start <= start && s.end >= end - 1 : overlap * 2 >= end - start);
          })
          .map((s) => s.kind),
      ),
    ];
    for (const sentence of input.sentences) {
      const tokens = sentence.tokens;
      for (const run0 of runsOf(tokens, input.text, lower)) {
        const run = trimRun(tokens, run0, lower, sentence);
        if (!run) continue;
        if (input.skip.some((s) => tokens[run.first].start < s.end && s.start < tokens[run.last - 1].end)) continue;
        const first = tokens[run.first];
        const lastTok = tokens[run.last - 1];
        const written = input.text.slice(first.start, lastTok.end);
        const occ: Occurrence = { article: input.article, start: first.start, end: lastTok.end, sentence, written };
        const votes = vote(tokens, run, taggedAt(first.start, lastTok.end));
        const shape = nameShape(run, votes);
        if (!shape) {
          pending.push({ written, occ, run, tokens });
          continue;
        }
        add(shape.name, shape.kind, shape.level, written, occ, votes);
      }
    }
  }

  // Short forms: acronyms, surnames and head words of names found in full.
  const all = () => [...byKey.values()].map((v) => v.found);
  for (const p of pending) {
    const w = p.written;
    const norm = normalizeName(w);
    if (byKey.has(norm)) {
      const known = byKey.get(norm)!.found;
      known.occurrences.push(p.occ);
      continue;
    }
    const letters = w.replace(/[^\p{L}]/gu, "");
    const isAcronym = letters.length >= 2 && letters.length <= 7 && letters === letters.toUpperCase();
    const owner = isAcronym
      ? only(all().filter((f) => f.kind !== "person" && initials(f.name) === letters))
      : p.run.pieces.length === 1
        ? only(all().filter((f) => f.kind === "person" && lastPiece(f.name) === norm)) ??
          only(all().filter((f) => (f.kind === "organization" || f.kind === "force") && ORG_HEADS.has(norm) && normalizeName(f.name).split(" ").includes(norm)))
        : undefined;
    if (owner) {
      // A surname alone is matched by the checker already; acronyms and head words become variants.
      if (owner.kind !== "person") owner.variants.add(w);
      owner.occurrences.push(p.occ);
    }
  }
  // A full name defined with its acronym in parentheses: "China Earthquake Networks Center (CENC)".
  for (const { found } of byKey.values()) {
    for (const o of found.occurrences) {
      const after = o.sentence.text.slice(o.end - o.sentence.start);
      const m = /^\s*\(([\p{Lu}][\p{Lu}.&-]{1,8})\)/u.exec(after);
      if (m && found.kind !== "person" && initials(found.name).startsWith(m[1].replace(/[^\p{L}]/gu, "").slice(0, 1))) found.variants.add(m[1]);
    }
  }
  const result = all();
  // Adjectives of places: "Syrian" beside Syria is Syria's demonym; an adjective alone is no place.
  for (const f of result) {
    if (f.kind !== "place" || f.name.includes(" ") || !ADJECTIVE_ENDING.test(f.name.toLowerCase())) continue;
    const owner = result.find((p) => p !== f && p.kind === "place" && isDemonymOf(f.name, p.name));
    const adjectival =
      f.occurrences.filter((o) => {
        const next = /^\s+(\p{Ll}+)/u.exec(o.sentence.text.slice(o.end - o.sentence.start));
        return next && !PLACE_LEVELS.has(next[1]);
      }).length * 2 > f.occurrences.length;
    if (owner) owner.demonym ??= f.name;
    if (owner || adjectival) f.occurrences = [];
  }
  // One place or body spelt two ways across articles ("Atme", "Atmeh"): one entity with a variant.
  for (const f of result) {
    if (!f.occurrences.length || f.kind === "person" || f.name.length < 4) continue;
    for (const g of result) {
      if (g === f || !g.occurrences.length || g.kind === "person" || g.name.length < 4) continue;
      if ((g.kind === "place") !== (f.kind === "place")) continue;
      const allowed = Math.max(1, Math.floor(Math.min(f.key.length, g.key.length) / 10));
      if (g.name.slice(0, 2).toLowerCase() !== f.name.slice(0, 2).toLowerCase() || distance(g.key, f.key) > allowed) continue;
      const [keep, drop] = g.occurrences.length >= f.occurrences.length ? [g, f] : [f, g];
      keep.variants.add(drop.name);
      for (const v of drop.variants) keep.variants.add(v);
      keep.occurrences.push(...drop.occurrences);
      keep.level ??= drop.level;
      drop.occurrences = [];
    }
  }
  return result.filter((f) => f.occurrences.length > 0);

  function add(name: string, kind: Kind, level: string | undefined, written: string, occ: Occurrence, votes: Votes): void {
    const key = normalizeName(name);
    let entry = byKey.get(key);
    if (!entry) {
      entry = { found: { key, name, kind, level, variants: new Set(), occurrences: [] }, votes: { person: 0, place: 0, organization: 0, force: 0 } };
      byKey.set(key, entry);
    }
    const f = entry.found;
    for (const k of ["person", "place", "organization", "force"] as const) entry.votes[k] += votes[k];
    f.kind = best(entry.votes) ?? f.kind;
    // "the town of X" says more than "the X area".
    if (!f.level || (f.level === "area" && level && level !== "area") || (f.level === "country" && level && level !== "country")) f.level = level ?? f.level;
    if (written !== f.name && normalizeName(written) !== key) f.variants.add(written);
    else if (written !== f.name && /\p{Lu}/u.test(written)) f.variants.add(written);
    f.occurrences.push(occ);
  }
}

/** "Syrian" of Syria, "Turkish" of Turkey, "Chinese" of China, "Iraqi" of Iraq. */
function isDemonymOf(adjective: string, place: string): boolean {
  const a = adjective.toLowerCase();
  const p = place.toLowerCase();
  if (a === p || p.includes(" ")) return false;
  const stem = p.slice(0, Math.min(p.length - 1, 4));
  return a.startsWith(stem) && a.length >= p.length - 1;
}

function only<T>(list: T[]): T | undefined {
  return list.length === 1 ? list[0] : undefined;
}

function lastPiece(name: string): string {
  const p = normalizeName(name).split(" ");
  return p[p.length - 1];
}

/** "U.S. Geological Survey" → USGS, "Syrian Observatory for Human Rights" → SOHR, "Hayat Tahrir al-Sham" → HTS. */
export function initials(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter((w) => w && !/^(of|for|the|and|al|el|de|du|da|on|in|&)$/i.test(w))
    .map((w) => (/^(\p{L}\.)+$/u.test(w) ? w.replace(/\./g, "") : w[0]))
    .join("")
    .toUpperCase();
}

/** Words the article writes in lowercase somewhere: a capital on them at a sentence's start says nothing. */
function lowercaseWords(text: string): Set<string> {
  const set = new Set<string>();
  for (const m of text.matchAll(/(?<![\p{L}'’-])\p{Ll}[\p{Ll}'’-]*/gu)) set.add(m[0].toLowerCase());
  return set;
}

/** The run without what is not the name: sentence-initial common words, offices, function words, a possessive. */
function trimRun(tokens: Token[], run: Run, lower: Set<string>, sentence: Sentence): Run | undefined {
  let first = run.first;
  let last = run.last;
  const opensClause = (k: number): boolean => k === 0 || /^["'“‘(\[—–:-]$/.test(tokens[k - 1].raw);
  while (first < last) {
    const t = tokens[first];
    const w = t.norm;
    if (NOT_NAME_WORDS.has(w) || (opensClause(first) && lower.has(w) && !t.upper) || OFFICE_NOUNS.has(w) || OFFICE_MODIFIERS.has(w)) first++;
    else if (INNER.has(w) && first > run.first) first++;
    // "NW Syria": a compass abbreviation is not part of the name.
    else if (/^(nw|ne|sw|se)$/.test(w) && last - first > 1) first++;
    else break;
  }
  while (last > first && (INNER.has(tokens[last - 1].norm) || NOT_NAME_WORDS.has(tokens[last - 1].norm))) last--;
  if (first >= last) return undefined;
  // Headline-style runs of many words are titles, not names.
  if (last - first > 7) return undefined;
  void sentence;
  return { first, last, pieces: tokens.slice(first, last) };
}

function vote(tokens: Token[], run: Run, tagged: (Kind | "country")[]): Votes {
  const v: Votes = { person: 0, place: 0, organization: 0, force: 0 };
  const pieces = run.pieces;
  const lastW = pieces[pieces.length - 1].norm;
  const firstW = pieces[0].norm;
  const before = tokens[run.first - 1];
  const before2 = tokens[run.first - 2];
  const after = tokens[run.last];
  const after2 = tokens[run.last + 1];
  if (STRIPPED_LEVELS.has(lastW) && pieces.length > 1) (v.place += 4), (v.level = PLACE_LEVELS.get(lastW));
  if (after && !after.cap && PLACE_LEVELS.has(after.norm) && after.kind === "word") (v.place += 4), (v.level = PLACE_LEVELS.get(after.norm));
  if (before?.norm === "of" && before2 && PLACE_LEVELS.has(before2.norm) && !before2.cap) (v.place += 4), (v.level = PLACE_LEVELS.get(before2.norm));
  if (after?.raw === "," && after2?.norm === "a" && PLACE_LEVELS.has(tokens[run.last + 2]?.norm ?? "")) v.place += 3;
  if (ORG_HEADS.has(lastW)) v.organization += 3;
  if (WIRE_OUTLETS.has(lastW) || WIRE_OUTLETS.has(firstW)) v.organization += 3;
  // "the jihadist group X", "organizations such as X", "X (HTS)": a body.
  if (before && BODY_NOUNS.has(before.norm)) v.organization += 3;
  if (before?.norm === "as" && tokens[run.first - 2]?.norm === "such") v.organization += BODY_NOUNS.has(tokens[run.first - 4]?.norm ?? "") || BODY_NOUNS.has(tokens[run.first - 3]?.norm ?? "") ? 4 : 1;
  // "United States Department of Defence": a body's head word followed by "of".
  if (pieces.some((p, k) => k > 0 && ORG_HEADS.has(p.norm) && pieces[k + 1]?.norm === "of")) v.organization += 3;
  if (after?.raw === "(" && /^\p{Lu}{2,7}$/u.test(after2?.raw ?? "") && pieces.length >= 2) v.organization += 2;
  if (after && after.kind === "word" && !after.cap && FORCE_HEADS.has(after.norm)) v.force += 2;
  if (FORCE_HEADS.has(lastW)) v.force += 3;
  if (ORG_OPENERS.has(firstW) && pieces.some((p) => p.norm === "of")) v.organization += 3;
  if (before && OFFICE_NOUNS.has(before.norm) && pieces.length >= 2) v.person += 3;
  if (before && /^(mr|mrs|ms|dr|miss|prof|sir|dame)$/.test(before.norm)) v.person += 3;
  if (after?.raw === "," && (OFFICE_NOUNS.has(after2?.norm ?? "") || ((after2?.norm === "the" || after2?.norm === "a") && OFFICE_NOUNS.has(tokens[run.last + 2]?.norm ?? "") ) || after2?.norm === "who")) {
    if (pieces.length >= 2) v.person += 2;
  }
  if (after2?.norm === "aged" || (after?.raw === "," && /^\d{1,2}$/.test(after2?.raw ?? "") && tokens[run.last + 2]?.raw === ",")) v.person += 2;
  if ((after && SPEECH_VERBS.has(after.norm)) || (before && SPEECH_VERBS.has(before.norm))) {
    if (pieces.length >= 2 && !ORG_HEADS.has(lastW) && !FORCE_HEADS.has(lastW)) v.person += 1;
  }
  if (before && LOCATIVE.has(before.norm)) v.place += 1;
  for (const k of tagged) {
    if (k === "country") v.level ??= "country";
    else v[k] += 2;
  }
  // An all-capitals short word is mostly a body's acronym.
  if (pieces.length === 1 && pieces[0].upper && pieces[0].norm.length >= 3) v.organization += 1;
  return v;
}

function best(v: Votes): Kind | undefined {
  let kind: Kind | undefined;
  let score = 1;
  for (const k of ["organization", "force", "place", "person"] as const) {
    if (v[k] > score) (kind = k), (score = v[k]);
  }
  if (kind === "organization" && v.force >= v.organization) kind = "force";
  return kind;
}

/** The canonical name and kind of a run, or undefined when nothing says what it is. */
function nameShape(run: Run, v: Votes): { name: string; kind: Kind; level?: string } | undefined {
  const kind = best(v);
  if (!kind) return undefined;
  const pieces = run.pieces;
  // "Troops", "Observatory", "Province" alone: a head word, at most a short form of a name found in full.
  if (pieces.length === 1 && (ORG_HEADS.has(pieces[0].norm) || FORCE_HEADS.has(pieces[0].norm) || PLACE_LEVELS.has(pieces[0].norm) || OFFICE_NOUNS.has(pieces[0].norm))) return undefined;
  const raw = joinRaw(pieces);
  if (kind === "person") {
    if (pieces.length < 2 || pieces.length > 5) return undefined;
    // "SANTA MONICA": capitals throughout are a dateline or a heading, not a person's name.
    if (pieces.every((p) => p.upper)) return undefined;
    if (pieces.some((p) => ORG_HEADS.has(p.norm) || FORCE_HEADS.has(p.norm) || PLACE_LEVELS.has(p.norm))) return undefined;
    return { name: raw, kind };
  }
  if (kind === "place") {
    const lastW = pieces[pieces.length - 1].norm;
    if (pieces.length > 1 && STRIPPED_LEVELS.has(lastW)) return { name: joinRaw(pieces.slice(0, -1)), kind, level: v.level };
    // "Chinese", "Syrian": an adjective, not the place.
    if (pieces.length === 1 && ADJECTIVE_ENDING.test(pieces[0].norm) && v.place < 4 && !v.level) {
      // Kept only when something beyond the tagger says it is a place.
      if (v.place <= 2) return undefined;
    }
    return { name: raw, kind, level: v.level };
  }
  if (pieces.length === 1 && pieces[0].norm.length < 2) return undefined;
  return { name: raw, kind };
}

function joinRaw(pieces: Token[]): string {
  let s = "";
  pieces.forEach((p, k) => {
    if (k > 0) s += p.joined ? "-" : " ";
    s += p.raw;
  });
  return s;
}
