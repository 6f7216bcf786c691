// In the editor: a document is checked as soon as it opens. The typing pause (debounceMs)
// is for edits; the content change that follows every open must not put the first check off.
import { strict as assert } from "node:assert";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { LspClient } from "../support/lspClient";
import { FACTS, ROOT } from "../support/paths";
import { DRAFT } from "./editorFixtures";

const uriOf = (name: string): string => pathToFileURL(join(ROOT, "test", "drafts-that-do-not-exist", name)).toString();

describe("in the editor: a document opened is checked at once", function () {
  this.timeout(20000);
  let client: LspClient;

  beforeEach(async () => {
    client = new LspClient(["--facts", FACTS]);
    // A typing pause far longer than the wait below: only a check made at once can be seen.
    client.configuration = { debounceMs: 5000 };
    await client.initialize(undefined, { workspace: { configuration: true } });
  });
  afterEach(async () => client.shutdown());

  it("publishes the diagnostics of an opened document without waiting for the typing pause", async () => {
    const uri = uriOf("opened.md");
    client.open(uri, DRAFT, "markdown");
    // The draft's three conflicts, long before the five-second pause is over.
    const diagnostics = await client.diagnosticsFor(uri, (p) => p.version === 1, 3000);
    assert.equal(diagnostics.length, 3);
  });

  it("still waits for the typing pause after an edit", async () => {
    const uri = uriOf("edited.md");
    client.open(uri, "US forces raided a house in Atmeh, in Syria's Idlib province.\n", "markdown");
    await client.diagnosticsFor(uri, (p) => p.version === 1, 3000);
    const version = client.change(uri, "US forces raided a house in Baghdad, in Syria's Idlib province.\n");
    await new Promise((r) => setTimeout(r, 1000));
    assert.ok(!client.published.some((p) => p.uri === uri && p.version === version), "an edit was checked before the typing pause");
  });
});
