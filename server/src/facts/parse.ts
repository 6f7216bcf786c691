// Parses one *.facts.yaml text: YAML syntax, then the schema (facts/schema.json),
// every problem with its line and column. Resolving ids across files is build.ts's job.
import Ajv, { ErrorObject, ValidateFunction } from "ajv";
import { Document, isMap, isPair, isScalar, LineCounter, Node, parseDocument, YAMLMap } from "yaml";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { shippedFactsDir } from "./discover";

export interface FactProblem {
  file: string;
  line: number; // 0-based
  character: number;
  endLine: number;
  endCharacter: number;
  severity: "error" | "warning";
  code: string; // yaml-syntax, schema, dangling-reference, duplicate-id, conflicting-name, unreadable
  message: string;
}

export interface ParsedFactFile {
  file: string;
  text: string;
  /** The plain data, present only when the file has no error. */
  data?: RawFactFile;
  doc?: Document.Parsed;
  lines: LineCounter;
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

let validator: ValidateFunction | undefined;

/** The JSON Schema of fact files, shipped as facts/schema.json (also used by VS Code's YAML support). */
export function loadSchema(): object {
  return JSON.parse(readFileSync(join(shippedFactsDir(), "schema.json"), "utf8")) as object;
}

function validate(data: unknown): ErrorObject[] {
  validator ??= new Ajv({ allErrors: true, strict: false }).compile(loadSchema());
  return validator(data) ? [] : [...(validator.errors ?? [])];
}

export function parseFactFile(file: string, text: string): ParsedFactFile {
  const lines = new LineCounter();
  const result: ParsedFactFile = { file, text, lines, problems: [] };
  const problem = (from: number, to: number, code: string, message: string): void => {
    result.problems.push(problemAt(file, lines, from, to, "error", code, message));
  };
  if (text.length > MAX_FACT_FILE_BYTES) {
    lines.addNewLine(0);
    problem(0, 0, "too-large", `Fact file is ${Math.round(text.length / 1048576)} MB; the limit is ${MAX_FACT_FILE_BYTES / 1048576} MB.`);
    return result;
  }
  let doc: Document.Parsed;
  try {
    // maxAliasCount bounds alias expansion ("billion laughs"); uniqueKeys reports duplicate keys.
    doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  } catch (e) {
    problem(0, 0, "yaml-syntax", `Could not parse YAML: ${(e as Error).message}`);
    return result;
  }
  result.doc = doc;
  for (const err of doc.errors) problem(err.pos[0], err.pos[1], "yaml-syntax", cleanYamlMessage(err.message));
  for (const warn of doc.warnings) {
    result.problems.push(problemAt(file, lines, warn.pos[0], warn.pos[1], "warning", "yaml-syntax", cleanYamlMessage(warn.message)));
  }
  if (doc.errors.length) return result;

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    problem(0, 0, "yaml-syntax", (e as Error).message);
    return result;
  }
  if (data === null || data === undefined) data = {};
  for (const err of validate(data)) {
    const [from, to] = rangeOfSchemaError(doc, err);
    problem(from, to, "schema", describeSchemaError(err));
  }
  if (!result.problems.some((p) => p.severity === "error")) result.data = data as RawFactFile;
  return result;
}

export function problemAt(
  file: string,
  lines: LineCounter,
  from: number,
  to: number,
  severity: "error" | "warning",
  code: string,
  message: string,
): FactProblem {
  const a = position(lines, from);
  const b = position(lines, Math.max(from, to));
  return { file, line: a.line, character: a.character, endLine: b.line, endCharacter: b.character, severity, code, message };
}

/** 0-based line and UTF-16 column of a character offset. */
export function position(lines: LineCounter, offset: number): { line: number; character: number } {
  if (lines.lineStarts.length === 0) return { line: 0, character: 0 };
  const p = lines.linePos(offset);
  return { line: p.line - 1, character: p.col - 1 };
}

function cleanYamlMessage(message: string): string {
  // The yaml package appends a code excerpt after a colon-newline; the editor already shows the place.
  return message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
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

function rangeOfSchemaError(doc: Document.Parsed, err: ErrorObject): [number, number] {
  const path = pathOf(err.instancePath);
  const node = (path.length ? doc.getIn(path, true) : doc.contents) as Node | undefined;
  if (err.keyword === "additionalProperties" && isMap(node)) {
    const key = (err.params as { additionalProperty: string }).additionalProperty;
    const pair = (node as YAMLMap).items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key);
    const keyNode = pair?.key as Node | undefined;
    if (keyNode?.range) return [keyNode.range[0], keyNode.range[1]];
  }
  if (node?.range) {
    // A whole mapping would underline many lines: point at its first key instead.
    const firstKey = isMap(node) ? ((node as YAMLMap).items[0]?.key as Node | undefined) : undefined;
    if (firstKey?.range) return [node.range[0], firstKey.range[1]];
    return [node.range[0], node.range[1]];
  }
  return [0, 0];
}

function describeSchemaError(err: ErrorObject): string {
  const where = err.instancePath ? err.instancePath.slice(1).replace(/\//g, ".") : "the file";
  switch (err.keyword) {
    case "additionalProperties":
      return `Unknown field '${(err.params as { additionalProperty: string }).additionalProperty}' in ${where}.`;
    case "required":
      return `Missing field '${(err.params as { missingProperty: string }).missingProperty}' in ${where}.`;
    case "type":
      return `${where} should be ${(err.params as { type: string }).type}.`;
    case "enum":
      return `${where} should be one of: ${((err.params as { allowedValues: unknown[] }).allowedValues ?? []).join(", ")}.`;
    case "pattern":
      return `${where} is not a valid id (lowercase letters, digits and hyphens).`;
    default:
      return `${where} ${err.message ?? "is invalid"}.`;
  }
}
