// Hostile fact files through the real server: a fact file of the workspace is replaced on
// disk (or in the editor) by something hostile. The server must report it at that file,
// stay up and responsive, and keep checking drafts with the last good facts.
import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Diagnostic } from "vscode-languageserver-protocol";
import { LspClient } from "../support/lspClient";
import { FACTS, SEED_000 } from "../support/paths";

const BOUND_MS = 15_000;
const seen = (ds: Diagnostic[]): string[] => ds.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.code} ${d.message}`);

/** Ways to break the file on disk; each leaves something hostile at the file's path. */
const ON_DISK: Record<string, (path: string) => void> = {
  "a YAML alias bomb": (path) => {
    const levels = Array.from({ length: 9 }, (_, i) => `      - what: &l${i + 1} [${Array(10).fill(`*l${i}`).join(", ")}]`);
    writeFileSync(path, `events:\n  - id: bomb\n    name: Bomb\n    keywords: &l0 [a, a, a, a, a, a, a, a, a, a]\n    details:\n${levels.join("\n")}\n      - what: *l9\n`);
  },
  "deep nesting": (path) => writeFileSync(path, `events: ${"[".repeat(100_000)}${"]".repeat(100_000)}\n`),
  "a 50 MB file": (path) => {
    writeFileSync(path, "");
    spawnSync("truncate", ["-s", "50M", path]);
  },
  "wrong types everywhere": (path) => writeFileSync(path, "events:\n  - id: 12\n    name: [x]\n    when: {year: soon}\n    counts: none\n    cite: yes\n"),
  "a directory": (path) => mkdirSync(path),
  "a symbolic link to itself": (path) => symlinkSync(path, path),
  "a named pipe": (path) => {
    spawnSync("mkfifo", [path]);
  },
  "bytes that are not UTF-8": (path) => writeFileSync(path, Buffer.from([0x65, 0x76, 0x65, 0x6e, 0x74, 0x73, 0x3a, 0x0a, 0xff, 0xfe, 0x00, 0xc3, 0x28, 0x0a])),
};

describe("hostile fact files through the server", function () {
  this.timeout(60_000);
  let workspace: string;
  let client: LspClient;
  let baseline: string[];
  let good: string;
  const factPath = (): string => join(workspace, "facts", "atmeh-raid.facts.yaml");
  const factUri = (): string => pathToFileURL(factPath()).toString();
  const draftUri = (): string => pathToFileURL(join(workspace, "draft.txt")).toString();
  const changed = (): Promise<void> =>
    client.connection.sendNotification("workspace/didChangeWatchedFiles", { changes: [{ uri: factUri(), type: 2 }] });

  before(async () => {
    workspace = mkdtempSync(join(tmpdir(), "factcheck-hostile-lsp-"));
    cpSync(FACTS, join(workspace, "facts"), { recursive: true });
    good = readFileSync(factPath(), "utf8");
    client = new LspClient([], workspace);
    await client.initialize(workspace, { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } });
    client.open(draftUri(), readFileSync(SEED_000, "utf8"), "plaintext");
    baseline = seen(await client.diagnosticsFor(draftUri(), (p) => p.diagnostics.some((d) => d.code === "wrong-number"), BOUND_MS));
  });
  after(async () => {
    await client.shutdown();
    rmSync(workspace, { recursive: true, force: true });
  });

  /** Puts the good file back and waits until the server says the file is fine again. */
  async function restore(): Promise<void> {
    rmSync(factPath(), { recursive: true, force: true });
    writeFileSync(factPath(), good);
    await changed();
    await client.diagnosticsFor(factUri(), (p) => p.diagnostics.every((d) => d.severity !== 1), BOUND_MS);
  }

  for (const [name, breakIt] of Object.entries(ON_DISK)) {
    it(`reports ${name} at the file and keeps the last good facts`, async () => {
      rmSync(factPath(), { recursive: true, force: true });
      breakIt(factPath());
      await changed();
      const problems = await client.diagnosticsFor(factUri(), (p) => p.diagnostics.some((d) => d.severity === 1), BOUND_MS);
      assert.ok(problems.every((d) => d.message.length > 10), JSON.stringify(problems));
      // The server still answers, and the draft is still checked against the raid's last good facts.
      const version = client.change(draftUri(), `${readFileSync(SEED_000, "utf8")}\n`);
      const draft = await client.diagnosticsFor(draftUri(), (p) => p.version === version, BOUND_MS);
      assert.deepEqual(seen(draft), baseline);
      assert.equal(client.child.exitCode, null, "the server exited");
      await restore();
    });
  }

  it("reports an alias bomb typed into an open fact file, and keeps the last good facts", async () => {
    const levels = Array.from({ length: 9 }, (_, i) => `      - what: &l${i + 1} [${Array(10).fill(`*l${i}`).join(", ")}]`);
    client.open(factUri(), `events:\n  - id: bomb\n    name: Bomb\n    keywords: &l0 [a, a, a, a, a, a, a, a, a, a]\n    details:\n${levels.join("\n")}\n      - what: *l9\n`, "yaml");
    await client.diagnosticsFor(factUri(), (p) => p.diagnostics.some((d) => d.severity === 1 && /alias/i.test(d.message)), BOUND_MS);
    const version = client.change(draftUri(), readFileSync(SEED_000, "utf8"));
    assert.deepEqual(seen(await client.diagnosticsFor(draftUri(), (p) => p.version === version, BOUND_MS)), baseline);
    client.close(factUri());
    await client.diagnosticsFor(factUri(), (p) => p.diagnostics.every((d) => d.severity !== 1), BOUND_MS);
  });
});
