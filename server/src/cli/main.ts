// The command-line checker: `factcheck check [--facts PATH] [--format text|json|sarif] [--fix] FILE...`.
// Exit status: 0 no conflicts, 1 conflicts found, 2 bad usage or unreadable input.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { Checker } from "../engine/checker";
import { loadFacts } from "../engine/factBase";
import { LineMap } from "../engine/positions";
import { findFactFiles, isFactFile } from "../facts/discover";
import { runDraft } from "./draft";
import { applyFixes, preferredFixes, writeFixed } from "./fix";
import { expandInputs } from "./inputs";
import { formatJson, formatText, FileReport, range } from "./format";
import { formatSarif } from "./sarif";

const USAGE = `Usage: factcheck check [--facts PATH]... [--format text|json|sarif] [--fix] FILE|FOLDER|GLOB...
       factcheck facts draft [--out FILE] [--force] ARTICLE|FOLDER...   (see factcheck facts draft --help)

Checks prose against a fact base and prints the conflicts.
  --facts PATH     a fact file or a folder of *.facts.yaml files (repeatable);
                   default: ./facts/, else the *.facts.yaml files in the current folder,
                   else the shipped facts
  --format FORMAT  text (default), json, or sarif (SARIF 2.1.0, for GitHub code scanning)
  --fix            apply each conflict's preferred fix in place, then report what is left
Exit status: 0 no conflicts (left), 1 conflicts found, 2 bad usage or unreadable input.`;

const FORMATS = ["text", "json", "sarif"] as const;
type Format = (typeof FORMATS)[number];

export class UsageError extends Error {}

interface Options {
  facts: string[];
  format: Format;
  fix: boolean;
  inputs: string[];
}

export function parseArgs(argv: string[]): Options {
  const [command, ...rest] = argv;
  if (command === "--help" || command === "-h" || command === "help") throw new UsageError("");
  if (command !== "check") throw new UsageError(command ? `Unknown command '${command}'.` : "No command given.");
  const opts: Options = { facts: [], format: "text", fix: false, inputs: [] };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    const value = (): string => {
      const v = rest[++i];
      if (v === undefined || v.startsWith("--")) throw new UsageError(`${a} needs a value.`);
      return v;
    };
    if (a === "--facts") opts.facts.push(value());
    else if (a.startsWith("--facts=")) opts.facts.push(a.slice(8));
    else if (a === "--format" || a.startsWith("--format=")) {
      const f = a.includes("=") ? a.slice(9) : value();
      if (!(FORMATS as readonly string[]).includes(f)) throw new UsageError(`Unknown format '${f}' (text, json or sarif).`);
      opts.format = f as Format;
    } else if (a === "--fix") opts.fix = true;
    else if (a === "--") opts.inputs.push(...rest.slice(i + 1)), (i = rest.length);
    else if (a.startsWith("-") && a !== "-") throw new UsageError(`Unknown option '${a}'.`);
    else opts.inputs.push(a);
  }
  if (!opts.inputs.length) throw new UsageError("No files to check.");
  return opts;
}

export function run(argv: string[], out: (s: string) => void, err: (s: string) => void): number {
  if (argv[0] === "facts" && argv[1] === "draft") return runDraft(argv.slice(2), out, err);
  let opts: Options;
  try {
    opts = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      if (e.message) err(`factcheck: ${e.message}\n`);
      err(USAGE + "\n");
      return e.message ? 2 : 0;
    }
    throw e;
  }
  const factPaths = opts.facts.length ? opts.facts : defaultFactPaths();
  const facts = loadFacts(factPaths);
  if (facts.missing.length) {
    err(`factcheck: no such fact file or folder: ${facts.missing.join(", ")}\n`);
    return 2;
  }
  const broken = facts.problems.filter((p) => p.severity === "error");
  for (const p of broken) err(`${relative(process.cwd(), p.file)}:${p.line + 1}:${p.character + 1}: fact file error [${p.code}] ${p.message}\n`);
  if (!facts.files.length) {
    err("factcheck: no fact files found.\n");
    return 2;
  }

  const { files, errors } = expandInputs(opts.inputs);
  for (const e of errors) err(`factcheck: ${e}\n`);
  if (errors.length && !files.length) return 2;

  const checker = new Checker(facts.base);
  const check = (path: string, text: string): FileReport => ({
    path,
    text,
    lines: new LineMap(text),
    findings: checker.check(text, { path, languageId: /\.(md|markdown|mdx)$/i.test(path) ? "markdown" : "plaintext" }),
  });
  const reports: FileReport[] = [];
  let failed = errors.length > 0;
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch (e) {
      err(`factcheck: cannot read ${file}: ${(e as Error).message}\n`);
      failed = true;
      continue;
    }
    const report = check(file, text);
    if (opts.fix) {
      const fixed = fixFile(report, check, err);
      if (fixed === "failed") failed = true;
      reports.push(fixed === "failed" ? report : fixed);
    } else reports.push(report);
  }
  if (opts.format === "sarif") {
    out(formatSarif(reports));
    // The log holds what is left; say what was changed where people look.
    const n = reports.reduce((sum, r) => sum + (r.fixed?.length ?? 0), 0);
    if (n) err(`factcheck: fixed ${n} conflict${n === 1 ? "" : "s"} in place.\n`);
  } else out(opts.format === "json" ? formatJson(reports) : formatText(reports));
  if (failed) return 2;
  return reports.some((r) => r.findings.some((f) => f.severity === "error" || f.severity === "warning")) ? 1 : 0;
}

/** Applies a report's preferred fixes to its file and checks the new text again. */
function fixFile(report: FileReport, check: (path: string, text: string) => FileReport, err: (s: string) => void): FileReport | "failed" {
  const chosen = preferredFixes(report.findings);
  if (!chosen.length) return { ...report, fixed: [] };
  const newText = applyFixes(report.text, chosen);
  const problem = writeFixed(report.path, report.text, newText);
  if (problem) {
    err(`factcheck: ${relative(process.cwd(), report.path) || report.path}: ${problem}\n`);
    return "failed";
  }
  const after = check(report.path, newText);
  after.fixed = chosen.map(({ finding, fix }) => ({
    code: finding.code,
    title: fix.title,
    range: range(report.lines, fix.start, fix.end),
    oldText: report.text.slice(fix.start, fix.end),
    newText: fix.newText,
  }));
  return after;
}

/** Without --facts: the fact files of the current folder, or the shipped facts when it has none. */
/**
 * Without --facts: a `facts/` folder in the current folder, else the fact files lying in the
 * current folder itself, else (an empty list) the shipped facts. Not a deep search: a repository
 * keeps test fixtures and generated data that are not its fact base.
 */
function defaultFactPaths(): string[] {
  const cwd = process.cwd();
  const conventional = join(cwd, "facts");
  if (existsSync(conventional) && findFactFiles([conventional]).files.length) return [conventional];
  return readdirSync(cwd).filter((f) => isFactFile(f)).map((f) => join(cwd, f));
}

if (require.main === module) {
  const code = run(process.argv.slice(2), (s) => process.stdout.write(s), (s) => process.stderr.write(s));
  process.exitCode = code;
}


