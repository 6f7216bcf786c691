// Words that name properties of every JavaScript object are ordinary words to the checker.
import { strict as assert } from "node:assert";
import { Checker } from "../../server/src/engine/checker";
import { loadFacts } from "../../server/src/engine/factBase";
import { FACTS } from "../support/paths";

describe("word tables", () => {
  it("read constructor, toString and __proto__ as plain words", () => {
    const checker = new Checker(loadFacts([FACTS]).base);
    const text = "US commandos raided Atme on Constructor. ToString helicopters and constructor hours of the raid, __proto__ dead, valueOf children.";
    assert.deepEqual(checker.check(text).map((f) => `${f.code}:${text.slice(f.start, f.end)}`), []);
  });
});
