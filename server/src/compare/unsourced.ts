// Compares a sentence that restates a source's sentence with it, where the two differ in more than one
// place (a summary words things its own way): where the source gives a figure, a weekday, a name or one
// of a pair of opposites, and the sentence gives in that place one that no source gives anywhere ("30
// years ago" where the only source says 35, "Iranian" where it says "Israeli", "on Tuesday" for "on
// Wednesday", "decreased" where every source says "increased"), the sentence says something the sources
// do not. A value some source gives is left to the other comparisons, which know what it belongs to.
import { FactBase } from "../facts/model";
import { splitBlocks } from "../text/blocks";
import { tokenize, Token } from "../text/tokens";
import { matchKey, vocabulary as V } from "../vocabulary";
import { align, excerpt, Restating } from "./aligned";
import { CompareContext } from "./context";
import { SentenceFrame } from "./frame";

/** Content words a sentence must share with a source's sentence before it is read as restating it. */
export const SHARED = 4;

/** Everything the trusted sources say anywhere, as the forms a value is looked up by. */
interface Said {
  words: Set<string>;
  keys: Set<string>;
  numbers: Set<number>;
}

const cache = new WeakMap<FactBase, Said>();

function saidIn(base: FactBase): Said {
  let said = cache.get(base);
  if (said) return said;
  said = { words: new Set(), keys: new Set(), numbers: new Set() };
  for (const [id, text] of base.articles) {
    if (base.sources.get(id)?.standing === "outlier") continue;
    for (const block of splitBlocks(text)) {
      let prev: Token | undefined;
      for (const t of tokenize(block.text)) {
        if (t.kind === "number" && t.value !== undefined) said.numbers.add(t.value);
        if (t.kind === "word") {
          said.words.add(t.norm);
          said.keys.add(matchKey(t.norm));
          const n = V.numberWords.get(t.norm) ?? V.ordinals.get(t.norm);
          if (n !== undefined) {
            said.numbers.add(n);
            // "thirty-five": the tens and the unit are one number.
            const before = prev && t.joined ? V.numberWords.get(prev.norm) : undefined;
            if (before !== undefined && before >= 20 && n < 10) said.numbers.add(before + n);
          }
        }
        prev = t;
      }
    }
  }
  cache.set(base, said);
  return said;
}

type Kind = "number" | "weekday" | "name" | "opposite";

/** A year as news writes one ("in 2019"), not a count. */
const isYear = (t: Token): boolean => /^\d{4}$/.test(t.raw) && t.value! >= 1000 && t.value! <= 2999;
const isWeekday = (t: Token): boolean => t.kind === "word" && V.weekdays.has(t.norm);
const isNameWord = (t: Token): boolean => t.kind === "word" && (t.cap || t.upper) && !V.notNames.has(t.norm) && !V.months.has(t.norm) && !V.weekdays.has(t.norm) && !V.stopwords.has(t.norm);

/** The kind of value a token gives, if it is one this comparison looks for. */
function kindOf(t: Token, first: boolean): Kind | undefined {
  if (t.kind === "number") return t.value !== undefined ? "number" : undefined;
  if (isWeekday(t)) return "weekday";
  // A sentence's first word is capitalized whatever it is.
  if (!first && isNameWord(t)) return "name";
  if (V.antonyms.has(t.norm)) return "opposite";
  return undefined;
}

/** Whether some source gives this value anywhere, in any of its forms. */
function given(t: Token, kind: Kind, said: Said): boolean {
  if (kind === "number") return said.numbers.has(t.value!) || rounds(t.value!, said.numbers);
  if (kind === "weekday") return said.words.has(t.norm);
  if (kind === "opposite") return said.keys.has(matchKey(t.norm));
  // A name: its own form, or one of the same stem ("Iran" beside "Iranian", "Chinese" beside "China").
  if (said.words.has(t.norm) || said.keys.has(matchKey(t.norm))) return true;
  const stem = t.norm.slice(0, Math.max(3, Math.min(t.norm.length, 4)));
  for (const w of said.words) if (w.startsWith(stem)) return true;
  return false;
}

/** Whether a round number is a source's figure rounded to it ("more than 600" for 615). */
function rounds(n: number, numbers: Set<number>): boolean {
  let step = 1;
  while (n !== 0 && n % (step * 10) === 0) step *= 10;
  if (step === 1) return false;
  for (const v of numbers) if (Math.abs(v - n) < step / 2) return true;
  return false;
}

export function compareUnsourced(ctx: CompareContext, frame: SentenceFrame, r: Restating): void {
  const { text, tokens, keys } = r;
  const near = r.near.filter((n) => n.shared >= SHARED).map((n) => n.sentence);
  if (!near.length) return;
  const said = saidIn(ctx.base);
  const s = frame.reading;
  const firstWord = tokens.findIndex((t) => t.kind !== "punct");
  const mine = new Set(tokens.map((t) => t.norm));
  for (let k = 0; k < tokens.length; k++) {
    const kind = kindOf(tokens[k], k === firstWord);
    if (!kind) continue;
    const [a, b] = kind === "name" ? run(tokens, k) : [k, k + 1];
    const t = tokens[k];
    const written = text.slice(t.start - s.start, tokens[b - 1].end - s.start);
    k = b - 1;
    if (tokens.slice(a, b).every((u) => given(u, kind, said)) || !frame.claims(t.start)) continue;
    // A name the facts know is for the comparisons of names; a name of joined pieces ("Jabhat al-Nusra") is
    // spelt too many ways to be judged by its words.
    if (kind === "name" && (ctx.entityNamed(written) || joinedName(tokens, a, b))) continue;
    for (const source of near) {
      if (align(keys, source.keys).matched < SHARED) continue;
      const theirs = counterparts(source.tokens, t, kind).filter(([c, d]) => source.tokens.slice(c, d).every((u) => !mine.has(u.norm)) && sameSetting(tokens, [a, b], source.tokens, [c, d]));
      if (theirs.length !== 1) continue;
      const [c, d] = theirs[0];
      const right = source.text.slice(source.tokens[c].start, source.tokens[d - 1].end);
      // Another name is only a slip where it is a name of the same sort: a country's adjective for another,
      // or a name in the place of a place or body the facts know.
      if (kind === "name" && !(ctx.isDemonym(written) && ctx.isDemonym(right)) && !namesThing(ctx, right)) continue;
      ctx.report({
        code: kind === "number" ? (isYear(t) ? "wrong-date" : "wrong-number") : kind === "weekday" ? "wrong-date" : "wrong-detail",
        start: t.start,
        end: tokens[b - 1].end,
        message: `${right}, not ${written} — no source says ${written}; ${source.source.outlet} says: “${excerpt(source, [c, d])}”.`,
        fixes: [{ newText: right }],
        preferred: false,
        fact: { at: source.source.at, what: `${source.source.outlet}: ${source.source.title}` },
        written,
      });
      return;
    }
  }
}

/** Whether a name's words are joined to others by hyphens or particles. */
function joinedName(ts: Token[], a: number, b: number): boolean {
  for (let k = a; k <= b && k < ts.length; k++) if (ts[k].joined || V.particles.has(ts[k].norm)) return true;
  return a > 0 && V.particles.has(ts[a - 1].norm);
}

/** Whether the facts know a name as a place or a body (not a person), or as a country's adjective. */
function namesThing(ctx: CompareContext, name: string): boolean {
  const e = ctx.entity(ctx.entityNamed(name));
  return !!e && e.kind !== "person";
}

/** The run of name words from token k on. */
function run(ts: Token[], k: number): [number, number] {
  let e = k + 1;
  while (e < ts.length && isNameWord(ts[e])) e++;
  return [k, e];
}

/** Where a source's sentence gives a value of the same kind, as token ranges. */
function counterparts(ts: Token[], t: Token, kind: Kind): [number, number][] {
  const out: [number, number][] = [];
  for (let k = 0; k < ts.length; k++) {
    if (kind === "opposite" ? V.antonyms.get(t.norm)?.has(ts[k].norm) : kindOf(ts[k], false) === kind) {
      const r: [number, number] = kind === "name" ? run(ts, k) : [k, k + 1];
      out.push(r);
      k = r[1] - 1;
    }
  }
  return out;
}

/**
 * Whether two values stand among the same words: the same word on both sides, or the same content word
 * on one ("death 30 years ago" and "death 35 years ago"; "Iranian carriers" and "Israeli carriers").
 */
function sameSetting(d: Token[], [a, b]: [number, number], s: Token[], [c, e]: [number, number]): boolean {
  const same = (x: Token | undefined, y: Token | undefined): boolean => !!x && !!y && x.norm === y.norm && x.raw === y.raw;
  const content = (x: Token): boolean => x.kind !== "punct" && !V.stopwords.has(x.norm);
  const before = same(d[a - 1], s[c - 1]);
  const after = same(d[b], s[e]);
  return (before && after) || (before && content(d[a - 1])) || (after && content(d[b]));
}
