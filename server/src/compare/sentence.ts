// Compares one sentence with the facts: builds its frame once, then runs every comparison of the
// list (comparisons.ts) over it.
import { Figure } from "../claims/figures";
import { SentenceReading } from "../claims/reader";
import { Attribution } from "./attribution";
import { matchKey, vocabulary as V } from "../vocabulary";
import { SourceSentences } from "./aligned";
import { COMPARISONS } from "./comparisons";
import { CompareContext } from "./context";
import { ValueTime } from "./countFacts";
import { DocState } from "./documentState";
import { CompareEnv, SentenceFrame } from "./frame";

/**
 * Reads `state` as it stood before the sentence; the caller advances it. `paragraph` holds the
 * figures the whole paragraph states, for telling a report of a disputed figure from a claim of it.
 */
export function compareSentence(
  ctx: CompareContext,
  s: SentenceReading,
  blockText: string,
  a: Attribution,
  state: DocState,
  env: CompareEnv,
  paragraph: readonly Figure[] = s.figures,
  blockAnchor?: ValueTime,
  next?: SentenceReading,
): void {
  ctx.nextSentence = next ? blockText.slice(next.start, next.end) : "";
  ctx.sharedWithNext = next ? sharedWords(s, next) : 0;
  // A sentence a trusted source says word for word is the source's: the facts are to agree with it, not it with them.
  if (ctx.base.articles.size && SourceSentences.of(ctx.base).says(blockText.slice(s.start, s.end))) return;
  const frame = new SentenceFrame(s, blockText, a, state, env, paragraph, blockAnchor);
  // "An article wrongly said …", "Neither raid was …": nothing the sentence says is claimed.
  if (frame.deniesAll) return;
  for (const c of COMPARISONS) c.compare(frame, ctx);
}

/** Content words two sentences share ("took place" in "We said it took place in Paris. It took place in Lyon."). */
function sharedWords(a: SentenceReading, b: SentenceReading): number {
  const mine = new Set(a.words.filter((w) => !V.stopwords.has(w) && !/^\d/.test(w)).map(matchKey));
  let n = 0;
  for (const w of new Set(b.words.filter((w) => !V.stopwords.has(w) && !/^\d/.test(w)).map(matchKey))) if (mine.has(w)) n++;
  return n;
}
