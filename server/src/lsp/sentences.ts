// The sentence of a prose document around an offset, read as the checker reads it
// (markup masked, blocks, sentences): the quote "Add Fact from Selection" starts from.
import { splitBlocks, splitSentences } from "../text/blocks";
import { extractProse, markupKindOf } from "../text/markup";

export function sentenceAt(text: string, offset: number, languageId: string, path?: string): { start: number; end: number } | undefined {
  const { prose } = extractProse(text, markupKindOf(languageId, path));
  const block = splitBlocks(prose).find((b) => b.start <= offset && offset <= b.end);
  if (!block) return undefined;
  const span = splitSentences(block.text).find((s) => s.start <= offset - block.start && offset - block.start <= s.end);
  return span ? { start: block.start + span.start, end: block.start + span.end } : undefined;
}
