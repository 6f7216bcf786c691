// Fuzzes fact files: the shipped ones with values swapped for wrong types, references
// pointed at nothing or back at themselves, lines dropped, doubled, shifted or cut short.
// Parsing and building must never throw, every problem must sit inside the file, a broken
// file must leave its last good version in force, and checking prose must still work.
import { strict as assert } from "node:assert";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse, stringify } from "yaml";
import { Checker } from "../../server/src/engine/checker";
import { parseFactFile } from "../../server/src/facts/parse";
import { FactStore } from "../../server/src/facts/store";
import { FACTS } from "../support/paths";
import { ARTICLES, invalidUtf8 } from "./drafts";
import { fuzzScale, Random, seedFromEnv } from "./random";

const FILES = readdirSync(FACTS)
  .filter((f) => f.endsWith(".facts.yaml"))
  .sort()
  .map((f) => ({ file: join(FACTS, f), text: readFileSync(join(FACTS, f), "utf8") }));

function hostileValue(rng: Random, ids: string[]): unknown {
  switch (rng.int(0, 11)) {
    case 0:
      return rng.int(-1e6, 1e6);
    case 1:
      return rng.pick([1e308, -0, 0.5, Number.MAX_SAFE_INTEGER + 2]);
    case 2:
      return "";
    case 3:
      return invalidUtf8(rng, rng.int(1, 30));
    case 4:
      return [];
    case 5:
      return {};
    case 6:
      return null;
    case 7:
      return rng.chance(0.5);
    case 8:
      return rng.pick(ids); // a reference to some id, of whatever kind
    case 9:
      return "x".repeat(rng.int(1000, 100_000));
    case 10:
      return [[[[rng.pick(ids)]]]];
    default:
      return "no-such-id";
  }
}

/** Every place in a value where something could be swapped: [parent, key]. */
function slots(value: unknown, out: [Record<string | number, unknown>, string | number][] = []): typeof out {
  if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      out.push([value as Record<string, unknown>, Array.isArray(value) ? Number(k) : k]);
      slots(v, out);
    }
  }
  return out;
}

function mutateData(rng: Random, text: string, ids: string[]): string {
  const data = parse(text) as unknown;
  const places = slots(data);
  for (let n = rng.int(1, 6); n > 0 && places.length; n--) {
    const [parent, key] = rng.pick(places);
    parent[key] = hostileValue(rng, ids);
  }
  return stringify(data, { aliasDuplicateObjects: false });
}

function mutateLines(rng: Random, text: string): string {
  const lines = text.split("\n");
  for (let n = rng.int(1, 5); n > 0; n--) {
    const i = rng.int(0, lines.length - 1);
    switch (rng.int(0, 4)) {
      case 0:
        lines.splice(i, 1);
        break;
      case 1:
        lines.splice(i, 0, lines[rng.int(0, lines.length - 1)]);
        break;
      case 2:
        lines[i] = `${" ".repeat(rng.int(0, 9))}${lines[i].trimStart()}`;
        break;
      case 3:
        lines[i] = lines[i].slice(0, rng.int(0, lines[i].length)) + rng.pick(["&a", "*a", "<<: *a", "[", "{", '"', "'", "\t", ": :", "- ", "#", "!!binary", "!!js/function", "%YAML 1.1", "---", "..."]);
        break;
      default:
        return lines.join("\n").slice(0, rng.int(0, text.length));
    }
  }
  return lines.join("\n");
}

describe("fuzzing fact files", function () {
  const seed = seedFromEnv();
  const scale = fuzzScale();
  this.timeout(60_000 * scale);
  afterEach(function () {
    if (this.currentTest?.state === "failed") process.stderr.write(`\n  fuzz failure: replay with FUZZ_SEED=${seed}\n`);
  });

  it("never throws, keeps problems inside the file and the last good facts in force", () => {
    const rng = new Random(seed).fork("facts");
    const store = new FactStore();
    store.updateMany(FILES);
    const good = new Map(FILES.map((f) => [f.file, f.text]));
    const goodEntities = store.base.entities.size;
    const goodEvents = store.base.events.size;
    const ids = [...store.base.entities.keys(), ...store.base.events.keys(), ...store.base.sources.keys()];
    const draft = ARTICLES.join("\n\n");
    for (let round = 0; round < 25 * scale; round++) {
      const target = rng.pick(FILES);
      const text = rng.chance(0.5) ? mutateData(rng, target.text, ids) : mutateLines(rng, target.text);
      let problems;
      try {
        problems = store.update(target.file, text);
        new Checker(store.base).check(draft, { languageId: "plaintext" });
      } catch (e) {
        assert.fail(`round ${round}, ${target.file}: ${(e as Error).stack}\n--- text ---\n${text.slice(0, 2000)}`);
      }
      const lineCount = text.split(/\r\n|\r|\n/).length;
      for (const p of problems) {
        assert.ok(p.line >= 0 && p.line < lineCount && p.endLine < lineCount, `problem outside the file: ${JSON.stringify(p)}`);
        assert.ok(p.message.trim().length > 0);
      }
      if (parseFactFile(target.file, text).problems.some((p) => p.severity === "error")) {
        // A file that does not parse or fit the schema leaves its last good version in force.
        assert.ok(store.isStale(target.file), `round ${round}: broken ${target.file} is not marked as kept at its last good version`);
        assert.equal(store.base.entities.size, goodEntities, `round ${round}: entities lost to a broken ${target.file}`);
        assert.equal(store.base.events.size, goodEvents, `round ${round}: events lost to a broken ${target.file}`);
      }
      // Back to the good text before the next round, so each round breaks one file.
      store.update(target.file, good.get(target.file)!);
    }
  });
});
