// Skipping markup: offsets are kept, only prose is read, disable comments are honoured.
import { strict as assert } from "node:assert";
import { extractProse, isSuppressed } from "../../server/src/text/markup";
import { splitBlocks, splitSentences } from "../../server/src/text/blocks";

describe("markup", () => {
  const md = [
    "---",
    "title: Baghdad",
    "---",
    "",
    "Prose about Atmeh with `Baghdad` inline and [a link](https://x.test/Baghdad) here.",
    "",
    "```",
    "Baghdad in a fence",
    "```",
    "",
    "    Baghdad indented code",
    "",
    "<!-- Baghdad in a comment -->",
    "Back in prose.",
  ].join("\n");
  const { prose } = extractProse(md, "markdown");

  it("keeps the length and line breaks of the document", () => {
    assert.equal(prose.length, md.length);
    assert.deepEqual(prose.split("\n").length, md.split("\n").length);
  });

  it("hides front matter, code, link targets and comments", () => {
    assert.ok(!prose.includes("Baghdad"), prose);
    assert.ok(prose.includes("Prose about Atmeh"));
    assert.ok(prose.includes("a link"));
    assert.ok(prose.includes("Back in prose."));
  });

  it("reads plain text as it is", () => {
    assert.equal(extractProse("In Baghdad `x` <!-- y -->", "plaintext").prose, "In Baghdad `x` <!-- y -->");
  });

  it("honours ignore-next-line, disable/enable with codes, and disable-file", () => {
    const text = "a\n<!-- factcheck-ignore-next-line -->\nb\n<!-- factcheck-disable wrong-number -->\nc\n<!-- factcheck-enable -->\nd";
    const { directives } = extractProse(text, "markdown");
    const at = (line: string) => text.indexOf(`\n${line}`) + 1;
    assert.ok(isSuppressed(directives, at("b"), "wrong-place"));
    assert.ok(!isSuppressed(directives, at("a"), "wrong-place"));
    assert.ok(isSuppressed(directives, at("c"), "wrong-number"));
    assert.ok(!isSuppressed(directives, at("c"), "wrong-place"));
    assert.ok(!isSuppressed(directives, at("d"), "wrong-number"));
    assert.ok(extractProse("x <!-- factcheck-disable-file --> y", "markdown").directives.fileDisabled);
    assert.ok(isSuppressed(extractProse("factcheck-ignore-next-line\nwrong", "plaintext").directives, 27, "wrong-place"));
  });

  it("splits blocks and sentences without breaking at abbreviations", () => {
    assert.equal(splitBlocks("# Title\nPara one.\n\nPara two.").length, 3);
    const s = "The U.S. military said Mr. Kirby spoke. A second sentence follows.";
    assert.equal(splitSentences(s).length, 2);
  });

  it("ends a sentence whose end punctuation is inside emphasis or quotes", () => {
    assert.deepEqual(splitSentences("**Microsoft goes big.** It agreed to buy Activision.").map((x) => x.start), [0, 24]);
    assert.deepEqual(splitSentences('_Quake toll rises._ "It is over." The rain came.').map((x) => x.start), [0, 20, 34]);
  });

  it("stays linear on pathological input", () => {
    const many = "`".repeat(20000) + "](".repeat(20000) + "<a".repeat(20000);
    assert.equal(extractProse(many, "markdown").prose.length, many.length);
  });
});
