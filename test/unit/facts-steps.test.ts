// Fact-base changes in steps (FactStore.updateSteps, used by the server to load and rebuild in
// slices): one step per file, the base in force unchanged until the last step, and the same
// base as loading all at once.
import { strict as assert } from "node:assert";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { FactStore } from "../../server/src/facts/store";
import { FACTS } from "../support/paths";

const files = readdirSync(FACTS)
  .filter((f) => f.endsWith(".facts.yaml"))
  .sort()
  .map((f) => ({ file: join(FACTS, f), text: readFileSync(join(FACTS, f), "utf8") }));

describe("fact-base changes in steps", () => {
  it("parses one file per step and changes nothing in force before the last step", () => {
    const store = new FactStore();
    const steps = store.updateSteps(files);
    let count = 0;
    for (let r = steps.next(); !r.done; r = steps.next()) {
      assert.equal(store.generation, 0, "the base changed before the last step");
      assert.equal(store.base.entities.size, 0);
      assert.deepEqual(store.files(), []);
      count++;
    }
    assert.equal(count, files.length);
    assert.equal(store.generation, 1);
    const whole = new FactStore();
    whole.updateMany(files);
    assert.deepEqual([...store.base.entities.keys()], [...whole.base.entities.keys()]);
    assert.deepEqual([...store.base.events.keys()], [...whole.base.events.keys()]);
    assert.deepEqual(store.allProblems(), whole.allProblems());
  });

  it("keeps the last good facts in force while a broken edit is stepped, and after it", () => {
    const store = new FactStore();
    store.updateMany(files);
    const before = store.base;
    const steps = store.updateSteps([{ file: files[0].file, text: "entities: [ {" }]);
    for (let r = steps.next(); !r.done; r = steps.next()) assert.equal(store.base, before);
    assert.equal(store.base, before, "a broken file replaced the base");
    assert.ok(store.isStale(files[0].file));
  });
});
