// A fact file that loads today loads tomorrow with the same meaning. Each snapshot under
// test/fixtures/facts/models/ is the fact base as the engine of 768646d compiled it — before the
// format gained units, currencies, ranges, as_of and by — from the shipped facts and from the
// public stories' hand-written facts. Today's engine must compile the same files to the same model.
// (If a shipped fact file is changed on purpose, its snapshot is made again from that file; a
// change to the engine never changes a snapshot.)
import { strict as assert } from "node:assert";
import { existsSync, readFileSync } from "node:fs";
import { isAbsolute, join, relative } from "node:path";
import { loadFacts } from "../../server/src/engine/factBase";
import { FACTS, FIXTURES, ROOT } from "../support/paths";

const STORIES = join(ROOT, "..", "shared", "eval", "stories");
const BASES: [string, string][] = [
  ["shipped", FACTS],
  ["acquisition", join(STORIES, "acquisition", "facts")],
  ["election", join(STORIES, "election", "facts")],
  ["quake-ludian", join(STORIES, "quake-ludian", "facts")],
];

/** The base as plain JSON, file paths relative to its folder, as the snapshots were written. */
function modelOf(dir: string): unknown {
  const { base } = loadFacts([dir]);
  const plain = (o: unknown): unknown =>
    JSON.parse(
      JSON.stringify(o, (k, v) => {
        if (k === "file" && typeof v === "string" && isAbsolute(v)) return relative(dir, v);
        return v instanceof Map ? Object.fromEntries(v) : v;
      }),
    );
  return { sources: plain(base.sources), entities: plain(base.entities), events: plain(base.events) };
}

describe("fact files keep their meaning", () => {
  for (const [name, dir] of BASES) {
    it(`${name}: compiles to the model it always did`, function () {
      if (!existsSync(dir)) this.skip();
      const snapshot = JSON.parse(readFileSync(join(FIXTURES, "facts", "models", `${name}.json`), "utf8"));
      assert.deepEqual(modelOf(dir), snapshot);
    });
  }
});
