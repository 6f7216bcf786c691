// Attributing sentences to events, and keeping one event's facts from another's claims.
import { strict as assert } from "node:assert";
import { makeReaderContext, readBlock } from "../../server/src/claims/reader";
import { EventModel } from "../../server/src/compare/attribution";
import { Checker } from "../../server/src/engine/checker";
import { loadFacts } from "../../server/src/engine/factBase";
import { NameIndex } from "../../server/src/facts/nameIndex";
import { FACTS } from "../support/paths";

describe("attributing sentences to events", () => {
  const { base } = loadFacts([FACTS]);
  const ctx = makeReaderContext(base, new NameIndex(base));
  const model = new EventModel(base);
  const primaries = (text: string) => model.attribute(readBlock(text, ctx)).map((a) => a.primary?.id);
  const checker = new Checker(base);
  const codes = (text: string) => checker.check(text, { languageId: "markdown" }).map((f) => `${f.code}:${text.slice(f.start, f.end)}`);

  it("ties a sentence to the event its names and words point at", () => {
    assert.deepEqual(primaries("US commandos raided a house in Atme."), ["atmeh-raid"]);
    assert.deepEqual(primaries("Helicopters flew over Humaira before the bomb maker was captured."), ["humaira-raid"]);
    assert.deepEqual(primaries("Abu Bakr al-Baghdadi was killed in a raid in October 2019."), ["baghdadi-raid"]);
  });

  it("carries the event into sentences that only continue it", () => {
    assert.deepEqual(primaries("US commandos raided a house in Atme. The operation lasted two hours."), ["atmeh-raid", "atmeh-raid"]);
  });

  it("reads a figure against its own event, not another's", () => {
    assert.deepEqual(codes("US commandos raided Atme. A prison riot earlier this year left nearly 500 people dead."), []);
    assert.deepEqual(codes("Twelve helicopters flew over Humaira during the operation to capture the bomb maker."), []);
    assert.deepEqual(codes("A ceasefire agreed by Moscow and Ankara has held for more than two years."), []);
  });

  it("flags a figure that conflicts with its own event", () => {
    assert.deepEqual(codes("US commandos raided Atme on Thursday. At least 15 people were killed in the operation."), ["wrong-number:15"]);
    assert.deepEqual(codes("Abu Bakr al-Baghdadi was killed in a US raid in Idlib province in October 2017."), ["wrong-date:2017"]);
  });

  it("passes a finer place inside the event's place and claims the facts cannot judge", () => {
    assert.deepEqual(codes("US commandos raided a house in a camp for displaced people in Atme, in Idlib province."), []);
    assert.deepEqual(codes("US commandos raided a house in Atme. The target was a foreign jihadist."), []);
  });
});
