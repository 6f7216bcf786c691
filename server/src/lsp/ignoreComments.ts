// "Ignore here": the disable comment the checker honours (see text/markup.ts), placed
// where it does not change what the document shows. Markdown gets HTML comments; plain
// text has no comment syntax, so the directive takes a line of its own.
import { TextChange } from "../facts/edit";
import { MarkupKind } from "../text/markup";

/** Ignores one code on the line holding `offset`. */
export function ignoreLineChange(text: string, kind: MarkupKind, offset: number, code: string): TextChange {
  const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
  const eol = eolOf(text);
  if (kind === "plaintext") return insert(lineStart, `${indent}factcheck-ignore-next-line ${code}${eol}`);
  const prevLine = lineStart === 0 ? "" : text.slice(text.lastIndexOf("\n", lineStart - 2) + 1, lineStart - 1);
  // A comment line between the items of a list would end the list: list items get the inline form.
  const listItem = /^[ \t]*([-*+]|\d{1,9}[.)])[ \t]/.test(text.slice(lineStart, lineStart + 16));
  if ((lineStart === 0 || prevLine.trim() === "") && !listItem) {
    // The first line of a paragraph: a comment line above it leaves the paragraph whole.
    return insert(lineStart, `${indent}<!-- factcheck-ignore-next-line ${code} -->${eol}`);
  }
  // Inside a paragraph (or a list) a comment line would split it: comment at the end of the line instead,
  // before any trailing spaces (a Markdown hard break).
  let end = text.indexOf("\n", offset);
  if (end < 0) end = text.length;
  if (text[end - 1] === "\r") end--;
  while (end > lineStart && (text[end - 1] === " " || text[end - 1] === "\t")) end--;
  return insert(end, ` <!-- factcheck-ignore-line ${code} -->`);
}

/** Ignores one code in the whole document: a `factcheck-disable CODE` at the top (after front matter). */
export function ignoreFileChange(text: string, kind: MarkupKind, code: string): TextChange {
  const eol = eolOf(text);
  const top = kind === "markdown" ? afterFrontMatter(text) : 0;
  const firstLine = text.slice(top, lineEndAt(text, top));
  // Our own comment from an earlier "ignore in this file": add the code to it, since a second
  // `disable` while one is open would be ignored.
  const existing = kind === "markdown" ? /^<!-- factcheck-disable((?: [a-z]+(?:-[a-z]+)+)+) -->/.exec(firstLine) : /^factcheck-disable((?: [a-z]+(?:-[a-z]+)+)+)\s*$/.exec(firstLine);
  if (existing) {
    if (existing[1].trim().split(" ").includes(code)) return insert(top, "");
    return insert(top + "factcheck-disable".length + (kind === "markdown" ? 5 : 0) + existing[1].length, ` ${code}`);
  }
  const line = kind === "markdown" ? `<!-- factcheck-disable ${code} -->` : `factcheck-disable ${code}`;
  // Front matter that ends the file without a newline needs one before the comment.
  return insert(top, top > 0 && text[top - 1] !== "\n" ? `${eol}${line}` : `${line}${eol}`);
}

/** Offset just past a YAML (---) or TOML (+++) front matter block, as markup.ts reads it. */
function afterFrontMatter(text: string): number {
  const open = /^(---|\+\+\+)[ \t]*\r?\n/.exec(text);
  if (!open) return 0;
  let i = open[0].length;
  while (i < text.length) {
    const end = lineEndAt(text, i);
    const line = text.slice(i, end).trimEnd();
    const next = text.indexOf("\n", end);
    if (line === open[1] || (open[1] === "---" && line === "...")) return next < 0 ? text.length : next + 1;
    if (next < 0) break;
    i = next + 1;
  }
  return 0;
}

function lineEndAt(text: string, offset: number): number {
  const nl = text.indexOf("\n", offset);
  if (nl < 0) return text.length;
  return text[nl - 1] === "\r" ? nl - 1 : nl;
}

function eolOf(text: string): string {
  return text.includes("\r\n") ? "\r\n" : "\n";
}

function insert(offset: number, newText: string): TextChange {
  return { start: offset, end: offset, newText };
}
