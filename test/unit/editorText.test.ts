// The editor's words that do not need a server to check: the status bar's counts, a quote
// cut for a hover, a message put values first, and the article sentence Add Fact prefills.
import { strict as assert } from "node:assert";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Finding } from "../../server/src/engine/findings";
import { Articles } from "../../server/src/lsp/articles";
import { quoteExcerpt } from "../../server/src/lsp/factLookup";
import { editorMessage, withoutInlineCitations } from "../../server/src/lsp/messages";
import { FactStatus } from "../../server/src/lsp/protocol";
import { plural, statusView } from "../../server/src/lsp/statusText";

const STATUS: FactStatus = { facts: 46, entities: 45, events: 1, sources: 6, files: 6, problems: 0, errors: 0, warnings: 0, mode: "workspace", trusted: true };

describe("the editor's words", () => {
  describe("status bar", () => {
    it("pluralises every count", () => {
      assert.equal(plural(1, "event"), "1 event");
      assert.equal(plural(2, "event"), "2 events");
      assert.equal(plural(0, "conflict"), "0 conflicts");
      assert.equal(plural(1, "entity", "entities"), "1 entity");
      const one = statusView({ ...STATUS, facts: 1, entities: 1, events: 1, files: 1, sources: 1 }, 1);
      assert.equal(one.text, "$(checklist) 1 fact · 1 conflict");
      assert.match(one.tooltip, /^Fact Check: 1 entity and 1 event from 1 fact file \(this workspace\), 1 source\./);
      assert.doesNotMatch(statusView(STATUS, 3).tooltip, /1 events/);
    });

    it("counts conflicts of a prose document only, and shows fact-file problems apart", () => {
      assert.equal(statusView(STATUS, 3).text, "$(checklist) 46 facts · 3 conflicts");
      assert.equal(statusView(STATUS, undefined).text, "$(checklist) 46 facts");
      assert.equal(statusView(STATUS, 3).problems, undefined);
      const broken = { ...STATUS, problems: 3, errors: 1, warnings: 2 };
      assert.equal(statusView(broken, 0).text, "$(checklist) 46 facts · 0 conflicts");
      assert.equal(statusView(broken, 0).problems?.text, "$(warning) 1 fact-file error, 2 warnings");
      assert.match(statusView(broken, 0).problems!.tooltip, /last good version/);
      assert.equal(statusView({ ...STATUS, problems: 1, warnings: 1 }, 0).problems?.text, "$(warning) 1 fact-file warning");
    });

    it("says it is loading before the first status", () => {
      assert.equal(statusView(undefined, 2).text, "$(sync~spin) Fact Check");
    });
  });

  describe("quotes in a hover", () => {
    it("keeps a quote whole when it fits, else cuts it at a word and marks the cut", () => {
      assert.equal(quoteExcerpt("at least 13 individuals were killed", 120), "at least 13 individuals were killed");
      const long = "the helicopter-borne forces touched down near camps for displaced people in Atme, a town close to the border with Turkey in jihadist-dominated Idlib province";
      const cut = quoteExcerpt(long, 140);
      assert.equal(cut, "the helicopter-borne forces touched down near camps for displaced people in Atme, a town close to the border with Turkey in …");
      assert.ok(!cut.includes("jihadist-domi"));
      // Cut at a space that follows a comma: the comma goes, the cut is marked.
      assert.equal(quoteExcerpt("one two, three four", 9), "one two …");
      // One word longer than the room is kept whole rather than split.
      assert.equal(quoteExcerpt("Supercalifragilistic rest", 5), "Supercalifragilistic …");
    });
  });

  describe("messages", () => {
    const finding = (message: string, start: number, end: number, newText: string): Finding => ({
      code: "wrong-place",
      severity: "warning",
      start,
      end,
      message,
      fixes: [{ title: `Replace with '${newText}'`, newText, start, end, preferred: true }],
      related: [],
    });
    const text = "The raid in Baghdad killed 12 people.";
    const at = text.indexOf("Baghdad");

    it("leaves out the quotes written into a message; the hover has them", () => {
      assert.equal(
        withoutInlineCitations("the sources say Atmeh, not Baghdad (AFP (via Barron's): “touched down near camps in Atme”). One report gives 12 (Reuters (garbled): “about at least 12 dead”), but not 13."),
        "the sources say Atmeh, not Baghdad. One report gives 12, but not 13.",
      );
    });

    it("puts the values first when the message does not open with them", () => {
      const m = editorMessage(text, finding("Wrong place for the raid: the sources say Atmeh, not Baghdad (AFP: “in Atme”).", at, at + 7, "Atmeh"));
      assert.equal(m, "Atmeh, not Baghdad — wrong place for the raid: the sources say Atmeh, not Baghdad.");
    });

    it("leaves a message that already opens with the values as it is", () => {
      const m = "Atmeh, not Baghdad — the sources place the raid in Atmeh, Idlib province.";
      assert.equal(editorMessage(text, finding(m, at, at + 7, "Atmeh")), m);
      const count = "At least 13 killed, not 12: the sources give at least 13.";
      const n = text.indexOf("12");
      assert.equal(editorMessage(text, finding(count, n, n + 2, "13")), count);
    });
  });

  describe("an article's sentence for Add Fact", () => {
    let dir: string;
    before(() => (dir = mkdtempSync(join(tmpdir(), "factcheck-article-"))));
    after(() => rmSync(dir, { recursive: true, force: true }));

    it("finds the sentence that holds the words as whole words, whatever their case, quote marks or dashes", () => {
      const file = join(dir, "a.txt");
      writeFileSync(file, "Headline\n\nThe raid hit Atmeh at night. Residents of Atme said “US forces” landed near the camp.\nA second  line.\n");
      const articles = new Articles();
      assert.equal(articles.sentenceHolding(file, "atme"), "Residents of Atme said “US forces” landed near the camp.");
      assert.equal(articles.sentenceHolding(file, '"US forces" landed'), "Residents of Atme said “US forces” landed near the camp.");
      assert.equal(articles.sentenceHolding(file, "Atmeh"), "The raid hit Atmeh at night.");
      assert.equal(articles.sentenceHolding(file, "Idlib"), undefined);
      assert.equal(articles.holds(file, "The raid hit Atmeh … at night"), true);
      assert.equal(articles.holds(file, "The raid hit Idlib"), false);
      assert.equal(articles.holds(join(dir, "missing.txt"), "x"), undefined);
    });
  });
});
