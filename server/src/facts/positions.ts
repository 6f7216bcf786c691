// Where things are in a fact file's text: offsets of the nodes at data paths, and offsets as
// line and column. A file read by the fast path has no YAML Document; its block structure
// (indentation, `key:` lines, `- ` items — the way fact files are written) is walked on the
// text itself, for the few paths that are asked for. Whatever that walk cannot answer (flow
// collections, empty values, a path that is not there) is answered by a `yaml` Document,
// parsed on first need; release() drops it once a build is done.
import { Document, isMap, isPair, isScalar, isSeq, Node, parseDocument } from "yaml";
import { fastLoad } from "./fastParse";

export type Path = (string | number)[];

/** A node found by the walk: where it starts, what it is, and the column of the collection it sits in. */
interface Found {
  start: number;
  kind: "map" | "seq" | "flow" | "scalar";
  /** Keys of a map (or dashes of a sequence) sit at this column; for a scalar, its parent's. */
  col: number;
}

/** Sequences with more items than this keep the offsets of their items until release(). */
const CACHED_SEQUENCE = 64;

const KEY = /([A-Za-z0-9_][A-Za-z0-9_. -]*?) *:(?=[ \r\n]|$)/y;

export class FilePositions {
  /** The line of the last position asked for, and where it starts. */
  private cursorLine = 0;
  private cursorStart = 0;
  private document?: Document.Parsed;
  private items = new Map<number, number[]>();
  /** The values of the file's top-level keys (its sections), found once per build. */
  private sections = new Map<string, Found | undefined>();
  /** The item of a section last walked to, with its data. */
  private lastItem?: { section: string; index: number; node: Found; data: unknown };

  /** With a Document (the slow path's), every answer comes from it; without one, from the walk first. */
  private walk: boolean;
  /** The data was dropped by release(true) and can be read again; it was, for the build under way. */
  private canReadAgain = false;
  private readAgain = false;

  /**
   * With the file's data, answers come from the walk first, checked against the data as it goes:
   * a list whose items the walk counts differently, or a key the data does not have, means the
   * text is not as plain as it looked, and the Document answers. A Document already parsed (the
   * slow path's) is used until release().
   */
  constructor(
    readonly text: string,
    doc?: Document.Parsed,
    private data?: unknown,
  ) {
    this.document = doc;
    this.walk = data !== undefined;
  }

  /**
   * 0-based line and UTF-16 column of a character offset. Builds ask in nearly the order of the
   * text, so lines are counted from the last answer, forwards or backwards, not kept in a table.
   */
  position(offset: number): { line: number; character: number } {
    const t = this.text;
    offset = Math.max(0, Math.min(offset, t.length));
    let line = this.cursorLine;
    let lineStart = this.cursorStart;
    while (offset < lineStart) {
      lineStart = t.lastIndexOf("\n", lineStart - 2) + 1;
      line--;
    }
    for (let nl = t.indexOf("\n", lineStart); nl >= 0 && nl < offset; nl = t.indexOf("\n", nl + 1)) {
      line++;
      lineStart = nl + 1;
    }
    this.cursorLine = line;
    this.cursorStart = lineStart;
    return { line, character: offset - lineStart };
  }

  /** The offset where the node at a path starts (0 when there is none), as `yaml` gives it. */
  offsetOf(path: Path): number {
    const found = this.walkable() ? this.find(path) : undefined;
    if (found) return found.start;
    const node = this.doc().getIn(path, true) as { range?: [number, number, number] } | undefined;
    return node?.range?.[0] ?? 0;
  }

  /** The range to underline for the node at a path (the first line of a collection; an empty value's key), as rangeOfNode in parse.ts. */
  rangeOf(path: Path): [number, number] | undefined {
    const found = this.walkable() ? this.find(path) : undefined;
    const range = found && this.rangeOfFound(found);
    return range ?? rangeOfNode(this.doc(), path, this.text);
  }

  /**
   * Drops what only a build needs: the Document, the offsets of items; with `data`, the file's
   * data too (once compiled, the store keeps no data). A later build that has a problem to place
   * in the file reads the data again the fast way, once, rather than parse a Document.
   */
  release(data = false): void {
    if (data || this.readAgain) {
      if (this.walk) this.canReadAgain = true;
      this.data = undefined;
      this.walk = false;
      this.readAgain = false;
    }
    this.document = undefined;
    this.items.clear();
    this.sections.clear();
    this.lastItem = undefined;
  }

  /** Whether the walk can answer, reading the data again (the fast way) if release() dropped it. */
  private walkable(): boolean {
    if (!this.walk && this.canReadAgain) {
      const data = fastLoad(this.text);
      if (data) {
        // For this build only: release() drops it again.
        this.data = data;
        this.walk = true;
        this.readAgain = true;
      } else this.canReadAgain = false;
    }
    return this.walk;
  }

  /** The `yaml` Document of the text, as the slow path parses it. */
  doc(): Document.Parsed {
    return (this.document ??= parseDocument(this.text, { prettyErrors: false, uniqueKeys: true }));
  }

  private rangeOfFound(f: Found): [number, number] | undefined {
    if (f.kind !== "scalar") return [f.start, Math.max(f.start + 1, lineEnd(this.text, f.start))];
    const end = this.scalarEnd(f.start);
    if (end === undefined) return undefined;
    // A plain scalar that goes on over more lines: the Document knows where it ends.
    const next = this.nextContentLine(lineEnd(this.text, f.start));
    if (next >= 0 && indentAt(this.text, next) > f.col) return undefined;
    return [f.start, end];
  }

  /** End of a one-line scalar: after its closing quote, or before a comment and trailing spaces. */
  private scalarEnd(start: number): number | undefined {
    const t = this.text;
    const eol = lineEnd(t, start);
    const q = t[start];
    if (q === '"') {
      for (let i = start + 1; i < eol; i++) {
        if (t[i] === "\\") i++;
        else if (t[i] === '"') return i + 1;
      }
      return undefined;
    }
    if (q === "'") {
      for (let i = start + 1; i < eol; i++) {
        if (t[i] === "'") {
          if (t[i + 1] === "'") i++;
          else return i + 1;
        }
      }
      return undefined;
    }
    let end = eol;
    const comment = t.slice(start, eol).search(/[ \t]#/);
    if (comment >= 0) end = start + comment;
    while (end > start && (t[end - 1] === " " || t[end - 1] === "\t")) end--;
    return end;
  }

  private find(path: Path): Found | undefined {
    // A build asks for many paths inside one item in a row (an entity, then its roles…): start from it.
    const last = this.lastItem;
    if (last && path.length >= 2 && path[0] === last.section && path[1] === last.index) return this.walkFrom(last.node, last.data, path, 2);
    const first = this.nextContentLine(0);
    if (first < 0) return undefined;
    const root = this.classify(first + indentAt(this.text, first), -1);
    return this.walkFrom(root, this.data, path, 0);
  }

  private walkFrom(node: Found | undefined, data: unknown, path: Path, from: number): Found | undefined {
    for (let k = from; k < path.length; k++) {
      const step = path[k];
      if (!node || data === null || typeof data !== "object") return undefined;
      if (typeof step === "number") {
        if (!Array.isArray(data) || step >= data.length) return undefined;
        node = this.item(node, step, data.length);
      } else {
        if (Array.isArray(data) || !Object.prototype.hasOwnProperty.call(data, step)) return undefined;
        node = data === this.data ? this.section(node, step) : this.value(node, step);
      }
      data = (data as Record<string | number, unknown>)[step];
      if (k === 1 && node && typeof path[0] === "string" && typeof step === "number") this.lastItem = { section: path[0], index: step, node, data };
    }
    return node;
  }

  /** What starts at offset q (the first thing on a line, or after `- `). */
  private classify(q: number, parentCol: number): Found | undefined {
    const t = this.text;
    const ch = t[q];
    const col = q - lineStartOf(t, q);
    if (isDash(t, q)) return { start: q, kind: "seq", col };
    if (ch === "[" || ch === "{") return { start: q, kind: "flow", col: parentCol };
    // Anchors, tags, aliases and block scalars move where `yaml` starts a node: left to the Document.
    if (ch === "&" || ch === "!" || ch === "*" || ch === "|" || ch === ">" || ch === "?") return undefined;
    KEY.lastIndex = q;
    if (KEY.test(t)) return { start: q, kind: "map", col };
    return { start: q, kind: "scalar", col: parentCol };
  }

  private section(root: Found, key: string): Found | undefined {
    if (!this.sections.has(key)) this.sections.set(key, this.value(root, key));
    return this.sections.get(key);
  }

  private value(map: Found, key: string): Found | undefined {
    if (map.kind !== "map") return undefined;
    const t = this.text;
    const c = map.col;
    let pos = map.start;
    for (;;) {
      if (t.startsWith(key, pos)) {
        let colon = pos + key.length;
        while (t[colon] === " ") colon++;
        const after = t[colon + 1];
        if (t[colon] === ":" && (after === undefined || after === " " || after === "\n" || after === "\r")) return this.valueAfter(colon + 1, c);
      }
      KEY.lastIndex = pos;
      if (!KEY.test(t)) return undefined;
      // The next key of this map: the next line at its column that is not an item of an indentless list.
      let line = this.nextContentLine(lineEnd(t, pos));
      for (; line >= 0; line = this.nextContentLine(lineEnd(t, line))) {
        const indent = indentAt(t, line);
        if (indent < c) return undefined;
        if (indent === c && !isDash(t, line + c)) break;
      }
      if (line < 0) return undefined;
      pos = line + c;
    }
  }

  /** The value after a key's colon at offset p, in a map whose keys sit at column c. */
  private valueAfter(p: number, c: number): Found | undefined {
    const t = this.text;
    while (t[p] === " ") p++;
    if (p < t.length && t[p] !== "\n" && t[p] !== "\r" && t[p] !== "#") {
      if (isDash(t, p)) return undefined;
      const found = this.classify(p, c);
      // `key: a: b` is not YAML; an inline value is a scalar or a flow collection.
      return found?.kind === "map" ? { start: p, kind: "scalar", col: c } : found;
    }
    const line = this.nextContentLine(lineEnd(t, p));
    if (line < 0) return undefined;
    const indent = indentAt(t, line);
    // An empty value (null): its position is the Document's to give.
    if (indent < c || (indent === c && !isDash(t, line + c))) return undefined;
    return this.classify(line + indent, c);
  }

  private item(seq: Found, index: number, length: number): Found | undefined {
    if (seq.kind !== "seq") return undefined;
    const dashes = this.dashes(seq);
    if (dashes.length !== length) return undefined;
    const dash = dashes[index];
    const t = this.text;
    let p = dash + 1;
    while (t[p] === " ") p++;
    if (p < t.length && t[p] !== "\n" && t[p] !== "\r" && t[p] !== "#") return this.classify(p, seq.col);
    const line = this.nextContentLine(lineEnd(t, p));
    if (line < 0 || indentAt(t, line) <= seq.col) return undefined;
    return this.classify(line + indentAt(t, line), seq.col);
  }

  /** Offsets of the dashes of a block sequence's items. */
  private dashes(seq: Found): number[] {
    const cached = this.items.get(seq.start);
    if (cached) return cached;
    const t = this.text;
    const c = seq.col;
    const out = [seq.start];
    for (let line = this.nextContentLine(lineEnd(t, seq.start)); line >= 0; line = this.nextContentLine(lineEnd(t, line))) {
      const indent = indentAt(t, line);
      if (indent > c) continue;
      if (indent < c || !isDash(t, line + c)) break;
      out.push(line + c);
    }
    if (out.length > CACHED_SEQUENCE) this.items.set(seq.start, out);
    return out;
  }

  /**
   * The start of the next line that holds more than spaces or a comment: from line 0 when `from`
   * is 0, otherwise after the line that `from` (a line's end) ends; -1 when there is none.
   */
  private nextContentLine(from: number): number {
    const t = this.text;
    let line = 0;
    if (from !== 0) {
      const nl = t.indexOf("\n", from);
      if (nl < 0) return -1;
      line = nl + 1;
    }
    while (line < t.length) {
      let i = line;
      while (t[i] === " ") i++;
      const ch = t[i];
      if (i < t.length && ch !== "\n" && ch !== "\r" && ch !== "#") return line;
      const nl = t.indexOf("\n", i);
      if (nl < 0) return -1;
      line = nl + 1;
    }
    return -1;
  }
}

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf("\n", offset - 1) + 1;
}

function indentAt(text: string, lineStart: number): number {
  let i = lineStart;
  while (text[i] === " ") i++;
  return i - lineStart;
}

function isDash(text: string, q: number): boolean {
  if (text[q] !== "-") return false;
  const next = text[q + 1];
  return next === undefined || next === " " || next === "\n" || next === "\r";
}

/** The end of the line holding `from`, before any carriage return. */
export function lineEnd(text: string, from: number): number {
  const nl = text.indexOf("\n", from);
  return (nl < 0 ? text.length : nl) - (text[nl - 1] === "\r" ? 1 : 0);
}

/** The range of a node (the first line of a collection); an empty value (`name:` with nothing after it) takes its key instead. */
export function rangeOfNode(doc: Document.Parsed, path: Path, text: string): [number, number] | undefined {
  const node = (path.length ? doc.getIn(path, true) : doc.contents) as Node | null | undefined;
  // A list or mapping may run over many lines: its first line is enough to find it.
  if (node?.range && (isMap(node) || isSeq(node))) return [node.range[0], Math.max(node.range[0] + 1, lineEnd(text, node.range[0]))];
  if (node?.range && node.range[1] > node.range[0]) return [node.range[0], node.range[1]];
  const parent = (path.length > 1 ? doc.getIn(path.slice(0, -1), true) : doc.contents) as Node | undefined;
  const last = path[path.length - 1];
  if (isMap(parent)) {
    const pair = parent.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === last);
    const key = pair?.key as Node | undefined;
    if (key?.range) return [key.range[0], key.range[1]];
  }
  if (isSeq(parent) && typeof last === "number") {
    // An empty list item: underline from its dash to the end of its line.
    const start = node?.range?.[0] ?? parent.range?.[0];
    if (start !== undefined) {
      const dash = text.lastIndexOf("-", start);
      const from = dash >= 0 && text.slice(dash, start).trim() === "-" ? dash : start;
      return [from, Math.max(from + 1, lineEnd(text, from))];
    }
  }
  if (node?.range) return [node.range[0], Math.max(node.range[0] + 1, lineEnd(text, node.range[0]))];
  return undefined;
}
