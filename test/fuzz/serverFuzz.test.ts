// Fuzzes the real server over LSP with hostile drafts and random edit sequences. The
// server must never crash or hang (each check waited for within a bound), and after the
// last edit its diagnostics must equal those of a fresh check of the final text, made by
// a second server that never saw the edits. Seeded: a failure prints FUZZ_SEED to replay.
// `npm test` runs a short round; `npm run fuzz` runs FUZZ_SCALE times more.
import { strict as assert } from "node:assert";
import { TextDocument } from "vscode-languageserver-textdocument";
import { Diagnostic } from "vscode-languageserver-protocol";
import { LspClient, startCheckingServer } from "../support/lspClient";
import { FACTS } from "../support/paths";
import { HOSTILE_DRAFTS, newsDraft, randomSnippet } from "./drafts";
import { fuzzScale, Random, seedFromEnv } from "./random";

/** The longest any one check may take before it counts as a hang (1–2 MB drafts included). */
const CHECK_BOUND_MS = 30_000;

interface Server {
  client: LspClient;
  errors: string[];
}

function startServer(): Promise<Server> {
  return startCheckingServer([FACTS]);
}

/** What a writer sees of a diagnostic; `data` carries the version and is left out. */
function visible(ds: Diagnostic[]): string[] {
  return ds.map((d) => JSON.stringify([d.range, d.code, d.severity, d.message, d.relatedInformation ?? []]));
}

/** One random edit of the document: insert, delete or replace, at a random place. */
function randomEdit(rng: Random, doc: TextDocument): { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string } {
  const length = doc.getText().length;
  const at = rng.int(0, length);
  const op = rng.int(0, 2);
  const span = op === 0 ? 0 : Math.min(length - at, rng.chance(0.05) ? rng.int(0, Math.ceil(length / 10)) : rng.int(0, 60));
  const text = op === 1 ? "" : randomSnippet(rng);
  return { range: { start: doc.positionAt(at), end: doc.positionAt(at + span) }, text };
}

describe("fuzzing the server over LSP", function () {
  const seed = seedFromEnv();
  const scale = fuzzScale();
  this.timeout(120_000 * scale);
  let server: Server;
  let reference: Server;
  let count = 0;

  before(async () => {
    [server, reference] = await Promise.all([startServer(), startServer()]);
  });
  after(async () => {
    await Promise.all([server.client.shutdown(), reference.client.shutdown()]);
  });
  afterEach(function () {
    if (this.currentTest?.state === "failed") {
      process.stderr.write(`\n  fuzz failure: replay with FUZZ_SEED=${seed}${scale > 1 ? ` FUZZ_SCALE=${scale}` : ""}\n`);
    }
  });

  /**
   * Opens a draft, applies `edits` random edits (some in bursts that the server may
   * coalesce, the others each waited for), then compares the final diagnostics with a
   * fresh check of the final text.
   */
  async function session(rng: Random, text: string, edits: number): Promise<void> {
    const languageId = rng.pick(["markdown", "plaintext"]);
    const uri = `file:///fuzz/${seed}-${count++}.${languageId === "markdown" ? "md" : "txt"}`;
    const { client, errors } = server;
    let doc = TextDocument.create(uri, languageId, 1, text);
    client.open(uri, text, languageId);
    await client.diagnosticsFor(uri, (p) => p.version === 1, CHECK_BOUND_MS);
    for (let i = 0; i < edits; i++) {
      const change = randomEdit(rng, doc);
      const version = client.edit(uri, change.range, change.text);
      doc = TextDocument.update(doc, [change], version);
      if (rng.chance(0.5) || i === edits - 1) await client.diagnosticsFor(uri, (p) => p.version === version, CHECK_BOUND_MS);
    }
    const final = client.lastDiagnostics(uri)!;
    assert.equal(final.version, doc.version, "the last diagnostics are not for the last version");

    const freshUri = `file:///fresh/${seed}-${count++}.${languageId === "markdown" ? "md" : "txt"}`;
    reference.client.open(freshUri, doc.getText(), languageId);
    const fresh = await reference.client.diagnosticsFor(freshUri, (p) => p.version === 1, CHECK_BOUND_MS);
    reference.client.close(freshUri);
    client.close(uri);

    assert.equal(client.child.exitCode, null, "the server exited");
    assert.deepEqual(errors, [], "the server logged errors");
    assert.deepEqual(visible(final.diagnostics), visible(fresh), "diagnostics after the edits differ from a fresh check of the final text");
  }

  for (const [name, make] of Object.entries(HOSTILE_DRAFTS)) {
    it(`survives ${name}, and edits to it`, async () => {
      const rng = new Random(seed).fork(name);
      await session(rng, make(rng), 3 * scale);
    });
  }

  it("survives random edit sequences in news drafts", async () => {
    const rng = new Random(seed).fork("news");
    for (let round = 0; round < 4 * scale; round++) await session(rng, newsDraft(rng, rng.int(5, 120)), 25);
  });

  it("survives bytes that are not UTF-8 on the wire, and a message that is not JSON", async () => {
    const rng = new Random(seed).fork("wire");
    const { client, errors } = server;
    const uri = `file:///fuzz/${seed}-wire.md`;
    const placeholder = "@@BYTES@@";
    const body = Buffer.from(JSON.stringify({ jsonrpc: "2.0", method: "textDocument/didOpen", params: { textDocument: { uri, languageId: "markdown", version: 1, text: `John Kirbi said ${placeholder} 15 people died in Atmeh.` } } }));
    const at = body.indexOf(placeholder);
    const junk = Buffer.from(Array.from({ length: 64 }, () => rng.pick([0xff, 0xfe, 0xc0, 0xc3, 0xe2, 0x80, 0xed, 0xa0, 0xf5])));
    const raw = Buffer.concat([body.subarray(0, at), junk, body.subarray(at + placeholder.length)]);
    const notJson = Buffer.from("{ this is not json ]");
    client.child.stdin!.write(Buffer.concat([Buffer.from(`Content-Length: ${notJson.length}\r\n\r\n`), notJson]));
    client.child.stdin!.write(Buffer.concat([Buffer.from(`Content-Length: ${raw.length}\r\n\r\n`), raw]));
    const diagnostics = await client.diagnosticsFor(uri, (p) => p.version === 1, CHECK_BOUND_MS);
    assert.ok(diagnostics.some((d) => d.code === "misspelled-name"), JSON.stringify(diagnostics));
    assert.equal(client.child.exitCode, null);
    assert.deepEqual(errors, []);
    client.close(uri);
  });

  it("survives typing from an empty document", async () => {
    const rng = new Random(seed).fork("empty");
    for (let round = 0; round < scale; round++) await session(rng, "", 60);
  });
});
