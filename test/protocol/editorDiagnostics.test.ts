// In the editor, 1: diagnostics as you type — on open and on every change (debounced),
// always for the latest text; Markdown and plain text by default plus any language in
// settings; severity per code; cleared when the document closes.
import { strict as assert } from "node:assert";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Diagnostic } from "vscode-languageserver-protocol";
import { Checker } from "../../server/src/engine/checker";
import { loadFacts } from "../../server/src/engine/factBase";
import { LineMap } from "../../server/src/engine/positions";
import { LspClient } from "../support/lspClient";
import { FACTS, ROOT } from "../support/paths";
import { DRAFT } from "./editorFixtures";

const uriOf = (name: string): string => pathToFileURL(join(ROOT, "test", "drafts-that-do-not-exist", name)).toString();
const seen = (ds: Diagnostic[]): string[] =>
  ds.map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.code}`).sort();

describe("in the editor: diagnostics as you type", function () {
  this.timeout(20000);
  let client: LspClient;
  const checker = new Checker(loadFacts([FACTS]).base);
  /** What the engine finds in a text, as the editor would show it. */
  const expected = (text: string, languageId = "markdown"): string[] => {
    const lines = new LineMap(text);
    return checker
      .check(text, { languageId })
      .map((f) => {
        const a = lines.position(f.start);
        const b = lines.position(f.end);
        return `${a.line}:${a.character}-${b.line}:${b.character} ${f.code}`;
      })
      .sort();
  };

  beforeEach(async () => {
    client = new LspClient(["--facts", FACTS]);
    await client.initialize(undefined, { workspace: { configuration: true } });
  });
  afterEach(async () => client.shutdown());

  it("checks Markdown and plain text on open", async () => {
    const md = uriOf("a.md");
    const txt = uriOf("a.txt");
    client.open(md, DRAFT, "markdown");
    client.open(txt, DRAFT, "plaintext");
    assert.deepEqual(seen(await client.diagnosticsFor(md)), expected(DRAFT));
    assert.deepEqual(seen(await client.diagnosticsFor(txt)), expected(DRAFT, "plaintext"));
    assert.equal((await client.diagnosticsFor(md)).length, 3);
  });

  it("after a burst of edits the diagnostics match the final text, and no older version is published after it", async () => {
    const uri = uriOf("burst.md");
    client.configuration = { debounceMs: 50 };
    client.open(uri, DRAFT, "markdown");
    await client.diagnosticsFor(uri);
    // Type a sentence one keystroke at a time, with no pause.
    const added = "\n\nThe raid in Idlib left 40 people dead, according to residents.";
    let text = DRAFT;
    let version = 1;
    for (const ch of added) {
      text += ch;
      version = client.change(uri, text);
    }
    // …then fix one conflict and introduce another.
    text = text.replace("Baghdad", "Atmeh").replace("Mr Leicester", "Mr Lister");
    version = client.change(uri, text);
    const final = await client.diagnosticsFor(uri, (p) => p.version === version);
    assert.deepEqual(seen(final), expected(text));
    assert.ok(!final.some((d) => d.code === "wrong-place" || d.code === "misspelled-name"), JSON.stringify(final));
    // Anything published for this document after the final version is for the final version.
    await new Promise((r) => setTimeout(r, 300));
    const afterwards = client.published.filter((p) => p.uri === uri).slice(-1)[0];
    assert.equal(afterwards.version, version);
    const versions = client.published.filter((p) => p.uri === uri && p.version !== undefined).map((p) => p.version!);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b), `versions published out of order: ${versions}`);
    // Debounced: far fewer checks than keystrokes.
    assert.ok(versions.length < added.length / 2, `${versions.length} checks for ${added.length} keystrokes`);
  });

  it("checks another language only when settings list it, and clears when the document closes", async () => {
    const tex = uriOf("a.tex");
    client.open(tex, DRAFT, "latex");
    const plain = uriOf("control.txt");
    client.open(plain, DRAFT, "plaintext");
    await client.diagnosticsFor(plain);
    assert.equal(client.lastDiagnostics(tex), undefined, "a latex document was checked without being asked for");

    client.configuration = { languages: ["markdown", "plaintext", "latex"] };
    void client.connection.sendNotification("workspace/didChangeConfiguration", { settings: null });
    const diagnostics = await client.diagnosticsFor(tex, (p) => p.diagnostics.length > 0);
    assert.equal(diagnostics.length, 3);

    client.close(tex);
    await client.diagnosticsFor(tex, (p) => p.diagnostics.length === 0);
  });

  it("applies severity per code, and `off` hides a code", async () => {
    client.configuration = { severity: { "wrong-number": "error", "wrong-place": "off" } };
    const uri = uriOf("severity.md");
    client.open(uri, DRAFT, "markdown");
    const diagnostics = await client.diagnosticsFor(uri);
    assert.equal(diagnostics.find((d) => d.code === "wrong-number")?.severity, 1);
    assert.ok(!diagnostics.some((d) => d.code === "wrong-place"));
    assert.ok(diagnostics.some((d) => d.code === "misspelled-name"));
    // Fix all does not touch what the writer switched off.
    const all = await client.codeActions(uri, [], ["source.fixAll"]);
    const edits = Object.values(all[0].edit!.changes!)[0];
    assert.ok(!edits.some((e) => e.newText === "Atmeh"), JSON.stringify(edits));
  });

  it("turns off with `enable: false` for that document's folder, and ignores settings of the wrong type", async () => {
    const off = uriOf("off.md");
    const control = uriOf("control.md");
    client.configurationFor = (scope) => (scope === off ? { enable: false } : {});
    client.open(off, DRAFT, "markdown");
    client.open(control, DRAFT, "markdown");
    // Checks run in the order the documents were opened: once the second is checked, the first was considered.
    await client.diagnosticsFor(control);
    assert.equal(client.lastDiagnostics(off), undefined);

    client.configurationFor = undefined;
    client.configuration = { enable: "yes", languages: "markdown", debounceMs: "fast", severity: { "wrong-place": "loud" } };
    void client.connection.sendNotification("workspace/didChangeConfiguration", { settings: null });
    assert.equal((await client.diagnosticsFor(off, (p) => p.diagnostics.length > 0)).length, 3);
  });
});
