// In the editor, 4: adding a fact. The server prefills the guided input from a selection
// (`factcheck.factForm`), builds the edit for a filled-in draft and has the editor apply it
// (`workspace/applyEdit`); a client that cannot apply edits gets the file written
// atomically — and never over changes it has not seen.
import { strict as assert } from "node:assert";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { CodeAction, WorkspaceEdit } from "vscode-languageserver-protocol";
import { LspClient } from "../support/lspClient";
import { applyToDisk, copyFacts, DRAFT, editsByUri, positionOf } from "./editorFixtures";

const EDITOR = { workspace: { configuration: true, applyEdit: true, workspaceEdit: { documentChanges: true } } };
const DRAFT_TOM = { kind: "person", name: "Tom Leicester", cite: { source: "afp-raid", quote: "Mr Leicester told Reuters" } };

interface AddFactResult {
  ok: boolean;
  message: string;
  file?: string;
  line?: number;
  id?: string;
}

describe("in the editor: add a fact", function () {
  this.timeout(20000);
  let dir: string;
  let client: LspClient;
  const uriIn = (name: string): string => pathToFileURL(join(dir, name)).toString();
  const command = (name: string, arg: unknown): Promise<unknown> => client.connection.sendRequest("workspace/executeCommand", { command: name, arguments: [arg] });

  beforeEach(() => {
    dir = copyFacts();
    client = new LspClient(["--facts", dir]);
  });
  afterEach(async () => {
    await client.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  /**
   * The actions at a range with no diagnostic given: `automatic` is the editor's own request
   * for the lightbulb as the cursor moves, `invoked` the writer's Ctrl+. or Refactor menu.
   */
  const actionsAt = (
    start: { line: number; character: number },
    triggerKind: "invoked" | "automatic" = "invoked",
    end = start,
  ): Promise<CodeAction[]> =>
    client.connection.sendRequest("textDocument/codeAction", {
      textDocument: { uri: uriIn("draft.md") },
      range: { start, end },
      context: { diagnostics: [], triggerKind: triggerKind === "invoked" ? 1 : 2 },
    }) as Promise<CodeAction[]>;

  async function openDraft(): Promise<void> {
    client.open(uriIn("draft.md"), DRAFT, "markdown");
    await client.diagnosticsFor(uriIn("draft.md"));
  }

  it("prefills the guided input from the selection: the name, the sentence as quote, files, sources, events", async () => {
    const init = await client.initialize(undefined, EDITOR, { addFactInput: true });
    assert.deepEqual(init.capabilities.executeCommandProvider?.commands, ["factcheck.addFact", "factcheck.factForm"]);
    await openDraft();
    const start = positionOf(DRAFT, "Mr Leicester");
    const form = (await command("factcheck.factForm", {
      uri: uriIn("draft.md"),
      range: { start, end: { line: start.line, character: start.character + "Mr Leicester".length } },
    })) as Record<string, unknown> & { files: { path: string }[]; sources: { id: string }[]; kinds: { kind: string }[]; events: { id: string }[] };
    assert.equal(form.name, "Mr Leicester");
    assert.equal(form.quote, "Mr Leicester told Reuters that it was the most important operation of its kind.");
    assert.equal(form.suggestedId, "mr-leicester");
    assert.deepEqual(form.kinds.map((k) => k.kind), ["person", "place", "organization", "force", "detail", "count"]);
    assert.ok(form.files.some((f) => f.path === join(dir, "entities.facts.yaml")));
    assert.equal(form.defaultFile, join(dir, "entities.facts.yaml"));
    assert.ok(form.sources.some((s) => s.id === "afp-raid"));
    assert.ok(form.events.some((e) => e.id === "atmeh-raid"));
    assert.equal(form.problem, undefined);
  });

  it("offers 'Add a fact from this sentence…' when asked (Ctrl+., Refactor), as a refactor that does not light the bulb", async () => {
    await client.initialize(undefined, EDITOR, { addFactInput: true });
    await openDraft();
    const at = positionOf(DRAFT, "told Reuters");
    const actions = await actionsAt(at, "invoked");
    const add = actions.find((a) => a.title === "Add a fact from this sentence…");
    assert.ok(add?.command, JSON.stringify(actions));
    assert.equal(add.kind, "refactor.addFact");
    assert.equal(add.command.command, "factcheck.addFact");
    const { range } = add.command.arguments![0] as { range: { start: { character: number }; end: { character: number } } };
    const line = DRAFT.split("\n")[at.line];
    assert.equal(line.slice(range.start.character, range.end.character), "Mr Leicester told Reuters that it was the most important operation of its kind.");
  });

  it("the lightbulb stays off on a line with nothing flagged: no action for the editor's automatic request", async () => {
    await client.initialize(undefined, EDITOR, { addFactInput: true });
    await openDraft();
    // "# Draft", and a word of a sentence that has no conflict.
    assert.deepEqual(await actionsAt({ line: 0, character: 3 }, "automatic"), []);
    assert.deepEqual(await actionsAt(positionOf(DRAFT, "important"), "automatic"), []);
  });

  it("offers it on the lightbulb where it helps: a selection, or a flagged span", async () => {
    await client.initialize(undefined, EDITOR, { addFactInput: true });
    await openDraft();
    const start = positionOf(DRAFT, "Middle East Institute");
    const selected = await actionsAt(start, "automatic", { line: start.line, character: start.character + "Middle East Institute".length });
    assert.ok(selected.some((a) => a.title === "Add a fact from this sentence…"), JSON.stringify(selected));
    const flagged = await actionsAt(positionOf(DRAFT, "Leicester"), "automatic");
    assert.ok(flagged.some((a) => a.title === "Add a fact from this sentence…"), JSON.stringify(flagged));
  });

  it("adds the fact through the editor; once applied, the conflict it answers is gone", async () => {
    await client.initialize(undefined, EDITOR, { addFactInput: true });
    await openDraft();
    assert.ok((await client.diagnosticsFor(uriIn("draft.md"))).some((d) => d.code === "misspelled-name"));
    const before = readFileSync(join(dir, "entities.facts.yaml"), "utf8");
    let received: WorkspaceEdit | undefined;
    client.onApplyEdit = ({ edit }) => {
      received = edit;
      // The editor applies the edit and saves the file: its watcher reports the change.
      const uris = applyToDisk(edit);
      client.changeWatchedFiles(uris.map((uri) => ({ uri, type: 2 as const })));
      return { applied: true };
    };
    const result = (await command("factcheck.addFact", { draft: DRAFT_TOM, file: join(dir, "entities.facts.yaml") })) as AddFactResult;
    assert.equal(result.ok, true, result.message);
    assert.equal(result.message, "Added 'tom-leicester' to entities.facts.yaml.");
    assert.ok(received, "no workspace/applyEdit");
    assert.deepEqual([...editsByUri(received).keys()], [uriIn("entities.facts.yaml")]);
    const after = readFileSync(join(dir, "entities.facts.yaml"), "utf8");
    assert.equal(after.split("\n")[result.line!], "  - id: tom-leicester");
    // Only an insertion: the file before it and after it is untouched.
    const inserted = after.length - before.length;
    const at = [...after].findIndex((c, i) => c !== before[i]);
    assert.equal(after.slice(0, at) + after.slice(at + inserted), before);
    await client.diagnosticsFor(uriIn("draft.md"), (p) => !p.diagnostics.some((d) => d.code === "misspelled-name"));
  });

  it("adds an event's count to the event's own file, whichever file was chosen", async () => {
    await client.initialize(undefined, EDITOR, { addFactInput: true });
    let edit: WorkspaceEdit | undefined;
    client.onApplyEdit = (p) => {
      edit = p.edit;
      return { applied: true };
    };
    const result = (await command("factcheck.addFact", {
      draft: { kind: "count", eventId: "atmeh-raid", measure: "injured", of: "people", value: 2, cite: { source: "afp-raid", quote: "two wounded" } },
      file: join(dir, "entities.facts.yaml"),
    })) as AddFactResult;
    assert.equal(result.ok, true, result.message);
    const [uri] = [...editsByUri(edit!).keys()];
    assert.equal(uri, uriIn("atmeh-raid.facts.yaml"));
  });

  it("refuses a draft the facts cannot take, and an editor that does not apply the edit, without writing", async () => {
    await client.initialize(undefined, EDITOR, { addFactInput: true });
    const before = readFileSync(join(dir, "entities.facts.yaml"), "utf8");
    const bad = (await command("factcheck.addFact", { draft: { ...DRAFT_TOM, cite: { source: "nobody", quote: "q" } } })) as AddFactResult;
    assert.deepEqual(bad, { ok: false, message: "No source has the id 'nobody'." });
    client.onApplyEdit = () => ({ applied: false, failureReason: "the file is read-only" });
    const declined = (await command("factcheck.addFact", { draft: DRAFT_TOM })) as AddFactResult;
    assert.equal(declined.ok, false);
    assert.match(declined.message, /did not apply the edit: the file is read-only/);
    assert.equal(readFileSync(join(dir, "entities.facts.yaml"), "utf8"), before);
  });

  it("in an untrusted workspace: no add-fact action, no form, no write", async () => {
    await client.initialize(undefined, EDITOR, { addFactInput: true, trusted: false });
    await openDraft();
    const at = positionOf(DRAFT, "told Reuters");
    const actions = await actionsAt(at);
    assert.ok(!actions.some((a) => a.title.startsWith("Add a fact")));
    const form = (await command("factcheck.factForm", { uri: uriIn("draft.md"), range: { start: at, end: at } })) as { problem?: string };
    assert.match(form.problem ?? "", /not trusted/);
    let asked = false;
    client.onApplyEdit = () => {
      asked = true;
      return { applied: true };
    };
    const result = (await command("factcheck.addFact", { draft: DRAFT_TOM })) as AddFactResult;
    assert.equal(result.ok, false);
    assert.match(result.message, /not trusted/);
    assert.equal(asked, false);
  });

  describe("a client that cannot apply edits", () => {
    it("gets the file written atomically by the server, and the conflict goes", async () => {
      await client.initialize(undefined, { workspace: { configuration: true } });
      await openDraft();
      const result = (await command("factcheck.addFact", { draft: DRAFT_TOM })) as AddFactResult;
      assert.equal(result.ok, true, result.message);
      assert.ok(readFileSync(join(dir, "entities.facts.yaml"), "utf8").includes("  - id: tom-leicester\n    kind: person\n"));
      assert.ok(!readdirSync(dir).some((f) => f.endsWith(".tmp")), "a temporary file was left behind");
      await client.diagnosticsFor(uriIn("draft.md"), (p) => !p.diagnostics.some((d) => d.code === "misspelled-name"));
    });

    it("never overwrites unsaved editor text: refuses while the open fact file differs from disk", async () => {
      await client.initialize(undefined, { workspace: { configuration: true } });
      const file = join(dir, "entities.facts.yaml");
      const disk = readFileSync(file, "utf8");
      // The writer has typed into the fact file without saving.
      client.open(uriIn("entities.facts.yaml"), disk, "yaml");
      const unsaved = disk.replace("# People, places", "# Edited, not saved. People, places");
      client.change(uriIn("entities.facts.yaml"), unsaved);
      const result = (await command("factcheck.addFact", { draft: DRAFT_TOM })) as AddFactResult;
      assert.equal(result.ok, false);
      assert.match(result.message, /unsaved changes in the editor; save it and try again\. Nothing was written\./);
      // An editor without the guided input hears of it as a message.
      await client.notification<{ type: number; message: string }>("window/showMessage", (m) => m.type === 1 && m.message.includes("unsaved changes"));
      assert.equal(readFileSync(file, "utf8"), disk);
      // Saved: now it can be written, keeping the writer's edit.
      writeFileSync(file, unsaved);
      const saved = (await command("factcheck.addFact", { draft: DRAFT_TOM })) as AddFactResult;
      assert.equal(saved.ok, true, saved.message);
      const written = readFileSync(file, "utf8");
      assert.ok(written.startsWith("# Edited, not saved.") && written.includes("- id: tom-leicester"));
    });
  });
});
