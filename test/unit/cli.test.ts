// The command line as CI runs it: `node bin/factcheck.js check …` in a folder of drafts.
// Inputs (files, folders, globs), exit statuses, text and JSON output, and --fix.
import { strict as assert } from "node:assert";
import { execFileSync } from "node:child_process";
import { chmodSync, copyFileSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { writeFixed } from "../../server/src/cli/fix";
import { SEED_000 } from "../support/paths";
import { runCli, tempFolder } from "../support/runCli";

const WRONG = "Café ☕ 🙂 — the raid in Baghdad killed 12 people.\n";
const RIGHT = "The raid in Atmeh killed 13 people.\n";

describe("factcheck check (command line)", () => {
  let dir: string;
  beforeEach(() => {
    dir = tempFolder("factcheck-cli-");
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string | Buffer): string => {
    const path = join(dir, name);
    mkdirSync(join(path, ".."), { recursive: true });
    writeFileSync(path, text);
    return path;
  };

  describe("usage and exit statuses", () => {
    it("exits 2 with the usage when no command or no file is given", () => {
      for (const args of [[], ["check"], ["lint", "a.md"]]) {
        const r = runCli(args, dir);
        assert.equal(r.status, 2, `${args.join(" ")}: ${r.stderr}`);
        assert.match(r.stderr, /Usage: factcheck check/);
      }
    });

    it("prints the usage and exits 0 for --help", () => {
      const r = runCli(["--help"], dir);
      assert.equal(r.status, 0);
      assert.match(r.stderr, /--format text\|json\|sarif/);
      assert.match(r.stderr, /--fix/);
    });

    it("exits 2 for an unknown option or format, naming it", () => {
      write("a.md", RIGHT);
      const opt = runCli(["check", "--frobnicate", "a.md"], dir);
      assert.equal(opt.status, 2);
      assert.match(opt.stderr, /Unknown option '--frobnicate'/);
      const fmt = runCli(["check", "--format", "xml", "a.md"], dir);
      assert.equal(fmt.status, 2);
      assert.match(fmt.stderr, /Unknown format 'xml' \(text, json or sarif\)/);
      assert.equal(runCli(["check", "--format"], dir).status, 2);
    });

    it("exits 0 and says so when nothing conflicts", () => {
      write("clean.md", RIGHT);
      const r = runCli(["check", "clean.md"], dir);
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stdout, "No conflicts in 1 file.\n");
    });

    it("exits 1 and lists each conflict as path:line:column with the fix", () => {
      copyFileSync(SEED_000, join(dir, "draft.txt"));
      const r = runCli(["check", "draft.txt"], dir);
      assert.equal(r.status, 1, r.stderr);
      assert.match(r.stdout, /^draft\.txt:1:118: warning \[wrong-place\] "Baghdad" → Atmeh: /m);
      assert.match(r.stdout, /^draft\.txt:1:311: warning \[wrong-number\] "12" → 13: /m);
      assert.match(r.stdout, /^draft\.txt:4:189: warning \[misspelled-name\] "Leicester" → Lister: /m);
      assert.match(r.stdout, /^\d+ conflicts in 1 of 1 file\.$/m);
    });

    it("exits 2 for a file that does not exist, and still checks the others", () => {
      write("wrong.md", WRONG);
      const r = runCli(["check", "missing.md", "wrong.md"], dir);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /no such file: missing\.md/);
      assert.match(r.stdout, /^wrong\.md:1:25: warning \[wrong-place\]/m);
      assert.equal(runCli(["check", "missing.md"], dir).status, 2);
    });

    it("exits 2 for an unreadable file, saying which and why", () => {
      const path = join(dir, "locked.md");
      if (process.getuid?.() === 0) {
        // root reads any file; the kernel's own memory file refuses every reader.
        symlinkSync("/proc/self/mem", path);
      } else {
        writeFileSync(path, WRONG);
        chmodSync(path, 0);
      }
      write("clean.md", RIGHT);
      const r = runCli(["check", "locked.md", "clean.md"], dir);
      assert.equal(r.status, 2, r.stdout + r.stderr);
      assert.match(r.stderr, /cannot read .*locked\.md: /);
      assert.match(r.stdout, /No conflicts in 1 file\./);
    });

    it("exits 2 without waiting for a named pipe (not a file)", () => {
      execFileSync("mkfifo", [join(dir, "pipe.md")]);
      const r = runCli(["check", "pipe.md"], dir);
      assert.equal(r.status, 2, "a pipe must not hang the CLI");
      assert.match(r.stderr, /not a file or folder: pipe\.md/);
    });

    it("exits 2 when --facts names nothing", () => {
      write("a.md", RIGHT);
      const r = runCli(["check", "--facts", "nowhere", "a.md"], dir);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /no such fact file or folder: nowhere/);
    });
  });

  describe("inputs: files, folders and globs", () => {
    beforeEach(() => {
      write("docs/a.md", WRONG);
      write("docs/sub/b.txt", WRONG);
      write("docs/sub/c.markdown", RIGHT);
      write("docs/code.js", "// the raid in Baghdad killed 12 people\n");
      write("docs/node_modules/pkg/readme.md", WRONG);
      write("other/d.md", WRONG);
    });
    const checked = (stdout: string): string[] => [...new Set(stdout.split("\n").flatMap((l) => l.match(/^([^:]+):\d+:\d+:/)?.[1] ?? []))].sort();

    it("checks the prose files of a folder, deep, but not code or node_modules", () => {
      const r = runCli(["check", "docs"], dir);
      assert.equal(r.status, 1, r.stderr);
      assert.deepEqual(checked(r.stdout), ["docs/a.md", "docs/sub/b.txt"]);
      assert.match(r.stdout, /in 2 of 3 files\./);
    });

    it("checks the files a glob matches", () => {
      const r = runCli(["check", "**/*.md"], dir);
      assert.equal(r.status, 1, r.stderr);
      assert.deepEqual(checked(r.stdout), ["docs/a.md", "other/d.md"]);
    });

    it("takes files, folders and globs together, each file once", () => {
      const r = runCli(["check", "docs/a.md", "docs", "other/*.md"], dir);
      assert.deepEqual(checked(r.stdout), ["docs/a.md", "docs/sub/b.txt", "other/d.md"]);
      assert.equal(r.stdout.match(/^docs\/a\.md:1:25:/gm)?.length, 1);
    });

    it("exits 2 for a glob that matches nothing", () => {
      const r = runCli(["check", "**/*.rst"], dir);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /no file matches \*\*\/\*\.rst/);
    });
  });

  describe("--format json", () => {
    it("gives LSP ranges: 0-based lines, UTF-16 characters", () => {
      write("wrong.md", WRONG);
      const r = runCli(["check", "--format", "json", "wrong.md"], dir);
      assert.equal(r.status, 1, r.stderr);
      const json = JSON.parse(r.stdout) as { files: { path: string; diagnostics: { code: string; range: unknown; fixes: { newText: string }[] }[] }[] };
      assert.equal(json.files[0].path, join(dir, "wrong.md"));
      const place = json.files[0].diagnostics.find((d) => d.code === "wrong-place");
      // "Café ☕ 🙂 — the raid in " is 24 UTF-16 units (🙂 takes two).
      assert.deepEqual(place?.range, { start: { line: 0, character: 24 }, end: { line: 0, character: 31 } });
      assert.equal(place?.fixes[0].newText, "Atmeh");
    });
  });

  describe("--fix", () => {
    it("applies the preferred fixes in place, reports them, and re-checks", () => {
      const path = write("wrong.md", `# Notes\n\n${WRONG}\n${RIGHT}`);
      const r = runCli(["check", "--fix", "wrong.md"], dir);
      assert.equal(r.status, 0, r.stdout + r.stderr);
      assert.equal(readFileSync(path, "utf8"), `# Notes\n\nCafé ☕ 🙂 — the raid in Atmeh killed 13 people.\n\n${RIGHT}`);
      assert.match(r.stdout, /^wrong\.md:3:25: fixed \[wrong-place\] "Baghdad" → Atmeh$/m);
      assert.match(r.stdout, /^wrong\.md:3:40: fixed \[wrong-number\] "12" → 13$/m);
      assert.match(r.stdout, /^Fixed 2 conflicts in 1 file\.\nNo conflicts left in 1 file\.\n$/m);
      const again = runCli(["check", "wrong.md"], dir);
      assert.equal(again.status, 0, again.stdout);
    });

    it("fixes every conflict of the demo draft", () => {
      const path = join(dir, "draft.txt");
      copyFileSync(SEED_000, path);
      const r = runCli(["check", "--fix", "draft.txt"], dir);
      assert.equal(r.status, 0, r.stdout + r.stderr);
      const text = readFileSync(path, "utf8");
      assert.match(text, /northern Syrian city of Atmeh/);
      assert.match(text, /at least 13 dead/);
      assert.match(text, /Mr Lister told Reuters/);
      assert.doesNotMatch(text, /Baghdad to capture|Leicester/);
    });

    it("leaves clean files untouched and no temporary files behind", () => {
      const clean = write("clean.md", RIGHT);
      write("wrong.md", WRONG);
      const before = statSync(clean).mtimeMs;
      const r = runCli(["check", "--fix", "."], dir);
      assert.equal(r.status, 0, r.stdout + r.stderr);
      assert.equal(statSync(clean).mtimeMs, before);
      assert.deepEqual(readdirSync(dir).sort(), ["clean.md", "wrong.md"]);
    });

    it("keeps the file's permissions, and a symlink stays a link to the fixed file", () => {
      const target = write("real/wrong.md", WRONG);
      chmodSync(target, 0o640);
      symlinkSync(target, join(dir, "link.md"));
      const r = runCli(["check", "--fix", "link.md"], dir);
      assert.equal(r.status, 0, r.stdout + r.stderr);
      assert.ok(lstatSync(join(dir, "link.md")).isSymbolicLink());
      assert.match(readFileSync(target, "utf8"), /raid in Atmeh killed 13/);
      assert.equal(statSync(target).mode & 0o777, 0o640);
    });

    it("refuses to rewrite a file that is not UTF-8, and exits 2", () => {
      const bytes = Buffer.concat([Buffer.from("Caf"), Buffer.from([0xe9]), Buffer.from(" — the raid in Baghdad killed 12 people.\n")]);
      const path = write("latin1.txt", bytes);
      const r = runCli(["check", "--fix", "latin1.txt"], dir);
      assert.equal(r.status, 2, r.stdout + r.stderr);
      assert.match(r.stderr, /latin1\.txt: it is not valid UTF-8 text; not fixed/);
      assert.ok(readFileSync(path).equals(bytes), "the file must be left as it was");
      assert.match(r.stdout, /warning \[wrong-place\] "Baghdad"/);
    });

    it("reports what it fixed in JSON too", () => {
      write("wrong.md", WRONG);
      const r = runCli(["check", "--fix", "--format=json", "wrong.md"], dir);
      assert.equal(r.status, 0, r.stderr);
      const file = (JSON.parse(r.stdout) as { files: { diagnostics: unknown[]; fixed: { code: string; oldText: string; newText: string; range: unknown }[] }[] }).files[0];
      assert.deepEqual(file.diagnostics, []);
      assert.deepEqual(
        file.fixed.map((x) => [x.code, x.oldText, x.newText]),
        [["wrong-place", "Baghdad", "Atmeh"], ["wrong-number", "12", "13"]],
      );
      assert.deepEqual(file.fixed[0].range, { start: { line: 0, character: 24 }, end: { line: 0, character: 31 } });
    });
  });

  describe("writing a fix safely", () => {
    it("does not overwrite a file that changed since it was checked", () => {
      const path = write("draft.md", "what the writer has now\n");
      const problem = writeFixed(path, "what was checked\n", "the fixed text\n");
      assert.match(problem ?? "", /changed while it was being checked/);
      assert.equal(readFileSync(path, "utf8"), "what the writer has now\n");
      assert.deepEqual(readdirSync(dir), ["draft.md"]);
    });
  });
});
