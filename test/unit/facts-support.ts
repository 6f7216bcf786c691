// Helpers the fact-base tests share: where a piece of text sits in a fact file, and
// assertions that a problem is reported exactly there.
import { strict as assert } from "node:assert";
import { FactProblem } from "../../server/src/facts/parse";

/** 0-based line and character of the nth occurrence of needle in text. */
export function where(text: string, needle: string, nth = 0): { line: number; character: number } {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `'${needle}' (occurrence ${nth + 1}) is not in the text`);
  }
  const before = text.slice(0, at).split("\n");
  return { line: before.length - 1, character: before[before.length - 1].length };
}

/** The one problem with this code; fails listing all problems when there is not exactly one. */
export function only(problems: FactProblem[], code: string): FactProblem {
  const found = problems.filter((p) => p.code === code);
  assert.equal(found.length, 1, `expected one '${code}', got:\n${problems.map(show).join("\n")}`);
  return found[0];
}

/** Asserts the problem starts where needle starts and covers it. */
export function assertAt(problem: FactProblem, text: string, needle: string, nth = 0): void {
  const start = where(text, needle, nth);
  assert.deepEqual({ line: problem.line, character: problem.character }, start, `${show(problem)} should start at '${needle}'`);
  assert.equal(problem.endLine, start.line, `${show(problem)} should end on the line of '${needle}'`);
  assert.ok(problem.endCharacter >= start.character + needle.length, `${show(problem)} should cover '${needle}'`);
}

export function show(p: FactProblem): string {
  return `${p.file}:${p.line}:${p.character}-${p.endLine}:${p.endCharacter} ${p.severity} ${p.code} ${p.message}`;
}

/** A fact file text from indented lines (the first line's indentation is removed from all). */
export function yaml(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = strings.reduce((acc, s, i) => acc + s + (i < values.length ? String(values[i]) : ""), "");
  const lines = raw.replace(/^\n/, "").split("\n");
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.length - l.trimStart().length));
  return lines.map((l) => l.slice(indent)).join("\n");
}
