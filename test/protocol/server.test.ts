// Protocol tests: the real server, started as a child process, spoken to over stdio.
import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { applyEdits, LspClient } from "../support/lspClient";
import { FACTS, SEED_000 } from "../support/paths";

describe("language server over stdio", function () {
  this.timeout(20000);
  let client: LspClient;
  const uri = pathToFileURL(SEED_000).toString();
  const text = readFileSync(SEED_000, "utf8");

  before(async () => {
    client = new LspClient(["--facts", FACTS]);
    const init = await client.initialize();
    assert.ok(init.capabilities.codeActionProvider, "no code actions advertised");
  });
  after(async () => client.shutdown());

  it("publishes diagnostics on didOpen with the expected ranges", async () => {
    client.open(uri, text, "plaintext");
    const diagnostics = await client.diagnosticsFor(uri);
    const at = (needle: string) => {
      const offset = text.indexOf(needle);
      const line = text.slice(0, offset).split("\n").length - 1;
      const character = offset - (text.lastIndexOf("\n", offset - 1) + 1);
      return { line, character };
    };
    const baghdad = diagnostics.find((d) => d.code === "wrong-place");
    assert.ok(baghdad, "no wrong-place diagnostic");
    assert.deepEqual(baghdad.range.start, at("Baghdad"));
    assert.equal(baghdad.range.end.character - baghdad.range.start.character, "Baghdad".length);
    assert.ok(diagnostics.some((d) => d.code === "wrong-number"));
    assert.ok(diagnostics.some((d) => d.code === "misspelled-name"));
    assert.ok(diagnostics.every((d) => d.source === "factcheck"));
  });

  it("answers codeAction with a quick fix that replaces the wrong text", async () => {
    const diagnostics = await client.diagnosticsFor(uri);
    const baghdad = diagnostics.find((d) => d.code === "wrong-place")!;
    const actions = await client.codeActions(uri, [baghdad]);
    const fix = actions.find((a) => a.kind === "quickfix" && a.isPreferred);
    assert.ok(fix, "no preferred quick fix");
    const edits = fix.edit!.changes![uri];
    const fixed = applyEdits(text, edits);
    assert.ok(fixed.includes("northern Syrian city of Atmeh"), fixed.slice(0, 200));
  });

  it("an applied fix leaves no conflict at that place", async () => {
    const diagnostics = await client.diagnosticsFor(uri);
    const baghdad = diagnostics.find((d) => d.code === "wrong-place")!;
    const [fix] = (await client.codeActions(uri, [baghdad])).filter((a) => a.isPreferred);
    const fixed = applyEdits(text, fix.edit!.changes![uri]);
    const version = client.change(uri, fixed);
    const after = await client.diagnosticsFor(uri, (p) => p.version === version);
    assert.ok(!after.some((d) => d.code === "wrong-place"), JSON.stringify(after));
    assert.equal(after.length, diagnostics.length - 1);
  });

  it("offers fix-all as a source.fixAll action (source.fixAll.factcheck)", async () => {
    const diagnostics = await client.diagnosticsFor(uri);
    const actions = await client.codeActions(uri, [], ["source.fixAll"]);
    const all = actions.find((a) => a.kind === "source.fixAll.factcheck");
    assert.ok(all, "no fixAll action");
    const fixed = applyEdits(readFileSync(SEED_000, "utf8").replace("Baghdad", "Atmeh"), all.edit!.changes![uri]);
    assert.ok(diagnostics.length > 0);
    assert.ok(fixed.includes("at least 13 dead"));
    assert.ok(fixed.includes("Mr Lister"));
  });

  it("clears diagnostics when the document closes", async () => {
    client.close(uri);
    await client.diagnosticsFor(uri, (p) => p.diagnostics.length === 0);
  });
});
