// Matching names: exact by any recorded spelling, near spellings, "Mr X", names inside names.
import { strict as assert } from "node:assert";
import { findNames } from "../../server/src/claims/names";
import { loadFacts } from "../../server/src/engine/factBase";
import { NameIndex } from "../../server/src/facts/nameIndex";
import { tokenize } from "../../server/src/text/tokens";
import { FACTS } from "../support/paths";

describe("matching names", () => {
  const index = new NameIndex(loadFacts([FACTS]).base);
  const names = (s: string) => findNames(tokenize(s), index, (a, b) => s.slice(a, b));
  const ids = (s: string) => names(s).mentions.map((m) => m.entityId);

  it("finds names by any recorded spelling, across hyphens, apostrophes and possessives", () => {
    assert.deepEqual(ids("Atme and Atmeh"), ["atmeh", "atmeh"]);
    assert.deepEqual(ids("Hay’et Tahrir al-Sham and HTS"), ["hts", "hts"]);
    assert.deepEqual(ids("Al-Qaeda’s former chapter"), ["al-qaeda"]);
    assert.deepEqual(ids("Hurras al-Deen"), ["hurras-al-din"]);
  });

  it("does not find a name inside another name or an acronym in a word", () => {
    assert.ok(!ids("Abu Bakr al-Baghdadi").includes("baghdad"));
    assert.deepEqual(ids("it is what it is"), []);
  });

  it("suggests the known name for a near spelling", () => {
    const r = names("Observatory chief Rami Abdel Rahmen told AFP");
    assert.equal(r.suspects[0]?.suggestion, "Rami Abdel Rahman");
    assert.equal(names("the group Hura An-Din").suspects[0]?.entityId, "hurras-al-din");
    assert.equal(names("said spokesman John Kirbi").suspects[0]?.suggestion, "John Kirby");
  });

  it("does not call a different word or another known name a misspelling", () => {
    assert.deepEqual(names("the Iraqi capital").suspects, []);
    assert.deepEqual(names("John Kerry said").suspects, []);
    assert.deepEqual(names("Syrian forces").suspects, []);
  });

  it("collects Mr X where X is no known surname", () => {
    assert.equal(names("Mr Leicester told Reuters").honorifics[0]?.written, "Leicester");
    assert.deepEqual(names("Mr Lister told Reuters").honorifics, []);
  });
});
