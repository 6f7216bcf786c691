// Loading an article to draft from: bytes to text, with a clear error for what cannot be read
// (not UTF-8, empty, too large, not a file) and HTML turned into its text.
import { readFileSync, statSync } from "node:fs";

/** Articles are a few kilobytes; anything past this is not an article. */
export const MAX_ARTICLE_BYTES = 4 * 1024 * 1024;

export interface Article {
  path: string;
  /** The text as the file holds it (HTML included): what quotes are checked against. */
  raw: string;
  /** The text to read: `raw`, or for HTML the text of its page with tags and scripts removed. */
  text: string;
  html: boolean;
}

export class ArticleError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

const UTF8 = new TextDecoder("utf-8", { fatal: true });

/** Reads an article file, or throws an ArticleError saying why it cannot be drafted from. */
export function loadArticle(path: string): Article {
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new ArticleError(path, "is not a file");
    size = stat.size;
  } catch (e) {
    if (e instanceof ArticleError) throw e;
    throw new ArticleError(path, `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  if (size > MAX_ARTICLE_BYTES) {
    throw new ArticleError(path, `is ${(size / 1048576).toFixed(1)} MB; an article to draft from is at most ${MAX_ARTICLE_BYTES / 1048576} MB`);
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new ArticleError(path, `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  return articleFromBytes(path, bytes);
}

/** An article from its bytes (the editor passes unsaved text through articleFromText). */
export function articleFromBytes(path: string, bytes: Uint8Array): Article {
  let raw: string;
  try {
    raw = UTF8.decode(bytes);
  } catch {
    throw new ArticleError(path, `is not UTF-8 text (byte ${firstBadByte(bytes)} is not valid UTF-8); save it as UTF-8 and draft again`);
  }
  if (bytes.includes(0)) throw new ArticleError(path, "holds NUL bytes: it is a binary file, not an article");
  return articleFromText(path, raw);
}

export function articleFromText(path: string, raw: string): Article {
  if (raw.length > MAX_ARTICLE_BYTES) throw new ArticleError(path, `is over ${MAX_ARTICLE_BYTES / 1048576} MB of text; an article to draft from is smaller`);
  if (raw.charCodeAt(0) === 0xfeff) raw = raw.slice(1);
  const html = looksLikeHtml(raw);
  const text = html ? htmlToText(raw) : raw.replace(/\r\n?/g, "\n");
  if (!text.trim()) throw new ArticleError(path, html ? "is an HTML page with no text in it" : "is empty");
  return { path, raw, text, html };
}

/** Where the first byte sequence that is not UTF-8 starts. */
function firstBadByte(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    const n = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (!n || i + n > bytes.length) return i;
    for (let k = 1; k < n; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    if (!UTF8_OK(bytes.subarray(i, i + n))) return i;
    i += n;
  }
  return bytes.length;
}

function UTF8_OK(seq: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(seq);
    return true;
  } catch {
    return false;
  }
}

const HTML_START = /^\s*(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]|<\?xml[^>]*>\s*<html)/i;
const TAG = /<\/?(p|div|br|span|a|b|i|em|strong|h[1-6]|li|ul|ol|article|section|header|footer|nav|table|tr|td|img|meta|script|style|figure|blockquote)\b[^>]*>/gi;

/** A page of HTML rather than text: it opens as one, or tags are most of its lines. */
export function looksLikeHtml(text: string): boolean {
  if (HTML_START.test(text)) return true;
  const tags = text.slice(0, 20000).match(TAG)?.length ?? 0;
  return tags >= 5 && tags * 40 > Math.min(text.length, 20000);
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", mdash: "—", ndash: "–", hellip: "…", lsquo: "‘", rsquo: "’", ldquo: "“", rdquo: "”" };

/**
 * The text of an HTML page: scripts, styles and comments dropped, block elements as paragraph
 * breaks, inline tags removed, character references decoded. A page's own text, not its markup.
 */
export function htmlToText(html: string): string {
  const text = html
    .replace(/<!--[\s\S]*?-->/g, " ")
    .replace(/<(script|style|noscript|template|svg|head)\b[\s\S]*?<\/\1\s*>/gi, " ")
    .replace(/<(br)\b[^>]*>/gi, "\n")
    .replace(/<\/?(p|div|h[1-6]|li|ul|ol|article|section|header|footer|nav|table|tr|blockquote|figure|figcaption|title|main|aside)\b[^>]*>/gi, "\n\n")
    .replace(/<[^>]*>/g, "")
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, name: string) => {
      if (name[0] === "#") {
        const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
      }
      return ENTITIES[name.toLowerCase()] ?? m;
    });
  return text
    .split("\n")
    .map((l) => l.replace(/[ \t\u00a0]+/g, " ").trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
