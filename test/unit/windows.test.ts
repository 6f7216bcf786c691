// Over-long sentences and paragraphs are read in bounded windows and segments (text/blocks.ts),
// and a check can be run in steps (Checker.checkSteps): the findings stay those of a whole
// reading — at the cuts too — and each piece stays bounded, so the work is linear.
import { strict as assert } from "node:assert";
import { Checker } from "../../server/src/engine/checker";
import { loadFacts } from "../../server/src/engine/factBase";
import { MAX_SEGMENT_CHARS, MAX_SENTENCE_CHARS, MAX_SENTENCE_WORDS, splitSegments, splitSentences } from "../../server/src/text/blocks";
import { Random } from "../fuzz/random";
import { FACTS } from "../support/paths";

const FILLER = ["residents", "recalled", "the", "noise", "of", "engines", "over", "camps", "near", "a", "road", "in", "the", "cold", "night", "with", "smoke", "everywhere"];
const words = (text: string): number => text.split(/\s+/).filter(Boolean).length;

/** A run of filler words with no punctuation and no word that opens a clause. */
function filler(rng: Random, n: number): string {
  return Array.from({ length: n }, () => rng.pick(FILLER)).join(" ");
}

describe("windows of over-long sentences", () => {
  const checker = new Checker(loadFacts([FACTS]).base);
  const check = (text: string) => checker.check(text, { languageId: "markdown", maxFindings: 1e9 });
  const flagged = (text: string) => check(text).map((f) => `${f.code}:${text.slice(f.start, f.end)}@${f.start}`);

  it("leaves a sentence of ordinary length whole", () => {
    const s = "The US special forces raid in Atmeh, in Syria's Idlib province, killed 13 people, among them four children, the Observatory said.";
    assert.deepEqual(splitSentences(s), [{ start: 0, end: s.length }]);
    assert.deepEqual(splitSegments(s), [{ start: 0, text: s }]);
  });

  it("cuts an over-long sentence into bounded windows whose own parts cover it in order", () => {
    const rng = new Random(7);
    const parts: string[] = [];
    for (let i = 0; i < 60; i++) parts.push(filler(rng, rng.int(3, 30)) + rng.pick([",", ";", ":", " and", "", ""]));
    const text = parts.join(" ") + " end";
    const spans = splitSentences(text);
    assert.ok(spans.length > 5, `${spans.length} windows`);
    let last = 0;
    for (const s of spans) {
      assert.ok(s.own, "every piece of an over-long sentence is a window");
      assert.ok(s.start <= s.own.start && s.own.end <= s.end, "a window reads its own part");
      assert.ok(s.own.start >= last, "own parts follow each other");
      assert.equal(text.slice(last, s.own.start).trim(), "", "nothing between two own parts but space");
      assert.ok(words(text.slice(s.start, s.end)) <= MAX_SENTENCE_WORDS && s.end - s.start <= MAX_SENTENCE_CHARS, "a window is a sentence of sane length");
      // Read on its own, a window is one sentence: it is not cut again.
      assert.equal(splitSentences(text.slice(s.start, s.end)).length, 1);
      last = s.own.end;
    }
    assert.equal(last, text.length);
  });

  it("cuts at a clause boundary when there is one: after ';', else ':', else ','", () => {
    const rng = new Random(8);
    const text = `${filler(rng, 70)}; ${filler(rng, 5)}, ${filler(rng, 80)}`;
    const first = splitSentences(text)[0];
    assert.equal(text.slice(first.own!.start, first.own!.end).slice(-1), ";");
    const comma = `${filler(rng, 70)}, ${filler(rng, 80)}`;
    assert.equal(comma.slice(0, splitSentences(comma)[0].own!.end).slice(-1), ",");
    // Without punctuation, before a word that opens a clause.
    const and = `${filler(rng, 70)} and ${filler(rng, 80)}`;
    assert.ok(and.slice(splitSentences(and)[1].own!.start).startsWith("and "));
  });

  it("reads a claim that straddles a cut, once, wherever the cut falls in it", () => {
    const claim = "the US raid in Atmeh killed 12 people in Baghdad";
    const alone = flagged(`The US raid in Atmeh killed 12 people in Baghdad.`).map((f) => f.replace(/@\d+$/, ""));
    assert.deepEqual(alone, ["wrong-number:12", "wrong-place:Baghdad"]);
    const rng = new Random(9);
    const tail = filler(rng, 120);
    // Slide the claim across the first hard cut (no punctuation: the cut is at a space).
    for (let before = 66; before <= 84; before++) {
      const head = filler(new Random(before), before);
      const text = `${head} ${claim} ${tail}.`;
      assert.ok(splitSentences(text).length > 1, "the sentence is cut");
      const at = text.indexOf(claim);
      const expected = [`wrong-number:12@${at + claim.indexOf("12")}`, `wrong-place:Baghdad@${at + claim.indexOf("Baghdad")}`];
      assert.deepEqual(flagged(text), expected, `claim after ${before} words`);
    }
  });

  it("finds every wrong figure of a sentence of any length, each once", () => {
    const unit = "The raid in Atmeh killed 12 people and ";
    const text = unit.repeat(400) + "that was all.";
    const found = check(text);
    assert.equal(found.length, 400);
    assert.ok(found.every((f) => f.code === "wrong-number" && text.slice(f.start, f.end) === "12"));
    assert.equal(new Set(found.map((f) => f.start)).size, 400);
  });

  it("cuts a text without spaces at the character limit, never inside a surrogate pair", () => {
    const text = "Atmeh😀".repeat(2_000);
    const spans = splitSentences(text);
    assert.ok(spans.length > 1);
    for (const s of spans) {
      const code = text.charCodeAt(s.own!.end - 1);
      assert.ok(!(code >= 0xd800 && code <= 0xdbff), "a window ends on a high surrogate");
    }
    assert.doesNotThrow(() => check(text));
  });

  it("cuts a long paragraph into segments of bounded size at sentences its own text picks", () => {
    const rng = new Random(10);
    const sentences = Array.from({ length: 2_000 }, (_, i) => `Residents spoke ${i} times of ${filler(rng, rng.int(4, 20))}.`);
    const text = sentences.join(" ");
    const segments = splitSegments(text);
    assert.ok(segments.length > 10);
    for (const s of segments) {
      assert.ok(s.text.length <= MAX_SEGMENT_CHARS);
      assert.equal(text.slice(s.start, s.start + s.text.length), s.text);
    }
    // An edit in one sentence leaves the other segments as they were.
    const k = 1_000;
    const edited = [...sentences.slice(0, k), sentences[k].replace("spoke", "spoke quietly"), ...sentences.slice(k + 1)].join(" ");
    const before = new Set(segments.map((s) => s.text));
    const changed = splitSegments(edited).filter((s) => !before.has(s.text));
    assert.ok(changed.length <= 2, `${changed.length} segments changed`);
  });

  it("a check in steps gives the findings of a whole check, and says what is settled as it goes", () => {
    const text = ["The raid in Atmeh killed 12 people.", "John Kirbi said so.", "The raid took place in Baghdad.", "", "Observatory chief Rami Abdel Rahmen spoke."].join("\n\n").repeat(30);
    const whole = check(text);
    const progress = { settled: [], upTo: 0 };
    const steps = new Checker(checker.base).checkSteps(text, { languageId: "markdown", maxFindings: 1e9, progress });
    let r = steps.next();
    let count = 0;
    let settledBefore = 0;
    while (!r.done) {
      assert.ok(progress.settled.length >= settledBefore, "settled findings only grow");
      settledBefore = progress.settled.length;
      r = steps.next();
      count++;
    }
    assert.ok(count > 3, `${count} steps`);
    assert.deepEqual(r.value, whole);
    assert.deepEqual(progress.settled, whole);
  });

  it("stops comparing at the finding cap with the first findings of the uncapped check", () => {
    const text = "The raid in Atmeh killed 12 people. The raid took place in Baghdad. ".repeat(300);
    const all = check(text);
    assert.deepEqual(checker.check(text, { languageId: "markdown", maxFindings: 7 }), all.slice(0, 7));
  });

  it("keeps a document's readings while it is open, and lets them go when it is released", () => {
    const c = new Checker(checker.base);
    const text = "The raid in Atmeh killed 12 people.\n\n".repeat(10) + Array.from({ length: 200 }, (_, i) => `Paragraph ${i} about the raid in Atmeh.`).join("\n\n");
    c.check(text, { document: "file:///a.md" });
    const open = c.cachedChars();
    assert.ok(open >= 200 * 30, `${open} characters cached`);
    c.release("file:///a.md");
    assert.equal(c.cachedChars(), 0);
  });
});
