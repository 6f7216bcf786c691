// The command line in a pipeline, where a run that cannot be trusted must say so: a broken fact
// base exits 2 and names the file, line and column (in text, JSON and SARIF); fact-file warnings
// are printed; help and version; a draft on standard input; inputs that give no file; a draft
// that is not UTF-8; colour only on a terminal.
import { strict as assert } from "node:assert";
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, cpSync, mkdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type * as Sarif from "sarif";
import { CHECK_USAGE } from "../../server/src/cli/args";
import { FACTS, ROOT, SEED_000 } from "../support/paths";
import { CLI, runCli, tempFolder, writeIn } from "../support/runCli";
import { assertValidSarif } from "../support/sarif";

const WRONG = "The raid in Baghdad killed 12 people.\n";
const RIGHT = "The raid in Atmeh killed 13 people.\n";
const VERSION = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;

interface JsonReport {
  files: { path: string; diagnostics: { code: string; range: { start: { line: number } } }[] }[];
  factProblems: { path?: string; range?: { start: { line: number; character: number } }; severity: string; code: string; message: string }[];
  inputProblems: { path?: string; byteOffset?: number; severity: string; code: string; message: string }[];
}

describe("factcheck in a pipeline", () => {
  let dir: string;
  beforeEach(() => {
    dir = tempFolder("factcheck-pipeline-");
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string | Buffer): string => writeIn(dir, name, text);
  /** A copy of the shipped facts (with their source articles) as the project's own facts/. */
  const copyFacts = (): string => {
    cpSync(FACTS, join(dir, "facts"), { recursive: true });
    return join(dir, "facts");
  };
  /** Replaces the first `from` in a fact file; returns the 1-based line and column where it was. */
  const breakFactFile = (file: string, from: string, to: string): { line: number; column: number } => {
    const path = join(dir, "facts", file);
    const text = readFileSync(path, "utf8");
    const at = text.indexOf(from);
    assert.ok(at >= 0, `${from} not in ${file}`);
    writeFileSync(path, text.slice(0, at) + to + text.slice(at + from.length));
    const before = text.slice(0, at).split("\n");
    return { line: before.length, column: before[before.length - 1].length + 1 };
  };
  const sarifOf = (stdout: string): Sarif.Run => {
    const log = JSON.parse(stdout) as unknown;
    assertValidSarif(log);
    return log.runs[0];
  };

  describe("a broken fact base", () => {
    let typo: { line: number; column: number };
    beforeEach(() => {
      copyFacts();
      typo = breakFactFile("atmeh-raid.facts.yaml", "qualifier:", "qualifer:");
      copyFileSync(SEED_000, join(dir, "draft.txt"));
    });

    it("exits 2, names the file, line and column, and checks nothing", () => {
      for (const args of [["check", "--facts", "facts", "draft.txt"], ["check", "draft.txt"]]) {
        const r = runCli(args, dir);
        assert.equal(r.status, 2, `${args.join(" ")}: ${r.stdout}${r.stderr}`);
        assert.match(r.stderr, new RegExp(`^facts/atmeh-raid\\.facts\\.yaml:${typo.line}:${typo.column}: fact file error \\[schema\\] Unknown field 'qualifer'.*Did you mean 'qualifier'\\?`, "m"));
        assert.match(r.stderr, /nothing was checked: the fact base has an error/);
        assert.equal(r.stdout, "", "no 'No conflicts' line for a run that checked nothing");
      }
    });

    it("is recorded in SARIF: executionSuccessful false, a notification at the fact file's line and column", () => {
      const r = runCli(["check", "--format", "sarif", "draft.txt"], dir);
      assert.equal(r.status, 2, r.stderr);
      const run = sarifOf(r.stdout);
      assert.deepEqual(run.results, []);
      const invocation = run.invocations?.[0];
      assert.equal(invocation?.executionSuccessful, false);
      assert.equal(invocation?.exitCode, 2);
      const note = invocation?.toolExecutionNotifications?.find((n) => n.descriptor?.id === "schema");
      assert.ok(note, "no notification for the schema error");
      assert.equal(note.level, "error");
      assert.match(note.message.text ?? "", /Unknown field 'qualifer'/);
      const where = note.locations?.[0].physicalLocation;
      assert.deepEqual(where?.artifactLocation, { uri: "facts/atmeh-raid.facts.yaml", uriBaseId: "%SRCROOT%" });
      assert.equal(where?.region?.startLine, typo.line);
      assert.equal(where?.region?.startColumn, typo.column);
    });

    it("is carried in JSON under factProblems, beside the files", () => {
      const r = runCli(["check", "--format", "json", "draft.txt"], dir);
      assert.equal(r.status, 2, r.stderr);
      const json = JSON.parse(r.stdout) as JsonReport;
      assert.deepEqual(json.files, []);
      const p = json.factProblems.find((x) => x.code === "schema");
      assert.equal(p?.path, join(dir, "facts", "atmeh-raid.facts.yaml"));
      assert.equal(p?.severity, "error");
      assert.deepEqual(p?.range?.start, { line: typo.line - 1, character: typo.column - 1 });
    });

    it("is not fixed around: --fix writes nothing", () => {
      const before = readFileSync(join(dir, "draft.txt"));
      const r = runCli(["check", "--fix", "draft.txt"], dir);
      assert.equal(r.status, 2);
      assert.ok(readFileSync(join(dir, "draft.txt")).equals(before));
    });

    it("a YAML syntax error and a dangling id too", () => {
      copyFacts(); // afresh: without the schema typo
      const ref = breakFactFile("atmeh-raid.facts.yaml", "at: atmeh", "at: atmeeh");
      const r = runCli(["check", "draft.txt"], dir);
      assert.equal(r.status, 2, r.stdout);
      assert.match(r.stderr, new RegExp(`^facts/atmeh-raid\\.facts\\.yaml:${ref.line}:\\d+: fact file error \\[dangling-reference\\]`, "m"));
      write("facts/broken.facts.yaml", "entities:\n  - id: x\n    name: 'unclosed\n");
      assert.match(runCli(["check", "draft.txt"], dir).stderr, /^facts\/broken\.facts\.yaml:\d+:\d+: fact file error \[yaml-syntax\]/m);
    });
  });

  describe("--facts naming no fact file", () => {
    beforeEach(() => write("draft.md", WRONG));

    it("exits 2 for a file that is not a fact file, a folder without any, or a path that is not there", () => {
      write("notes.txt", "sources: []\n");
      mkdirSync(join(dir, "empty"));
      for (const [path, message] of [
        ["notes.txt", /notes\.txt is not a fact file: fact files are named \*\.facts\.yaml or \*\.facts\.yml/],
        ["empty", /no fact files \(\*\.facts\.yaml, \*\.facts\.yml\) in empty/],
        ["nowhere", /no such fact file or folder: nowhere/],
      ] as const) {
        const r = runCli(["check", "--facts", path, "draft.md"], dir);
        assert.equal(r.status, 2, `${path}: ${r.stdout}`);
        assert.match(r.stderr, message);
        assert.equal(r.stdout, "");
        const sarif = runCli(["check", "--format", "sarif", "--facts", path, "draft.md"], dir);
        assert.equal(sarifOf(sarif.stdout).invocations?.[0].executionSuccessful, false);
      }
    });

    it("exits 2 for a fact file that holds prose, at its first line", () => {
      write("draft.facts.yaml", WRONG);
      const r = runCli(["check", "--facts", "draft.facts.yaml", "draft.md"], dir);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /^draft\.facts\.yaml:1:1: fact file error \[not-a-mapping\]/m);
    });
  });

  describe("a fact base with nothing in it", () => {
    beforeEach(() => write("draft.md", WRONG));

    it("exits 2 for a fact file that holds no entity and no event: that run would prove nothing", () => {
      write("empty.facts.yaml", "# to be filled in\nsources: []\n");
      const r = runCli(["check", "--facts", "empty.facts.yaml", "draft.md"], dir);
      assert.equal(r.status, 2, r.stdout + r.stderr);
      assert.match(r.stderr, /the fact base holds no entities and no events \(empty\.facts\.yaml\)/);
    });
  });

  describe("fact-file warnings", () => {
    it("are printed with file:line:col, and the check runs as usual", () => {
      copyFacts();
      const quote = breakFactFile("atmeh-raid.facts.yaml", "quote: at least 13 individuals were killed", "quote: at least 13 persons were slain");
      unlinkSync(join(dir, "facts", "sources", "001_5275aee76dddcb41.txt"));
      write("draft.md", WRONG);
      const r = runCli(["check", "draft.md"], dir);
      assert.equal(r.status, 1, r.stderr);
      assert.match(r.stderr, new RegExp(`^facts/atmeh-raid\\.facts\\.yaml:${quote.line}:\\d+: fact file warning \\[quote-not-found\\]`, "m"));
      assert.match(r.stderr, /^facts\/sources\.facts\.yaml:\d+:\d+: fact file warning \[source-file-missing\]/m);
      assert.match(r.stdout, /^draft\.md:1:13: warning \[wrong-place\]/m);

      const run = sarifOf(runCli(["check", "--format", "sarif", "draft.md"], dir).stdout);
      assert.equal(run.invocations?.[0].executionSuccessful, true);
      const notes = run.invocations?.[0].toolExecutionNotifications ?? [];
      assert.ok(notes.length >= 2 && notes.every((n) => n.level === "warning"), JSON.stringify(notes));
      assert.ok(notes.some((n) => n.descriptor?.id === "quote-not-found" && n.locations?.[0].physicalLocation?.region?.startLine === quote.line));
      const json = JSON.parse(runCli(["check", "--format", "json", "draft.md"], dir).stdout) as JsonReport;
      assert.ok(json.factProblems.some((p) => p.code === "source-file-missing" && p.severity === "warning"));
      assert.equal(json.files.length, 1);
    });

    it("a clean run's SARIF says it succeeded, with no notifications", () => {
      write("clean.md", RIGHT);
      const r = runCli(["check", "--format", "sarif", "clean.md"], dir);
      assert.equal(r.status, 0, r.stderr);
      assert.deepEqual(sarifOf(r.stdout).invocations, [{ executionSuccessful: true, exitCode: 0 }]);
      assert.equal(r.stderr, "");
    });
  });

  describe("help and version", () => {
    it("prints the help of every command on stdout and exits 0", () => {
      for (const args of [["--help"], ["-h"], ["help"]]) {
        const r = runCli(args, dir);
        assert.equal(r.status, 0, args.join(" "));
        assert.match(r.stdout, /^Usage: factcheck <command>/);
        assert.match(r.stdout, /^ {2}check /m);
        assert.equal(r.stderr, "");
      }
      for (const args of [["check", "--help"], ["check", "-h"], ["help", "check"], ["check", "draft.md", "--fix", "--help"]]) {
        const r = runCli(args, dir);
        assert.equal(r.status, 0, args.join(" "));
        assert.equal(r.stdout, CHECK_USAGE + "\n");
        assert.equal(r.stderr, "");
      }
      for (const option of ["--facts PATH", "--format FORMAT", "--fix", "--stdin-filename NAME", "--color, --no-color", "-h, --help"]) {
        assert.ok(CHECK_USAGE.includes(option), `the help does not list ${option}`);
      }
    });

    it("exits 2 for help on a command that does not exist", () => {
      const r = runCli(["help", "lint"], dir);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /Unknown command 'lint'/);
    });

    it("prints the version from package.json", () => {
      for (const flag of ["--version", "-v"]) {
        const r = runCli([flag], dir);
        assert.equal(r.status, 0);
        assert.equal(r.stdout, `${VERSION}\n`);
      }
    });
  });

  describe("a draft on standard input (-)", () => {
    it("is checked as <stdin>, plain text", () => {
      const r = runCli(["check", "-"], dir, { input: WRONG });
      assert.equal(r.status, 1, r.stderr);
      assert.match(r.stdout, /^<stdin>:1:13: warning \[wrong-place\] "Baghdad" → Atmeh: /m);
      assert.equal(runCli(["check", "-"], dir, { input: RIGHT }).status, 0);
    });

    it("takes its name and markup from --stdin-filename", () => {
      // In Markdown, a fenced code block is not prose; in plain text it is.
      const text = `# Notes\n\n\`\`\`\n${WRONG}\`\`\`\n\n${WRONG}`;
      const md = runCli(["check", "--stdin-filename", "notes/draft.md", "-"], dir, { input: text });
      assert.equal(md.status, 1, md.stderr);
      assert.deepEqual(md.stdout.match(/^notes\/draft\.md:\d+/gm), ["notes/draft.md:7", "notes/draft.md:7"]);
      const txt = runCli(["check", "--stdin-filename=notes/draft.txt", "-"], dir, { input: text });
      assert.deepEqual(txt.stdout.match(/^notes\/draft\.txt:\d+/gm), ["notes/draft.txt:4", "notes/draft.txt:4", "notes/draft.txt:7", "notes/draft.txt:7"]);
      const json = JSON.parse(runCli(["check", "--format", "json", "--stdin-filename", "notes/draft.md", "-"], dir, { input: text }).stdout) as JsonReport;
      assert.equal(json.files[0].path, join(dir, "notes", "draft.md"));
    });

    it("goes with files, and into valid SARIF", () => {
      write("a.md", WRONG);
      const r = runCli(["check", "--format", "sarif", "a.md", "-"], dir, { input: WRONG });
      assert.equal(r.status, 1, r.stderr);
      const results = sarifOf(r.stdout).results ?? [];
      assert.ok(results.some((x) => x.locations?.[0].physicalLocation?.artifactLocation?.uri === "a.md"));
      assert.ok(results.some((x) => x.locations?.[0].physicalLocation?.artifactLocation?.description?.text === "standard input"));
    });

    it("is bad usage with --fix, twice, or --stdin-filename without -", () => {
      for (const args of [["--fix", "-"], ["-", "-"], ["--stdin-filename", "a.md", "a.md"]]) {
        write("a.md", WRONG);
        const r = runCli(["check", ...args], dir, { input: WRONG });
        assert.equal(r.status, 2, args.join(" "));
        assert.match(r.stderr, /^factcheck: .*(--fix rewrites files|only once|no - was given)/m);
        assert.equal(readFileSync(join(dir, "a.md"), "utf8"), WRONG);
      }
    });
  });

  describe("inputs that give no file", () => {
    it("exit 2 with a message, however they were given", () => {
      mkdirSync(join(dir, "empty"));
      write("code/app.js", "// the raid in Baghdad killed 12 people\n");
      for (const [args, message] of [
        [["empty"], /no prose files \(\.md, \.markdown, \.mdx, \.txt\) in empty/],
        [["code"], /no prose files .* in code/],
        [["**/*.rst"], /no file matches \*\*\/\*\.rst/],
        [["."], /no prose files .* in \./],
      ] as const) {
        const r = runCli(["check", ...args], dir);
        assert.equal(r.status, 2, `${args.join(" ")}: ${r.stdout}`);
        assert.match(r.stderr, message);
        assert.equal(r.stdout, "", "no 'No conflicts in 0 files'");
      }
      const json = JSON.parse(runCli(["check", "--format", "json", "empty"], dir).stdout) as JsonReport;
      assert.deepEqual(json.files, []);
      assert.deepEqual(json.inputProblems.map((p) => [p.code, p.severity]), [["no-prose-files", "error"]]);
      const sarif = runCli(["check", "--format", "sarif", "**/*.rst"], dir);
      assert.equal(sarif.status, 2);
      const invocation = sarifOf(sarif.stdout).invocations?.[0];
      assert.equal(invocation?.executionSuccessful, false);
      assert.equal(invocation?.toolExecutionNotifications?.[0].descriptor?.id, "no-match");
    });

    it("an empty folder among others is still an error (a typo must not pass)", () => {
      mkdirSync(join(dir, "empty"));
      write("a.md", RIGHT);
      const r = runCli(["check", "a.md", "empty"], dir);
      assert.equal(r.status, 2);
      assert.match(r.stdout, /^No conflicts in 1 file; 1 input could not be checked\.$/m);
    });
  });

  describe("a draft that is not UTF-8", () => {
    const bytes = Buffer.concat([Buffer.from("Café ok.\nCaf"), Buffer.from([0xe9]), Buffer.from(" — the raid in Baghdad killed 12 people.\n")]);

    it("is checked, with a warning naming the file, the byte offset and the place", () => {
      write("latin1.txt", bytes);
      const r = runCli(["check", "latin1.txt"], dir);
      assert.equal(r.status, 1, "a warning, not a failed run: the conflicts decide");
      // "Café ok.\nCaf" is 13 bytes (é takes two); the bad byte is on line 2, column 4.
      assert.match(r.stderr, /^latin1\.txt:2:4: warning \[invalid-utf8\] not valid UTF-8: the first bad byte sequence is at byte offset 13; checked with U\+FFFD in its place$/m);
      assert.match(r.stdout, /^latin1\.txt:2:\d+: warning \[wrong-place\] "Baghdad"/m);

      const json = JSON.parse(runCli(["check", "--format", "json", "latin1.txt"], dir).stdout) as JsonReport;
      assert.deepEqual(
        json.inputProblems.map((p) => [p.code, p.severity, p.byteOffset, p.path]),
        [["invalid-utf8", "warning", 13, join(dir, "latin1.txt")]],
      );
      const run = sarifOf(runCli(["check", "--format", "sarif", "latin1.txt"], dir).stdout);
      assert.equal(run.invocations?.[0].executionSuccessful, true);
      const region = run.invocations?.[0].toolExecutionNotifications?.[0].locations?.[0].physicalLocation?.region;
      assert.equal(region?.byteOffset, 13);
      assert.equal(region?.startLine, 2);
    });

    it("on standard input too", () => {
      const r = runCli(["check", "-"], dir, { input: bytes });
      assert.match(r.stderr, /^<stdin>:2:4: warning \[invalid-utf8\] .*byte offset 13/m);
    });

    it("each kind of ill-formed sequence is found at its first byte", () => {
      const cases: [number[], number][] = [
        [[0x41, 0x80], 1], // a lone continuation byte
        [[0x41, 0xc0, 0xaf], 1], // an overlong '/'
        [[0x41, 0xed, 0xa0, 0x80], 1], // a UTF-16 surrogate
        [[0x41, 0xf4, 0x90, 0x80, 0x80], 1], // past U+10FFFF
        [[0x41, 0xe2, 0x82], 1], // cut short at the end
        [[0xe2, 0x82, 0xac, 0x41, 0xff], 4], // after a well-formed €
      ];
      for (const [seq, offset] of cases) {
        write("bad.txt", Buffer.from(seq));
        const r = runCli(["check", "--format", "json", "bad.txt"], dir);
        const p = (JSON.parse(r.stdout) as JsonReport).inputProblems[0];
        assert.equal(p?.byteOffset, offset, Buffer.from(seq).toString("hex"));
      }
      write("good.txt", "Café ☕ 🙂 €\n");
      assert.equal(runCli(["check", "good.txt"], dir).stderr, "");
    });
  });

  describe("colour", () => {
    const ESC = "\u001b[";
    beforeEach(() => write("a.md", WRONG));

    it("is off in a pipe, on with --color or FORCE_COLOR, off with --no-color or NO_COLOR", () => {
      assert.ok(!runCli(["check", "a.md"], dir).stdout.includes(ESC));
      assert.ok(runCli(["check", "--color", "a.md"], dir).stdout.includes(`${ESC}33mwarning${ESC}39m`));
      assert.ok(runCli(["check", "a.md"], dir, { env: { FORCE_COLOR: "1" } }).stdout.includes(ESC));
      assert.ok(!runCli(["check", "a.md"], dir, { env: { FORCE_COLOR: "1", NO_COLOR: "1" } }).stdout.includes(ESC));
      assert.ok(!runCli(["check", "--no-color", "a.md"], dir, { env: { FORCE_COLOR: "1" } }).stdout.includes(ESC));
      assert.ok(runCli(["check", "--color", "a.md"], dir, { env: { NO_COLOR: "1" } }).stdout.includes(ESC), "--color wins over NO_COLOR");
      assert.ok(!runCli(["check", "--color", "--format", "json", "a.md"], dir).stdout.includes(ESC), "JSON is never coloured");
    });

    it("is on on a terminal, unless NO_COLOR is set", function () {
      // `script` runs the CLI on a pseudo-terminal, as a writer's shell does.
      if (spawnSync("script", ["--version"]).status !== 0) this.skip();
      const onTerminal = (env: Record<string, string>): string =>
        execFileSync("script", ["-qec", `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} check a.md`, "/dev/null"], {
          cwd: dir,
          encoding: "utf8",
          env: { ...process.env, FORCE_COLOR: "", NO_COLOR: "", TERM: "xterm", ...env },
          stdio: ["ignore", "pipe", "pipe"],
        });
      const exitOk = (f: () => string): string => {
        try {
          return f();
        } catch (e) {
          return String((e as { stdout?: string }).stdout ?? ""); // exit 1: conflicts found
        }
      };
      assert.ok(exitOk(() => onTerminal({})).includes(ESC));
      assert.ok(!exitOk(() => onTerminal({ NO_COLOR: "1" })).includes(ESC));
    });
  });
});
