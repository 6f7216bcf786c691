// The command line as CI runs it: `node bin/factcheck.js check …` in a folder of drafts.
// Inputs (files, folders, globs), exit statuses, text and JSON output, and --fix.
import { strict as assert } from "node:assert";
import { execFileSync } from "node:child_process";
import { chmodSync, copyFileSync, lstatSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { writeFixed } from "../../server/src/cli/fix";
import { SEED_000 } from "../support/paths";
import { runCli, tempFolder, writeIn } from "../support/runCli";

interface JsonFiles {
  files: { diagnostics: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; fixes: { newText: string; preferred: boolean }[] }[] }[];
}

const WRONG = "Café ☕ 🙂 — the raid in Baghdad killed 12 people.\n";
const RIGHT = "The raid in Atmeh killed 13 people.\n";

describe("factcheck check (command line)", () => {
  let dir: string;
  beforeEach(() => {
    dir = tempFolder("factcheck-cli-");
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string | Buffer): string => writeIn(dir, name, text);

  describe("usage and exit statuses", () => {
    it("exits 2 with the usage line and where the help is when no command or no file is given", () => {
      for (const [args, usage] of [
        [[], /^Usage: factcheck <command>/m],
        [["check"], /^Usage: factcheck check /m],
        [["lint", "a.md"], /^Usage: factcheck <command>/m],
      ] as const) {
        const r = runCli([...args], dir);
        assert.equal(r.status, 2, `${args.join(" ")}: ${r.stderr}`);
        assert.match(r.stderr, usage);
        assert.match(r.stderr, /Run 'factcheck (check )?--help' for the options\./);
        assert.equal(r.stdout, "");
      }
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
      assert.match(r.stdout, /^No conflicts in 1 file; 1 input could not be checked\.$/m);
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

    it("applies a finding's preferred fix, never another of its fixes", () => {
      const path = join(dir, "draft.txt");
      copyFileSync(SEED_000, path);
      const original = readFileSync(path, "utf8");
      const before = (JSON.parse(runCli(["check", "--format", "json", "draft.txt"], dir).stdout) as JsonFiles).files[0].diagnostics;
      const several = before.filter((d) => d.fixes.length > 1);
      assert.ok(several.length, "this test needs a finding with more than one fix in the demo draft");
      assert.equal(runCli(["check", "--fix", "draft.txt"], dir).status, 0);
      const fixed = readFileSync(path, "utf8").split("\n");
      for (const d of several) {
        const preferred = d.fixes.filter((x) => x.preferred);
        assert.equal(preferred.length, 1);
        // Other conflicts on the line may have been fixed too; the preferred text must be there.
        assert.ok(fixed[d.range.start.line].includes(preferred[0].newText), `${original.split("\n")[d.range.start.line]}\n→ ${fixed[d.range.start.line]}`);
        for (const other of d.fixes.filter((x) => !x.preferred)) {
          if (!preferred[0].newText.includes(other.newText)) assert.ok(!fixed[d.range.start.line].includes(other.newText), other.newText);
        }
      }
    });

    it("withholds a fix that would make a new conflict, says which, and reports it as left", () => {
      // "southern Turkey" → "southern Syria" would be wrong again: the facts put Humaira in northwestern Syria.
      const text = "In a separate operation, Russian troops seized a senior Daesh bomb-maker in the village of Humaira, across the border in southern Turkey.\n";
      const path = write("brief.txt", text);
      const r = runCli(["check", "--fix", "brief.txt"], dir);
      assert.equal(r.status, 1, r.stdout + r.stderr);
      assert.match(r.stdout, /^brief\.txt:1:26: fixed \[wrong-actor\] "Russian troops" → /m);
      assert.match(r.stdout, /^brief\.txt:1:131: not fixed \[wrong-place\] "Turkey" → Syria: it would make a new conflict: line 1 \[wrong-place\] "southern"$/m);
      assert.match(r.stdout, /^brief\.txt:1:\d+: warning \[wrong-place\] "Turkey"/m);
      assert.match(r.stdout, /^1 conflict left in 1 of 1 file\.$/m);
      assert.match(readFileSync(path, "utf8"), /in southern Turkey\.\n$/);
      const json = JSON.parse(runCli(["check", "--fix", "--format", "json", "brief.txt"], dir).stdout) as { files: { fixed: unknown[]; notFixed: { code: string; reason: string }[] }[] };
      assert.deepEqual(json.files[0].fixed, []);
      assert.equal(json.files[0].notFixed[0].code, "wrong-place");
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
      assert.match(r.stderr, /latin1\.txt: it is not valid UTF-8 text \(the first bad byte is at byte offset 3\); not fixed/);
      assert.match(r.stdout, /^2 conflicts in 1 of 1 file; 1 file could not be fixed\.$/m);
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
