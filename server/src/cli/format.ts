// Prints findings: as text for people, as JSON for tools (the contract of ../shared/eval/score.mjs).
import { relative } from "node:path";
import { Finding } from "../engine/findings";
import { LineMap, Position } from "../engine/positions";

export interface FileReport {
  path: string;
  text: string;
  lines: LineMap;
  findings: Finding[];
}

function range(lines: LineMap, start: number, end: number): { start: Position; end: Position } {
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
    })),
  };
}

export function formatJson(reports: FileReport[]): string {
  return JSON.stringify(toJson(reports), null, 2) + "\n";
}

export function formatText(reports: FileReport[]): string {
  const out: string[] = [];
  let total = 0;
  for (const r of reports) {
    for (const f of r.findings) {
      const p = r.lines.position(f.start);
      const fix = f.fixes[0] ? ` → ${f.fixes[0].newText}` : "";
      out.push(`${relative(process.cwd(), r.path) || r.path}:${p.line + 1}:${p.character + 1}: ${f.severity} [${f.code}] "${r.text.slice(f.start, f.end)}"${fix}: ${f.message}`);
      total++;
    }
  }
  out.push(total ? `${total} conflict${total === 1 ? "" : "s"} in ${reports.filter((r) => r.findings.length).length} of ${reports.length} file${reports.length === 1 ? "" : "s"}.` : `No conflicts in ${reports.length} file${reports.length === 1 ? "" : "s"}.`);
  return out.join("\n") + "\n";
}
