// The drafter's words, from the "drafting" section of server/vocabulary/english.json (data, with
// its schema): what makes a name an organization, a force or a place, what an office is, what a
// figure counts. No word of it belongs to one story; each list's meaning is in the schema.
import { vocabulary as V } from "../vocabulary";

function list(name: string): string[] {
  const words = V.drafting[name];
  if (!Array.isArray(words)) throw new Error(`vocabulary: drafting.${name} is not a word list`);
  return words;
}
const set = (name: string): ReadonlySet<string> => new Set(list(name));
function map(name: string): ReadonlyMap<string, string> {
  const table = V.drafting[name];
  if (!table || Array.isArray(table)) throw new Error(`vocabulary: drafting.${name} is not a table`);
  return new Map(Object.entries(table));
}

export const ORG_HEADS = set("organizationHeads");
export const FORCE_HEADS = set("forceHeads");
export const STRIPPED_LEVELS = set("strippedLevels");
export const BODY_NOUNS = set("bodyNouns");
export const ORG_OPENERS = set("organizationOpeners");
export const PLACE_LEVELS = map("placeLevels");
export const OFFICE_NOUNS = set("officeNouns");
export const OFFICE_MODIFIERS = set("officeModifiers");
export const SPEECH_VERBS = set("speechVerbs");
export const NOT_NAME_WORDS = set("notNameWords");
export const WIRE_OUTLETS = map("wireOutlets");
export const MEASURE_VERBS = map("measureWords");
export const EVENT_HEADS = set("eventHeads");
export const CREDITING_VERBS = set("creditingVerbs");
export const NOT_MEASURES = set("notMeasures");
export const RATIO_NOUNS = set("ratioNouns");
export const NOT_KEYWORDS = set("notKeywords");
export const CHANGE_NAMES = map("changeNames");

// Concept groups of the vocabulary (concepts.groups), each named by one of its words.
export const COUNTED_ANCHORS = list("countedAnchors");
export const CHANGE_ANCHORS = list("changeAnchors");
export const PEOPLE_MEASURE_ANCHORS = list("peopleMeasureAnchors");
export const TALLY_ANCHORS = list("tallyAnchors");
export const MEASURE_NOUN_ANCHORS = list("measureNounAnchors");
export const UNIT_MEASURE_ANCHORS = list("unitMeasureAnchors");
export const THING_MEASURE_ANCHORS = list("thingMeasureAnchors");
