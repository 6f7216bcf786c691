// In the editor, 5 and 6: fact files as documents of their own — diagnostics for broken
// YAML, schema errors and dangling references while drafts keep the last good facts;
// completion, hover and go to definition of ids — and the settings and status around them
// (`factcheck.facts`, the status notification, workspace trust).
import { strict as assert } from "node:assert";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { CompletionList, Diagnostic, Hover, Location, MarkupContent } from "vscode-languageserver-protocol";
import { loadFacts } from "../../server/src/engine/factBase";
import { FactStatus } from "../../server/src/lsp/protocol";
import { statusView } from "../../server/src/lsp/statusText";
import { LspClient } from "../support/lspClient";
import { FACTS } from "../support/paths";
import { copyFacts, DRAFT, positionOf } from "./editorFixtures";

interface Status extends FactStatus {
  mode: FactStatus["mode"];
}

const codes = (ds: Diagnostic[]): string[] => ds.map((d) => String(d.code)).sort();

describe("in the editor: fact files", function () {
  this.timeout(20000);
  let dir: string;
  let client: LspClient;
  const uriIn = (name: string): string => pathToFileURL(join(dir, name)).toString();

  /** Waits for the draft to be published again after whatever was just sent. */
  async function republished(uri: string, since: number): Promise<Diagnostic[]> {
    await client.waitFor(() => client.published.slice(since).some((p) => p.uri === uri), 10000, `a new check of ${uri}`);
    return client.lastDiagnostics(uri)!.diagnostics;
  }

  describe("diagnostics and last good facts", () => {
    beforeEach(async () => {
      dir = copyFacts();
      client = new LspClient(["--facts", dir]);
      await client.initialize(undefined, { workspace: { configuration: true } });
    });
    afterEach(async () => {
      await client.shutdown();
      rmSync(dir, { recursive: true, force: true });
    });

    it("a broken fact file in the editor gets diagnostics at its line and column; the draft keeps the last good facts", async () => {
      client.open(uriIn("draft.md"), DRAFT, "markdown");
      const before = await client.diagnosticsFor(uriIn("draft.md"));
      assert.deepEqual(codes(before), ["misspelled-name", "wrong-number", "wrong-place"]);

      const raid = readFileSync(join(dir, "atmeh-raid.facts.yaml"), "utf8");
      client.open(uriIn("atmeh-raid.facts.yaml"), raid, "yaml");
      // Break the YAML where the death toll is: an unclosed flow list.
      const broken = raid.replace("        value: 13\n", "        value: [13\n");
      const since = client.published.length;
      client.change(uriIn("atmeh-raid.facts.yaml"), broken);
      const problems = await client.diagnosticsFor(uriIn("atmeh-raid.facts.yaml"), (p) => p.diagnostics.length > 0);
      const syntax = problems.find((d) => d.code === "yaml-syntax");
      assert.ok(syntax, JSON.stringify(problems));
      assert.equal(syntax.severity, 1);
      const brokenLine = broken.split("\n").findIndex((l) => l.includes("value: [13"));
      assert.ok(Math.abs(syntax.range.start.line - brokenLine) <= 1, `error at line ${syntax.range.start.line}, broken line ${brokenLine}`);
      assert.match(syntax.message, /last good version of this file stays in force/);
      assert.deepEqual(codes(await republished(uriIn("draft.md"), since)), codes(before), "the draft lost its diagnostics");

      // Fixed: the fact file's diagnostics clear.
      client.change(uriIn("atmeh-raid.facts.yaml"), raid);
      await client.diagnosticsFor(uriIn("atmeh-raid.facts.yaml"), (p) => !p.diagnostics.some((d) => d.severity === 1));
    });

    it("schema errors and dangling references on disk are reported where they are written", async () => {
      client.open(uriIn("draft.md"), DRAFT, "markdown");
      await client.diagnosticsFor(uriIn("draft.md"));
      const file = join(dir, "entities.facts.yaml");
      const text = readFileSync(file, "utf8");
      const wrong = text.replace("    kind: person\n    name: Charles Lister\n", "    kind: planet\n    name: Charles Lister\n").replace("    in: iraq\n", "    in: atlantis\n");
      writeFileSync(file, wrong);
      client.changeWatchedFiles([{ uri: uriIn("entities.facts.yaml"), type: 2 }]);
      const problems = await client.diagnosticsFor(uriIn("entities.facts.yaml"), (p) => p.diagnostics.some((d) => d.code === "schema"));
      const lines = wrong.split("\n");
      const schema = problems.find((d) => d.code === "schema")!;
      assert.match(lines[schema.range.start.line], /kind: planet/);
      // A file with a schema error is not used (its last good version is): fix it and the reference is checked.
      writeFileSync(file, text.replace("    in: iraq\n", "    in: atlantis\n"));
      client.changeWatchedFiles([{ uri: uriIn("entities.facts.yaml"), type: 2 }]);
      const dangling = (await client.diagnosticsFor(uriIn("entities.facts.yaml"), (p) => p.diagnostics.some((d) => d.code === "dangling-reference"))).find(
        (d) => d.code === "dangling-reference",
      )!;
      assert.equal(text.replace("    in: iraq\n", "    in: atlantis\n").split("\n")[dangling.range.start.line], "    in: atlantis");
      assert.equal(dangling.range.start.character, "    in: ".length);
    });

    it("a duplicate id points to its first definition", async () => {
      const file = join(dir, "humaira-raid.facts.yaml");
      const text = readFileSync(file, "utf8");
      writeFileSync(file, `${text}\nentities:\n  - id: syria\n    kind: place\n    name: Syria again\n    cite:\n      - source: afp-raid\n        quote: Syria\n`);
      client.changeWatchedFiles([{ uri: uriIn("humaira-raid.facts.yaml"), type: 2 }]);
      const problems = await client.diagnosticsFor(uriIn("humaira-raid.facts.yaml"), (p) => p.diagnostics.some((d) => d.code === "duplicate-id"));
      const duplicate = problems.find((d) => d.code === "duplicate-id")!;
      const [first] = duplicate.relatedInformation ?? [];
      assert.ok(first, JSON.stringify(duplicate));
      assert.equal(first.location.uri, uriIn("entities.facts.yaml"));
      assert.match(readFileSync(join(dir, "entities.facts.yaml"), "utf8").split("\n")[first.location.range.start.line], /id: syria/);
    });

    it("completes entity ids after in:, of: and in id lists, and source ids after source:", async () => {
      const text = [
        "entities:",
        "  - id: new-town",
        "    kind: place",
        "    name: New Town",
        "    in: ",
        "    near: [tur",
        "    roles:",
        "      - title: mayor",
        "        of: ",
        "    cite:",
        "      - source: afp",
        "        quote: q",
        "events:",
        "  - id: new-event",
        "    name: E",
        "    actors:",
        "      ids:",
        "        - us-",
        "    counts:",
        "      - measure: killed",
        "        of: ",
        "        value: 1",
        "    cite: []",
        "",
      ].join("\n");
      client.open(uriIn("new.facts.yaml"), text, "yaml");
      const complete = async (line: number, character: number): Promise<string[]> => {
        const list = (await client.connection.sendRequest("textDocument/completion", { textDocument: { uri: uriIn("new.facts.yaml") }, position: { line, character } })) as CompletionList | null;
        if (!list) return [];
        return list.items.sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label)).map((i) => i.label);
      };
      const afterIn = await complete(4, 8);
      assert.ok(afterIn.includes("syria") && afterIn.includes("charles-lister"));
      assert.ok(afterIn.indexOf("syria") < afterIn.indexOf("charles-lister"), "places first after in:");
      assert.ok((await complete(5, 14)).includes("turkey"));
      const afterOf = await complete(8, 12);
      assert.ok(afterOf.indexOf("middle-east-institute") < afterOf.indexOf("atmeh"), "organizations first after a role's of:");
      assert.deepEqual((await complete(10, 18)).filter((id) => id.startsWith("afp")), ["afp-barrons", "afp-raid"]);
      assert.ok((await complete(17, 13)).includes("us-special-forces"));
      assert.deepEqual(await complete(20, 12), [], "a count's of: is a word, not an id");
      assert.deepEqual(await complete(3, 10), [], "no ids in a name");
    });

    it("hovers and goes to the definition of an id in a fact file", async () => {
      const text = readFileSync(join(dir, "entities.facts.yaml"), "utf8");
      client.open(uriIn("entities.facts.yaml"), text, "yaml");
      const at = positionOf(text, "of: middle-east-institute");
      const position = { line: at.line, character: at.character + 8 };
      const hover = (await client.connection.sendRequest("textDocument/hover", { textDocument: { uri: uriIn("entities.facts.yaml") }, position })) as Hover;
      assert.match((hover.contents as MarkupContent).value, /^\*\*Middle East Institute\*\* · organization/);
      const location = (await client.connection.sendRequest("textDocument/definition", { textDocument: { uri: uriIn("entities.facts.yaml") }, position })) as Location;
      assert.equal(location.uri, uriIn("entities.facts.yaml"));
      assert.equal(text.split("\n")[location.range.start.line], "  - id: middle-east-institute");
      const source = positionOf(text, "source: afp-raid");
      const sourceHover = (await client.connection.sendRequest("textDocument/hover", {
        textDocument: { uri: uriIn("entities.facts.yaml") },
        position: { line: source.line, character: source.character + 10 },
      })) as Hover;
      assert.match((sourceHover.contents as MarkupContent).value, /^\*\*AFP\*\* · source \(main\)/);
    });
  });

  describe("settings and status", () => {
    let ws: string;
    beforeEach(() => {
      ws = mkdtempSync(join(tmpdir(), "factcheck-ws-"));
      mkdirSync(join(ws, "facts"));
      cpSync(FACTS, join(ws, "facts"), { recursive: true });
    });
    afterEach(async () => {
      await client.shutdown();
      rmSync(ws, { recursive: true, force: true });
    });

    it("reports the facts loaded in a status notification", async () => {
      client = new LspClient([], ws);
      await client.initialize(ws, { workspace: { configuration: true } });
      const { base, files } = loadFacts([join(ws, "facts")]);
      const status = await client.notification<Status>("factcheck/status");
      assert.equal(status.facts, base.entities.size + base.events.size);
      assert.equal(status.files, files.length);
      assert.equal(status.mode, "workspace");
      assert.equal(status.trusted, true);
    });

    it("a YAML error in a fact file is a fact-file error in the status, apart from the draft's conflicts", async () => {
      client = new LspClient([], ws);
      await client.initialize(ws, { workspace: { configuration: true } });
      const clean = await client.notification<Status>("factcheck/status");
      assert.deepEqual([clean.errors, clean.warnings, clean.problems], [0, 0, 0]);
      const draft = pathToFileURL(join(ws, "draft.md")).toString();
      client.open(draft, DRAFT, "markdown");
      const conflicts = (await client.diagnosticsFor(draft)).length;
      assert.equal(conflicts, 3);

      const file = join(ws, "facts", "atmeh-raid.facts.yaml");
      const uri = pathToFileURL(file).toString();
      const raid = readFileSync(file, "utf8");
      client.open(uri, raid, "yaml");
      // One YAML error: a key written twice.
      client.change(uri, raid.replace("    kind: raid\n", "    kind: raid\n    kind: strike\n"));
      const broken = await client.notification<Status>("factcheck/status", (s) => s.errors > 0);
      assert.equal(broken.errors, 1);
      assert.equal(broken.warnings, 0);
      assert.equal(broken.problems, 1);
      // What the status bar makes of it: the draft's three conflicts, and the error apart.
      const onDraft = statusView(broken, (await client.diagnosticsFor(draft)).length);
      assert.equal(onDraft.text, `$(checklist) ${broken.facts} facts · 3 conflicts`);
      assert.equal(onDraft.problems?.text, "$(warning) 1 fact-file error");
      // On the fact file itself, its YAML error is no conflict.
      const onFactFile = statusView(broken, undefined);
      assert.equal(onFactFile.text, `$(checklist) ${broken.facts} facts`);
      assert.equal(onFactFile.problems?.text, "$(warning) 1 fact-file error");

      const since = client.notifications.length;
      client.change(uri, raid);
      const fixedNow = (): Status | undefined =>
        client.notifications.slice(since).find((n) => n.method === "factcheck/status" && (n.params as Status).errors === 0)?.params as Status | undefined;
      await client.waitFor(() => !!fixedNow(), 10000, "a status without errors");
      assert.equal(statusView(fixedNow(), conflicts).problems, undefined);
    });

    it("takes fact files from the folder's `factcheck.facts` globs, and follows their changes", async () => {
      client = new LspClient([], ws);
      client.configuration = { facts: ["facts/entities.facts.yaml", "facts/sources.facts.yaml"] };
      await client.initialize(ws, { workspace: { configuration: true } });
      await client.notification<Status>("factcheck/status", (s) => s.files === 2);
      const draft = pathToFileURL(join(ws, "draft.md")).toString();
      client.open(draft, DRAFT, "markdown");
      // Without the event files there is no death toll to compare with.
      assert.ok(!codes(await client.diagnosticsFor(draft)).includes("wrong-number"));

      client.configuration = { facts: ["facts/*.facts.yaml"] };
      const since = client.published.length;
      void client.connection.sendNotification("workspace/didChangeConfiguration", { settings: null });
      await client.notification<Status>("factcheck/status", (s) => s.files > 2);
      await client.waitFor(() => client.published.slice(since).some((p) => p.uri === draft && p.diagnostics.some((d) => d.code === "wrong-number")), 10000, "wrong-number");
    });

    it("in an untrusted workspace checks with the shipped facts only, until trust is granted", async () => {
      // The workspace's facts say 12 were killed: a draft saying 12 is right by them, wrong by the shipped facts.
      const raid = join(ws, "facts", "atmeh-raid.facts.yaml");
      writeFileSync(raid, readFileSync(raid, "utf8").replace("        value: 13\n        qualifier: at least\n", "        value: 12\n        qualifier: at least\n"));
      client = new LspClient([], ws);
      await client.initialize(ws, { workspace: { configuration: true } }, { trusted: false });
      const status = await client.notification<Status>("factcheck/status");
      assert.equal(status.mode, "shipped");
      assert.equal(status.trusted, false);
      const draft = pathToFileURL(join(ws, "draft.md")).toString();
      client.open(draft, DRAFT, "markdown");
      assert.ok(codes(await client.diagnosticsFor(draft)).includes("wrong-number"));

      void client.connection.sendNotification("factcheck/trust", { trusted: true });
      await client.notification<Status>("factcheck/status", (s) => s.trusted && s.mode === "workspace");
      await client.diagnosticsFor(draft, (p) => !p.diagnostics.some((d) => d.code === "wrong-number"));
    });
  });
});
