// In the editor, 3: hover over a flagged span says what is wrong and what the facts hold once
// (values first; left out where the editor prints the diagnostic beside the hover), then the
// sources with their quotes — whole or cut at a word — and a link to the fact's line; over a
// known name, who it is. Go to definition on a known name opens its entry in the fact file.
// The layout is asserted, not the engine's wording.
import { strict as assert } from "node:assert";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { CodeAction, Hover, Location, MarkupContent } from "vscode-languageserver-protocol";
import { loadFacts } from "../../server/src/engine/factBase";
import { LspClient } from "../support/lspClient";
import { FACTS, ROOT } from "../support/paths";
import { copyFacts, DRAFT, positionOf } from "./editorFixtures";

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

  it("over a flagged number: what is wrong once, values first, then every source with its quote and a link to the fact", async () => {
    const { hover, value } = await hoverAt("12");
    assert.ok(hover, "no hover");
    assert.equal((hover.contents as MarkupContent).kind, "markdown");
    const diagnostic = (await client.diagnosticsFor(uri)).find((d) => d.code === "wrong-number")!;
    const [first, ...rest] = value.split("\n\n");
    // The first paragraph is the diagnostic's message and its code — nothing before it, and the message once.
    assert.equal(first, `${escaped(diagnostic.message)} *(wrong-number)*`);
    assert.ok(!rest.join("\n").includes(escaped(diagnostic.message)), value);
    assertNoSentenceTwice(value);
    // Both sources of the count, trusted ones first, with their words; the report giving 12 says so.
    assert.match(value, /^- Syrian Observatory for Human Rights: “13 people at least were killed/m);
    assert.match(value, /^- AFP: “at least 13 individuals were killed in the operation”/m);
    assert.match(value, /^- Reuters \(garbled re-publication\) \*\(known to carry errors\)\* gives at least 12: “/m);
    assertQuotesWholeOrCutAtAWord(value);
    const link = `${pathToFileURL(RAID).toString()}#L${lineOf(RAID, "- measure: killed")}`;
    assert.ok(value.includes(`(${link})`), `no link ${link} in\n${value}`);
    assert.deepEqual(hover.range, { start: positionOf(DRAFT, "12"), end: { ...positionOf(DRAFT, "12"), character: positionOf(DRAFT, "12").character + 2 } });
  });

  it("the diagnostics open with the values (right, then wrong) and leave the quotes to the hover", async () => {
    const diagnostics = await client.diagnosticsFor(uri);
    assert.equal(diagnostics.length, 3);
    for (const d of diagnostics) {
      const [fix] = ((await client.codeActions(uri, [d], ["quickfix"])) as CodeAction[]).filter((a) => a.isPreferred);
      const right = Object.values(fix.edit!.changes!)[0][0].newText;
      const edit = Object.values(fix.edit!.changes!)[0][0].range;
      const wrong = DRAFT.split("\n")[edit.start.line].slice(edit.start.character, edit.end.character);
      assertValuesFirst(d.message, right, wrong);
      assert.ok(!/[“”]/.test(d.message), `a quote in the message: ${d.message}`);
      assertNoSentenceTwice(d.message);
      assert.equal(d.relatedInformation, undefined, "the fact's link is the hover's");
    }
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
  describe("where the editor prints the diagnostic in the hover (VS Code: diagnosticsInHover)", () => {
    let vscode: LspClient;
    before(async () => {
      vscode = new LspClient(["--facts", FACTS]);
      await vscode.initialize(undefined, { workspace: { configuration: true } }, { diagnosticsInHover: true });
      vscode.open(uri, DRAFT, "markdown");
      await vscode.diagnosticsFor(uri);
    });
    after(async () => vscode.shutdown());

    it("the hover gives only what the diagnostic does not: the sources, their quotes, the fact's line", async () => {
      const diagnostics = await vscode.diagnosticsFor(uri);
      const place = diagnostics.find((d) => d.code === "wrong-place")!;
      const hover = (await vscode.connection.sendRequest("textDocument/hover", { textDocument: { uri }, position: place.range.start })) as Hover;
      const value = (hover.contents as MarkupContent).value;
      const lines = value.split("\n");
      assert.match(lines[0], /^\*\*Sources\*\* · \[atmeh-raid\.facts\.yaml:\d+\]\(file:\/\/.*#L\d+\)$/);
      // Nothing of the message again: none of its sentences, neither of its values' phrasing.
      for (const sentence of sentencesOf(place.message)) assert.ok(!value.includes(escaped(sentence)), `the hover repeats '${sentence}':\n${value}`);
      assert.ok(!/What the facts hold|Fact Check ·/.test(value), value);
      assert.match(value, /^- AFP \(via Barron's\): “the helicopter-borne forces/m);
      assert.match(value, /^- Reuters \(garbled re-publication\) \*\(known to carry errors\)\* gives Baghdad: “/m);
      assertQuotesWholeOrCutAtAWord(value);
      // Short enough not to scroll: a heading and a few bullets.
      assert.ok(lines.length <= 5, `${lines.length} lines:\n${value}`);
    });

    it("a long quote is cut at a word, never inside one", async () => {
      const dir = copyFacts();
      const long = "The Observatory, which relies on a network of sources inside Syria, said the helicopter-borne forces touched down near camps for displaced people in Atme, a town close to the border with Turkey in jihadist-dominated Idlib province";
      const raid = join(dir, "atmeh-raid.facts.yaml");
      const text = readFileSync(raid, "utf8");
      const short = "quote: the helicopter-borne forces touched down near camps for displaced people in Atme, a town close to the border with Turkey in jihadist-dominated Idlib province";
      assert.ok(text.includes(short));
      writeFileSync(raid, text.replace(short, `quote: ${long}`));
      const other = new LspClient(["--facts", dir]);
      try {
        await other.initialize(undefined, { workspace: { configuration: true } }, { diagnosticsInHover: true });
        other.open(uri, DRAFT, "markdown");
        const place = (await other.diagnosticsFor(uri)).find((d) => d.code === "wrong-place")!;
        const hover = (await other.connection.sendRequest("textDocument/hover", { textDocument: { uri }, position: place.range.start })) as Hover;
        const value = (hover.contents as MarkupContent).value;
        const line = value.split("\n").find((l) => l.includes("The Observatory, which relies"))!;
        assert.ok(line, value);
        const quote = /“(.*) …”$/.exec(line)?.[1];
        assert.ok(quote, `not cut: ${line}`);
        assert.ok(long.startsWith(quote) && /^\s/.test(long.slice(quote.length)), `cut inside a word: '${quote}'`);
        assertQuotesWholeOrCutAtAWord(value, [long]);
      } finally {
        await other.shutdown();
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});

/** The markdown the hover writes for a plain text. */
function escaped(s: string): string {
  return s.replace(/([\\`*_{}[\]<>#|])/g, "\\$1");
}

function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\s+—\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => s.split(/\s+/).length >= 4);
}

function assertNoSentenceTwice(text: string): void {
  const seen = new Set<string>();
  for (const s of sentencesOf(text.replace(/“[^”]*”/g, ""))) {
    assert.ok(!seen.has(s), `said twice: '${s}' in\n${text}`);
    seen.add(s);
  }
}

/** Both values within the message's opening words: "Atmeh, not Baghdad — …", "At least 13 killed, not 12: …". */
function assertValuesFirst(message: string, right: string, wrong: string): void {
  const head = message.slice(0, right.length + wrong.length + 24);
  assert.ok(head.includes(right) && head.includes(wrong), `not values first ('${right}', '${wrong}'): ${message}`);
  assert.ok(message.indexOf(right) < message.indexOf(wrong) || message.startsWith(right), `the right value does not come first: ${message}`);
}

/** Every quoted source in a hover is a quote of the fact base, whole or cut at a word (then marked " …"). */
function assertQuotesWholeOrCutAtAWord(value: string, extra: string[] = []): void {
  const quotes = [...allQuotes(), ...extra];
  for (const m of value.matchAll(/“(.*?)”$/gm)) {
    const shown = m[1].replace(/\\(.)/g, "$1");
    const cut = shown.endsWith(" …");
    const words = cut ? shown.slice(0, -2) : shown;
    const full = quotes.find((q) => (cut ? q.startsWith(words) : q === words));
    assert.ok(full, `not a quote of the facts: '${shown}'`);
    if (cut) assert.match(full.slice(words.length), /^[\s,;:–—-]/, `cut inside a word: '${shown}'`);
  }
}

let quotesCache: string[] | undefined;
function allQuotes(): string[] {
  if (!quotesCache) {
    const base = loadFacts([FACTS]).base;
    const out: string[] = [];
    const walk = (x: unknown): void => {
      if (Array.isArray(x)) x.forEach(walk);
      else if (x instanceof Map) [...x.values()].forEach(walk);
      else if (x && typeof x === "object") {
        const o = x as Record<string, unknown>;
        if (typeof o.quote === "string" && typeof o.source === "string") out.push(o.quote.replace(/\s+/g, " ").trim());
        Object.values(o).forEach(walk);
      }
    };
    walk([base.entities, base.events]);
    quotesCache = out;
  }
  return quotesCache;
}
