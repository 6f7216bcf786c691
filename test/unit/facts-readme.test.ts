// The examples of facts/README.md are fact files: each fits the schema, and together they
// load with no problem at all — every id resolves and every quote is in its article.
import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildFactBase } from "../../server/src/facts/build";
import { parseFactFile } from "../../server/src/facts/parse";
import { FACTS } from "../support/paths";
import { show } from "./facts-support";

const readme = readFileSync(join(FACTS, "README.md"), "utf8");
const blocks = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]);

describe("facts/README.md examples", () => {
  // As if each block were a file next to the shipped facts, so `file: sources/…` resolves.
  const parsed = blocks.map((text, i) => parseFactFile(join(FACTS, `readme-example-${i + 1}.facts.yaml`), text));

  it("has an example of every construct", () => {
    const all = blocks.join("\n");
    for (const construct of [
      "sources:", "standing: outlier", "file:", "url:", "date:", "entities:", "kind: person", "kind: place", "kind: organization",
      "variants:", "roles:", "aliases:", "rank", "level:", "in:", "near:", "region:", "demonym:", "relations:", "until:", "founded:",
      "events:", "place:", "when:", "weekday:", "time:", "relative:", "month:", "actors:", "targets:", "people:", "counts:",
      "qualifier:", "breakdown:", "unit: hour", "unit: USD", "unit: percent", "to:", "as_of:", "by:", "level: county", "details:", "disputed:", "cite:", "quote:", "status: draft",
    ]) {
      assert.ok(all.includes(construct), construct);
    }
  });

  for (const [i, p] of parsed.entries()) {
    it(`example ${i + 1} fits the schema`, () => {
      assert.deepEqual(p.problems.map(show), []);
    });
  }

  it("load together with no problem: ids resolve, quotes are found in their articles", () => {
    // Notes on facts marked `status: draft` are information, not problems.
    assert.deepEqual(buildFactBase(parsed).problems.filter((p) => p.severity !== "information").map(show), []);
  });
});
