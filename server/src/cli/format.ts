// Prints findings: as text for people, as JSON for tools (the contract of ../shared/eval/score.mjs).
// SARIF, for code scanning, is in sarif.ts.
import { relative } from "node:path";
import { Finding } from "../engine/findings";
import { LineMap, Position } from "../engine/positions";

export interface FileReport {
  path: string;
  text: string;
  lines: LineMap;
  findings: Finding[];
  /** With --fix: what was replaced, placed in the text as it was before. */
  fixed?: FixedConflict[];
}

export interface FixedConflict {
  code: string;
  title: string;
  range: { start: Position; end: Position };
  oldText: string;
  newText: string;
}

export function range(lines: LineMap, start: number, end: number): { start: Position; end: Position } {
  return { start: lines.position(start), end: lines.position(end) };
}

export function toJson(reports: FileReport[]): object {
  return {
    files: reports.map((r) => ({
      path: r.path,
      diagnostics: r.findings.map((f) => ({
        range: range(r.lines, f.start, f.end),
        severity: f.severity,
        code: f.code,
        message: f.message,
        fixes: f.fixes.map((x) => ({ title: x.title, newText: x.newText, range: range(r.lines, x.start, x.end), preferred: x.preferred })),
        related: f.related.map((x) => ({ path: x.at.file, line: x.at.line, character: x.at.character, message: x.message })),
      })),
      ...(r.fixed ? { fixed: r.fixed } : {}),
    })),
  };
}

export function formatJson(reports: FileReport[]): string {
  return JSON.stringify(toJson(reports), null, 2) + "\n";
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

function displayPath(path: string): string {
  return relative(process.cwd(), path) || path;
}

export function formatText(reports: FileReport[]): string {
  const out: string[] = [];
  const fixedIn = reports.filter((r) => r.fixed?.length);
  for (const r of fixedIn) {
    for (const x of r.fixed ?? []) {
      out.push(`${displayPath(r.path)}:${x.range.start.line + 1}:${x.range.start.character + 1}: fixed [${x.code}] "${x.oldText}" → ${x.newText}`);
    }
  }
  if (fixedIn.length) {
    const n = fixedIn.reduce((sum, r) => sum + (r.fixed?.length ?? 0), 0);
    out.push(`Fixed ${plural(n, "conflict")} in ${plural(fixedIn.length, "file")}.`);
  }
  let total = 0;
  for (const r of reports) {
    for (const f of r.findings) {
      const p = r.lines.position(f.start);
      const fix = f.fixes[0] ? ` → ${f.fixes[0].newText}` : "";
      out.push(`${displayPath(r.path)}:${p.line + 1}:${p.character + 1}: ${f.severity} [${f.code}] "${r.text.slice(f.start, f.end)}"${fix}: ${f.message}`);
      total++;
    }
  }
  const left = fixedIn.length ? " left" : "";
  out.push(total ? `${plural(total, "conflict")}${left} in ${reports.filter((r) => r.findings.length).length} of ${plural(reports.length, "file")}.` : `No conflicts${left} in ${plural(reports.length, "file")}.`);
  return out.join("\n") + "\n";
}
