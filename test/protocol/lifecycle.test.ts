// The server's life: it starts for any client, exits when its client goes away (exit,
// closed stdin, a dead parent), gives the same answers after a restart, and takes a fact
// file that disappears from disk like any other change.
import { strict as assert } from "node:assert";
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Diagnostic } from "vscode-languageserver-protocol";
import { LspClient } from "../support/lspClient";
import { FACTS, ROOT, SEED_000 } from "../support/paths";

const SEED_TEXT = readFileSync(SEED_000, "utf8");

/** Whether a process has ended (gone, or a zombie nobody has reaped yet). */
function hasEnded(pid: number): boolean {
  try {
    return /^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return true;
  }
}

async function until(test: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function exitOf(client: LspClient): Promise<number | null> {
  if (client.child.exitCode !== null) return Promise.resolve(client.child.exitCode);
  return new Promise((resolve) => client.child.once("exit", (code) => resolve(code)));
}

/** What a writer sees of diagnostics: place, code and message. */
const seen = (ds: Diagnostic[]): string[] => ds.map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.code} ${d.message}`);

describe("server lifecycle", function () {
  this.timeout(20000);
  const uri = pathToFileURL(SEED_000).toString();

  it("loads the facts for a client that reads settings but does not follow workspace folders", async () => {
    const client = new LspClient(["--facts", FACTS]);
    try {
      await client.initialize(undefined, { workspace: { configuration: true } });
      client.open(uri, SEED_TEXT, "plaintext");
      const diagnostics = await client.diagnosticsFor(uri);
      assert.ok(diagnostics.some((d) => d.code === "wrong-place"), JSON.stringify(diagnostics));
    } finally {
      await client.shutdown();
    }
  });

  it("exits with code 0 on shutdown and exit", async () => {
    const client = new LspClient(["--facts", FACTS]);
    await client.initialize();
    const exited = exitOf(client);
    await client.connection.sendRequest("shutdown");
    await client.connection.sendNotification("exit");
    assert.equal(await exited, 0);
    client.connection.dispose();
  });

  it("exits when its client closes stdin", async () => {
    const client = new LspClient(["--facts", FACTS]);
    await client.initialize();
    client.open(uri, SEED_TEXT, "plaintext");
    await client.diagnosticsFor(uri);
    const exited = exitOf(client);
    client.child.stdin!.end();
    // No shutdown request came first, so the exit code says the client went away (LSP: 1).
    assert.equal(await exited, 1);
    client.connection.dispose();
  });

  it("exits when the client process dies", async () => {
    // A stand-in editor: starts the server, introduces itself with its own pid, then is killed.
    const editor = `
      const { spawn } = require("child_process");
      const server = spawn(process.execPath, [${JSON.stringify(join(ROOT, "bin", "factcheck-ls.js"))}, "--stdio", "--facts", ${JSON.stringify(FACTS)}], { stdio: ["pipe", "pipe", "inherit"] });
      const body = JSON.stringify({ jsonrpc: "2.0", id: 1, method: "initialize", params: { processId: process.pid, rootUri: null, capabilities: {} } });
      server.stdin.write("Content-Length: " + Buffer.byteLength(body) + "\\r\\n\\r\\n" + body);
      server.stdout.once("data", () => process.stdout.write(server.pid + "\\n"));
      setInterval(() => undefined, 1000);`;
    const child = spawn(process.execPath, ["-e", editor], { stdio: ["ignore", "pipe", "inherit"] });
    const serverPid = await new Promise<number>((resolve, reject) => {
      child.stdout.once("data", (d: Buffer) => resolve(Number(d.toString().trim())));
      child.once("exit", () => reject(new Error("the stand-in editor ended early")));
    });
    assert.ok(!hasEnded(serverPid), "the server did not start");
    child.kill("SIGKILL");
    await until(() => hasEnded(serverPid), 10000, `server ${serverPid} to exit after its client died`);
  });

  it("exits when the process id it was given dies, even with stdin still open", async () => {
    const parent = spawn(process.execPath, ["-e", "setInterval(() => undefined, 1000)"], { stdio: "ignore" });
    const client = new LspClient(["--facts", FACTS]);
    await client.connection.sendRequest("initialize", { processId: parent.pid, rootUri: null, capabilities: {} });
    await client.connection.sendNotification("initialized", {});
    const exited = exitOf(client);
    parent.kill("SIGKILL");
    // vscode-languageserver looks at the parent every 3 seconds.
    assert.equal(await exited, 1);
    client.connection.dispose();
  });

  it("gives the same diagnostics after a restart", async () => {
    const first = new LspClient(["--facts", FACTS]);
    await first.initialize();
    first.open(uri, SEED_TEXT, "plaintext");
    const before = await first.diagnosticsFor(uri);
    await first.shutdown();
    const second = new LspClient(["--facts", FACTS]);
    try {
      await second.initialize();
      second.open(uri, SEED_TEXT, "plaintext");
      const after = await second.diagnosticsFor(uri);
      assert.ok(before.length > 0);
      assert.deepEqual(seen(after), seen(before));
    } finally {
      await second.shutdown();
    }
  });

  describe("a fact file that disappears from disk", () => {
    let workspace: string;
    let client: LspClient;
    const draftUri = (): string => pathToFileURL(join(workspace, "draft.txt")).toString();
    const factUri = (): string => pathToFileURL(join(workspace, "facts", "atmeh-raid.facts.yaml")).toString();

    before(async () => {
      workspace = mkdtempSync(join(tmpdir(), "factcheck-lifecycle-"));
      cpSync(FACTS, join(workspace, "facts"), { recursive: true });
      client = new LspClient([], workspace);
      await client.initialize(workspace, { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } });
    });
    after(async () => {
      await client.shutdown();
      rmSync(workspace, { recursive: true, force: true });
    });

    it("is dropped like any other change, and comes back when it reappears", async () => {
      assert.ok(readdirSync(join(workspace, "facts")).includes("atmeh-raid.facts.yaml"));
      client.open(draftUri(), SEED_TEXT, "plaintext");
      const before = await client.diagnosticsFor(draftUri(), (p) => p.diagnostics.some((d) => d.code === "wrong-place"));
      const saved = readFileSync(join(workspace, "facts", "atmeh-raid.facts.yaml"), "utf8");

      unlinkSync(join(workspace, "facts", "atmeh-raid.facts.yaml"));
      await client.connection.sendNotification("workspace/didChangeWatchedFiles", { changes: [{ uri: factUri(), type: 3 }] });
      // Without the raid's facts nothing contradicts "12 dead" any more, and no message cites the raid.
      const without = await client.diagnosticsFor(draftUri(), (p) => !p.diagnostics.some((d) => d.code === "wrong-number"));
      assert.ok(before.some((d) => d.code === "wrong-number"));
      assert.ok(!without.some((d) => /raid in Atmeh/.test(d.message)), JSON.stringify(without));
      assert.ok(client.child.exitCode === null, "the server exited");

      writeFileSync(join(workspace, "facts", "atmeh-raid.facts.yaml"), saved);
      await client.connection.sendNotification("workspace/didChangeWatchedFiles", { changes: [{ uri: factUri(), type: 1 }] });
      const again = await client.diagnosticsFor(draftUri(), (p) => p.diagnostics.some((d) => d.code === "wrong-number"));
      assert.deepEqual(seen(again), seen(before));
      assert.ok(existsSync(join(workspace, "facts", "schema.json")));
    });
  });
});
