// In the editor, 4: adding a fact. The server prefills the guided input from a selection
// (`factcheck.factForm`), builds the edit for a filled-in draft and has the editor apply it
// (`workspace/applyEdit`); a client that cannot apply edits gets the file written
// atomically — and never over changes it has not seen.
import { strict as assert } from "node:assert";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { CodeAction, WorkspaceEdit } from "vscode-languageserver-protocol";
import { AddFactResult, FactForm, FactStatus, QuoteAnswer } from "../../server/src/lsp/protocol";
import { LspClient } from "../support/lspClient";
import { applyToDisk, copyFacts, DRAFT, editsByUri, positionOf } from "./editorFixtures";

const EDITOR = { workspace: { configuration: true, applyEdit: true, workspaceEdit: { documentChanges: true } } };
const DRAFT_TOM = { kind: "person", name: "Tom Leicester", cite: { source: "reuters-garbled", quote: "Mr Leicester told Reuters" } };
/** The sentence of article 000 (reuters-garbled) that holds "Mr Leicester". */
const LEICESTER_SENTENCE =
  'Mr Leicester told Reuters that "this is the most important operation of its kind" since 2019, which resulted in the death of Abu Bakr al-Baghdadi, the leader of the Islamic State (IS), in northwestern Syria.';
/** An article of the workspace that no source names yet. */
const NEW_ARTICLE = [
  "Rescuers in Atmeh",
  "",
  "Hassan Youssef, a volunteer with the White Helmets civil defence group, said his team pulled survivors from the house after the raid. The group said it had no figures yet.",
  "",
].join("\n");


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

  const statusesSince = (since: number): FactStatus[] =>
    client.notifications.slice(since).filter((n) => n.method === "factcheck/status").map((n) => n.params as FactStatus);
  /** The first status the server sends after `since` notifications (once the written files are read again). */
  async function statusSince(since: number): Promise<FactStatus> {
    await client.waitFor(() => statusesSince(since).length > 0, 10000, "a status after the fact was added");
    return statusesSince(since)[0];
  }

  async function openDraft(): Promise<void> {
    client.open(uriIn("draft.md"), DRAFT, "markdown");
    await client.diagnosticsFor(uriIn("draft.md"));
  }

  it("prefills the guided input from the selection: the name, a source article's sentence as quote, files, sources, bodies, events", async () => {
    const init = await client.initialize(undefined, EDITOR, { addFactInput: true });
    assert.deepEqual(init.capabilities.executeCommandProvider?.commands, ["factcheck.addFact", "factcheck.factForm", "factcheck.quote", "factcheck.draftFacts"]);
    await openDraft();
    const start = positionOf(DRAFT, "Mr Leicester");
    const form = (await command("factcheck.factForm", {
      uri: uriIn("draft.md"),
      range: { start, end: { line: start.line, character: start.character + "Mr Leicester".length } },
    })) as FactForm;
    assert.equal(form.name, "Mr Leicester");
    // The quote is the article's sentence that holds the selected words — never the draft's own sentence.
    assert.deepEqual(form.quotes, [{ source: "reuters-garbled", quote: LEICESTER_SENTENCE }]);
    assert.equal(form.quote, LEICESTER_SENTENCE);
    assert.equal(form.suggestedId, "mr-leicester");
    assert.deepEqual(form.kinds.map((k) => k.kind), ["person", "place", "organization", "force", "detail", "count"]);
    assert.ok(form.files.some((f) => f.path === join(dir, "entities.facts.yaml")));
    assert.equal(form.defaultFile, join(dir, "entities.facts.yaml"));
    assert.equal(form.sourcesFile, join(dir, "sources.facts.yaml"));
    assert.equal(form.sources.find((s) => s.id === "reuters-garbled")?.file, join(dir, "sources", "000_d5b0eb1f19cd9f4f.txt"));
    assert.equal(form.sources.find((s) => s.id === "gazetteer")?.file, undefined);
    assert.ok(form.bodies.some((b) => b.id === "middle-east-institute" && b.description === "organization"));
    assert.ok(!form.bodies.some((b) => b.id === "charles-lister"), "a person is no body a role belongs to");
    assert.ok(form.events.some((e) => e.id === "atmeh-raid"));
    assert.equal(form.problem, undefined);
  });

  it("a quote prefilled from the article is found in it: the new fact adds no quote-not-found", async () => {
    await client.initialize(undefined, { workspace: { configuration: true } }, { addFactInput: true });
    const since = client.notifications.length;
    const result = (await command("factcheck.addFact", {
      draft: { kind: "person", name: "Tom Leicester", cite: { source: "reuters-garbled", quote: LEICESTER_SENTENCE } },
    })) as AddFactResult;
    assert.equal(result.ok, true, result.message);
    const status = await statusSince(since);
    assert.equal(status.problems, 0, "the fact files have problems after the fact was added");
  });

  it("refuses a quote that is not in the cited article, and writes nothing", async () => {
    await client.initialize(undefined, EDITOR, { addFactInput: true });
    const before = readFileSync(join(dir, "entities.facts.yaml"), "utf8");
    let asked = false;
    client.onApplyEdit = () => {
      asked = true;
      return { applied: true };
    };
    const result = (await command("factcheck.addFact", { draft: { ...DRAFT_TOM, cite: { source: "afp-raid", quote: "Mr Leicester told Reuters" } } })) as AddFactResult;
    assert.equal(result.ok, false);
    assert.match(result.message, /not in the article of 'afp-raid' \(002_3b0c83eb93a1357c\.txt\)/);
    assert.equal(asked, false);
    assert.equal(readFileSync(join(dir, "entities.facts.yaml"), "utf8"), before);
    // A source without an article (a reference) has nothing to check against.
    const reference = (await command("factcheck.addFact", { draft: { ...DRAFT_TOM, cite: { source: "gazetteer", quote: "Tom Leicester, an analyst" } } })) as AddFactResult;
    assert.equal(reference.ok, true, reference.message);
  });

  it("adds a person with the office the sources give them and its organisation", async () => {
    await client.initialize(undefined, { workspace: { configuration: true } }, { addFactInput: true });
    const since = client.notifications.length;
    const result = (await command("factcheck.addFact", {
      draft: { ...DRAFT_TOM, role: { title: "analyst", of: "middle-east-institute" }, cite: { source: "reuters-garbled", quote: LEICESTER_SENTENCE } },
    })) as AddFactResult;
    assert.equal(result.ok, true, result.message);
    const written = readFileSync(join(dir, "entities.facts.yaml"), "utf8").split("\n").slice(result.line!).join("\n");
    assert.match(written, /^ {2}- id: tom-leicester\n {4}kind: person\n {4}name: Tom Leicester\n {4}roles:\n {6}- title: analyst\n {8}of: middle-east-institute\n {8}cite:\n {10}- source: reuters-garbled\n/);
    assert.equal((await statusSince(since)).problems, 0);
    // A role belongs to a body, not to a person; and only a person holds one.
    const bad = (await command("factcheck.addFact", { draft: { ...DRAFT_TOM, name: "Ann Other", role: { title: "aide", of: "john-kirby" } } })) as AddFactResult;
    assert.match(bad.message, /'john-kirby' is a person/);
    const place = (await command("factcheck.addFact", { draft: { ...DRAFT_TOM, kind: "place", name: "Nowhere", role: { title: "mayor" } } })) as AddFactResult;
    assert.match(place.message, /Only a person holds a role/);
  });

  it("adds a new source along with the fact: its article relative to the fact file, the quote from its article", async () => {
    await client.initialize(undefined, EDITOR, { addFactInput: true });
    writeFileSync(join(dir, "sources", "rescuers.txt"), NEW_ARTICLE);
    // The guided input asks the server for the article's sentence, and checks the quote as it is typed.
    const found = (await command("factcheck.quote", { file: join(dir, "sources", "rescuers.txt"), words: "Hassan Youssef" })) as QuoteAnswer;
    const sentence = "Hassan Youssef, a volunteer with the White Helmets civil defence group, said his team pulled survivors from the house after the raid.";
    assert.deepEqual(found, { article: join(dir, "sources", "rescuers.txt"), sentence });
    assert.equal(((await command("factcheck.quote", { file: join(dir, "sources", "rescuers.txt"), quote: "said his team pulled survivors" })) as QuoteAnswer).holds, true);
    assert.equal(((await command("factcheck.quote", { file: join(dir, "sources", "rescuers.txt"), quote: "said his team found nobody" })) as QuoteAnswer).holds, false);
    assert.equal(((await command("factcheck.quote", { source: "afp-raid", quote: "at least 13 individuals were killed" })) as QuoteAnswer).holds, true);

    const edits: WorkspaceEdit[] = [];
    client.onApplyEdit = ({ edit }) => {
      edits.push(edit);
      const uris = applyToDisk(edit);
      client.changeWatchedFiles(uris.map((uri) => ({ uri, type: 2 as const })));
      return { applied: true };
    };
    const since = client.notifications.length;
    const result = (await command("factcheck.addFact", {
      draft: { kind: "person", name: "Hassan Youssef", role: { title: "volunteer" }, cite: { source: "rescuers-atmeh", quote: sentence } },
      file: join(dir, "entities.facts.yaml"),
      newSource: { id: "rescuers-atmeh", outlet: "White Helmets", title: "Rescuers in Atmeh", file: join(dir, "sources", "rescuers.txt") },
    })) as AddFactResult;
    assert.equal(result.ok, true, result.message);
    assert.equal(result.message, "Added 'hassan-youssef' and the source 'rescuers-atmeh' to sources.facts.yaml and entities.facts.yaml.");
    assert.deepEqual([...editsByUri(edits[0]).keys()].sort(), [uriIn("entities.facts.yaml"), uriIn("sources.facts.yaml")]);
    const sources = readFileSync(join(dir, "sources.facts.yaml"), "utf8");
    assert.ok(sources.includes("  - id: rescuers-atmeh\n    outlet: White Helmets\n    title: Rescuers in Atmeh\n    file: sources/rescuers.txt\n"), sources);
    const status = await client.waitFor(() => statusesSince(since).some((s) => s.sources === 7), 10000, "the new source in force").then(() => statusesSince(since).find((s) => s.sources === 7)!);
    assert.equal(status.problems, 0, "the fact files have problems after the source and fact were added");

    // The new source's id must be free, its article readable; nothing is written otherwise.
    const taken = (await command("factcheck.addFact", { draft: { ...DRAFT_TOM, cite: { source: "afp-raid", quote: "q" } }, newSource: { id: "afp-raid", outlet: "AFP", title: "t" } })) as AddFactResult;
    assert.match(taken.message, /already taken/);
    const missing = (await command("factcheck.addFact", { draft: { ...DRAFT_TOM, cite: { source: "new-one", quote: "q" } }, newSource: { id: "new-one", outlet: "AFP", title: "t", file: "sources/none.txt" } })) as AddFactResult;
    assert.match(missing.message, /article cannot be read/);
  });

  it("a new source and the fact in one fact file: one edit, both read back", async () => {
    await client.initialize(undefined, { workspace: { configuration: true } }, { addFactInput: true });
    writeFileSync(join(dir, "sources", "rescuers.txt"), NEW_ARTICLE);
    const since = client.notifications.length;
    const result = (await command("factcheck.addFact", {
      draft: { kind: "organization", name: "White Helmets", cite: { source: "rescuers-atmeh", quote: "a volunteer with the White Helmets civil defence group" } },
      file: join(dir, "entities.facts.yaml"),
      newSource: { id: "rescuers-atmeh", outlet: "White Helmets", title: "Rescuers in Atmeh", file: "sources/rescuers.txt" },
      sourcesFile: join(dir, "entities.facts.yaml"),
    })) as AddFactResult;
    assert.equal(result.ok, true, result.message);
    const text = readFileSync(join(dir, "entities.facts.yaml"), "utf8");
    assert.equal(text.split("\n")[result.line!], "  - id: white-helmets");
    assert.ok(text.includes("sources:\n  - id: rescuers-atmeh\n"), text.slice(-400));
    const status = await client.waitFor(() => statusesSince(since).some((s) => s.sources === 7), 10000, "the new source in force").then(() => statusesSince(since).find((s) => s.sources === 7)!);
    assert.equal(status.problems, 0);
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
      draft: { kind: "count", eventId: "atmeh-raid", measure: "injured", of: "us-forces", value: 0, cite: { source: "afp-raid", quote: "There were no victims in the United States" } },
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
