// What went wrong around a check, as opposed to the conflicts it found: a fact file's errors and
// warnings, an input that could not be read, a draft that is not UTF-8, a fix not written.
// Every problem goes to stderr; JSON and SARIF carry them too. Any error makes the exit status 2.
import { relative } from "node:path";
import { Position } from "../engine/positions";
import { FactProblem } from "../facts/parse";
import { Paint } from "./color";

export interface Problem {
  /** A fact file's (or a --facts path's) problem, or an input's. */
  kind: "fact" | "input";
  severity: "error" | "warning";
  code: string;
  message: string;
  /** Absolute path, where the problem has a file. */
  path?: string;
  /** 0-based lines, UTF-16 characters, as everywhere in the JSON. */
  range?: { start: Position; end: Position };
  /** For a draft that is not UTF-8: the offset of its first bad byte. */
  byteOffset?: number;
}

export function factProblem(p: FactProblem): Problem {
  return {
    kind: "fact",
    severity: p.severity === "error" ? "error" : "warning",
    code: p.code,
    message: p.message,
    path: p.file,
    range: { start: { line: p.line, character: p.character }, end: { line: p.endLine, character: p.endCharacter } },
  };
}

export function displayPath(path: string, cwd = process.cwd()): string {
  return relative(cwd, path) || path;
}

/** One line for stderr: `file:line:col: fact file error [schema] …`, or `factcheck: …` where there is no place. */
export function problemLine(p: Problem, paint: Paint, cwd = process.cwd()): string {
  const severity = p.severity === "error" ? paint.red(p.severity) : paint.yellow(p.severity);
  const what = `${p.kind === "fact" ? "fact file " : ""}${severity} ${paint.dim(`[${p.code}]`)} ${p.message}`;
  if (p.path && p.range) return `${displayPath(p.path, cwd)}:${p.range.start.line + 1}:${p.range.start.character + 1}: ${what}`;
  return `factcheck: ${p.message}`;
}

export function problemsJson(problems: Problem[], kind: Problem["kind"]): object[] {
  return problems
    .filter((p) => p.kind === kind)
    .map((p) => ({
      ...(p.path ? { path: p.path } : {}),
      ...(p.range ? { range: p.range } : {}),
      ...(p.byteOffset !== undefined ? { byteOffset: p.byteOffset } : {}),
      severity: p.severity,
      code: p.code,
      message: p.message,
    }));
}
