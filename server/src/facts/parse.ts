// Parses one *.facts.yaml text: YAML syntax, then the schema (facts/schema.json),
// every problem with its line and column. Resolving ids across files is build.ts's job.
import Ajv, { ErrorObject, ValidateFunction } from "ajv";
import { closest, distance } from "fastest-levenshtein";
import { Document, isMap, isPair, isScalar, isSeq, Node, parseDocument, YAMLError, YAMLMap } from "yaml";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { shippedFactsDir } from "./discover";
import { fastRead } from "./fastParse";
import { FilePositions, lineEnd, rangeOfNode } from "./positions";
import type { CompiledFactFile } from "./compile";

export interface FactProblem {
  file: string;
  line: number; // 0-based
  character: number;
  endLine: number;
  endCharacter: number;
  /** information: a note, not a problem (a fact drafted and not yet reviewed). */
  severity: "error" | "warning" | "information";
  /**
   * yaml-syntax, not-a-mapping, empty-file, too-large, schema, unreadable (one file);
   * dangling-reference, wrong-kind, duplicate-id, conflicting-name, place-cycle, quote-not-found,
   * source-file-missing, outlier-only, breakdown-exceeds-total, impossible-date (across files).
   */
  code: string;
  message: string;
  /** Other places the problem involves (the first definition of a duplicate id…). */
  related?: { file: string; line: number; character: number; message: string }[];
}

export interface ParsedFactFile {
  file: string;
  text: string;
  /** The plain data, present only when the file has no error (the store drops it once compiled). */
  data?: RawFactFile;
  /** The file's facts as model objects, compiled from data (compile.ts); kept while the file is in force. */
  compiled?: CompiledFactFile;
  /** Lines, columns and nodes of the text; what they cost to find is dropped after each build. */
  positions: FilePositions;
  problems: FactProblem[];
}

/** The file as written; validated against the schema before anything reads it. */
export interface RawFactFile {
  sources?: Record<string, unknown>[];
  entities?: Record<string, unknown>[];
  events?: Record<string, unknown>[];
}

/** Fact files larger than this are refused: a fact base is written by hand. */
export const MAX_FACT_FILE_BYTES = 8 * 1024 * 1024;

/** Problems of one kind reported per file at most; past that, one line says how many more there are. */
const MAX_PROBLEMS = 500;

const SECTIONS = ["sources", "entities", "events"] as const;
const SECTION_NOUN: Record<string, string> = { sources: "source", entities: "entity", events: "event" };

let validator: ValidateFunction | undefined;

/** The JSON Schema of fact files, shipped as facts/schema.json (also used by VS Code's YAML support). */
export function loadSchema(): object {
  return JSON.parse(readFileSync(join(shippedFactsDir(), "schema.json"), "utf8")) as object;
}

function validate(data: unknown): ErrorObject[] {
  // verbose: errors carry the schema they failed, so an unknown field can suggest the known ones.
  validator ??= new Ajv({ allErrors: true, strict: false, verbose: true }).compile(loadSchema());
  return validator(data) ? [] : [...(validator.errors ?? [])];
}

export interface ParseOptions {
  /** Try the fast path (js-yaml, fastParse.ts) first; false reads with `yaml` only. Default true. */
  fast?: boolean;
}

export function parseFactFile(file: string, text: string, options: ParseOptions = {}): ParsedFactFile {
  if (text.length > MAX_FACT_FILE_BYTES) {
    const message = `Fact file is ${Math.round(text.length / 1048576)} MB; the limit is ${MAX_FACT_FILE_BYTES / 1048576} MB.`;
    return { file, text, positions: new FilePositions(""), problems: [{ file, line: 0, character: 0, endLine: 0, endCharacter: 0, severity: "error", code: "too-large", message }] };
  }
  if (options.fast !== false) {
    const fast = fastParse(file, text);
    if (fast) return fast;
  }
  // The slow path: every problem with its place.
  const positions = new FilePositions(text);
  const result: ParsedFactFile = { file, text, positions, problems: [] };
  const problem = (from: number, to: number, code: string, message: string, severity: "error" | "warning" = "error"): void => {
    result.problems.push(problemAt(file, positions, from, to, severity, code, message));
  };
  let doc: Document.Parsed;
  try {
    // uniqueKeys reports a field written twice in one mapping.
    doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  } catch (e) {
    problem(0, 0, "yaml-syntax", `Could not parse YAML: ${(e as Error).message}`);
    return result;
  }
  let tooDeep = false;
  // A tab used as indentation throws every line after it out of place: the tabs are the problem to show.
  const tabs = doc.errors.filter((e) => e.code === "TAB_AS_INDENT");
  for (const err of (tabs.length ? tabs : doc.errors).slice(0, MAX_PROBLEMS)) {
    // The parser reports running out of stack at every level it unwinds; once is enough.
    if (/call stack/i.test(err.message)) {
      if (tooDeep) continue;
      tooDeep = true;
    }
    const [from, to] =
      err.code === "DUPLICATE_KEY"
        ? keyRange(text, err.pos[0])
        : err.code === "MULTIPLE_DOCS"
          ? [err.pos[0], lineEnd(text, err.pos[0])]
          : unclosedQuote(err, text) ?? err.pos;
    problem(from, to, "yaml-syntax", yamlMessage(err, text));
  }
  if (doc.errors.length > MAX_PROBLEMS) problem(0, 0, "yaml-syntax", `${doc.errors.length - MAX_PROBLEMS} more syntax errors in this file are not listed.`);
  for (const warn of doc.warnings.slice(0, MAX_PROBLEMS)) problem(warn.pos[0], warn.pos[1], "yaml-syntax", yamlMessage(warn, text), "warning");
  if (doc.errors.length) return result;

  const contents = doc.contents as Node | null;
  if (contents === null || (isScalar(contents) && (contents.value === null || contents.value === ""))) {
    // Not an error: an emptied file means its facts are meant to go.
    problem(0, Math.min(text.length, 1), "empty-file", "This fact file is empty. Add `sources:`, `entities:` or `events:` (see facts/README.md).", "warning");
    result.data = {};
    return result;
  }
  if (!isMap(contents)) {
    const found = isSeq(contents) ? "a list" : `the value ${JSON.stringify(String((contents as { value?: unknown }).value ?? ""))}`;
    const [from, to] = contents.range ? [contents.range[0], lineEnd(text, contents.range[0])] : [0, 0];
    problem(from, to, "not-a-mapping", `A fact file is a mapping with \`sources:\`, \`entities:\` and/or \`events:\` at the top; this file holds ${found}.`);
    return result;
  }

  let data: Record<string, unknown>;
  try {
    // maxAliasCount bounds alias expansion ("billion laughs").
    data = doc.toJS({ maxAliasCount: 100 }) as Record<string, unknown>;
  } catch (e) {
    problem(0, 0, "yaml-syntax", (e as Error).message);
    return result;
  }
  // An empty section (`entities:` with nothing under it yet) holds no facts.
  for (const s of SECTIONS) if (data[s] === null) data[s] = [];

  const errors = [...relevantErrors(validate(data)), ...nonFiniteNumbers(data)];
  for (const err of errors.slice(0, MAX_PROBLEMS)) {
    const [from, to] = rangeOfSchemaError(doc, err, text);
    problem(from, to, "schema", describeSchemaError(err, data));
  }
  if (errors.length > MAX_PROBLEMS) {
    problem(0, 0, "schema", `${errors.length - MAX_PROBLEMS} more schema problems in this file are not listed.`);
  }
  if (!result.problems.some((p) => p.severity === "error")) {
    result.data = data as RawFactFile;
    // Kept for the first build, which locates every fact; the walk takes over after release().
    result.positions = new FilePositions(text, doc, data);
  }
  return result;
}

/** A file that js-yaml reads and the schema accepts as it is; undefined for the slow path to explain why not. */
function fastParse(file: string, text: string): ParsedFactFile | undefined {
  const read = fastRead(text);
  if (!read?.finite) return undefined;
  const data = read.data;
  for (const s of SECTIONS) if (data[s] === null) data[s] = [];
  if (validate(data).length) return undefined;
  return { file, text, data: data as RawFactFile, positions: new FilePositions(text, undefined, data), problems: [] };
}

export function problemAt(
  file: string,
  positions: FilePositions,
  from: number,
  to: number,
  severity: FactProblem["severity"],
  code: string,
  message: string,
): FactProblem {
  const a = positions.position(from);
  const b = positions.position(Math.max(from, to));
  return { file, line: a.line, character: a.character, endLine: b.line, endCharacter: b.character, severity, code, message };
}

/** An unclosed quote is reported by the parser where the file ends; point at where it opens instead. */
function unclosedQuote(err: YAMLError, text: string): [number, number] | undefined {
  const mark = missingQuoteMark(err);
  if (!mark) return undefined;
  const opener = new RegExp(`(?:^|[:\\-\\[,{]\\s*)\\s*(${mark})`, "gm");
  let open: number | undefined;
  for (let m = opener.exec(text); m && m.index < err.pos[0]; m = opener.exec(text)) open = m.index + m[0].length - 1;
  return open === undefined ? undefined : [open, lineEnd(text, open)];
}

function missingQuoteMark(err: YAMLError): string | undefined {
  if (err.code !== "MISSING_CHAR") return undefined;
  return err.message.includes('closing "') ? '"' : err.message.includes("closing '") ? "'" : undefined;
}

/** The whole key that starts at an offset ("id" in "id: x"); the yaml package marks only its first character. */
function keyRange(text: string, from: number): [number, number] {
  const key = /^[^:\n]*?(?=\s*:(\s|$))/.exec(text.slice(from, lineEnd(text, from)));
  return [from, from + Math.max(1, key?.[0].length ?? 1)];
}

/** The yaml package's message, without its code excerpt, and with a hint where one helps. */
function yamlMessage(err: YAMLError, text: string): string {
  const base = err.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
  if (/call stack/i.test(base)) return "The YAML is nested too deeply to read.";
  if (unclosedQuote(err, text)) return `This quoted value is never closed; add the closing ${missingQuoteMark(err)}.`;
  switch (err.code) {
    case "MULTIPLE_DOCS":
      return "A fact file holds one YAML document; remove this `---` separator or move what follows into another *.facts.yaml file.";
    case "DUPLICATE_KEY": {
      const [from, to] = keyRange(text, err.pos[0]);
      const key = text.slice(from, to).trim();
      return `The field '${key}' is written twice in the same mapping; keep one.`;
    }
    case "TAB_AS_INDENT":
      return "Tabs are not allowed as indentation in YAML; indent with spaces.";
    case "BLOCK_AS_IMPLICIT_KEY": {
      const lineStart = text.lastIndexOf("\n", err.pos[0] - 1) + 1;
      const line = text.slice(lineStart, lineEnd(text, lineStart));
      // "quote: He said: no" — the second ': ' is the usual cause.
      return /^\s*(- )?[\w-]+: [^"'].*: /.test(line) ? `${base}. A value holding ': ' (a quote, a title) must be put in quotes.` : `${base}.`;
    }
    default:
      return base.endsWith(".") ? base : `${base}.`;
  }
}

/** `.nan` and `.inf` are numbers to YAML and to the schema, but no count is infinite. */
function nonFiniteNumbers(data: unknown, path: string[] = []): ErrorObject[] {
  if (typeof data === "number" && !Number.isFinite(data)) {
    return [{ keyword: "finite", instancePath: path.map((p) => `/${p}`).join(""), schemaPath: "", params: {}, message: "is not a finite number", data }];
  }
  if (data === null || typeof data !== "object") return [];
  return Object.entries(data as Record<string, unknown>).flatMap(([k, v]) => nonFiniteNumbers(v, [...path, k]));
}

/** Drops errors that only repeat another one (ajv's "must match then schema" after the real one). */
function relevantErrors(errors: ErrorObject[]): ErrorObject[] {
  const seen = new Set<string>();
  const out: ErrorObject[] = [];
  for (const err of errors) {
    if (err.keyword === "if") continue;
    if (typeof err.data === "number" && !Number.isFinite(err.data)) continue; // reported once as not finite
    const key = `${err.instancePath}|${err.keyword}|${JSON.stringify(err.params)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(err);
  }
  return out;
}

/** Path segments of an ajv instancePath ("/entities/3/name" → ["entities", 3, "name"]). */
function pathOf(instancePath: string): (string | number)[] {
  if (!instancePath) return [];
  return instancePath
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function rangeOfSchemaError(doc: Document.Parsed, err: ErrorObject, text: string): [number, number] {
  const path = pathOf(err.instancePath);
  const node = (path.length ? doc.getIn(path, true) : doc.contents) as Node | undefined;
  if (err.keyword === "additionalProperties" && isMap(node)) {
    const key = (err.params as { additionalProperty: string }).additionalProperty;
    const pair = (node as YAMLMap).items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key);
    const keyNode = pair?.key as Node | undefined;
    if (keyNode?.range) return [keyNode.range[0], keyNode.range[1]];
  }
  if (isMap(node) && node.range) {
    // A whole mapping would underline many lines: point at its first line instead.
    return [node.range[0], Math.max(node.range[0] + 1, lineEnd(text, node.range[0]))];
  }
  return rangeOfNode(doc, path, text) ?? [0, 0];
}

/** "entity 'harlow-county', roles[0].of" — where in the file, named by the id of the item it sits in. */
export function describePath(path: (string | number)[], data: unknown): string {
  if (!path.length) return "the file";
  const [section, index, ...rest] = path;
  if (typeof section !== "string") return "the file";
  if (typeof index !== "number") return `'${section}'`;
  const item = (data as Record<string, unknown[]> | undefined)?.[section]?.[index] as Record<string, unknown> | undefined;
  const id = item && typeof item === "object" && typeof item.id === "string" ? `'${item.id}'` : `#${index + 1}`;
  const head = `${SECTION_NOUN[section] ?? section} ${id}`;
  if (!rest.length) return head;
  const tail = rest.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");
  return `${head}, ${tail}`;
}

/** How writers word qualifiers, as the format names them. */
const QUALIFIER_WORDS: Record<string, string> = {
  "at most": "up to", "no more than": "up to", "as many as": "up to", almost: "nearly", "close to": "nearly",
  over: "more than", "upwards of": "more than", around: "about", approximately: "about", roughly: "about",
  some: "about", "less than": "fewer than", under: "fewer than", minimum: "at least", "no fewer than": "at least",
};
const PLACE_LEVELS = new Set(["village", "town", "city", "area", "province", "region", "country"]);

const TYPE_NAMES: Record<string, string> = {
  object: "a mapping (fields such as `id: …`)",
  array: "a list",
  string: "text",
  number: "a number",
  integer: "a whole number",
  boolean: "true or false",
  null: "empty",
};

function describeValue(v: unknown): string {
  if (v === null || v === undefined) return "nothing";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "a mapping";
  if (typeof v === "string") return `the text ${JSON.stringify(v.length > 40 ? `${v.slice(0, 37)}…` : v)}`;
  return String(v);
}

function describeSchemaError(err: ErrorObject, data: unknown): string {
  const path = pathOf(err.instancePath);
  const where = describePath(path, data);
  const field = path.length ? String(path[path.length - 1]) : "";
  const owner = describePath(path.slice(0, -1), data);
  const subject = typeof path[path.length - 1] === "string" && path.length > 1 ? `'${field}' of ${owner}` : where;
  switch (err.keyword) {
    case "additionalProperties": {
      const key = (err.params as { additionalProperty: string }).additionalProperty;
      const known = Object.keys((err.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      const guess = known.length ? closest(key, known) : undefined;
      const hint = guess && distance(guess, key) <= Math.max(2, Math.floor(key.length / 2)) ? ` Did you mean '${guess}'?` : "";
      const list = known.length ? ` Known fields: ${known.join(", ")}.` : "";
      return `Unknown field '${key}' in ${where}.${hint}${list}`;
    }
    case "required":
      return `Missing field '${(err.params as { missingProperty: string }).missingProperty}' in ${where}.`;
    case "type": {
      const types = String((err.params as { type: string }).type).split(",");
      const want = types.filter((t) => t !== "null").map((t) => TYPE_NAMES[t] ?? t).join(" or ");
      return `${capitalize(subject)} should be ${want}, not ${describeValue(err.data)}.`;
    }
    case "enum": {
      const allowed = ((err.params as { allowedValues: unknown[] }).allowedValues ?? []).map(String);
      const written = typeof err.data === "string" ? err.data.trim().toLowerCase() : undefined;
      const guess = written && allowed.length ? closest(written, allowed) : undefined;
      let hint = guess && written && distance(guess, written) <= 3 ? ` Did you mean '${guess}'?` : "";
      if (field === "qualifier" && written && QUALIFIER_WORDS[written]) hint = ` Did you mean '${QUALIFIER_WORDS[written]}'?`;
      if (field === "kind" && written && PLACE_LEVELS.has(written)) hint = ` A ${written} is \`kind: place\` with \`level: ${written}\`.`;
      return `${capitalize(subject)} is ${describeValue(err.data)}; it should be one of: ${allowed.join(", ")}.${hint}`;
    }
    case "pattern":
      return `${capitalize(subject)} is ${describeValue(err.data)}, not a valid id: use lowercase letters, digits and hyphens (e.g. 'harlow-quake').`;
    case "minItems":
      return field === "cite"
        ? `${capitalize(subject)} is empty: every fact needs at least one citation (source and quote).`
        : `${capitalize(subject)} needs at least ${(err.params as { limit: number }).limit} item(s).`;
    case "minLength":
      return `${capitalize(subject)} is empty.`;
    case "minimum":
    case "maximum":
      return `${capitalize(subject)} is ${describeValue(err.data)}; it ${err.message ?? "is out of range"}.`;
    default:
      return `${capitalize(subject)} ${err.message ?? "is invalid"}.`;
  }
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
