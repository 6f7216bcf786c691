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
    // "since the 2019 raid": the date is that raid's own, so no preposition points it elsewhere.
    assert.equal(read("the largest since the 2019 raid")[0].prep, undefined);
    assert.equal(read("the largest since the 2019 raid")[0].modifies, "raid");
    assert.equal(read("the largest since November 2019, when US forces killed him")[0].prep, "when");
    assert.equal(read("part of al-Qaeda until 2016")[0].prep, "until");
  });

  it("does not take ordinary words or counts for dates", () => {
    assert.deepEqual(read("they may return in force"), []);
    assert.deepEqual(read("2000 people fled"), []);
    assert.deepEqual(read("a march through the town"), []);
  });
});
