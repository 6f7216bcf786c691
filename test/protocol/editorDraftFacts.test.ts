// In the editor: drafting facts from articles through `workspace/executeCommand`
// `factcheck.draftFacts` — the YAML of a new fact file, or an edit that adds the draft to a
// chosen fact file, with progress for several articles; an unsaved draft opened under its path
// is a fact file at once (its notes published to it, its facts used by the checker).
import { strict as assert } from "node:assert";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { WorkspaceEdit } from "vscode-languageserver-protocol";
import { parse } from "yaml";
import { applyEdits, LspClient } from "../support/lspClient";
import { FACTS } from "../support/paths";

const SEEDS = ["001_5275aee76dddcb41.txt", "002_3b0c83eb93a1357c.txt", "003_f18772d31dee92f8.txt"];
const EDITOR = { workspace: { configuration: true, applyEdit: true }, window: { workDoneProgress: true } };

interface Result {
  ok: boolean;
  message: string;
  text?: string;
  path?: string;
}

describe("in the editor: draft facts from articles", function () {
  this.timeout(30000);
  let dir: string;
  let client: LspClient;
  const command = (arg: unknown): Promise<Result> => client.connection.sendRequest("workspace/executeCommand", { command: "factcheck.draftFacts", arguments: [arg] }) as Promise<Result>;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "factcheck-draft-"));
    mkdirSync(join(dir, "articles"));
    for (const s of SEEDS) copyFileSync(join(FACTS, "sources", s), join(dir, "articles", s));
    writeFileSync(join(dir, "own.facts.yaml"), "# Our own facts.\nsources:\n  - id: desk\n    outlet: Desk\n    title: Notes\n\nentities:\n  - id: desk-editor\n    kind: person\n    name: Dana Desk\n    cite:\n      - source: desk\n        quote: Dana Desk\n");
    client = new LspClient(["--facts", dir]);
  });
  afterEach(async () => {
    await client.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  it("returns the drafted fact file for articles, with progress, and the path beside the first article", async () => {
    const tokens: unknown[] = [];
    const progress: string[] = [];
    client.connection.onNotification("$/progress", (p: { value: { kind: string } }) => void progress.push(p.value.kind));
    client.connection.onRequest("window/workDoneProgress/create", (p: { token: unknown }) => {
      tokens.push(p.token);
      return null;
    });
    const init = await client.initialize(dir, EDITOR);
    assert.ok(init.capabilities.executeCommandProvider?.commands.includes("factcheck.draftFacts"));
    const files = SEEDS.map((s) => join(dir, "articles", s));
    const result = await command({ files });
    assert.equal(result.ok, true, result.message);
    assert.equal(result.path, join(dir, "articles", "001_5275aee76dddcb41.facts.yaml"));
    const data = parse(result.text!) as { sources: { file: string }[]; entities: { name: string; status: string }[]; events: unknown[] };
    assert.deepEqual(data.sources.map((s) => s.file), SEEDS);
    assert.ok(data.entities.some((e) => e.name === "Rami Abdel Rahman"));
    assert.ok(data.entities.every((e) => e.status === "draft"));
    assert.equal(tokens.length, 1, "one progress for the three articles");
    assert.deepEqual([progress[0], progress[progress.length - 1]], ["begin", "end"]);
  });

  it("reads an article open in the editor from its unsaved text", async () => {
    await client.initialize(dir, EDITOR);
    const file = join(dir, "articles", "new.txt");
    writeFileSync(file, "Nothing here yet.\n");
    client.open(pathToFileURL(file).toString(), "Rescuers said Mayor Tobias Wendt of Karlsdorf town spoke on Monday.\n\nAt least 7 people were killed in Karlsdorf, the mayor said.\n", "plaintext");
    const result = await command({ files: [pathToFileURL(file).toString()] });
    assert.equal(result.ok, true, result.message);
    assert.match(result.text!, /value: 7/);
  });

  it("adds the draft to a chosen fact file as one edit that keeps the file's own text", async () => {
    let received: WorkspaceEdit | undefined;
    client.onApplyEdit = (p) => ((received = p.edit), { applied: true });
    await client.initialize(dir, EDITOR);
    const own = join(dir, "own.facts.yaml");
    const result = await command({ files: [join(dir, "articles", SEEDS[1])], append: own });
    assert.equal(result.ok, true, result.message);
    const uri = pathToFileURL(own).toString();
    const edits = received?.changes?.[uri];
    assert.ok(edits?.length, "an edit of the chosen fact file");
    const before = readFileSync(own, "utf8");
    const after = applyEdits(before, edits!);
    assert.ok(after.startsWith(before.slice(0, before.indexOf("entities:"))), "the file's own sources come first, untouched");
    const data = parse(after) as { sources: { id: string }[]; entities: { id: string }[]; events: unknown[] };
    assert.equal(data.sources[0].id, "desk");
    assert.ok(data.sources.length > 1 && data.entities.length > 1 && data.events.length >= 1);
    assert.equal(new Set(data.entities.map((e) => e.id)).size, data.entities.length, "no id taken twice");
  });

  it("says why for an article that cannot be drafted from, and drafts nothing", async () => {
    await client.initialize(dir, EDITOR);
    const bad = join(dir, "articles", "latin1.txt");
    writeFileSync(bad, Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x0a]));
    const result = await command({ files: [bad] });
    assert.equal(result.ok, false);
    assert.match(result.message, /not UTF-8/);
    assert.equal(result.text, undefined);
  });

  it("takes an unsaved draft opened under its path as a fact file: notes on drafted facts, its facts used at once", async () => {
    await client.initialize(dir, EDITOR);
    const result = await command({ files: [join(dir, "articles", SEEDS[1])] });
    const untitled = pathToFileURL(result.path!).toString().replace(/^file:/, "untitled:");
    client.open(untitled, result.text!, "yaml");
    const notes = await client.diagnosticsFor(untitled, (p) => p.diagnostics.length > 0);
    assert.ok(notes.every((d) => d.severity === 3 && d.code === "drafted"), "information notes only");
    // The lightbulb on a note: "Mark as reviewed" deletes its `status: draft` line.
    const actions = (await client.connection.sendRequest("textDocument/codeAction", { textDocument: { uri: untitled }, range: notes[0].range, context: { diagnostics: [notes[0]] } })) as { title: string; edit: WorkspaceEdit }[];
    const review = actions.find((a) => a.title.startsWith("Mark as reviewed"))!;
    assert.ok(review, actions.map((a) => a.title).join(", "));
    const reviewed = applyEdits(result.text!, review.edit.changes![untitled]);
    assert.equal(reviewed.split("\n").length, result.text!.split("\n").length - 1);
    assert.equal(result.text!.split("\n")[notes[0].range.start.line].trim(), "status: draft");
    const draft = pathToFileURL(join(dir, "draft.md")).toString();
    client.open(draft, "Observatory chief Rami Abdel Rahmen told AFP about the operation.\n");
    const found = await client.diagnosticsFor(draft, (p) => p.diagnostics.some((d) => d.code === "misspelled-name"));
    assert.ok(found.some((d) => /Rahman/.test(d.message)));
  });
});
