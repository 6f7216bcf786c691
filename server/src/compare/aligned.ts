// Compares a sentence with the sources' own sentences: where a sentence follows a source's words
// closely but puts one name, one year or one word for its opposite in place of the source's
// ("behind Tencent and Nintendo" for "behind Tencent and Sony", "up from" for "down from"), it
// says something the source does not. Only a tight match with one difference is flagged, and not
// when another source says it the writer's way. Numbers are left to the figure comparison, which
// knows that tallies change.
import { Source } from "../facts/model";
import { splitBlocks, splitSentences } from "../text/blocks";
import { tokenize, Token } from "../text/tokens";
import { matchKey, vocabulary as V } from "../vocabulary";
import { CompareContext } from "./context";
import { SentenceFrame } from "./frame";
import { FactBase } from "../facts/model";
import { slipDistance } from "../text/editDistance";
import { normalizeQuoteText } from "../facts/quotes";

interface SourceSentence {
  source: Source;
  text: string;
  tokens: Token[];
  /** Match key of each token that takes part in the alignment ("" for the others). */
  keys: string[];
}

/** How many content words a sentence must share with a source's sentence before the two are aligned. */
export const SHARED = 5;
/** The longest sentence aligned, in tokens: beyond it a match is too loose to mean one sentence followed another. */
const LONGEST = 90;

const BREAKS = new Set([";", "—", "–", "(", ")", ":"]);

const cache = new WeakMap<FactBase, SourceSentences>();

/** The sentences of the sources' articles (not of outliers), indexed by their content words. */
export class SourceSentences {
  readonly sentences: SourceSentence[] = [];
  private readonly index = new Map<string, number[]>();
  /** Every sentence as normalized for quotes, to tell a sentence a trusted source says word for word. */
  private readonly verbatim = new Set<string>();

  static of(base: FactBase): SourceSentences {
    let s = cache.get(base);
    if (!s) cache.set(base, (s = new SourceSentences(base)));
    return s;
  }

  private constructor(base: FactBase) {
    for (const [id, text] of base.articles) {
      const source = base.sources.get(id);
      if (!source || source.standing === "outlier") continue;
      for (const block of splitBlocks(text)) {
        for (const span of splitSentences(block.text)) {
          const sentence = block.text.slice(span.start, span.end);
          const tokens = tokenize(sentence);
          if (tokens.length > LONGEST) continue;
          const keys = tokens.map(contentKey);
          this.verbatim.add(normalizeQuoteText(sentence));
          const n = this.sentences.push({ source, text: sentence, tokens, keys }) - 1;
          for (const k of new Set(keys)) if (k) (this.index.get(k) ?? this.index.set(k, []).get(k)!).push(n);
        }
      }
    }
  }

  /** Whether a trusted source says this sentence word for word. */
  says(sentence: string): boolean {
    return this.verbatim.size > 0 && this.verbatim.has(normalizeQuoteText(sentence));
  }

  /** Source sentences sharing at least `min` content words with these, most shared first. */
  near(keys: ReadonlySet<string>, min: number): SourceSentence[] {
    return this.nearBy(keys, min).map((n) => n.sentence);
  }

  /** The same, with how many words each shares. */
  nearBy(keys: ReadonlySet<string>, min: number): { sentence: SourceSentence; shared: number }[] {
    const hits = new Map<number, number>();
    for (const k of keys) for (const n of this.index.get(k) ?? []) hits.set(n, (hits.get(n) ?? 0) + 1);
    return [...hits].filter(([, c]) => c >= min).sort((a, b) => b[1] - a[1]).slice(0, 4).map(([n, shared]) => ({ sentence: this.sentences[n], shared }));
  }
}

/** The key a token is aligned on: content words and numbers; little words take no part. */
export function contentKey(t: Token): string {
  if (t.kind === "punct") return "";
  if (t.kind === "word" && V.stopwords.has(t.norm) && !V.negations.has(t.norm)) return "";
  return matchKey(t.norm);
}

interface Gap {
  /** Token ranges of the differing runs, in the draft and in the source. */
  draft: [number, number];
  source: [number, number];
}

/** The differences between two token sequences' content words, where both sides have words (one-for-one slips). */
export function align(a: string[], b: string[]): { matched: number; gaps: Gap[]; matchedAt: Set<number> } {
  const ai = a.map((k, i) => [k, i] as const).filter(([k]) => k);
  const bi = b.map((k, i) => [k, i] as const).filter(([k]) => k);
  const n = ai.length;
  const m = bi.length;
  // Longest common subsequence of the content words.
  const dp: Uint16Array[] = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) dp[i][j] = ai[i][0] === bi[j][0] ? dp[i + 1][j + 1] + 1 : Math.max(dp[i + 1][j], dp[i][j + 1]);
  const gaps: Gap[] = [];
  const matchedAt = new Set<number>();
  let i = 0;
  let j = 0;
  let gi = -1;
  let gj = -1;
  const close = (): void => {
    if (gi >= 0 && gj >= 0 && gi < i && gj < j) gaps.push({ draft: [ai[gi][1], ai[i - 1][1] + 1], source: [bi[gj][1], bi[j - 1][1] + 1] });
    gi = -1;
    gj = -1;
  };
  while (i < n && j < m) {
    if (ai[i][0] === bi[j][0]) {
      close();
      matchedAt.add(ai[i][1]);
      i++;
      j++;
    } else if (dp[i + 1][j] >= dp[i][j + 1]) {
      if (gi < 0) {
        gi = i;
        gj = j;
      }
      i++;
    } else {
      if (gi < 0) {
        gi = i;
        gj = j;
      }
      j++;
    }
  }
  // What is left on both sides at the end is a difference too ("… behind Tencent and Nintendo.").
  if (gi < 0 && i < n && j < m) {
    gi = i;
    gj = j;
  }
  if (gi >= 0) {
    i = n;
    j = m;
  }
  close();
  return { matched: dp[0][0], gaps, matchedAt };
}

/** A difference at a sentence's end runs only to the end of its clause ("fiscal year 2023, ending June 30, 2023"). */
function clip(gap: Gap, draft: Token[], source: Token[]): Gap {
  const cut = (ts: Token[], [a, b]: [number, number]): [number, number] => {
    for (let k = a + 1; k < b; k++) if (ts[k].raw === "," || BREAKS.has(ts[k].raw)) return [a, k];
    return [a, b];
  };
  return { draft: cut(draft, gap.draft), source: cut(source, gap.source) };
}

/** Matched content words within `reach` content words before and after a gap. */
function anchored(tokens: Token[], keys: string[], matchedAt: Set<number>, gap: Gap, reach: number): { before: number; after: number; around: number } {
  let before = 0;
  let after = 0;
  let around = 0;
  // Within the clause: a semicolon or a dash begins another thing.
  const stop = (k: number): boolean => BREAKS.has(tokens[k].raw);
  for (let k = gap.draft[0] - 1, seen = 0; k >= 0 && seen < reach && !stop(k); k--) {
    if (!keys[k]) continue;
    seen++;
    around++;
    if (matchedAt.has(k)) before++;
  }
  for (let k = gap.draft[1], seen = 0; k < keys.length && seen < reach && !stop(k); k++) {
    if (!keys[k]) continue;
    seen++;
    around++;
    if (matchedAt.has(k)) after++;
  }
  return { before, after, around };
}

type Slip = { kind: "name" | "opposite" | "year"; code: "wrong-detail" | "wrong-date"; right: string; from: number; to: number };

const isNameWord = (t: Token): boolean => t.kind === "word" && (t.cap || t.upper) && !V.notNames.has(t.norm) && !V.months.has(t.norm) && !V.weekdays.has(t.norm);

/** The one run of name words in a stretch of tokens, as token offsets into it; none when there are none or two. */
function nameRun(ts: Token[]): [number, number] | undefined {
  let run: [number, number] | undefined;
  for (let k = 0; k < ts.length; k++) {
    if (!isNameWord(ts[k])) continue;
    let e = k;
    while (e + 1 < ts.length && (isNameWord(ts[e + 1]) || (V.particles.has(ts[e + 1].norm) && isNameWord(ts[e + 2] ?? ts[e + 1])))) e++;
    if (run) return undefined;
    run = [k, e + 1];
    k = e;
  }
  return run;
}

/**
 * What the draft's run puts in place of the source's, when it is a slip the checker can name: a word
 * for its opposite, another year, another name (of a run that may also hold plain words said otherwise,
 * "blocked the Jinsha River" for "dammed the Niulan River"). Offsets are into the draft's run.
 */
export function slipOf(d: Token[], s: Token[]): Slip | undefined {
  if (!d.length || !s.length || d.length > 5 || s.length > 5) return undefined;
  const dw = d.filter((t) => t.kind !== "punct");
  const sw = s.filter((t) => t.kind !== "punct");
  if (dw.length === 1 && sw.length === 1) {
    const a = dw[0];
    const b = sw[0];
    const at = d.indexOf(a);
    if (V.antonyms.get(a.norm)?.has(b.norm)) return { kind: "opposite", code: "wrong-detail", right: b.raw, from: at, to: at + 1 };
    if (a.kind === "number" && b.kind === "number" && /^\d{4}$/.test(a.raw) && /^\d{4}$/.test(b.raw) && a.raw !== b.raw) return { kind: "year", code: "wrong-date", right: b.raw, from: at, to: at + 1 };
  }
  // One year each, among words said otherwise ("fiscal 2024" for "fiscal year 2023").
  const years = (ts: Token[]): Token[] => ts.filter((t) => t.kind === "number" && /^\d{4}$/.test(t.raw));
  const dy = years(d);
  const sy = years(s);
  if (dy.length === 1 && sy.length === 1 && dy[0].raw !== sy[0].raw && !nameRun(d) && !nameRun(s)) {
    const at = d.indexOf(dy[0]);
    return { kind: "year", code: "wrong-date", right: sy[0].raw, from: at, to: at + 1 };
  }
  const dn = nameRun(d);
  const sn = nameRun(s);
  if (!dn || !sn) return undefined;
  const dName = d.slice(dn[0], dn[1]);
  const sName = s.slice(sn[0], sn[1]);
  // Words of a name in both ("Jinsha River", "Niulan River"): only the words that differ are the slip.
  while (dName.length > 1 && sName.length > 1 && dName[dName.length - 1].norm === sName[sName.length - 1].norm) {
    dName.pop();
    sName.pop();
    dn[1]--;
  }
  if (dName.some((t) => sName.some((u) => u.norm === t.norm))) return undefined;
  // Plain words around the names are only said otherwise ("blocked" for "dammed"): not an opposite.
  const plain = (ts: Token[], run: [number, number]): Token[] => [...ts.slice(0, run[0]), ...ts.slice(run[1])].filter((t) => t.kind === "word" && !V.stopwords.has(t.norm));
  const dp = plain(d, dn);
  const sp = plain(s, sn);
  if (dp.some((a) => sp.some((b) => V.antonyms.get(a.norm)?.has(b.norm)))) return undefined;
  // Another year beside another name ("born in Lyon in 1971" for "in Paris in 2019") is another thing told, not a slip.
  const numbers = (ts: Token[]): string => ts.filter((t) => t.kind === "number").map((t) => t.raw).join(" ");
  if (numbers(d) !== numbers(s)) return undefined;
  return { kind: "name", code: "wrong-detail", right: sName.map((t) => t.raw).join(" "), from: dn[0], to: dn[1] };
}

/** The run of name words (and particles) around tokens [from, to). */
function wholeName(ts: Token[], from: number, to: number): [number, number] {
  let a = from;
  let b = to;
  while (a > 0 && (isNameWord(ts[a - 1]) || (V.particles.has(ts[a - 1].norm) && ts[a].joined))) a--;
  while (b < ts.length && (isNameWord(ts[b]) || (V.particles.has(ts[b].norm) && ts[b + 1]?.joined))) b++;
  return [a, b];
}

/** Two spellings of one name: a variant or near spelling of it, or its initials ("AFP", "Agence France-Presse"). */
function sameName(a: string, b: string, known: (s: string) => string | undefined): boolean {
  const ka = known(a);
  if (ka && ka === known(b)) return true;
  const fold = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
  const fa = fold(a);
  const fb = fold(b);
  if (fa.startsWith(fb) || fb.startsWith(fa)) return true;
  const initials = (s: string): string => s.split(/[\s-]+/).filter(Boolean).map((w) => w[0]).join("").toLowerCase();
  return initials(a) === fb || initials(b) === fa || slipDistance(fa, fb) <= 2;
}

/** A sentence as it is set against the source sentences it may restate: read once for every comparison that does. */
export interface Restating {
  sources: SourceSentences;
  /** The source sentences sharing the most content words with it (at least `min` of `restating`), with how many. */
  near: { sentence: SourceSentence; shared: number }[];
  /** The sentence's text, its tokens (offsets in the document's prose) and their content keys. */
  text: string;
  tokens: Token[];
  keys: string[];
}

/**
 * The sentence set for comparing with the source sentences that share at least `min` content words
 * with it, unless none does or it is too long to align.
 */
export function restating(ctx: CompareContext, frame: SentenceFrame, min: number): Restating | undefined {
  if (!ctx.base.articles.size || frame.imagined) return undefined;
  const sources = SourceSentences.of(ctx.base);
  const near = sources.nearBy(frame.wordKeys, min);
  if (!near.length) return undefined;
  const s = frame.reading;
  const text = frame.text.slice(s.start, s.end);
  const tokens = tokenize(text, s.start);
  if (tokens.length > LONGEST) return undefined;
  return { sources, near, text, tokens, keys: tokens.map(contentKey) };
}

export function compareAligned(ctx: CompareContext, frame: SentenceFrame, r: Restating): void {
  const { sources, text, tokens, keys } = r;
  const near = r.near.filter((n) => n.shared >= SHARED).map((n) => n.sentence);
  if (!near.length) return;
  const s = frame.reading;
  const draftKeys = new Set(keys.filter(Boolean));
  for (const source of near) {
    const { matched, gaps, matchedAt } = align(keys, source.keys);
    if (matched < SHARED || gaps.length === 0) continue;
    // One slip in a sentence that otherwise follows the source: two or more differences are a paraphrase.
    const slips = gaps
      .map((g) => clip(g, tokens, source.tokens))
      .map((gap) => ({ gap, slip: slipOf(tokens.slice(gap.draft[0], gap.draft[1]), source.tokens.slice(gap.source[0], gap.source[1])) }))
      .filter((x) => x.slip);
    if (slips.length !== 1) continue;
    const { gap, slip } = slips[0] as { gap: Gap; slip: Slip };
    const { before, after, around } = anchored(tokens, keys, matchedAt, gap, 4);
    // Held on both sides by the source's own words (or four of them where the sentence ends), most words around it the source's.
    // At a sentence's end (or start) the other side alone holds it: three of its words, all the source's.
    const held = (before >= 1 && after >= 1 && before + after >= 4) || before >= 4 || after >= 4 || ((before >= 3 || after >= 3) && (before + after) / around >= 0.75);
    if (!held || (before + after) / Math.max(1, around) < 0.7) continue;
    const from = tokens[gap.draft[0] + slip.from];
    const to = tokens[gap.draft[0] + slip.to - 1];
    const written = text.slice(from.start - s.start, to.end - s.start);
    if (!frame.claims(from.start)) continue;
    if (slip.kind === "name") {
      // The whole names, as far as they run on either side ("Luiz Inácio Lula da Silva").
      const mine = wholeName(tokens, gap.draft[0] + slip.from, gap.draft[0] + slip.to);
      const theirs = wholeName(source.tokens, gap.source[0], gap.source[1]);
      const mineText = text.slice(tokens[mine[0]].start - s.start, tokens[mine[1] - 1].end - s.start);
      const theirsText = source.text.slice(source.tokens[theirs[0]].start, source.tokens[theirs[1] - 1].end);
      // Two spellings of one name, or a name the facts know (its place in the sentence is for the other comparisons to judge).
      if (sameName(mineText, theirsText, (n) => ctx.entityNamed(n)) || ctx.entityNamed(mineText) || ctx.entityNamed(written)) continue;
      // A person for another is for the comparisons of people and offices; a country's adjective ("British") names no one.
      if (ctx.entity(ctx.entityNamed(theirsText))?.kind === "person" || ctx.isDemonym(mineText)) continue;
      // A piece of a longer name ("Maria da Silva" against "Luiz da Silva") is another name, unless what
      // they share is a common noun of names ("the Jinsha River", "the Niulan River").
      const extra = [...tokens.slice(mine[0], gap.draft[0] + slip.from), ...tokens.slice(gap.draft[0] + slip.to, mine[1])];
      if (extra.some((t) => t.kind === "word" && !V.nameHeads.has(t.norm))) continue;
    }
    // Said the writer's way by another of the sources: not a slip.
    const writerKeys = tokens.slice(gap.draft[0] + slip.from, gap.draft[0] + slip.to).map(contentKey).filter(Boolean);
    if (sources.near(draftKeys, 3).some((o) => o !== source && writerKeys.every((k) => o.keys.includes(k)))) continue;
    // The writer's name stands elsewhere in the source's sentence: words in another order, not another name.
    if (slip.kind === "name" && writerKeys.every((k) => source.keys.includes(k))) continue;
    const right = slip.kind === "opposite" && /^\p{Lu}/u.test(from.raw) ? slip.right.replace(/^\p{Ll}/u, (c) => c.toUpperCase()) : slip.right;
    ctx.report({
      code: slip.code,
      start: from.start,
      end: to.end,
      message: `${right}, not ${written} — ${source.source.outlet} says: “${excerpt(source, gap.source)}”.`,
      fixes: [{ newText: right }],
      fact: { at: source.source.at, what: `${source.source.outlet}: ${source.source.title}` },
      written,
    });
    return;
  }
}

/** The source's words around the difference, whole words, at most about twenty. */
/** The source's words around a token range of its sentence, at most about twenty. */
export function excerpt(s: SourceSentence, [a, b]: readonly [number, number]): string {
  const from = Math.max(0, a - 8);
  const to = Math.min(s.tokens.length, b + 8);
  const text = s.text.slice(s.tokens[from].start, s.tokens[to - 1].end);
  return `${from > 0 ? "… " : ""}${text}${to < s.tokens.length ? " …" : ""}`;
}
