// In the editor, 2: the lightbulb — replace with what the facts hold (preferred), fix all (a
// quick fix on a flagged span once the file has two fixes, and source.fixAll.factcheck),
// accept a spelling into the fact file, and ignore here (this line, this file).
import { strict as assert } from "node:assert";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { CodeAction, Diagnostic } from "vscode-languageserver-protocol";
import { applyEdits, LspClient } from "../support/lspClient";
import { FACTS, ROOT } from "../support/paths";
import { applyToDisk, copyFacts, DRAFT, editsByUri } from "./editorFixtures";

const EDITOR_CAPABILITIES = { workspace: { configuration: true, applyEdit: true, workspaceEdit: { documentChanges: true } } };

describe("in the editor: quick fixes", function () {
  this.timeout(20000);

  describe("with the shipped facts", () => {
    let client: LspClient;
    before(async () => {
      client = new LspClient(["--facts", FACTS]);
      await client.initialize(undefined, EDITOR_CAPABILITIES);
    });
    after(async () => client.shutdown());

    let n = 0;
    /** Opens a fresh document and returns its URI and first diagnostics. */
    async function opened(text: string, languageId = "markdown"): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
      const uri = pathToFileURL(join(ROOT, "test", `draft-${++n}.${languageId === "markdown" ? "md" : "txt"}`)).toString();
      client.open(uri, text, languageId);
      return { uri, diagnostics: await client.diagnosticsFor(uri) };
    }
    /** Applies an action's edit to the document as the editor would, and returns the diagnostics of the result. */
    async function apply(uri: string, text: string, action: CodeAction): Promise<{ text: string; diagnostics: Diagnostic[] }> {
      const edits = editsByUri(action.edit!).get(uri)!;
      const fixed = applyEdits(text, edits);
      const version = client.change(uri, fixed);
      return { text: fixed, diagnostics: await client.diagnosticsFor(uri, (p) => p.version === version) };
    }

    it("offers the fact as the preferred fix, and applying it leaves no conflict there", async () => {
      const { uri, diagnostics } = await opened(DRAFT);
      const number = diagnostics.find((d) => d.code === "wrong-number")!;
      const actions = await client.codeActions(uri, [number], ["quickfix"]);
      const preferred = actions.filter((a) => a.isPreferred);
      assert.equal(preferred.length, 1);
      assert.equal(preferred[0].title, "Replace with '13'");
      const after = await apply(uri, DRAFT, preferred[0]);
      assert.ok(after.text.includes("at least 13 people"));
      assert.ok(!after.diagnostics.some((d) => d.code === "wrong-number"), JSON.stringify(after.diagnostics));
      assert.equal(after.diagnostics.length, diagnostics.length - 1);
    });

    it("fixes all conflicts of a file with source.fixAll", async () => {
      const { uri } = await opened(DRAFT);
      const [all] = await client.codeActions(uri, [], ["source.fixAll"]);
      assert.equal(all.title, "Fix all factual conflicts in this file");
      const after = await apply(uri, DRAFT, all);
      assert.deepEqual(after.diagnostics, []);
    });

    it("on a flagged span, the quick-fix menu also offers Fix all once the file has two or more fixes (as ESLint's does)", async () => {
      const { uri, diagnostics } = await opened(DRAFT);
      const place = diagnostics.find((d) => d.code === "wrong-place")!;
      const actions = await client.codeActions(uri, [place]);
      const all = actions.filter((a) => a.title === "Fix all factual conflicts in this file");
      assert.equal(all.length, 1, JSON.stringify(actions.map((a) => `${a.kind}: ${a.title}`)));
      assert.equal(all[0].kind, "quickfix");
      assert.ok(!all[0].isPreferred, "the fix of this span stays the preferred one");
      assert.equal(actions.find((a) => a.isPreferred)?.title, "Replace with 'Atmeh'");
      // Asked for quick fixes only (the lightbulb's menu), it is there too, and once however many diagnostics are in range.
      const quick = await client.codeActions(uri, diagnostics, ["quickfix"]);
      assert.equal(quick.filter((a) => a.title === "Fix all factual conflicts in this file").length, 1);
      const after = await apply(uri, DRAFT, all[0]);
      assert.deepEqual(after.diagnostics, []);
    });

    it("offers no Fix all among the quick fixes when this span's fix is the file's only one", async () => {
      const text = "US special forces carried out a raid in Baghdad overnight, residents said.\n";
      const { uri, diagnostics } = await opened(text);
      assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
      const actions = await client.codeActions(uri, diagnostics);
      assert.ok(!actions.some((a) => a.kind === "quickfix" && a.title.startsWith("Fix all")), JSON.stringify(actions.map((a) => a.title)));
      // The source action stays, for editor.codeActionsOnSave.
      assert.equal((await client.codeActions(uri, [], ["source.fixAll"]))[0]?.kind, "source.fixAll.factcheck");
    });

    it("ignores a conflict on its line with a comment above a paragraph's first line (Markdown)", async () => {
      const { uri, diagnostics } = await opened(DRAFT);
      const place = diagnostics.find((d) => d.code === "wrong-place")!;
      const ignore = (await client.codeActions(uri, [place])).find((a) => a.title === "Ignore wrong-place on this line")!;
      assert.ok(ignore, "no ignore-line action");
      const after = await apply(uri, DRAFT, ignore);
      assert.ok(after.text.includes("<!-- factcheck-ignore-next-line wrong-place -->\nUS special forces"), after.text);
      assert.deepEqual(after.diagnostics.map((d) => d.code).sort(), ["misspelled-name", "wrong-number"]);
    });

    // Where a comment line would change the document's shape, the comment goes at the end of the line.
    const inline: [string, string][] = [
      ["inside a paragraph (a comment line would split it)", "The raid took place overnight.\nUS special forces carried out the raid in Baghdad, residents said.\n"],
      ["in a list item (a comment line would end the list)", "Notes:\n\n- US special forces carried out the raid in Baghdad, residents said.\n\n- The raid was at night.\n"],
    ];
    for (const [where, text] of inline) {
      it(`ignores a conflict ${where} with a comment at the end of its line (Markdown)`, async () => {
        const { uri, diagnostics } = await opened(text);
        const place = diagnostics.find((d) => d.code === "wrong-place")!;
        assert.ok(place, JSON.stringify(diagnostics));
        const ignore = (await client.codeActions(uri, [place])).find((a) => a.title === "Ignore wrong-place on this line")!;
        const after = await apply(uri, text, ignore);
        assert.equal(after.text, text.replace("residents said.", "residents said. <!-- factcheck-ignore-line wrong-place -->"));
        assert.deepEqual(after.diagnostics, []);
      });
    }

    it("ignores a conflict on its line in plain text with a directive line", async () => {
      const { uri, diagnostics } = await opened(DRAFT, "plaintext");
      const number = diagnostics.find((d) => d.code === "wrong-number")!;
      const ignore = (await client.codeActions(uri, [number])).find((a) => a.title === "Ignore wrong-number on this line")!;
      const after = await apply(uri, DRAFT, ignore);
      assert.ok(after.text.includes("factcheck-ignore-next-line wrong-number\nUS special forces"), after.text);
      assert.ok(!after.diagnostics.some((d) => d.code === "wrong-number"));
      assert.ok(after.diagnostics.some((d) => d.code === "wrong-place"), "the other conflicts on the line stay");
    });

    it("ignores a code in the whole file, and adds a second code to the same comment", async () => {
      const text = `---\ntitle: Draft\n---\n${DRAFT}\nIn Baghdad, a second raid left 12 dead.\n`;
      const { uri, diagnostics } = await opened(text);
      const place = diagnostics.find((d) => d.code === "wrong-place")!;
      const inFile = (await client.codeActions(uri, [place])).find((a) => a.title === "Ignore wrong-place in this file")!;
      const first = await apply(uri, text, inFile);
      assert.ok(first.text.startsWith("---\ntitle: Draft\n---\n<!-- factcheck-disable wrong-place -->\n# Draft"), first.text.slice(0, 120));
      assert.ok(!first.diagnostics.some((d) => d.code === "wrong-place"));

      const number = first.diagnostics.find((d) => d.code === "wrong-number")!;
      const again = (await client.codeActions(uri, [number])).find((a) => a.title === "Ignore wrong-number in this file")!;
      const second = await apply(uri, first.text, again);
      assert.ok(second.text.includes("<!-- factcheck-disable wrong-place wrong-number -->\n"), second.text.slice(0, 120));
      assert.deepEqual(second.diagnostics.map((d) => d.code), ["misspelled-name"]);
    });
  });

  describe("accept this spelling", () => {
    let dir: string;
    let client: LspClient;
    const draftUri = (): string => pathToFileURL(join(dir, "draft.md")).toString();
    const entitiesUri = (): string => pathToFileURL(join(dir, "entities.facts.yaml")).toString();

    beforeEach(async () => {
      dir = copyFacts();
      client = new LspClient(["--facts", dir]);
    });
    afterEach(async () => {
      await client.shutdown();
      rmSync(dir, { recursive: true, force: true });
    });

    async function acceptAction(): Promise<{ action: CodeAction; diagnostic: Diagnostic }> {
      client.open(draftUri(), DRAFT, "markdown");
      const diagnostics = await client.diagnosticsFor(draftUri());
      const diagnostic = diagnostics.find((d) => d.code === "misspelled-name")!;
      const action = (await client.codeActions(draftUri(), [diagnostic])).find((a) => a.title.startsWith("Accept 'Leicester'"))!;
      assert.ok(action, "no accept-spelling action");
      assert.equal(action.title, "Accept 'Leicester' as a spelling of Charles Lister (adds it to entities.facts.yaml)");
      assert.ok(!action.isPreferred);
      return { action, diagnostic };
    }

    it("adds the spelling to the entity's variants on disk; the conflict goes once the file changes", async () => {
      await client.initialize(undefined, { workspace: { configuration: true } });
      const { action } = await acceptAction();
      const before = readFileSync(join(dir, "entities.facts.yaml"), "utf8");
      assert.deepEqual(applyToDisk(action.edit!), [entitiesUri()]);
      const after = readFileSync(join(dir, "entities.facts.yaml"), "utf8");
      assert.equal(after, before.replace("    name: Charles Lister\n", "    name: Charles Lister\n    variants: [Leicester]\n"));
      client.changeWatchedFiles([{ uri: entitiesUri(), type: 2 }]);
      const diagnostics = await client.diagnosticsFor(draftUri(), (p) => !p.diagnostics.some((d) => d.code === "misspelled-name"));
      assert.deepEqual(diagnostics.map((d) => d.code).sort(), ["wrong-number", "wrong-place"]);
    });

    it("edits the open fact file through a versioned edit; the editor's unsaved text takes effect at once", async () => {
      await client.initialize(undefined, EDITOR_CAPABILITIES);
      const text = readFileSync(join(dir, "entities.facts.yaml"), "utf8");
      client.open(entitiesUri(), text, "yaml");
      const { action } = await acceptAction();
      const change = action.edit!.documentChanges![0] as { textDocument: { uri: string; version: number }; edits: [] };
      assert.deepEqual(change.textDocument, { uri: entitiesUri(), version: 1 });
      client.change(entitiesUri(), applyEdits(text, change.edits));
      await client.diagnosticsFor(draftUri(), (p) => !p.diagnostics.some((d) => d.code === "misspelled-name"));
      assert.equal(readFileSync(join(dir, "entities.facts.yaml"), "utf8"), text, "the server wrote to disk");
    });

    it("is not offered when the facts in force are the shipped fallback", async () => {
      await client.shutdown();
      const empty = mkdtempSync(join(tmpdir(), "factcheck-empty-"));
      client = new LspClient([], empty);
      try {
        await client.initialize(empty, EDITOR_CAPABILITIES);
        const uri = pathToFileURL(join(empty, "draft.md")).toString();
        client.open(uri, DRAFT, "markdown");
        const diagnostic = (await client.diagnosticsFor(uri)).find((d) => d.code === "misspelled-name")!;
        const actions = await client.codeActions(uri, [diagnostic]);
        assert.ok(actions.some((a) => a.isPreferred && a.title === "Replace with 'Lister'"));
        assert.ok(!actions.some((a) => a.title.startsWith("Accept")), JSON.stringify(actions.map((a) => a.title)));
      } finally {
        rmSync(empty, { recursive: true, force: true });
      }
    });

    it("is not offered in an untrusted workspace", async () => {
      await client.initialize(undefined, EDITOR_CAPABILITIES, { trusted: false });
      client.open(draftUri(), DRAFT, "markdown");
      const diagnostic = (await client.diagnosticsFor(draftUri())).find((d) => d.code === "misspelled-name")!;
      const actions = await client.codeActions(draftUri(), [diagnostic]);
      assert.ok(actions.some((a) => a.title === "Replace with 'Lister'"));
      assert.ok(!actions.some((a) => a.title.startsWith("Accept")), JSON.stringify(actions.map((a) => a.title)));
    });
  });
});
