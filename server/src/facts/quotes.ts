// Checks that a citation's quote is really in the cited article, so the shipped facts stay
// honest. Differences of whitespace, case, curly or straight quotes and dashes do not count;
// "…" (or "...") in a quote marks words left out.
import { readFileSync, statSync } from "node:fs";

const QUOTE_MARKS = /[\u0022\u0027\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u2032\u2033\u00ab\u00bb\u02bc`´]/g;
const DASHES = /[\u2010-\u2015\u2212]/g;
const GAP = /\s*(?:\(\s*)?(?:…|\.\.\.)(?:\s*\))?\s*/;

/** One form for comparing quotes with articles: NFKC, lowercase, no quote marks, one kind of dash, single spaces. */
export function normalizeQuoteText(s: string): string {
  return s
    .normalize("NFKC")
    .toLowerCase()
    .replace(QUOTE_MARKS, "")
    .replace(DASHES, "-")
    .replace(/\s+/g, " ")
    .trim();
}

/** Whether the quote's words (each part between gaps, in order) appear in the normalized article. */
export function quoteInText(quote: string, normalizedArticle: string): boolean {
  let from = 0;
  for (const part of quote.split(GAP).map(normalizeQuoteText)) {
    if (!part) continue;
    const at = normalizedArticle.indexOf(part, from);
    if (at < 0) return false;
    from = at + part.length;
  }
  return true;
}

/** Reads source articles once each, again only when they change on disk. */
export class SourceTexts {
  private cache = new Map<string, { stamp: string; normalized: string; text: string }>();

  /** The article's normalized text (and as written), or an error message when it cannot be read. */
  read(path: string): { normalized: string; text?: string } | { error: string } {
    let stamp: string;
    try {
      const stat = statSync(path);
      if (!stat.isFile()) return { error: "is not a file" };
      stamp = `${stat.mtimeMs}:${stat.size}`;
    } catch {
      return { error: "not found" };
    }
    const hit = this.cache.get(path);
    if (hit && hit.stamp === stamp) return hit;
    try {
      const text = readFileSync(path, "utf8");
      const entry = { stamp, normalized: normalizeQuoteText(text), text };
      this.cache.set(path, entry);
      return entry;
    } catch (e) {
      return { error: (e as Error).message };
    }
  }
}

/** Shared by every build in the process: articles rarely change. */
export const sourceTexts = new SourceTexts();
