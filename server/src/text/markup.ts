// Separates prose from markup. The result has the same length as the input, with every
// character that is not prose (code, front matter, comments, link targets, tags, URLs)
// replaced by a space, so offsets found in the prose are offsets in the document.
// Also reads the disable comments a writer leaves (as Vale and cSpell do).

// Patterns made once: a regex literal inside a function is a new RegExp object at every evaluation.
const FRONT_MATTER = /^(---|\+\+\+)[ \t]*\r?\n/;
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})\s*$/;
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;
const INDENTED_CODE = /^( {4}|\t)/;
const LINK_DEFINITION = /^ {0,3}\[[^\]\n]+\]:\s*\S/;
const LIST_ITEM = /^ {0,3}([-*+]|\d{1,9}[.)])\s/;
const INDENTED = /^\s/;
const TAG_START = /[A-Za-z/!?]/;
const ASCII_LETTER = /[A-Za-z]/;
const URL_END = /[\s<>"')\]]/;

export interface ProseView {
  prose: string;
  directives: Directives;
}

export interface Directives {
  /** The whole file is switched off. */
  fileDisabled: boolean;
  /** Offset ranges in which findings are dropped; codes empty means every code. */
  disabled: { start: number; end: number; codes: string[] }[];
}

export type MarkupKind = "markdown" | "plaintext";

export function markupKindOf(languageId: string, path?: string): MarkupKind {
  if (languageId === "markdown" || languageId === "mdx") return "markdown";
  if (path && /\.(md|markdown|mdx)$/i.test(path)) return "markdown";
  return "plaintext";
}

const DIRECTIVE = /factcheck-(disable-file|disable-next-line|ignore-next-line|disable-line|ignore-line|disable|enable)\b([^\n>]*)/g;

export function extractProse(text: string, kind: MarkupKind): ProseView {
  const masks = new Masks(text);
  const comments: { start: number; end: number; body: string }[] = [];
  if (kind === "markdown") maskMarkdown(text, masks, comments);
  else if (text.includes("factcheck-")) collectPlainDirectives(text, masks, comments);
  return { prose: masks.apply(), directives: readDirectives(text, comments) };
}

/** Ranges to blank out, applied in one pass at the end (cheaper than editing a character array). */
class Masks {
  private ranges: [number, number][] = [];
  constructor(private text: string) {}

  add(from: number, to: number): void {
    if (to > from) this.ranges.push([from, Math.min(to, this.text.length)]);
  }

  apply(): string {
    if (!this.ranges.length) return this.text;
    this.ranges.sort((a, b) => a[0] - b[0]);
    let out = "";
    let pos = 0;
    for (const [from, to] of this.ranges) {
      if (to <= pos) continue;
      const start = Math.max(from, pos);
      out += this.text.slice(pos, start) + this.text.slice(start, to).replace(/[^\n]/g, " ");
      pos = to;
    }
    return out + this.text.slice(pos);
  }
}

function blank(out: Masks, from: number, to: number): void {
  out.add(from, to);
}

/** Plain text has no comment syntax: a line that holds a directive is the comment. */
function collectPlainDirectives(text: string, out: Masks, comments: { start: number; end: number; body: string }[]): void {
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf("\n", lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    if (line.includes("factcheck-")) {
      DIRECTIVE.lastIndex = 0;
      if (DIRECTIVE.test(line)) {
        comments.push({ start: lineStart, end: lineEnd, body: line });
        blank(out, lineStart, lineEnd);
      }
    }
    lineStart = lineEnd + 1;
  }
}

function maskMarkdown(text: string, out: Masks, comments: { start: number; end: number; body: string }[]): void {
  const n = text.length;
  let pos = 0;
  // Front matter: a YAML (---) or TOML (+++) block at the very start.
  const fm = FRONT_MATTER.exec(text);
  if (fm) {
    const closer = fm[1];
    let i = fm[0].length;
    while (i < n) {
      let end = text.indexOf("\n", i);
      if (end < 0) end = n;
      const line = text.slice(i, end).trimEnd();
      if (line === closer || (closer === "---" && line === "...")) {
        blank(out, 0, end);
        pos = end;
        break;
      }
      i = end + 1;
    }
  }

  let fence: { char: string; len: number } | null = null;
  let prevBlank = true;
  let inList = false;
  let paraStart = -1; // start of the current paragraph, for inline spans that cross lines
  const inlineRuns: [number, number][] = [];
  while (pos < n) {
    let lineEnd = text.indexOf("\n", pos);
    if (lineEnd < 0) lineEnd = n;
    const line = text.slice(pos, lineEnd);
    if (fence) {
      const m = FENCE_CLOSE.exec(line);
      if (m && m[1][0] === fence.char && m[1].length >= fence.len) fence = null;
      blank(out, pos, lineEnd);
    } else {
      const open = FENCE_OPEN.exec(line);
      const isBlank = line.trim() === "";
      if (open) {
        fence = { char: open[1][0], len: open[1].length };
        blank(out, pos, lineEnd);
        flush();
      } else if (!isBlank && prevBlank && !inList && INDENTED_CODE.test(line)) {
        blank(out, pos, lineEnd); // indented code block
      } else if (LINK_DEFINITION.test(line)) {
        blank(out, pos, lineEnd); // link reference definition
      } else if (isBlank) {
        flush();
      } else {
        if (LIST_ITEM.test(line)) inList = true;
        else if (prevBlank && !INDENTED.test(line)) inList = false;
        if (paraStart < 0) paraStart = pos;
        inlineRuns.push([pos, lineEnd]);
      }
      prevBlank = isBlank;
    }
    pos = lineEnd + 1;
  }
  flush();

  function flush(): void {
    if (paraStart >= 0 && inlineRuns.length) {
      const end = inlineRuns[inlineRuns.length - 1][1];
      maskInline(text, out, paraStart, end, comments);
    }
    paraStart = -1;
    inlineRuns.length = 0;
  }
  // Comments may span blank lines: handle them over the whole text as well.
  maskHtmlComments(text, out, comments);
}

/** Inline markup within one paragraph: code spans, HTML tags, link targets, bare URLs. */
function maskInline(text: string, out: Masks, from: number, to: number, comments: { start: number; end: number; body: string }[]): void {
  let i = from;
  // Run lengths already known to have no closing run further on: keeps many stray backticks linear.
  const unclosed = new Set<number>();
  while (i < to) {
    const c = text[i];
    if (c === "\\") {
      i += 2;
      continue;
    }
    if (c === "`") {
      let run = 1;
      while (text[i + run] === "`") run++;
      const close = unclosed.has(run) ? -1 : findBacktickRun(text, i + run, to, run);
      if (close < 0) unclosed.add(run);
      if (close >= 0) {
        blank(out, i, close + run);
        i = close + run;
      } else i += run;
      continue;
    }
    if (c === "<") {
      if (text.startsWith("<!--", i)) {
        const end = text.indexOf("-->", i + 4);
        const stop = end < 0 ? to : end + 3;
        comments.push({ start: i, end: stop, body: text.slice(i + 4, end < 0 ? to : end) });
        blank(out, i, stop);
        i = stop;
        continue;
      }
      const next = text[i + 1] ?? "";
      if (TAG_START.test(next)) {
        // Tags are short: look at most 1 KB ahead, which keeps a long line of "<" linear.
        const window = text.slice(i + 1, Math.min(to, i + 1024));
        const rel = window.indexOf(">");
        const nl = window.indexOf("\n");
        const end = i + 1 + rel;
        if (rel >= 0 && (nl < 0 || rel < nl || ASCII_LETTER.test(next))) {
          blank(out, i, end + 1);
          i = end + 1;
          continue;
        }
      }
    }
    if (c === "]" && text[i + 1] === "(") {
      const end = matchParen(text, i + 1, to);
      if (end >= 0) {
        blank(out, i + 1, end + 1);
        i = end + 1;
        continue;
      }
    }
    if (c === "]" && text[i + 1] === "[") {
      const end = text.indexOf("]", i + 2);
      if (end >= 0 && end < to) {
        blank(out, i + 1, end + 1);
        i = end + 1;
        continue;
      }
    }
    if ((c === "h" || c === "w") && (text.startsWith("http://", i) || text.startsWith("https://", i) || text.startsWith("www.", i))) {
      let j = i;
      while (j < to && !URL_END.test(text[j])) j++;
      blank(out, i, j);
      i = j;
      continue;
    }
    i++;
  }
}

function findBacktickRun(text: string, from: number, to: number, run: number): number {
  let i = from;
  while (i < to) {
    const at = text.indexOf("`", i);
    if (at < 0 || at >= to) return -1;
    let len = 1;
    while (text[at + len] === "`") len++;
    if (len === run) return at;
    i = at + len;
  }
  return -1;
}

function matchParen(text: string, open: number, to: number): number {
  let depth = 0;
  // A link target is short; a bound keeps a paragraph full of "](" linear.
  const stop = Math.min(to, open + 2048);
  for (let i = open; i < stop; i++) {
    const c = text[i];
    if (c === "\\") i++;
    else if (c === "(") depth++;
    else if (c === ")" && --depth === 0) return i;
    else if (c === "\n" && text[i + 1] === "\n") return -1;
  }
  return -1;
}

function maskHtmlComments(text: string, out: Masks, comments: { start: number; end: number; body: string }[]): void {
  let i = text.indexOf("<!--");
  while (i >= 0) {
    const end = text.indexOf("-->", i + 4);
    const stop = end < 0 ? text.length : end + 3;
    if (!comments.some((c) => c.start === i)) comments.push({ start: i, end: stop, body: text.slice(i + 4, end < 0 ? text.length : end) });
    blank(out, i, stop);
    i = text.indexOf("<!--", stop);
  }
}

function readDirectives(text: string, comments: { start: number; end: number; body: string }[]): Directives {
  const result: Directives = { fileDisabled: false, disabled: [] };
  const sorted = [...comments].sort((a, b) => a.start - b.start);
  let openAt: { start: number; codes: string[] } | null = null;
  for (const c of sorted) {
    DIRECTIVE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = DIRECTIVE.exec(c.body))) {
      const codes = m[2]
        .split(/[\s,]+/)
        .map((s) => s.replace(/-->$/, "").trim())
        .filter((s) => /^[a-z]+(-[a-z]+)+$/.test(s));
      switch (m[1]) {
        case "disable-file":
          result.fileDisabled = true;
          break;
        case "disable":
          openAt ??= { start: c.end, codes };
          break;
        case "enable":
          if (openAt) result.disabled.push({ start: openAt.start, end: c.start, codes: openAt.codes });
          openAt = null;
          break;
        case "ignore-line":
        case "disable-line": {
          const lineStart = text.lastIndexOf("\n", c.start - 1) + 1;
          const lineEnd = text.indexOf("\n", c.end);
          result.disabled.push({ start: lineStart, end: lineEnd < 0 ? text.length : lineEnd, codes });
          break;
        }
        default: {
          // ignore-next-line: the next line that holds any text.
          let start = text.indexOf("\n", c.end);
          while (start >= 0 && start + 1 < text.length && text[start + 1] === "\n") start++;
          if (start < 0) break;
          const end = text.indexOf("\n", start + 1);
          result.disabled.push({ start: start + 1, end: end < 0 ? text.length : end, codes });
        }
      }
    }
  }
  if (openAt) result.disabled.push({ start: openAt.start, end: text.length, codes: openAt.codes });
  return result;
}

export function isSuppressed(directives: Directives, start: number, code: string): boolean {
  if (directives.fileDisabled) return true;
  return directives.disabled.some((d) => start >= d.start && start < d.end && (d.codes.length === 0 || d.codes.includes(code)));
}
