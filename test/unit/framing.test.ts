// What a sentence does not claim: a value it denies, an event it only imagines, a quotation held
// up for examination, a disputed figure the paragraph sets against the established one. Each
// case next to the same value stated as a claim, which is still flagged.
import { strict as assert } from "node:assert";
import { Checker } from "../../server/src/engine/checker";
import { loadFacts } from "../../server/src/engine/factBase";
import { FACTS } from "../support/paths";

describe("framing: what a sentence does not claim", () => {
  const checker = new Checker(loadFacts([FACTS]).base);
  const flagged = (text: string) => checker.check(text, { languageId: "markdown" }).map((f) => `${f.code}:${text.slice(f.start, f.end)}`);

  it("a value the writer denies ('…, not 2017', 'rather than', 'wasn't')", () => {
    assert.deepEqual(flagged("Abu Bakr al-Baghdadi was killed in a US raid in October 2019, not 2017."), []);
    assert.deepEqual(flagged("The US raid took place in Atmeh rather than in Baghdad."), []);
    assert.deepEqual(flagged("The US special forces raid in Atmeh wasn't in Baghdad."), []);
    assert.deepEqual(flagged("Abu Bakr al-Baghdadi was killed in a US raid in October 2017."), ["wrong-date:2017"]);
    // A denial elsewhere in the sentence does not reach the value.
    assert.deepEqual(flagged("The US special forces raid, not the first of its kind, took place in Baghdad."), ["wrong-place:Baghdad"]);
  });

  it("an event imagined in a condition ('Had it lasted …', 'If …')", () => {
    assert.deepEqual(flagged("Had the US raid in Atmeh dragged on for four or five hours, it would have been unusually long."), []);
    assert.deepEqual(flagged("If the US raid in Atmeh had lasted four hours, more would have died."), []);
    assert.deepEqual(flagged("The US raid in Atmeh dragged on for four or five hours."), ["wrong-number:four"]);
  });

  it("a quotation no one in the sentence is said to have spoken", () => {
    assert.deepEqual(flagged('## Claim 2: "The US raid took place in the northern Syrian city of Baghdad"'), []);
    // Quoted words with a speaker are checked: the writer vouches for the quotation.
    assert.deepEqual(flagged('"The US raid took place in Baghdad," a Pentagon spokesman said.'), ["wrong-place:Baghdad"]);
  });

  it("a disputed figure set against the established one anywhere in the paragraph", () => {
    const paragraph =
      "The Syrian Observatory counted at least 13 dead in the US raid in Atmeh. A resident quoted by Reuters early on spoke of at least 12 dead; that lower figure was never confirmed.";
    assert.deepEqual(flagged(paragraph), []);
    // Credited to the source of the established figure, it is a wrong count, paragraph or not.
    assert.deepEqual(flagged("The US raid in Atmeh killed at least 13 people. The Syrian Observatory for Human Rights said at least 12 people were killed."), ["wrong-number:12"]);
    // Alone, the outlier's figure is still a wrong count.
    assert.deepEqual(flagged("A resident quoted by Reuters spoke of at least 12 dead in the US raid in Atmeh."), ["wrong-number:12"]);
  });

  it("another event's place, next to this event's own, is that event's", () => {
    assert.deepEqual(flagged("A timeline for readers following the US raid in Atmeh and the coalition raid in Humaira."), []);
    // A place no other event has is still this event's wrong place.
    assert.deepEqual(flagged("The US raid in Atmeh and the raid in Baghdad were both at night."), ["wrong-place:Baghdad"]);
  });

  it("a sentence set in a place the facts do not know, naming none of their events", () => {
    const story = "Coalition helicopters captured a bomb maker in Humaira on Thursday. ";
    assert.deepEqual(flagged(`${story}Two navy helicopters spent four hours lifting villagers off rooftops in the flooded town of Borongan.`), []);
    assert.deepEqual(flagged(`${story}A typhoon that made landfall on Samar island on Tuesday has killed at least 15 people.`), []);
    // A word for the raid keeps an unknown town the raid's (wrongly): "the US raid in the town of Sarmada".
    assert.deepEqual(flagged("US commandos raided a house in Atmeh on Thursday. The US raid in the town of Sarmada killed 20 people."), [
      "wrong-place:Sarmada",
      "wrong-number:20",
    ]);
    // A happening of another kind only mentioned on the way does not take the figure.
    assert.deepEqual(flagged("US commandos raided a house in Atmeh. Twenty people were killed, in a country torn by a decade of war."), ["wrong-number:Twenty"]);
    // Without the place of its own, the same figure is read as the raid's.
    assert.deepEqual(flagged(`${story}Two helicopters flew over the village during the operation.`), ["wrong-number:Two"]);
  });

  it("a place of another kind of happening ('the wars in Iraq and Afghanistan')", () => {
    assert.deepEqual(flagged("After the US raid in Atmeh, veterans of the wars in Iraq and Afghanistan gathered."), []);
    assert.deepEqual(flagged("The US special forces raid took place in Iraq."), ["wrong-place:Iraq"]);
  });

  it("a correction of an error, and 'Neither … nor …'", () => {
    assert.deepEqual(flagged("An article about the US raid in Atmeh wrongly said that at least 15 people were killed."), []);
    assert.deepEqual(flagged("Neither raid was carried out by Syrian government forces."), []);
    assert.deepEqual(flagged("An article about the US raid in Atmeh said that at least 15 people were killed."), ["wrong-number:15"]);
    // Something going wrong is no correction.
    assert.deepEqual(flagged("Something went wrong, and the US raid in Atmeh killed 20 people."), ["wrong-number:20"]);
  });

  it("an open question ('asked whether …')", () => {
    assert.deepEqual(flagged("It asked whether the US raid in Atmeh would lead to raids in Baghdad."), []);
  });

  it("another happening's figure ('the earthquake …, which killed 17,000', '7 killed in bus crash')", () => {
    const story = "US commandos raided a house in Atmeh on Thursday. ";
    assert.deepEqual(flagged(`${story}Our founders volunteered after the 1999 earthquake in Turkey, which killed more than 17,000 people.`), []);
    assert.deepEqual(flagged(`${story}- Turkey: 7 killed in bus crash, governor says`), []);
    assert.deepEqual(flagged(`${story}The raid, which came after the earthquake, killed 17 people.`), ["wrong-number:17"]);
  });

  it("a date of birth is not the date of the event", () => {
    assert.deepEqual(flagged("The US raid killed Abu Bakr al-Baghdadi, who was born near Samarra in 1971."), []);
    assert.deepEqual(flagged("The US raid that killed Abu Bakr al-Baghdadi took place in 1971."), ["wrong-date:1971"]);
  });

  it("the dead of a group count that group ('four dead children')", () => {
    assert.deepEqual(flagged("The US raid in Atmeh left four dead children."), []);
    assert.deepEqual(flagged("The US raid in Atmeh left six dead children."), ["wrong-number:six"]);
  });
});
