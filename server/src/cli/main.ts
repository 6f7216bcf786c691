// The command-line checker: `factcheck check [--facts PATH] [--format text|json] FILE...`.
// Exit status: 0 no conflicts, 1 conflicts found, 2 bad usage or unreadable input.
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { Checker } from "../engine/checker";
import { loadFacts } from "../engine/factBase";
import { Finding } from "../engine/findings";
import { LineMap } from "../engine/positions";
import { findFactFiles } from "../facts/discover";
import { expandInputs } from "./inputs";
import { formatJson, formatText, FileReport } from "./format";

const USAGE = `Usage: factcheck check [--facts PATH]... [--format text|json] FILE|FOLDER|GLOB...

Checks prose against a fact base and prints the conflicts.
  --facts PATH     a fact file or a folder of *.facts.yaml files (repeatable);
                   default: the *.facts.yaml files under the current folder, else the shipped facts
  --format FORMAT  text (default) or json
Exit status: 0 no conflicts, 1 conflicts found, 2 bad usage or unreadable input.`;

export class UsageError extends Error {}

interface Options {
  facts: string[];
  format: "text" | "json";
  inputs: string[];
}

export function parseArgs(argv: string[]): Options {
  const [command, ...rest] = argv;
  if (command === "--help" || command === "-h" || command === "help") throw new UsageError("");
  if (command !== "check") throw new UsageError(command ? `Unknown command '${command}'.` : "No command given.");
  const opts: Options = { facts: [], format: "text", inputs: [] };
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
      if (f !== "text" && f !== "json") throw new UsageError(`Unknown format '${f}' (text or json).`);
      opts.format = f;
    } else if (a === "--") opts.inputs.push(...rest.slice(i + 1)), (i = rest.length);
    else if (a.startsWith("-") && a !== "-") throw new UsageError(`Unknown option '${a}'.`);
    else opts.inputs.push(a);
  }
  if (!opts.inputs.length) throw new UsageError("No files to check.");
  return opts;
}

export function run(argv: string[], out: (s: string) => void, err: (s: string) => void): number {
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
  const reports: FileReport[] = [];
  let unreadable = errors.length > 0;
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch (e) {
      err(`factcheck: cannot read ${file}: ${(e as Error).message}\n`);
      unreadable = true;
      continue;
    }
    const findings: Finding[] = checker.check(text, { path: file, languageId: /\.(md|markdown|mdx)$/i.test(file) ? "markdown" : "plaintext" });
    reports.push({ path: file, text, lines: new LineMap(text), findings });
  }
  out(opts.format === "json" ? formatJson(reports) : formatText(reports));
  if (unreadable) return 2;
  return reports.some((r) => r.findings.some((f) => f.severity === "error" || f.severity === "warning")) ? 1 : 0;
}

/** Without --facts: the fact files of the current folder, or the shipped facts when it has none. */
function defaultFactPaths(): string[] {
  const local = findFactFiles([process.cwd()]).files;
  return local.length ? local : [];
}

if (require.main === module) {
  const code = run(process.argv.slice(2), (s) => process.stdout.write(s), (s) => process.stderr.write(s));
  process.exitCode = code;
}


