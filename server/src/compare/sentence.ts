// Compares one sentence with the facts: builds its frame once, then runs every comparison of the
// list (comparisons.ts) over it.
import { Figure } from "../claims/figures";
import { SentenceReading } from "../claims/reader";
import { Attribution } from "./attribution";
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
): void {
  const frame = new SentenceFrame(s, blockText, a, state, env, paragraph, blockAnchor);
  // "An article wrongly said …", "Neither raid was …": nothing the sentence says is claimed.
  if (frame.deniesAll) return;
  for (const c of COMPARISONS) c.compare(frame, ctx);
}
