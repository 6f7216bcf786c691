// Long checks over LSP: the server keeps answering while it checks a long document, a newer
// version cancels the check of the older one (whose result is never published), and a check
// past its budget stops with one note at the top of the document. These tests assert the order
// and content of what the server sends, never how long anything took.
import { strict as assert } from "node:assert";
import { Diagnostic, Hover, MarkupContent } from "vscode-languageserver-protocol";
import { Checker } from "../../server/src/engine/checker";
import { loadFacts } from "../../server/src/engine/factBase";
import { longSentence } from "../fuzz/drafts";
import { Random } from "../fuzz/random";
import { LspClient } from "../support/lspClient";
import { FACTS } from "../support/paths";
import { DRAFT, positionOf } from "./editorFixtures";

const LONG = "file:///long/long.md";
const SMALL = "file:///long/small.md";
/** Long enough that its check is still under way when the server says so in its log (after 250 ms). */
const LONG_TEXT = longSentence(new Random(2024), 2_000_000);
const what = (ds: Diagnostic[]): string[] => ds.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.code}`);

/** The server's log lines, and a way to wait for one. */
class Log {
  readonly lines: string[] = [];
  private waiters: { test: (line: string) => boolean; resolve: () => void }[] = [];
  add(line: string): void {
    this.lines.push(line);
    for (const w of this.waiters.filter((x) => x.test(line))) {
      this.waiters = this.waiters.filter((x) => x !== w);
      w.resolve();
    }
  }
  some(test: (line: string) => boolean): boolean {
    return this.lines.some(test);
  }
  filter(test: (line: string) => boolean): string[] {
    return this.lines.filter(test);
  }
  waitFor(test: (line: string) => boolean, what: string, timeoutMs = 60_000): Promise<void> {
    if (this.lines.some(test)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}; log:\n${this.lines.join("\n")}`)), timeoutMs);
      this.waiters.push({ test, resolve: () => (clearTimeout(timer), resolve()) });
    });
  }
}

/** A server that checks at once, with every log line it writes collected. */
async function start(initializationOptions?: object): Promise<{ client: LspClient; logs: Log }> {
  const client = new LspClient(["--facts", FACTS]);
  client.configuration = { debounceMs: 0 };
  const logs = new Log();
  client.connection.onNotification("window/logMessage", (p: { message: string }) => logs.add(p.message));
  await client.initialize(undefined, { workspace: { configuration: true } }, initializationOptions);
  return { client, logs };
}

describe("long checks over LSP", function () {
  this.timeout(120_000);
  const checker = new Checker(loadFacts([FACTS]).base);
  let client: LspClient;
  let logs: Log;

  afterEach(async () => client.shutdown());

  /** Waits until the log says the long document's check of this version is under way. */
  const underWay = (version: number): Promise<void> =>
    logs.waitFor((l) => l.includes(`still checking ${LONG} (version ${version},`), `the check of version ${version} under way`);

  it("answers hover, definition, completion and code actions, and checks an edit to another document, while a long check runs", async () => {
    // However busy the machine, the long check runs to its end here.
    ({ client, logs } = await start({ checkBudgetMs: 600_000 }));
    client.open(SMALL, DRAFT, "markdown");
    await client.diagnosticsFor(SMALL, (p) => p.version === 1);
    const events: string[] = [];
    client.open(LONG, LONG_TEXT, "markdown");
    const longDone = client.diagnosticsFor(LONG, (p) => p.version === 1, 60_000).then(() => events.push("long checked"));
    await underWay(1);
    const hover = client.connection
      .sendRequest("textDocument/hover", { textDocument: { uri: SMALL }, position: positionOf(DRAFT, "12") })
      .then((h) => {
        events.push("hover answered");
        return h as Hover | null;
      });
    const definition = client.connection
      .sendRequest("textDocument/definition", { textDocument: { uri: SMALL }, position: positionOf(DRAFT, "Lister") })
      .then(() => events.push("definition answered"));
    const actions = client.codeActions(SMALL, (await client.diagnosticsFor(SMALL)).slice(0, 1)).then(() => events.push("code actions answered"));
    const completion = client.connection
      .sendRequest("textDocument/completion", { textDocument: { uri: SMALL }, position: { line: 0, character: 0 } })
      .then(() => events.push("completion answered"));
    const edited = DRAFT.replace("Baghdad", "Atmeh");
    const version = client.change(SMALL, edited);
    const smallDone = client.diagnosticsFor(SMALL, (p) => p.version === version, 60_000).then((ds) => {
      events.push("edit checked");
      return ds;
    });
    const [h, , , , smallDiagnostics] = await Promise.all([hover, definition, actions, completion, smallDone]);
    assert.ok(h && (h.contents as MarkupContent).value.includes("13"), JSON.stringify(h));
    assert.ok(!smallDiagnostics.some((d) => d.code === "wrong-place"), JSON.stringify(smallDiagnostics));
    await longDone;
    assert.equal(events[events.length - 1], "long checked", `answered after the long check: ${events.join(", ")}`);
    // The long document's own findings are those of a whole check.
    const published = client.lastDiagnostics(LONG)!;
    assert.equal(published.diagnostics.length, checker.check(LONG_TEXT, { languageId: "markdown" }).length);
  });

  it("a newer version cancels the check of the older one, whose result is never published", async () => {
    ({ client, logs } = await start());
    client.open(LONG, LONG_TEXT, "markdown");
    await underWay(1);
    const shorter = `${LONG_TEXT.slice(0, 20_000)}\n\nThe raid took place in Baghdad.\n`;
    const version = client.change(LONG, shorter);
    const diagnostics = await client.diagnosticsFor(LONG, (p) => p.version === version, 60_000);
    const expected = checker.check(shorter, { languageId: "markdown" });
    assert.equal(diagnostics.length, expected.length);
    assert.ok(diagnostics.some((d) => d.code === "wrong-place"));
    // Ask something of the server, so anything it had queued has been sent before we look.
    await client.connection.sendRequest("textDocument/hover", { textDocument: { uri: LONG }, position: { line: 0, character: 0 } });
    const versions = client.published.filter((p) => p.uri === LONG).map((p) => p.version);
    assert.deepEqual(versions, [version], "the overtaken check of version 1 was published");
    assert.ok(!logs.some((l) => l.includes(`checked ${LONG} (${LONG_TEXT.length} characters)`)), "the overtaken check ran to its end");
  });

  it("a hover in the long document itself is answered with the findings of its current version", async () => {
    ({ client, logs } = await start({ checkBudgetMs: 600_000 }));
    const text = `The raid took place in Baghdad, ${LONG_TEXT}`;
    client.open(LONG, text, "markdown");
    await underWay(1);
    const hover = (await client.connection.sendRequest("textDocument/hover", { textDocument: { uri: LONG }, position: positionOf(text, "Baghdad") })) as Hover | null;
    assert.ok(hover && (hover.contents as MarkupContent).value.includes("wrong-place"), JSON.stringify(hover));
  });

  it("stops a check past its budget with one note at the top, says so once in the log, and stays correct", async () => {
    ({ client, logs } = await start({ checkBudgetMs: 50 }));
    const text = LONG_TEXT.slice(0, 600_000);
    client.open(LONG, text, "markdown");
    const first = await client.diagnosticsFor(LONG, (p) => p.version === 1, 60_000);
    const notes = first.filter((d) => d.code === "too-long");
    assert.equal(notes.length, 1, JSON.stringify(first.slice(0, 3)));
    assert.deepEqual(notes[0].range.start, { line: 0, character: 0 });
    assert.equal(notes[0].severity, 3);
    assert.match(notes[0].message, /too long to check as you type.*factcheck check/);
    // What it did find is what a whole check finds first.
    const whole = checker.check(text, { languageId: "markdown" });
    assert.ok(first.length - 1 <= whole.length);
    const version = client.change(LONG, `${text} more`);
    const again = await client.diagnosticsFor(LONG, (p) => p.version === version, 60_000);
    assert.equal(again.filter((d) => d.code === "too-long").length, 1);
    assert.equal(logs.filter((l) => l.includes("too long to check as you type")).length, 1, logs.lines.join("\n"));
    // The server is alive: a small draft is checked in full (its few steps fit the budget).
    assert.equal(client.child.exitCode, null);
    client.open(SMALL, "Atmeh.", "markdown");
    assert.deepEqual(what(await client.diagnosticsFor(SMALL, (p) => p.version === 1)), []);
  });
});
