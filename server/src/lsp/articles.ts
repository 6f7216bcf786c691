// Source articles for "Add Fact from Selection": the sentence of an article that holds the
// selected words (the quote to prefill — the article's words, so the new fact's quote is
// found in it), and whether a quote is in the article (checked before a fact is written, as
// the loader would check it after).
import { readFileSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { FactBase } from "../facts/model";
import { normalizeQuoteText, quoteInText } from "../facts/quotes";
import { splitBlocks, splitSentences } from "../text/blocks";
import { extractProse } from "../text/markup";

/** Articles larger than this are not searched (the loader's limit for fact files). */
const MAX_ARTICLE_BYTES = 8 * 1024 * 1024;

/** The article file of a source, as an absolute path; undefined for a source without `file:`. */
export function articlePathOf(base: FactBase, sourceId: string): string | undefined {
  const s = base.sources.get(sourceId);
  return s?.file ? resolve(dirname(s.at.file), s.file) : undefined;
}

interface Article {
  stamp: string;
  text: string;
  normalized: string;
  sentences?: { text: string; normalized: string }[];
}

/** Reads articles once each, again when they change on disk. */
export class Articles {
  private cache = new Map<string, Article>();

  read(path: string): Article | { error: string } {
    let stamp: string;
    try {
      const stat = statSync(path);
      if (!stat.isFile()) return { error: `${path} is not a file` };
      if (stat.size > MAX_ARTICLE_BYTES) return { error: `${path} is larger than 8 MB` };
      stamp = `${stat.mtimeMs}:${stat.size}`;
    } catch {
      return { error: `${path} does not exist` };
    }
    const hit = this.cache.get(path);
    if (hit?.stamp === stamp) return hit;
    try {
      const text = readFileSync(path, "utf8");
      const article: Article = { stamp, text, normalized: normalizeQuoteText(text) };
      this.cache.set(path, article);
      return article;
    } catch (e) {
      return { error: `Cannot read ${path}: ${(e as Error).message}` };
    }
  }

  /** The first sentence of the article that holds the words (as whole words), on one line. */
  sentenceHolding(path: string, words: string): string | undefined {
    const article = this.read(path);
    const needle = normalizeQuoteText(words);
    if ("error" in article || needle.length < 2 || !article.normalized.includes(needle)) return undefined;
    const whole = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(needle)}(?![\\p{L}\\p{N}])`, "u");
    article.sentences ??= sentencesOf(article.text);
    return article.sentences.find((s) => whole.test(s.normalized))?.text;
  }

  /** Whether the quote is in the article (as the loader reads quotes); undefined when it cannot be read. */
  holds(path: string, quote: string): boolean | undefined {
    const article = this.read(path);
    return "error" in article ? undefined : quoteInText(quote, article.normalized);
  }
}

function sentencesOf(text: string): { text: string; normalized: string }[] {
  const { prose } = extractProse(text, "plaintext");
  const out: { text: string; normalized: string }[] = [];
  for (const block of splitBlocks(prose)) {
    for (const span of splitSentences(block.text)) {
      const sentence = text.slice(block.start + span.start, block.start + span.end).replace(/\s+/g, " ").trim();
      if (sentence) out.push({ text: sentence, normalized: normalizeQuoteText(sentence) });
    }
  }
  return out;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
