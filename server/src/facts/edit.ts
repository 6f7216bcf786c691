// Edits to a fact file's text that keep everything else byte for byte: comments,
// blank lines, quoting and indentation. Each edit is one insertion placed with the
// `yaml` Document's source ranges, rendered with `yaml`'s own quoting, and checked by
// parsing the result: the file must read as before plus exactly the inserted value.
import { isDeepStrictEqual } from "node:util";
import { Document, isMap, isScalar, isSeq, Node, parseDocument, stringify, YAMLMap, YAMLSeq } from "yaml";

/** Replace text[start, end) with newText. */
export interface TextChange {
  start: number;
  end: number;
  newText: string;
}

export type EditResult = { ok: true; change: TextChange } | { ok: false; reason: string };

type Json = unknown;
type Path = (string | number)[];

export function applyChange(text: string, change: TextChange): string {
  return text.slice(0, change.start) + change.newText + text.slice(change.end);
}

/** Adds a spelling to an entity's `variants:` (creating the key after `name:` when missing). */
export function addVariant(text: string, entityId: string, spelling: string): EditResult {
  const value = spelling.trim();
  if (!value || /[\r\n]/.test(value)) return refuse(`'${spelling}' is not a spelling that can be added.`);
  const parsed = parse(text);
  if (!parsed.ok) return parsed;
  const { doc, eol } = parsed;
  const at = findById(doc, "entities", entityId);
  if (!at) return refuse(`This fact file has no entity '${entityId}'.`);
  const variants = at.node.get("variants", true) as Node | undefined;
  const existing = at.node.toJSON().variants as Json;
  if (Array.isArray(existing) && existing.includes(value)) return refuse(`'${value}' is already a variant of '${entityId}'.`);
  let change: TextChange | undefined;
  if (variants === undefined || (isScalar(variants) && variants.value === null)) {
    const name = pairOf(at.node, "name") ?? at.node.items[at.node.items.length - 1];
    if (!name) return refuse(`Entity '${entityId}' has no fields to place 'variants:' after.`);
    change = variants ? fillEmptyKey(text, variants, `[${flowScalar(value)}]`, eol, false) : addKeyAfter(text, at.node, name, `variants: [${flowScalar(value)}]`, eol);
  } else if (isSeq(variants)) {
    change = variants.flow ? appendToFlowSeq(text, variants, flowScalar(value)) : appendToBlockSeq(text, variants, value, eol, false);
  } else return refuse(`'variants' of '${entityId}' is not a list.`);
  if (!change) return refuse(`Could not find where to add the variant in this fact file.`);
  return verified(text, change, doc, [...at.path, "variants"], (before) => [...((before as Json[] | undefined) ?? []), value]);
}

/** Appends an item (a source, entity or event) to a top-level list, creating the list at the end when missing. */
export function appendTopLevel(text: string, list: "sources" | "entities" | "events", item: Record<string, Json>): EditResult {
  const parsed = parse(text);
  if (!parsed.ok) return parsed;
  const { doc, eol } = parsed;
  const contents = doc.contents;
  if (contents !== null && !isMap(contents)) return refuse(`This fact file is not a mapping of sources, entities and events.`);
  const seq = contents ? (contents.get(list, true) as Node | undefined) : undefined;
  let change: TextChange | undefined;
  const style = indentSeqOf(text);
  if (seq === undefined || (isScalar(seq) && seq.value === null) || (isSeq(seq) && seq.flow && seq.items.length === 0)) {
    const body = indentLines(renderBlockItem(item, 2, style), "  ", eol);
    if (seq) change = fillEmptyKey(text, seq, body, eol, true);
    else {
      const sep = text.length === 0 ? "" : text.endsWith("\n") ? eol : eol + eol;
      change = { start: text.length, end: text.length, newText: `${sep}${list}:${eol}${body}${eol}` };
    }
  } else if (isSeq(seq) && !seq.flow) change = appendToBlockSeq(text, seq, item, eol, true, style);
  else return refuse(`'${list}' in this fact file is not a block list; add the fact by hand.`);
  if (!change) return refuse(`Could not find where to add to '${list}' in this fact file.`);
  return verified(text, change, doc, [list], (before) => [...((before as Json[] | undefined) ?? []), item]);
}

/** Appends an item to a list inside an event (`details`, `counts`…), creating the key when missing. */
export function appendToEvent(text: string, eventId: string, list: "details" | "counts", item: Record<string, Json>): EditResult {
  const parsed = parse(text);
  if (!parsed.ok) return parsed;
  const { doc, eol } = parsed;
  const at = findById(doc, "events", eventId);
  if (!at) return refuse(`This fact file has no event '${eventId}'.`);
  if (at.node.flow) return refuse(`Event '${eventId}' is written as a flow mapping; add the fact by hand.`);
  const seq = at.node.get(list, true) as Node | undefined;
  let change: TextChange | undefined;
  if (seq === undefined) {
    const last = at.node.items[at.node.items.length - 1];
    const indent = last ? columnOf(text, (last.key as Node).range![0]) : 0;
    const style = indentSeqOf(text);
    const body = indentLines(renderBlockItem(item, 2, style), " ".repeat(style ? indent + 2 : indent), eol);
    change = last ? addKeyAfter(text, at.node, last, `${list}:${eol}${body}`, eol) : undefined;
  } else if (isSeq(seq) && !seq.flow) change = appendToBlockSeq(text, seq, item, eol, true, indentSeqOf(text));
  else return refuse(`'${list}' of event '${eventId}' is not a block list; add the fact by hand.`);
  if (!change) return refuse(`Could not find where to add to '${list}' of '${eventId}'.`);
  return verified(text, change, doc, [...at.path, list], (before) => [...((before as Json[] | undefined) ?? []), item]);
}

// ---------------------------------------------------------------- placing text

function appendToFlowSeq(text: string, seq: YAMLSeq, rendered: string): TextChange | undefined {
  const last = seq.items[seq.items.length - 1] as Node | undefined;
  if (last?.range) return { start: last.range[1], end: last.range[1], newText: `, ${rendered}` };
  const open = seq.range ? text.indexOf("[", seq.range[0]) : -1;
  return open >= 0 ? { start: open + 1, end: open + 1, newText: rendered } : undefined;
}

/**
 * A new item after the last one, with the same dash column and key indentation; a blank
 * line before it when the list's items are separated by blank lines.
 */
function appendToBlockSeq(text: string, seq: YAMLSeq, item: Json, eol: string, spaced: boolean, indentSeq = true): TextChange | undefined {
  const items = seq.items as Node[];
  const last = items[items.length - 1];
  if (!last?.range || !seq.range) return undefined;
  const dashAt = text.lastIndexOf("-", last.range[0] - 1);
  if (dashAt < 0) return undefined;
  const lineStart = text.lastIndexOf("\n", dashAt - 1) + 1;
  const dashColumn = dashAt - lineStart;
  const afterDash = last.range[0] - dashAt; // "- " → 2, "-   " → 4
  const rendered =
    item !== null && typeof item === "object" ? renderBlockItem(item, afterDash, indentSeq) : `-${" ".repeat(afterDash - 1)}${stringify(item, { lineWidth: 0 }).trim()}`;
  const newItem = indentLines(rendered, " ".repeat(dashColumn), eol);
  const blank = spaced && items.length > 1 && separatedByBlankLine(text, items[items.length - 2], last) ? eol : "";
  return insertLinesAfter(text, last.range[1], `${blank}${newItem}`, eol);
}

/** A new `key: value` line (or block) after a pair of a block mapping, at the pair's key column. */
function addKeyAfter(text: string, map: YAMLMap, after: { key: unknown; value: unknown }, line: string, eol: string): TextChange | undefined {
  const key = after.key as Node;
  if (!key?.range) return undefined;
  if (map.flow) {
    const end = (after.value as Node | null)?.range?.[1] ?? key.range[1];
    return { start: end, end, newText: `, ${line.split(eol)[0]}` };
  }
  const indent = " ".repeat(columnOf(text, key.range[0]));
  const end = (after.value as Node | null)?.range?.[1] ?? key.range[2];
  return insertLinesAfter(text, end, `${indent}${line}`, eol);
}

/**
 * `key:` with nothing after it, or `key: []`: a one-line value goes after the colon, a block
 * goes on the lines below, leaving any comment on the key's line where it is.
 */
function fillEmptyKey(text: string, empty: Node, value: string, eol: string, block: boolean): TextChange | undefined {
  if (!empty.range) return undefined;
  const colon = text.lastIndexOf(":", empty.range[0] - (text[empty.range[0]] === ":" ? 0 : 1));
  if (colon < 0) return undefined;
  const lineEnd = endOfLine(text, colon);
  // What follows the old value on its line (spaces and a comment) stays as it was.
  const restFrom = isScalar(empty) ? colon + 1 : Math.max(colon + 1, empty.range[1]);
  let rest = text.slice(Math.min(restFrom, lineEnd), lineEnd);
  if (!rest.trim()) rest = "";
  if (!block) return { start: colon + 1, end: lineEnd, newText: ` ${value}${rest}` };
  return { start: colon + 1, end: lineEnd, newText: `${rest}${eol}${value}` };
}

/** Where the line holding `offset` ends (before its \r\n or \n). */
function endOfLine(text: string, offset: number): number {
  const nl = text.indexOf("\n", offset);
  if (nl < 0) return text.length;
  return text[nl - 1] === "\r" ? nl - 1 : nl;
}

/** Inserts whole lines after the line on which `offset` falls (after any comment on it). */
function insertLinesAfter(text: string, offset: number, lines: string, eol: string): TextChange {
  if (offset > 0 && text[offset - 1] === "\n") return { start: offset, end: offset, newText: `${lines}${eol}` };
  const nl = text.indexOf("\n", offset);
  if (nl >= 0) return { start: nl + 1, end: nl + 1, newText: `${lines}${eol}` };
  return { start: text.length, end: text.length, newText: `${eol}${lines}` };
}

function separatedByBlankLine(text: string, a: Node, b: Node): boolean {
  if (!a.range || !b.range) return false;
  const between = text.slice(a.range[1], b.range[0]);
  return /\n[ \t]*\r?\n/.test(`\n${between}`);
}

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf("\n", offset - 1) + 1);
}

function indentLines(block: string, indent: string, eol: string): string {
  return block
    .replace(/\r?\n$/, "")
    .split(/\r?\n/)
    .map((l) => (l ? indent + l : l))
    .join(eol);
}

// ---------------------------------------------------------------- rendering

/** `- key: value` lines of one list item; `keyColumn` is where its keys start, counted from the dash. */
function renderBlockItem(item: Json, keyColumn: number, indentSeq: boolean): string {
  const lines = stringify(item, { lineWidth: 0, indent: 2, indentSeq }).replace(/\r?\n$/, "").split("\n");
  const pad = " ".repeat(Math.max(1, keyColumn - 1));
  return lines.map((l, i) => (i === 0 ? `-${pad}${l}` : l ? ` ${pad}${l}` : l)).join("\n");
}

/** Whether the file indents lists under their key (`cite:\n  - x`) or not (`cite:\n- x`); indented when unknown. */
function indentSeqOf(text: string): boolean {
  const m = /^( *)[^\s#-][^\n]*:[ \t]*\r?\n( *)- /m.exec(text);
  return !m || m[2].length > m[1].length;
}

/** A scalar as it must be written inside `[...]`. */
function flowScalar(value: string): string {
  return stringify([value], { collectionStyle: "flow", flowCollectionPadding: false, lineWidth: 0 })
    .trim()
    .replace(/^\[/, "")
    .replace(/\]$/, "");
}

// ---------------------------------------------------------------- reading and checking

type Parsed = { ok: true; doc: Document.Parsed; eol: string } | { ok: false; reason: string };

function parse(text: string): Parsed {
  const doc = parseDocument(text, { keepSourceTokens: false, uniqueKeys: true });
  if (doc.errors.length) return refuse(`The fact file has YAML errors (${doc.errors[0].message.split("\n")[0]}); fix them first.`);
  return { ok: true, doc, eol: text.includes("\r\n") ? "\r\n" : "\n" };
}

function findById(doc: Document.Parsed, list: string, id: string): { node: YAMLMap; path: Path } | undefined {
  const seq = isMap(doc.contents) ? doc.contents.get(list, true) : undefined;
  if (!isSeq(seq)) return undefined;
  const index = seq.items.findIndex((it) => isMap(it) && it.get("id") === id);
  return index < 0 ? undefined : { node: seq.items[index] as YAMLMap, path: [list, index] };
}

function pairOf(map: YAMLMap, key: string): { key: unknown; value: unknown } | undefined {
  return map.items.find((p) => isScalar(p.key) && p.key.value === key);
}

/**
 * The change is kept only if the new text parses to the old data with `path` replaced by
 * `expected(old value)`: nothing else moved, nothing was lost, the new value reads back as given.
 */
function verified(text: string, change: TextChange, before: Document.Parsed, path: Path, expected: (old: Json) => Json): EditResult {
  const after = parseDocument(applyChange(text, change), { uniqueKeys: true });
  if (after.errors.length) return refuse(`The edit would break the fact file (${after.errors[0].message.split("\n")[0]}); add the fact by hand.`);
  const want = structuredClone(before.toJS() ?? {}) as Record<string, Json>;
  setIn(want, path, expected(getIn(want, path)));
  if (!isDeepStrictEqual(after.toJS(), want)) return refuse("The edit would not read back as intended; add the fact by hand.");
  return { ok: true, change };
}

function getIn(data: Json, path: Path): Json {
  let cur = data;
  for (const k of path) cur = cur === null || typeof cur !== "object" ? undefined : (cur as Record<string | number, Json>)[k];
  return cur;
}

function setIn(data: Record<string, Json>, path: Path, value: Json): void {
  let cur: Record<string | number, Json> = data;
  for (const k of path.slice(0, -1)) cur = cur[k] as Record<string | number, Json>;
  cur[path[path.length - 1]] = value;
}

function refuse(reason: string): { ok: false; reason: string } {
  return { ok: false, reason };
}
