// Near spellings in the name index: the pieces one slip (a letter missing, extra, wrong or two
// swapped) from a known piece, and nothing further, however the index stores its deletions.
import { strict as assert } from "node:assert";
import { loadFacts } from "../../server/src/engine/factBase";
import { NameIndex } from "../../server/src/facts/nameIndex";
import { emptyFactBase, Entity } from "../../server/src/facts/model";
import { FACTS } from "../support/paths";

function person(id: string, name: string, variants: string[] = []): Entity {
  return { id, kind: "person", name, variants, near: [], roles: [], relations: [], counts: [], cite: [], at: { file: "/f.facts.yaml", line: 0, character: 0 } };
}

describe("name index: near spellings", () => {
  const index = new NameIndex(loadFacts([FACTS]).base);

  it("finds the known piece one slip away: swapped, missing, extra or wrong letter", () => {
    assert.deepEqual(index.nearPieces("humiara"), ["humaira"]);
    assert.deepEqual(index.nearPieces("humira"), ["humaira"]);
    assert.deepEqual(index.nearPieces("humairah"), ["humaira"]);
    assert.deepEqual(index.nearPieces("humeira"), ["humaira"]);
    assert.deepEqual(index.nearPieces("kirbi"), ["kirby"]);
  });

  it("finds nothing two slips away, nothing for a known piece itself, nothing for short pieces", () => {
    assert.deepEqual(index.nearPieces("hmuiara"), []);
    assert.deepEqual(index.nearPieces("humaira"), []);
    assert.deepEqual(index.nearPieces("atm"), []);
  });

  it("lists several near pieces in the order the facts give them, each once", () => {
    const base = emptyFactBase();
    for (const e of [person("a", "Anna Marten"), person("b", "Bob Martin", ["Bob Mertin"]), person("c", "Carl Maarten")]) base.entities.set(e.id, e);
    const near = new NameIndex(base);
    assert.deepEqual(near.nearPieces("martan"), ["marten", "martin"]);
    assert.deepEqual(near.nearPieces("marten"), ["maarten", "martin"]); // not mertin: two letters differ
  });
});
