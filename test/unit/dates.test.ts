// Reading dates: years, months with days, weekdays, and the word that introduces them.
import { strict as assert } from "node:assert";
import { readDates } from "../../server/src/claims/dates";
import { tokenize } from "../../server/src/text/tokens";

const read = (s: string) => readDates(tokenize(s));

describe("reading dates", () => {
  it("reads month and year", () => {
    const [d] = read("killed in a US raid in Idlib in October 2017");
    assert.equal(d.month?.value, 10);
    assert.equal(d.year?.value, 2017);
    assert.equal(d.prep, "in");
  });

  it("reads a day before or after the month", () => {
    assert.equal(read("On October 23 the US military announced")[0].day?.value, 23);
    assert.equal(read("On 23 October the US military announced")[0].day?.value, 23);
  });

  it("reads weekdays", () => {
    assert.equal(read("overnight on Thursday")[0].weekday?.value, "Thursday");
  });

  it("knows a date that points elsewhere and a date that modifies a noun", () => {
    assert.equal(read("the largest since 2019")[0].prep, "since");
    assert.equal(read("the largest since the 2019 raid")[0].prep, "since");
    assert.equal(read("part of al-Qaeda until 2016")[0].prep, "until");
  });

  it("does not take ordinary words or counts for dates", () => {
    assert.deepEqual(read("they may return in force"), []);
    assert.deepEqual(read("2000 people fled"), []);
    assert.deepEqual(read("a march through the town"), []);
  });
});
