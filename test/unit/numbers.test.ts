// Reading quantities: digits and words, qualifiers, what is counted and what happened to it.
import { strict as assert } from "node:assert";
import { readQuantities, Quantity } from "../../server/src/claims/numbers";
import { tokenize } from "../../server/src/text/tokens";
import { rangeOf, overlaps } from "../../server/src/compare/counts";
import { formatNumber, numberToWords } from "../../server/src/fixes/numberText";

const read = (s: string): Quantity[] => readQuantities(tokenize(s));
const one = (s: string): Quantity => {
  const qs = read(s);
  assert.equal(qs.length, 1, `${s}: ${JSON.stringify(qs)}`);
  return qs[0];
};

describe("reading numbers", () => {
  it("reads digits, words, dozens and multipliers", () => {
    assert.equal(one("13 people were killed").value, 13);
    assert.equal(one("thirteen people were killed").value, 13);
    assert.equal(one("twenty-three people died").value, 23);
    assert.equal(one("about a dozen helicopters flew over").value, 12);
    assert.equal(one("two dozen helicopters flew over").value, 24);
    assert.equal(one("home to more than three million people").value, 3_000_000);
    assert.equal(one("home to 3.5 million people").value, 3_500_000);
    assert.equal(one("left nearly half a thousand dead").value, 500);
    assert.equal(one("a toll of 1,200 dead").value, 1200);
    // "a score of" is twenty of what follows; a score in a game is not a count.
    const score = one("a score of helicopters flew over");
    assert.deepEqual([score.value, score.group, score.style], [20, "helicopters", "dozen"]);
    assert.equal(read("the team won by a score of 3 to 1").filter((q) => q.value === 20).length, 0);
  });

  it("reads the qualifier before the number or after the noun", () => {
    assert.equal(one("at least 13 people were killed").qualifier, "at least");
    assert.equal(one("13 people at least were killed").qualifier, "at least");
    assert.equal(one("it lasted more than two hours").qualifier, "more than");
    assert.equal(one("it lasted nearly two hours").qualifier, "nearly");
    assert.equal(one("it lasted some two hours").qualifier, "about");
    assert.equal(one("close to 500 people died").qualifier, "nearly");
  });

  it("knows what is counted and what happened", () => {
    const killed = one("at least 15 people were killed in the operation");
    assert.equal(killed.measure, "killed");
    assert.equal(killed.group, "people");
    assert.deepEqual([one("Among the dead were five children").measure, one("Among the dead were five children").group], ["killed", "children"]);
    assert.equal(one("two US soldiers were wounded").group, "forces");
    assert.equal(one("two US soldiers were wounded").measure, "injured");
    assert.equal(one("there were no US casualties").value, 0);
    assert.equal(one("there were no US casualties").measure, "casualties");
    assert.equal(one("the fighting lasted about four hours").measure, "duration");
    assert.equal(one("the death toll rose to 20").measure, "killed");
    assert.equal(one("about a dozen helicopters").measure, "aircraft");
  });

  it("leaves alone numbers that count nothing it knows", () => {
    assert.deepEqual(read("one of the top leaders"), []);
    assert.deepEqual(read("the 2019 raid"), []);
    assert.deepEqual(read("3 percent of the vote"), []);
    assert.deepEqual(read("two hours after dawn prayers he left"), []);
  });
});

describe("comparing numbers as ranges", () => {
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

  it("writes a replacement in the writer's style", () => {
    assert.equal(formatNumber(13, "digits", false), "13");
    assert.equal(formatNumber(4, "words", false), "four");
    assert.equal(formatNumber(4, "words", true), "Four");
    assert.equal(formatNumber(12, "dozen", false), "a dozen");
    assert.equal(formatNumber(0, "words", false), "no");
    assert.equal(formatNumber(3_000_000, "words", false), "three million");
    assert.equal(numberToWords(23), "twenty-three");
  });
});
