// Prints findings: as text for people, as JSON for tools (the contract of ../shared/eval/score.mjs:
// `{"files":[…]}`; the run's problems come beside it, under factProblems and inputProblems).
// SARIF, for code scanning, is in sarif.ts.
import { Finding } from "../engine/findings";
import { LineMap, Position } from "../engine/positions";
import { paint as painter, Paint } from "./color";
import { displayPath, Problem, problemsJson } from "./problems";

export interface FileReport {
  path: string;
  text: string;
  lines: LineMap;
  findings: Finding[];
  /** With --fix: what was replaced, placed in the text as it was before. */
  fixed?: FixedConflict[];
  /** With --fix: preferred fixes left unwritten, and why; their conflicts are among the findings. */
  notFixed?: (FixedConflict & { reason: string })[];
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

export function toJson(reports: FileReport[], problems: Problem[] = []): object {
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
      ...(r.notFixed?.length ? { notFixed: r.notFixed } : {}),
    })),
    factProblems: problemsJson(problems, "fact"),
    inputProblems: problemsJson(problems, "input"),
  };
}

export function formatJson(reports: FileReport[], problems: Problem[] = []): string {
  return JSON.stringify(toJson(reports, problems), null, 2) + "\n";
}

const plainPaint = painter(false);

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

/** `incomplete`: what the run could not do ("1 input could not be checked"), said with the count. */
export function formatText(reports: FileReport[], paint: Paint = plainPaint, incomplete = ""): string {
  const out: string[] = [];
  const where = (r: FileReport, p: Position): string => `${displayPath(r.path)}:${p.line + 1}:${p.character + 1}:`;
  const fixedIn = reports.filter((r) => r.fixed?.length);
  for (const r of fixedIn) {
    for (const x of r.fixed ?? []) out.push(`${where(r, x.range.start)} ${paint.green("fixed")} ${paint.dim(`[${x.code}]`)} "${x.oldText}" → ${x.newText}`);
  }
  for (const r of reports) {
    for (const x of r.notFixed ?? []) {
      out.push(`${where(r, x.range.start)} ${paint.yellow("not fixed")} ${paint.dim(`[${x.code}]`)} "${x.oldText}" → ${x.newText}: ${x.reason}`);
    }
  }
  if (fixedIn.length) {
    const n = fixedIn.reduce((sum, r) => sum + (r.fixed?.length ?? 0), 0);
    out.push(paint.bold(`Fixed ${plural(n, "conflict")} in ${plural(fixedIn.length, "file")}.`));
  }
  let total = 0;
  for (const r of reports) {
    for (const f of r.findings) {
      const fix = f.fixes.find((x) => x.preferred) ?? f.fixes[0];
      const severity = SEVERITY_COLOR[f.severity](paint)(f.severity);
      out.push(`${where(r, r.lines.position(f.start))} ${severity} ${paint.dim(`[${f.code}]`)} "${r.text.slice(f.start, f.end)}"${fix ? ` → ${paint.green(fix.newText)}` : ""}: ${f.message}`);
      total++;
    }
  }
  const left = fixedIn.length ? " left" : "";
  const files = plural(reports.length, "file");
  const but = incomplete ? `; ${incomplete}` : "";
  out.push(
    total
      ? paint.bold(`${plural(total, "conflict")}${left} in ${reports.filter((r) => r.findings.length).length} of ${files}${but}.`)
      : paint.bold(`No conflicts${left} in ${files}${but}.`),
  );
  return out.join("\n") + "\n";
}

const SEVERITY_COLOR: Record<Finding["severity"], (p: Paint) => (s: string) => string> = {
  error: (p) => p.red,
  warning: (p) => p.yellow,
  information: (p) => p.blue,
  hint: (p) => p.blue,
};
