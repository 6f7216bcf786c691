// In the editor, 3: hover over a flagged span or a known name shows what the facts hold,
// the sources with their quotes and a link to the fact's line; go to definition on a known
// name opens its entry in the fact file.
import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Hover, Location, MarkupContent } from "vscode-languageserver-protocol";
import { LspClient } from "../support/lspClient";
import { FACTS, ROOT } from "../support/paths";
import { DRAFT, positionOf } from "./editorFixtures";

const ENTITIES = join(FACTS, "entities.facts.yaml");
const RAID = join(FACTS, "atmeh-raid.facts.yaml");
/** 1-based line of a line in a fact file, as a #L link gives it. */
const lineOf = (file: string, needle: string): number => readFileSync(file, "utf8").split("\n").findIndex((l) => l.includes(needle)) + 1;

describe("in the editor: hover and go to definition", function () {
  this.timeout(20000);
  let client: LspClient;
  const uri = pathToFileURL(join(ROOT, "test", "hover-draft.md")).toString();

  before(async () => {
    client = new LspClient(["--facts", FACTS]);
    const init = await client.initialize(undefined, { workspace: { configuration: true } });
    assert.equal(init.capabilities.hoverProvider, true);
    assert.equal(init.capabilities.definitionProvider, true);
    client.open(uri, DRAFT, "markdown");
    await client.diagnosticsFor(uri);
  });
  after(async () => client.shutdown());

  const hoverAt = async (needle: string, nth = 0): Promise<{ hover: Hover | null; value: string }> => {
    const hover = (await client.connection.sendRequest("textDocument/hover", { textDocument: { uri }, position: positionOf(DRAFT, needle, nth) })) as Hover | null;
    return { hover, value: hover ? (hover.contents as MarkupContent).value : "" };
  };

  it("over a flagged number: the conflict, what the facts hold, every source with its quote, a link to the fact", async () => {
    const { hover, value } = await hoverAt("12");
    assert.ok(hover, "no hover");
    assert.equal((hover.contents as MarkupContent).kind, "markdown");
    assert.match(value, /\*\*Fact Check · wrong-number\*\*/);
    assert.match(value, /What the facts hold: US special-forces raid in Atmeh: at least 13 killed/);
    // Both sources of the count, trusted ones first, with their words.
    assert.match(value, /- Syrian Observatory for Human Rights: “13 people at least were killed/);
    assert.match(value, /- AFP: “at least 13 individuals were killed in the operation”/);
    const link = `${pathToFileURL(RAID).toString()}#L${lineOf(RAID, "- measure: killed")}`;
    assert.ok(value.includes(`(${link})`), `no link ${link} in\n${value}`);
    assert.deepEqual(hover.range, { start: positionOf(DRAFT, "12"), end: { ...positionOf(DRAFT, "12"), character: positionOf(DRAFT, "12").character + 2 } });
  });

  it("over a known name: who it is, the sources, a link to its entry", async () => {
    const { hover, value } = await hoverAt("Lister");
    assert.ok(hover, "no hover");
    assert.match(value, /^\*\*Charles Lister\*\* · person — analyst of Middle East Institute/);
    assert.match(value, /Sources:\n- Reuters \(garbled re-publication\) \*\(known to carry errors\)\*: “According to Charles Lister/);
    assert.ok(value.includes(`${pathToFileURL(ENTITIES).toString()}#L${lineOf(ENTITIES, "id: charles-lister")}`), value);
    const start = positionOf(DRAFT, "Charles Lister");
    assert.deepEqual(hover.range, { start, end: { line: start.line, character: start.character + "Charles Lister".length } });
  });

  it("nothing over plain words", async () => {
    assert.equal((await hoverAt("important")).hover, null);
  });

  it("go to definition on a known name opens its entry in the fact file", async () => {
    const location = (await client.connection.sendRequest("textDocument/definition", {
      textDocument: { uri },
      position: positionOf(DRAFT, "Middle East"),
    })) as Location;
    assert.equal(location.uri, pathToFileURL(ENTITIES).toString());
    const lines = readFileSync(ENTITIES, "utf8").split("\n");
    assert.match(lines[location.range.start.line], /- id: middle-east-institute/);
  });

  it("go to definition on a misspelled name leads to the entity it looks like", async () => {
    const text = "Charles Litser of the Middle East Institute said the raid mattered.";
    const other = pathToFileURL(join(ROOT, "test", "hover-misspelled.md")).toString();
    client.open(other, text, "markdown");
    await client.diagnosticsFor(other);
    const location = (await client.connection.sendRequest("textDocument/definition", { textDocument: { uri: other }, position: positionOf(text, "Litser") })) as Location;
    assert.match(readFileSync(ENTITIES, "utf8").split("\n")[location.range.start.line], /- id: charles-lister/);
  });
});
