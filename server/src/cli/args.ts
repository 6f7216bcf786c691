// The command line's words: commands, options, help and version. Help goes to stdout with
// exit 0 (it was asked for); a usage error goes to stderr with exit 2, as ESLint and Vale do.

export const FORMATS = ["text", "json", "sarif"] as const;
export type Format = (typeof FORMATS)[number];

export interface CheckOptions {
  facts: string[];
  format: Format;
  fix: boolean;
  /** The draft read from `-`: its name in reports, and its extension picks the markup. */
  stdinFilename?: string;
  /** --color / --no-color; undefined: decided by the terminal and NO_COLOR. */
  color?: boolean;
  inputs: string[];
}

export type Parsed =
  | { kind: "check"; options: CheckOptions }
  | { kind: "help"; text: string }
  | { kind: "version" };

export class UsageError extends Error {
  constructor(
    message: string,
    /** The usage line to print after the message, and where the whole help is. */
    readonly usage: string,
  ) {
    super(message);
  }

  /** The message, the usage line and where to find more, as git and ESLint keep it short. */
  get text(): string {
    const more = this.usage === CHECK_USAGE ? "factcheck check --help" : "factcheck --help";
    return `factcheck: ${this.message}\n${this.usage.split("\n")[0]}\nRun '${more}' for the options.\n`;
  }
}

export const MAIN_USAGE = `Usage: factcheck <command> [options]

Checks facts in news prose against a YAML fact base.

Commands:
  check        check drafts against the fact base (see: factcheck check --help)
  facts draft  draft a fact file from source articles (see: factcheck facts draft --help)
  help         show the help of a command (factcheck help check)

Options:
  -h, --help     show this help
  -v, --version  print the version

Exit status: 0 no conflicts, 1 conflicts found, 2 the run could not be trusted.`;

export const CHECK_USAGE = `Usage: factcheck check [options] FILE|FOLDER|GLOB|- ...

Checks prose against a fact base and prints the conflicts.

Inputs: files; folders (their .md, .markdown, .mdx and .txt files, at any depth, skipping
node_modules, .git, out and dist); globs, quoted so that factcheck expands them ('docs/**/*.md');
- for a draft on standard input.

Options:
  --facts PATH           a fact file (*.facts.yaml, *.facts.yml) or a folder of them; repeatable.
                         Default: ./facts/, else the fact files in the current folder,
                         else the shipped facts
  --format FORMAT        text (default), json, or sarif (SARIF 2.1.0, for code scanning)
  --fix                  apply each conflict's preferred fix in place (only where the fixed
                         text makes no new conflict), check again and report what is left
  --stdin-filename NAME  the name of the draft read from -, for reports; .md, .markdown
                         and .mdx are read as Markdown, anything else as plain text
  --color, --no-color    colour the text output or not (default: only on a terminal,
                         and not when NO_COLOR is set)
  -h, --help             show this help

Exit status:
  0  no conflicts (left)
  1  conflicts found
  2  the run could not be trusted: bad usage, an input that is missing, unreadable or
     matches no file, or a fact file with an error (nothing is checked then)`;

const COMMANDS: Record<string, string> = { check: CHECK_USAGE };

const isHelp = (a: string): boolean => a === "--help" || a === "-h";

export function parseArgs(argv: string[]): Parsed {
  const [command, ...rest] = argv;
  if (command === undefined) throw new UsageError("No command given.", MAIN_USAGE);
  if (isHelp(command)) return { kind: "help", text: MAIN_USAGE };
  if (command === "--version" || command === "-v") return { kind: "version" };
  if (command === "help") {
    const topic = rest.find((a) => !a.startsWith("-"));
    if (topic === undefined) return { kind: "help", text: MAIN_USAGE };
    const text = COMMANDS[topic];
    if (!text) throw new UsageError(`Unknown command '${topic}'.`, MAIN_USAGE);
    return { kind: "help", text };
  }
  if (command !== "check") {
    throw new UsageError(command.startsWith("-") ? `Unknown option '${command}'.` : `Unknown command '${command}'.`, MAIN_USAGE);
  }
  // --help anywhere before `--` wins, as in ESLint: `factcheck check draft.md --help`.
  const end = rest.indexOf("--");
  if ((end < 0 ? rest : rest.slice(0, end)).some(isHelp)) return { kind: "help", text: CHECK_USAGE };
  return { kind: "check", options: parseCheck(rest) };
}

function parseCheck(args: string[]): CheckOptions {
  const opts: CheckOptions = { facts: [], format: "text", fix: false, inputs: [] };
  const fail = (message: string): never => {
    throw new UsageError(message, CHECK_USAGE);
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const eq = a.startsWith("--") ? a.indexOf("=") : -1;
    const name = eq > 0 ? a.slice(0, eq) : a;
    const value = (): string => {
      if (eq > 0) return a.slice(eq + 1);
      const v = args[++i];
      if (v === undefined || (v.startsWith("-") && v !== "-")) fail(`${a} needs a value.`);
      return v;
    };
    const flag = (): void => {
      if (eq > 0) fail(`${name} takes no value.`);
    };
    switch (name) {
      case "--facts":
        opts.facts.push(value());
        break;
      case "--format": {
        const f = value();
        if (!(FORMATS as readonly string[]).includes(f)) fail(`Unknown format '${f}' (text, json or sarif).`);
        opts.format = f as Format;
        break;
      }
      case "--fix":
        flag();
        opts.fix = true;
        break;
      case "--stdin-filename":
        opts.stdinFilename = value();
        break;
      case "--color":
        flag();
        opts.color = true;
        break;
      case "--no-color":
        flag();
        opts.color = false;
        break;
      case "--":
        opts.inputs.push(...args.slice(i + 1));
        i = args.length;
        break;
      default:
        if (a.startsWith("-") && a !== "-") fail(`Unknown option '${a}'.`);
        opts.inputs.push(a);
    }
  }
  if (!opts.inputs.length) fail("No files to check.");
  const stdin = opts.inputs.filter((x) => x === "-").length;
  if (stdin > 1) fail("Standard input (-) can be read only once.");
  if (opts.stdinFilename !== undefined && !stdin) fail("--stdin-filename names the draft read from -, and no - was given.");
  if (opts.fix && stdin) fail("--fix rewrites files in place; it cannot rewrite standard input.");
  return opts;
}
