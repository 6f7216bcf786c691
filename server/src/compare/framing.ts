// How a sentence frames what it states, when it is not the writer's claim of a value: a value
// denied ("in 2019, not 2017") or corrected ("wrongly said"), an event imagined ("Had it lasted
// four hours, …") or asked about ("whether …"), words quoted from no one, a date of birth, and
// places and figures of happenings the facts are never about ("the wars in Iraq"). Such values
// are not compared with the facts.

/** Words that may stand between a denial (or a happening) and the value it reaches ("not in the town of …"). */
const BETWEEN = new Set(["in", "on", "at", "the", "a", "an", "of", "by", "from", "to", "as", "some", "about", "around"]);
const DENIALS = new Set(["not", "never", "nor", "instead"]);
const WORD = /[\p{L}\p{N}'’]+/gu;
const CONTRACTED_NOT = /n['’]t$/;
const WHETHER = /\bwhether\b/i;

/** The lowercase words of the sentence in the `reach` characters before `start`. */
function wordsBefore(text: string, sentenceStart: number, start: number, reach = 60): string[] {
  return text.slice(Math.max(sentenceStart, start - reach), start).toLowerCase().match(WORD) ?? [];
}

/** The nearest of those words that is not a little word of place or article ("not in the town of"), with its index. */
function nearestBefore(words: string[]): number {
  let k = words.length - 1;
  while (k >= 0 && BETWEEN.has(words[k])) k--;
  return k;
}

/** Whether the words just before `start` deny what follows: "not", "never", "rather than", "instead of", "wasn't". */
export function isDenied(text: string, sentenceStart: number, start: number): boolean {
  const words = wordsBefore(text, sentenceStart, start);
  const k = nearestBefore(words);
  if (k < 0) return false;
  const w = words[k];
  return DENIALS.has(w) || CONTRACTED_NOT.test(w) || (w === "than" && words[k - 1] === "rather");
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
 * Where a sentence's quotation marks and "whether" stand, found in one pass however many of its
 * values are asked about (a runaway sentence of ten thousand numbers stays linear).
 */
export class SentenceFrame {
  private readonly straight: number[] = [];
  private readonly opens: number[] = [];
  private readonly closes: number[] = [];
  private readonly whether: number;
  private readonly spoken: boolean;

  constructor(text: string, from: number, to: number, words: readonly string[]) {
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x22) this.straight.push(i);
      else if (c === 0x201c) this.opens.push(i);
      else if (c === 0x201d) this.closes.push(i);
    }
    const w = WHETHER.exec(text.slice(from, to));
    this.whether = w ? from + w.index : Infinity;
    this.spoken = words.some((x) => SPEAKING.has(x));
  }

  /**
   * Whether `at` lies inside quotation marks no one in the sentence is said to have spoken: a
   * claim held up to be examined ("Claim 1: "At least 12 people died""), not the writer's own,
   * nor a quoted official's (whose words the writer vouches for quoting).
   */
  inUnattributedQuote(at: number): boolean {
    if (this.spoken) return false;
    return countBefore(this.straight, at) % 2 === 1 || lastBefore(this.opens, at) > lastBefore(this.closes, at);
  }

  /** Whether `at` comes after "whether": an open question ("asked whether the raid meant …"). */
  inQuestion(at: number): boolean {
    return at > this.whether;
  }
}

/** How many of the sorted offsets lie before `at`. */
function countBefore(sorted: number[], at: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function lastBefore(sorted: number[], at: number): number {
  const n = countBefore(sorted, at);
  return n ? sorted[n - 1] : -1;
}

/**
 * Whether a figure is another happening's: the sentence names none of the facts' own events
 * before it (raid, operation…; `ours` are their offsets) but a happening of another kind ("the
 * 1999 earthquake in Turkey, which killed more than 17,000 people"), or the words right after it
 * put it in one ("7 killed in bus crash"). Looks at most a few hundred characters back.
 */
export function isOtherHappeningsFigure(text: string, sentenceStart: number, start: number, end: number, ours: readonly number[]): boolean {
  if (ours.some((at) => at < start)) return false;
  if (wordsBefore(text, sentenceStart, start, 300).some((w) => OTHER_HAPPENINGS.has(w))) return true;
  const after = text.slice(end, end + 40).toLowerCase().match(WORD) ?? [];
  const k = after.findIndex((w) => w === "in" || w === "during" || w === "after" || w === "by");
  return k >= 0 && k <= 2 && after.slice(k + 1, k + 4).some((w) => OTHER_HAPPENINGS.has(w));
}

/** "wrongly said", "incorrectly reported": a sentence that tells of an error, as corrections do; its values are the error's. */
const CORRECTING = new Set(["wrongly", "incorrectly", "erroneously", "mistakenly", "falsely"]);

/** A sentence that frames all it says as not so: a correction of an error, or "Neither … nor …". */
export function deniesAll(words: readonly string[]): boolean {
  return words[0] === "neither" || words.some((w) => CORRECTING.has(w));
}

/** Whether a date tells when someone was born ("born near Samarra in 1971"): a life's date, not the event's. */
export function isBirthDate(text: string, sentenceStart: number, start: number): boolean {
  return wordsBefore(text, sentenceStart, start).slice(-5).some((w) => w === "born" || w === "birth");
}

/** Happenings the facts are never about: a place right after one of them is its place ("veterans of the wars in Iraq"). */
const OTHER_HAPPENINGS = new Set([
  "war", "wars", "conflict", "conflicts", "election", "elections", "typhoon", "typhoons", "earthquake", "earthquakes",
  "flood", "floods", "flooding", "hurricane", "hurricanes", "storm", "storms", "drought", "famine", "pandemic", "olympics",
  "crash", "crashes", "accident", "accidents", "heatwave",
]);

/** Whether the words just before a place name a happening of another kind ("the war in …", "elections in …"). */
export function followsOtherHappening(text: string, sentenceStart: number, start: number): boolean {
  const words = wordsBefore(text, sentenceStart, start);
  const k = nearestBefore(words);
  return k >= 0 && OTHER_HAPPENINGS.has(words[k]);
}

/** Whether a sentence opens on a happening of another kind ("A typhoon that made landfall …", "The war has …"). */
export function opensOnOtherHappening(words: readonly string[]): boolean {
  return words.slice(0, 3).some((w) => OTHER_HAPPENINGS.has(w));
}

/** Whether a sentence names a happening of another kind anywhere: most do not, and need no closer look. */
export function namesOtherHappening(words: readonly string[]): boolean {
  return words.some((w) => OTHER_HAPPENINGS.has(w));
}
