// A sentence that restates a source's sentence but gives, among the same words, a figure, a weekday or
// a name that no source gives anywhere (compare/unsourced.ts). The story is made up for the test.
import { strict as assert } from "node:assert";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { runCli, tempFolder, writeIn } from "../support/runCli";

const ARTICLE = `OSLO, March 3 (Northwire) - Finland said on Wednesday it would open its airspace to Norwegian carriers, including Nordair, cutting about 35 minutes from flights to parts of Asia.

The decision follows talks that lasted 19 months, officials in Helsinki said. Norwegian carriers had flown a longer route around Finland since 2019.
`;

describe("values no source gives, where a sentence restates a source's", function () {
  this.timeout(60000);
  let flagged: (sentences: string[]) => string[][];

  before(() => {
    const dir = tempFolder("factcheck-unsourced-");
    const article = writeIn(dir, "article.txt", ARTICLE);
    const facts = join(dir, "facts");
    mkdirSync(facts);
    const d = runCli(["facts", "draft", "--out", join(facts, "drafted.facts.yaml"), article], dir);
    assert.equal(d.status, 0, d.stderr);
    flagged = (sentences) => {
      const files = sentences.map((s, i) => writeIn(dir, `draft${i}.txt`, `${s}\n`));
      const r = runCli(["check", "--format", "json", "--facts", facts, ...files], dir);
      const report = JSON.parse(r.stdout) as { files: { path: string; diagnostics: { code: string; range: { start: { character: number }; end: { character: number } } }[] }[] };
      return files.map((f, i) => {
        const ds = report.files.find((x) => x.path.endsWith(`draft${i}.txt`))?.diagnostics ?? [];
        return ds.map((x) => `${x.code}:${sentences[i].slice(x.range.start.character, x.range.end.character)}`);
      });
    };
  });

  it("flags another weekday, another country's adjective and another figure among the source's words", () => {
    assert.deepEqual(
      flagged([
        "Finland said on Tuesday it would open its airspace to Norwegian carriers, including Nordair.",
        "Finland said on Wednesday it would open its airspace to Swedish carriers, including Nordair.",
        "The decision follows talks that lasted 24 months, officials in Helsinki said.",
      ]),
      [["wrong-date:Tuesday"], ["wrong-detail:Swedish"], ["wrong-number:24"]],
    );
  });

  it("passes the source's own values, a figure rounded from the source's, and a value set among other words", () => {
    assert.deepEqual(
      flagged([
        "Finland said on Wednesday it would open its airspace to Norwegian carriers, including Nordair.",
        "The decision follows talks that lasted about 20 months, officials in Helsinki said.",
        "Talks began in 2021, a diplomat in Stockholm said.",
      ]),
      [[], [], []],
    );
  });
});
