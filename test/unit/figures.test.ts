// Reading figures: digits and words, scales, units and currencies, qualifiers, ranges and scores,
// what is counted, and numbers that are structure rather than figures.
import { strict as assert } from "node:assert";
import { Figure, readFigures } from "../../server/src/claims/figures";
import { overlaps, rangeOf } from "../../server/src/compare/figures";
import { writeLike } from "../../server/src/fixes/figureText";
import { numberToWords } from "../../server/src/fixes/numberText";
import { tokenize } from "../../server/src/text/tokens";

const read = (s: string): Figure[] => readFigures(tokenize(s));
const one = (s: string): Figure => {
  const fs = read(s);
  assert.equal(fs.length, 1, `${s}: ${JSON.stringify(fs.map((f) => f.value))}`);
  return fs[0];
};

describe("reading figures", () => {
  it("reads digits, words, dozens and scales", () => {
    assert.equal(one("13 people were killed").value, 13);
    assert.equal(one("thirteen people were killed").value, 13);
    assert.equal(one("twenty-three people died").value, 23);
    assert.equal(one("about a dozen boats").value, 12);
    assert.equal(one("two dozen boats").value, 24);
    assert.equal(one("home to more than three million people").value, 3_000_000);
    assert.equal(one("home to 3.5 million people").value, 3_500_000);
    assert.equal(one("a toll of 1,200 dead").value, 1200);
  });

  it("reads currencies, percentages and units", () => {
    const price = one("a $68.7 billion deal");
    assert.deepEqual([price.value, price.unit?.family, price.unit?.sign], [68_700_000_000, "currency", "$"]);
    assert.equal(one("a US$68.7 billion deal").unit?.id, "USD");
    assert.equal(one("worth £2bn").value, 2_000_000_000);
    assert.equal(one("worth £2bn").unit?.id, "GBP");
    const share = one("turnout was 79.4%");
    assert.deepEqual([share.value, share.unit?.id], [79.4, "percent"]);
    assert.equal(one("prices rose 3 per cent").unit?.id, "percent");
    const distance = one("the epicentre was 23 km from the town");
    assert.deepEqual([distance.value, distance.unit?.id], [23, "km"]);
    assert.equal(one("the search lasted two hours").unit?.id, "hour");
    assert.equal(one("a magnitude-6.5 earthquake").value, 6.5);
  });

  it("reads the qualifier before the number or after the noun", () => {
    assert.equal(one("at least 13 people were killed").qualifier, "at least");
    assert.equal(one("13 people at least were killed").qualifier, "at least");
    assert.equal(one("it lasted more than two hours").qualifier, "more than");
    assert.equal(one("it lasted nearly two hours").qualifier, "nearly");
    assert.equal(one("it lasted some two hours").qualifier, "about");
    assert.equal(one("close to 500 people died").qualifier, "nearly");
  });

  it("reads ranges and scores as one figure with two ends", () => {
    const range = one("between 10 and 12 people were hurt");
    assert.deepEqual([range.value, range.upper], [10, 12]);
    const score = one("France won the match 2-1");
    assert.deepEqual([score.kind, score.value, score.upper], ["score", 2, 1]);
  });

  it("reads ages", () => {
    assert.equal(one("Lula, 77, takes office in January.").kind, "age");
    assert.equal(one("Lula, who is 77, takes office.").kind, "age");
    assert.equal(one("the leader, aged 53, said").kind, "age");
    assert.equal(one("a 77-year-old man").kind, "age");
    assert.equal(one("the team, which has 77, said").kind, "amount");
  });

  it("keeps the counted noun", () => {
    assert.equal(one("five children were among the dead").noun, "children");
    assert.equal(one("a three-storey building").noun, "storey");
  });

  it("reads a figure's style for a fix written the same way", () => {
    assert.equal(writeLike(4, one("four boats sank")), "four");
    assert.equal(writeLike(4, one("Four boats sank")), "Four");
    assert.equal(writeLike(24, one("a dozen boats sank")), "two dozen");
    assert.equal(writeLike(14_200, one("14,500 homes were flooded")), "14,200");
    assert.equal(writeLike(1_300_000_000, one("a $1.2bn loss")), "1.3bn");
    assert.equal(writeLike(3, one("the third day")), "third");
    assert.equal(numberToWords(23), "twenty-three");
  });

  it("leaves alone numbers that are structure, not figures", () => {
    assert.deepEqual(read("1. The ferry left at dawn.").filter((f) => f.value === 1), []);
    assert.deepEqual(read("3/ The ferry left at dawn.").filter((f) => f.value === 3), []);
  });
});

describe("comparing figures as ranges", () => {
  it("treats qualifiers as ranges with a tolerance", () => {
    assert.ok(overlaps(rangeOf(2, "more than", "claim"), rangeOf(2, "about", "fact")));
    assert.ok(!overlaps(rangeOf(4, "about", "claim"), rangeOf(2, "about", "fact")));
    assert.ok(overlaps(rangeOf(12, "exactly", "claim"), rangeOf(12, "about", "fact")));
    assert.ok(!overlaps(rangeOf(24, "exactly", "claim"), rangeOf(12, "about", "fact")));
    assert.ok(!overlaps(rangeOf(12, "at least", "claim"), rangeOf(13, "at least", "fact")));
    assert.ok(overlaps(rangeOf(12, "more than", "claim"), rangeOf(13, "at least", "fact")));
    assert.ok(overlaps(rangeOf(500, "nearly", "claim"), rangeOf(500, "nearly", "fact")));
    assert.ok(!overlaps(rangeOf(2_000_000, "exactly", "claim"), rangeOf(3_000_000, "more than", "fact")));
  });
});
