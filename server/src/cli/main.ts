// The command-line checker: `factcheck check [options] FILE|FOLDER|GLOB|-...` (see args.ts).
// Exit status, as Vale and ESLint use it: 0 no conflicts, 1 conflicts found, 2 the run could
// not be trusted (bad usage, an input that cannot be read or matches nothing, a fact file
// with an error). A fact-file error stops the check: a partial fact base can miss conflicts
// and also raise false ones (a name whose entity did not load looks like a misspelling).
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { Checker } from "../engine/checker";
import { loadFacts } from "../engine/factBase";
import { Finding } from "../engine/findings";
import { LineMap } from "../engine/positions";
import { findFactFiles, isFactFile } from "../facts/discover";
import { parseArgs, CheckOptions, UsageError } from "./args";
import { paint, useColor } from "./color";
import { runDraft } from "./draft";
import { planFixes, preferredFixes, writeFixed } from "./fix";
import { decodeDraft, Draft, expandInputs, readDraft, readStdin } from "./inputs";
import { formatJson, formatText, FileReport, range } from "./format";
import { displayPath, factProblem, Problem, problemLine } from "./problems";
import { formatSarif, STDIN_NAME, toolInfo } from "./sarif";

export { UsageError };

/** Where the CLI reads and writes; tests and the bin script give the process's own. */
export interface CliIo {
  out(s: string): void;
  err(s: string): void;
  stdin(): Buffer;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  env: NodeJS.ProcessEnv;
}

function processIo(): CliIo {
  return {
    out: (s) => process.stdout.write(s),
    err: (s) => process.stderr.write(s),
    stdin: readStdin,
    stdoutIsTTY: !!process.stdout.isTTY,
    stderrIsTTY: !!process.stderr.isTTY,
    env: process.env,
  };
}

export function run(argv: string[], io: Partial<CliIo> = {}): number {
  const sys = { ...processIo(), ...io };
  if (argv[0] === "facts" && argv[1] === "draft") return runDraft(argv.slice(2), sys.out, sys.err);
  let parsed;
  try {
    parsed = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    sys.err(e.text);
    return 2;
  }
  if (parsed.kind === "help") {
    sys.out(parsed.text + "\n");
    return 0;
  }
  if (parsed.kind === "version") {
    sys.out(toolInfo().version + "\n");
    return 0;
  }
  return check(parsed.options, sys);
}

function check(opts: CheckOptions, io: CliIo): number {
  const cwd = process.cwd();
  const problems: Problem[] = [];
  const reports: FileReport[] = [];

  const factPaths = opts.facts.length ? opts.facts : defaultFactPaths(cwd);
  problems.push(...factPathProblems(opts.facts));
  if (!problems.length) {
    const facts = loadFacts(factPaths);
    // Notes (a drafted fact not yet reviewed) are the editor's to show; the run reports errors and warnings.
    problems.push(...facts.problems.filter((p) => p.severity !== "information").map(factProblem).sort(byPlace));
    if (!facts.files.length) problems.push({ kind: "fact", severity: "error", code: "no-fact-files", message: "no fact files found." });
    // A fact base with nothing in it would pass every draft: that run proves nothing.
    else if (!facts.base.entities.size && !facts.base.events.size && !facts.problems.some((p) => p.severity === "error")) {
      problems.push({ kind: "fact", severity: "error", code: "no-facts", message: `the fact base holds no entities and no events (${facts.files.length === 1 ? relative(cwd, facts.files[0]) : `${facts.files.length} files`}): nothing can be checked against it.` });
    }
    // Said to a person at a terminal; a pipeline's log stays as it was.
    if (!opts.facts.length && !factPaths.length && opts.format === "text" && io.stderrIsTTY) {
      io.err("factcheck: no facts/ folder or *.facts.yaml here: checking against the shipped example facts (--facts names yours).\n");
    }
    if (!problems.some((p) => p.severity === "error")) checkInputs(opts, io, new Checker(facts.base), problems, reports);
  }
  const factErrors = problems.filter((p) => p.kind === "fact" && p.severity === "error").length;

  const failed = problems.some((p) => p.severity === "error");
  const conflicts = reports.some((r) => r.findings.some((f) => f.severity === "error" || f.severity === "warning"));
  const status = failed ? 2 : conflicts ? 1 : 0;

  const errPaint = paint(useColor(opts.color, io.stderrIsTTY, io.env));
  for (const p of problems) io.err(problemLine(p, errPaint, cwd) + "\n");
  if (factErrors) {
    io.err(`factcheck: nothing was checked: the fact base has ${factErrors === 1 ? "an error" : `${factErrors} errors`}; fix ${factErrors === 1 ? "it" : "them"} and run again.\n`);
  }

  if (opts.format === "sarif") {
    io.out(formatSarif(reports, problems, status));
    // The log holds what is left; say what was changed where people look.
    const n = reports.reduce((sum, r) => sum + (r.fixed?.length ?? 0), 0);
    if (n) io.err(`factcheck: fixed ${n} conflict${n === 1 ? "" : "s"} in place.\n`);
  } else if (opts.format === "json") io.out(formatJson(reports, problems));
  else if (reports.length) io.out(formatText(reports, paint(useColor(opts.color, io.stdoutIsTTY, io.env)), incomplete(problems)));
  return status;
}

/** What the summary line owes the reader when the run had input errors. */
function incomplete(problems: Problem[]): string {
  const errors = problems.filter((p) => p.kind === "input" && p.severity === "error");
  const unfixed = errors.filter((p) => p.code === "not-fixed").length;
  const unchecked = errors.length - unfixed;
  const parts = [];
  if (unchecked) parts.push(`${unchecked} input${unchecked === 1 ? "" : "s"} could not be checked`);
  if (unfixed) parts.push(`${unfixed} file${unfixed === 1 ? "" : "s"} could not be fixed`);
  return parts.join(", ");
}

function byPlace(a: Problem, b: Problem): number {
  return (a.path ?? "").localeCompare(b.path ?? "") || (a.range?.start.line ?? 0) - (b.range?.start.line ?? 0) || (a.range?.start.character ?? 0) - (b.range?.start.character ?? 0);
}

/** Checks (and with --fix, fixes) every input, adding what goes wrong to problems. */
function checkInputs(opts: CheckOptions, io: CliIo, checker: Checker, problems: Problem[], reports: FileReport[]): void {
  const inputError = (code: string, message: string, path?: string): void => {
    problems.push({ kind: "input", severity: "error", code, message, ...(path ? { path } : {}) });
  };
  const { files, stdin, errors } = expandInputs(opts.inputs);
  for (const e of errors) inputError(e.code, e.message);

  const languageOf = (path: string): string => (/\.(md|markdown|mdx)$/i.test(path) ? "markdown" : "plaintext");
  const checkText = (path: string, text: string): Finding[] => checker.check(text, { path, languageId: languageOf(path) });
  const report = (path: string, draft: Draft): FileReport | undefined => {
    if (draft.badUtf8) {
      const { byte, position } = draft.badUtf8;
      problems.push({
        kind: "input",
        severity: "warning",
        code: "invalid-utf8",
        message: `not valid UTF-8: the first bad byte sequence is at byte offset ${byte}; checked with U+FFFD in its place`,
        path,
        range: { start: position, end: { line: position.line, character: position.character + 1 } },
        byteOffset: byte,
      });
    }
    try {
      return { path, text: draft.text, lines: new LineMap(draft.text), findings: checkText(path, draft.text) };
    } catch (e) {
      // An engine failure on one draft must not pass as "no conflicts", nor stop the others.
      inputError("internal-error", `internal error checking ${displayPath(path)}: ${(e as Error).stack ?? e}`, path);
      return undefined;
    }
  };

  for (const file of files) {
    let draft: Draft;
    try {
      draft = readDraft(file);
    } catch (e) {
      inputError("unreadable", `cannot read ${displayPath(file)}: ${(e as Error).message}`, file);
      continue;
    }
    const r = report(file, draft);
    if (!r) continue;
    reports.push(opts.fix ? fixFile(r, draft, checkText, problems) : r);
  }
  if (stdin) {
    const path = opts.stdinFilename !== undefined ? resolve(opts.stdinFilename) : STDIN_NAME;
    let bytes: Buffer | undefined;
    try {
      bytes = io.stdin();
    } catch (e) {
      inputError("unreadable", `cannot read standard input: ${(e as Error).message}`);
    }
    const r = bytes && report(path, decodeDraft(bytes));
    if (r) reports.push(r);
  }
  if (!files.length && !stdin && !errors.length) inputError("no-files", "no files to check.");
}

/** Applies a report's preferred fixes to its file; the report then holds what is left. */
function fixFile(report: FileReport, draft: Draft, checkText: (path: string, text: string) => Finding[], problems: Problem[]): FileReport {
  const notFixed = (path: string, message: string): FileReport => {
    problems.push({ kind: "input", severity: "error", code: "not-fixed", message: `${displayPath(path)}: ${message}`, path });
    return report;
  };
  if (draft.badUtf8) {
    // A rewrite would turn the bad bytes into U+FFFD for good; the writer must fix the encoding first.
    if (!preferredFixes(report.findings).chosen.length) return { ...report, fixed: [] };
    return notFixed(report.path, `it is not valid UTF-8 text (the first bad byte is at byte offset ${draft.badUtf8.byte}); not fixed`);
  }
  const plan = planFixes(report.text, report.findings, (text) => checkText(report.path, text));
  const conflict = ({ finding, fix }: { finding: Finding; fix: { title: string; newText: string; start: number; end: number } }) => ({
    code: finding.code,
    title: fix.title,
    range: range(report.lines, fix.start, fix.end),
    oldText: report.text.slice(fix.start, fix.end),
    newText: fix.newText,
  });
  const withheld = plan.withheld.map((w) => ({ ...conflict(w), reason: w.reason }));
  if (!plan.applied.length) return { ...report, fixed: [], notFixed: withheld };
  const problem = writeFixed(report.path, report.text, plan.text);
  if (problem) return notFixed(report.path, problem);
  return { path: report.path, text: plan.text, lines: new LineMap(plan.text), findings: plan.findings, fixed: plan.applied.map(conflict), notFixed: withheld };
}

/** Each --facts path must name fact files: a typo, a folder without any, or a draft are errors. */
function factPathProblems(paths: string[]): Problem[] {
  const problems: Problem[] = [];
  const error = (code: string, message: string, path: string): void => {
    problems.push({ kind: "fact", severity: "error", code, message, path: resolve(path) });
  };
  for (const p of paths) {
    let stat;
    try {
      stat = statSync(p);
    } catch {
      error("missing", `no such fact file or folder: ${p}`, p);
      continue;
    }
    if (stat.isDirectory()) {
      if (!findFactFiles([p]).files.length) error("no-fact-files", `no fact files (*.facts.yaml, *.facts.yml) in ${p}`, p);
    } else if (!isFactFile(p)) error("not-a-fact-file", `${p} is not a fact file: fact files are named *.facts.yaml or *.facts.yml`, p);
  }
  return problems;
}

/**
 * Without --facts: a `facts/` folder in the current folder, else the fact files lying in the
 * current folder itself, else (an empty list) the shipped facts. Not a deep search: a repository
 * keeps test fixtures and generated data that are not its fact base.
 */
function defaultFactPaths(cwd: string): string[] {
  const conventional = join(cwd, "facts");
  if (existsSync(conventional) && findFactFiles([conventional]).files.length) return [conventional];
  return readdirSync(cwd).filter((f) => isFactFile(f)).map((f) => join(cwd, f));
}

if (require.main === module) process.exitCode = run(process.argv.slice(2));
