// The words the claim reader knows: numbers, qualifiers, what is counted, dates, roles.
// General English news vocabulary only: nothing here names a fact of the shipped base.
import { Qualifier } from "../facts/model";

/**
 * A word table as a Map: "constructor" or "toString" in a draft is no entry of it, and a word
 * that is no entry (most words) is answered without the string-table probe an object key costs.
 */
function table<T>(entries: Record<string, T>): ReadonlyMap<string, T> {
  return new Map(Object.entries(entries));
}

export const NUMBER_WORDS: ReadonlyMap<string, number> = table({
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
});

export const MULTIPLIERS: ReadonlyMap<string, number> = table({
  dozen: 12, hundred: 100, thousand: 1000, million: 1_000_000, billion: 1_000_000_000,
});

/** Qualifiers written before a number, longest first; value is how the reader treats them. */
export const QUALIFIERS_BEFORE: [string[], Qualifier][] = [
  [["at", "least"], "at least"],
  [["no", "fewer", "than"], "at least"],
  [["no", "less", "than"], "at least"],
  [["a", "minimum", "of"], "at least"],
  [["more", "than"], "more than"],
  [["upwards", "of"], "more than"],
  [["in", "excess", "of"], "more than"],
  [["over"], "more than"],
  [["just", "over"], "more than"],
  [["close", "to"], "nearly"],
  [["just", "under"], "nearly"],
  [["nearly"], "nearly"],
  [["almost"], "nearly"],
  [["about"], "about"],
  [["around"], "about"],
  [["roughly"], "about"],
  [["approximately"], "about"],
  [["some"], "about"],
  [["an", "estimated"], "about"],
  [["estimated"], "about"],
  [["up", "to"], "up to"],
  [["as", "many", "as"], "up to"],
  [["fewer", "than"], "fewer than"],
  [["less", "than"], "fewer than"],
  [["exactly"], "exactly"],
];

/** Qualifiers written after the counted noun ("13 people at least"). */
export const QUALIFIERS_AFTER: [string[], Qualifier][] = [
  [["at", "least"], "at least"],
  [["or", "more"], "at least"],
];

/** Nouns that say who or what is counted, mapped to a group the facts use. */
export const COUNTED_NOUNS: ReadonlyMap<string, string> = table({
  people: "people", persons: "people", person: "people", individuals: "people", individual: "people",
  civilians: "civilians", civilian: "civilians", residents: "civilians",
  children: "children", child: "children", kids: "children", minors: "children",
  women: "women", woman: "women", men: "men", man: "men",
  soldiers: "forces", soldier: "forces", troops: "forces", servicemen: "forces", personnel: "forces",
  commandos: "forces", americans: "forces", marines: "forces",
  militants: "militants", fighters: "militants", jihadists: "militants",
  prisoners: "prisoners", inmates: "prisoners",
  helicopters: "helicopters", helicopter: "helicopters", choppers: "helicopters", aircraft: "helicopters",
  dead: "people", bodies: "people",
});

/** Words that say what happened to those counted. */
export const MEASURE_WORDS: ReadonlyMap<string, string> = table({
  killed: "killed", kill: "killed", killing: "killed", dead: "killed", died: "killed", die: "killed",
  deaths: "killed", death: "killed", toll: "killed", fatalities: "killed", slain: "killed", perished: "killed",
  bodies: "killed", lives: "killed",
  injured: "injured", injuring: "injured", wounded: "injured", wounding: "injured", hurt: "injured",
  injuries: "injured",
  casualties: "casualties",
  lasted: "duration", lasting: "duration", last: "duration", took: "duration", spanned: "duration",
  home: "population", inhabitants: "population", population: "population", live: "population", lives_in: "population",
});

export const DURATION_UNITS: ReadonlyMap<string, { unit: string; hours: number }> = table({
  minute: { unit: "minute", hours: 1 / 60 }, minutes: { unit: "minute", hours: 1 / 60 },
  hour: { unit: "hour", hours: 1 }, hours: { unit: "hour", hours: 1 },
  day: { unit: "day", hours: 24 }, days: { unit: "day", hours: 24 },
  week: { unit: "week", hours: 168 }, weeks: { unit: "week", hours: 168 },
  month: { unit: "month", hours: 730 }, months: { unit: "month", hours: 730 },
  year: { unit: "year", hours: 8766 }, years: { unit: "year", hours: 8766 },
});

export const MONTHS: ReadonlyMap<string, number> = table({
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sept: 9, sep: 9, october: 10, oct: 10, november: 11,
  nov: 11, december: 12, dec: 12,
});
export const MONTH_NAMES = ["", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

export const WEEKDAYS: ReadonlyMap<string, string> = table({
  monday: "Monday", tuesday: "Tuesday", wednesday: "Wednesday", thursday: "Thursday", friday: "Friday",
  saturday: "Saturday", sunday: "Sunday",
});

/** Nouns that name an event of some kind; a sentence holding one may be about an event. */
export const EVENT_NOUNS: ReadonlyMap<string, string> = table({
  raid: "raid", raids: "raid", operation: "raid", operations: "raid", mission: "raid", assault: "raid",
  attack: "raid", attacks: "raid", landing: "raid", incursion: "raid", clashes: "raid", firefight: "raid",
  strike: "strike", strikes: "strike", airstrike: "strike", airstrikes: "strike", bombing: "strike",
  riot: "riot", uprising: "riot", jailbreak: "riot", mutiny: "riot",
  ceasefire: "ceasefire", truce: "ceasefire", armistice: "ceasefire",
});

/** Verbs that tell an event happening, so that a place or date in the sentence can be its place or date. */
export const EVENT_VERBS = new Set([
  "landed", "raided", "stormed", "swooped", "struck", "attacked", "killed", "died", "captured", "arrested", "launched",
  "conducted", "carried", "staged", "mounted", "occurred", "happened", "unfolded", "began", "ended", "lasted",
  "touched", "descended", "targeted", "hit", "bombed", "clashed", "fought",
  // Headlines and timelines tell events in the present.
  "kill", "kills", "land", "lands", "raid", "raids", "storm", "storms", "capture", "captures", "strike", "strikes",
  "seize", "seizes", "arrest", "arrests", "leaves", "leave",
]);

/** Verbs by which an actor carries an event out. */
export const ACTION_VERBS = new Set([
  "launched", "launch", "launches", "conducted", "conduct", "conducts", "carried", "carry", "carries", "staged",
  "stage", "mounted", "mount", "led", "lead", "executed", "performed", "undertook", "began", "started",
]);

/** Nouns of office a person holds in an organization. */
export const ROLE_NOUNS = new Set([
  "chief", "head", "director", "leader", "founder", "spokesman", "spokeswoman", "spokesperson", "secretary",
  "commander", "official", "analyst", "expert", "fellow", "researcher", "president", "minister", "member",
  "emir", "caliph", "chairman", "deputy", "envoy", "representative", "scholar", "monitor", "figure", "operative",
]);

export const COMPASS: ReadonlyMap<string, string> = table({
  north: "n", northern: "n", south: "s", southern: "s", east: "e", eastern: "e", west: "w", western: "w",
  northwest: "nw", northwestern: "nw", "north-west": "nw", "north-western": "nw", nw: "nw",
  northeast: "ne", northeastern: "ne", "north-east": "ne", "north-eastern": "ne", ne: "ne",
  southwest: "sw", southwestern: "sw", "south-west": "sw", "south-western": "sw", sw: "sw",
  southeast: "se", southeastern: "se", "south-east": "se", "south-eastern": "se", se: "se",
  central: "c", centre: "c", center: "c",
});

/** Region names of the fact format, as compass letters. */
export const REGION_LETTERS: ReadonlyMap<string, string> = table({
  north: "n", south: "s", east: "e", west: "w", northwest: "nw", northeast: "ne", southwest: "sw", southeast: "se", centre: "c",
});

export const PLACE_LEVEL_NOUNS: ReadonlyMap<string, "town" | "province" | "country" | "area"> = table({
  town: "town", city: "town", village: "town", hamlet: "town",
  province: "province", governorate: "province", region: "province", district: "province",
  country: "country", state: "country",
  area: "area", countryside: "area", outskirts: "area", suburbs: "area",
});

export const HONORIFICS = new Set(["mr", "mrs", "ms", "miss", "dr", "prof", "professor", "mx"]);

/** Words that are never names though written with a capital (sentence starts, titles). */
export const NOT_NAMES = new Set([
  "the", "a", "an", "and", "but", "or", "in", "on", "at", "of", "for", "to", "by", "with", "from", "as", "it", "its",
  "he", "she", "they", "we", "i", "this", "that", "these", "those", "there", "their", "his", "her", "our", "when",
  "while", "after", "before", "since", "during", "according", "however", "meanwhile", "earlier", "later", "some",
  "several", "many", "most", "such", "neither", "nor", "both", "either", "all", "no", "not", "one", "two", "three",
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mr", "mrs", "ms", "dr",
  "army", "major", "general", "colonel", "captain", "lieutenant", "sergeant", "president", "minister", "chief",
  "spokesman", "secretary", "press", "senior", "former", "observatory", "source", "sources", "related", "back",
  "top", "exit", "mobile", "version", "articles", "button", "update", "breaking", "news", "photo", "video",
]);
