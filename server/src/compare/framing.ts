// How a sentence frames what it states: a value the writer denies ("in 2019, not 2017"), or a
// whole sentence that imagines rather than reports ("Had it lasted four hours, …"). Neither
// is a claim of the value, so neither is compared with the facts.

/** Words that may stand between a denial and what it denies ("not in the town of …"). */
const BETWEEN = new Set(["in", "on", "at", "the", "a", "an", "of", "by", "from", "to", "as", "some", "about", "around"]);
const DENIALS = new Set(["not", "never", "nor", "instead"]);
const WORD = /[\p{L}\p{N}'’]+/gu;

/** Whether the words just before `start` deny what follows: "not", "never", "rather than", "instead of", "wasn't". */
export function isDenied(text: string, sentenceStart: number, start: number): boolean {
  const words = text.slice(Math.max(sentenceStart, start - 60), start).toLowerCase().match(WORD) ?? [];
  for (let k = words.length - 1; k >= 0; k--) {
    const w = words[k];
    if (BETWEEN.has(w)) continue;
    return DENIALS.has(w) || /n['’]t$/.test(w) || (w === "than" && words[k - 1] === "rather");
  }
  return false;
}

const CONDITIONALS = new Set(["if", "unless", "suppose", "supposing", "imagine"]);
const INVERTED = new Set(["had", "were", "should"]);
const SUBJECTS = new Set(["it", "they", "he", "she", "we", "you", "i", "the", "this", "that", "these", "those"]);

/** A sentence that opens as a condition ("If …", "Had it …", "Were they …"): what it states is imagined. */
export function isConditional(words: readonly string[]): boolean {
  const [first, second] = words;
  return CONDITIONALS.has(first) || (INVERTED.has(first) && SUBJECTS.has(second));
}

/** Words that give quoted words a speaker ("…," Kirby said; according to the Observatory, "…"). */
const SPEAKING = new Set([
  "said", "says", "say", "told", "tells", "according", "quoted", "quoting", "wrote", "writes", "tweeted", "stated", "announced",
  "added", "reported", "statement", "spokesman", "spokeswoman", "spokesperson", "insisted", "explained", "noted", "asked",
  "replied", "warned", "declared", "confirmed", "briefing", "interview",
]);

/**
 * Whether `start` lies inside quotation marks in a sentence that names no speaker for them:
 * a claim held up to be examined ("Claim 1: "At least 12 people died""), not the writer's own,
 * nor a quoted official's (whose words the writer vouches for quoting).
 */
export function isUnattributedQuote(text: string, sentenceStart: number, start: number, words: readonly string[]): boolean {
  const before = text.slice(sentenceStart, start);
  const curly = before.lastIndexOf("“") > before.lastIndexOf("”");
  let straight = 0;
  for (let i = before.indexOf('"'); i >= 0; i = before.indexOf('"', i + 1)) straight++;
  if (!curly && straight % 2 === 0) return false;
  return !words.some((w) => SPEAKING.has(w));
}

/** Whether a date tells when someone was born ("born near Samarra in 1971"): a life's date, not the event's. */
export function isBirthDate(text: string, sentenceStart: number, start: number): boolean {
  const words = text.slice(Math.max(sentenceStart, start - 60), start).toLowerCase().match(WORD) ?? [];
  return words.slice(-5).some((w) => w === "born" || w === "birth");
}

/** Happenings the facts are never about: a place right after one of them is its place ("veterans of the wars in Iraq"). */
const OTHER_HAPPENINGS = new Set([
  "war", "wars", "conflict", "conflicts", "election", "elections", "typhoon", "typhoons", "earthquake", "earthquakes",
  "flood", "floods", "flooding", "hurricane", "hurricanes", "storm", "storms", "drought", "famine", "pandemic", "olympics",
]);

/** Whether the words just before a place name a happening of another kind ("the war in …", "elections in …"). */
export function followsOtherHappening(text: string, sentenceStart: number, start: number): boolean {
  const words = text.slice(Math.max(sentenceStart, start - 60), start).toLowerCase().match(WORD) ?? [];
  for (let k = words.length - 1; k >= 0; k--) {
    if (BETWEEN.has(words[k])) continue;
    return OTHER_HAPPENINGS.has(words[k]);
  }
  return false;
}

/** Whether a sentence opens on a happening of another kind ("A typhoon that made landfall …", "The war has …"). */
export function opensOnOtherHappening(words: readonly string[]): boolean {
  return words.slice(0, 3).some((w) => OTHER_HAPPENINGS.has(w));
}
