// How a sentence frames what it states, when it is not the writer's claim of a value: a value
// denied ("in 2019, not 2017") or corrected ("wrongly said"), an event imagined ("Had it lasted
// four hours, …") or asked about ("whether …"), words quoted from no one or quoted to be refuted,
// and a date of birth. Such values are not compared with the facts. The words are the vocabulary's.
import { vocabulary as V } from "../vocabulary";

/** Words that may stand between a denial (or a happening) and the value it reaches ("not in the town of …"). */
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
  while (k >= 0 && V.between.has(words[k])) k--;
  return k;
}

/** Whether the words just before `start` deny what follows: "not", "never", "rather than", "instead of", "wasn't". */
export function isDenied(text: string, sentenceStart: number, start: number): boolean {
  const words = wordsBefore(text, sentenceStart, start);
  const k = nearestBefore(words);
  if (k < 0) return false;
  const w = words[k];
  return V.negations.has(w) || CONTRACTED_NOT.test(w) || (w === "than" && words[k - 1] === "rather");
}


/** A sentence that opens as a condition ("If …", "Had it …", "Were they …"): what it states is imagined. */
export function isConditional(words: readonly string[]): boolean {
  const [first, second] = words;
  return V.conditionals.has(first) || (V.inverted.has(first) && V.subjects.has(second));
}

/**
 * Where a sentence's quotation marks and "whether" stand, found in one pass however many of its
 * values are asked about (a runaway sentence of ten thousand numbers stays linear).
 */
export class QuoteMarks {
  private readonly straight: number[] = [];
  private readonly opens: number[] = [];
  private readonly closes: number[] = [];
  private readonly whether: number;
  private readonly spoken: boolean;
  private readonly refuting: boolean;

  constructor(text: string, from: number, to: number, words: readonly string[]) {
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x22) this.straight.push(i);
      else if (c === 0x201c) this.opens.push(i);
      else if (c === 0x201d) this.closes.push(i);
    }
    const w = WHETHER.exec(text.slice(from, to));
    this.whether = w ? from + w.index : Infinity;
    this.spoken = words.some((x) => V.speech.has(x));
    this.refuting = (this.straight.length > 0 || this.opens.length > 0) && V.refuting.some((phrase) => hasPhrase(words, phrase));
  }

  /** Whether `at` lies in quotation marks in a sentence that refutes them ("One report said "1,000 troops"; in fact …"). */
  refuted(at: number): boolean {
    return this.refuting && this.inQuote(at);
  }

  private inQuote(at: number): boolean {
    return countBefore(this.straight, at) % 2 === 1 || lastBefore(this.opens, at) > lastBefore(this.closes, at);
  }

  /**
   * Whether `at` lies inside quotation marks no one in the sentence is said to have spoken: a
   * claim held up to be examined ("Claim 1: "At least 12 people died""), not the writer's own,
   * nor a quoted official's (whose words the writer vouches for quoting).
   */
  inUnattributedQuote(at: number): boolean {
    if (this.spoken) return false;
    return this.inQuote(at);
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

/** "wrongly said", "incorrectly reported": a sentence that tells of an error, as corrections do; its values are the error's. */

/** A sentence that frames all it says as not so: a correction of an error, or "Neither … nor …". */
export function deniesAll(words: readonly string[]): boolean {
  return words[0] === "neither" || words.some((w) => V.correcting.has(w));
}

/** Whether a date tells when someone was born ("born near Samarra in 1971"): a life's date, not the event's. */
export function isBirthDate(text: string, sentenceStart: number, start: number): boolean {
  return wordsBefore(text, sentenceStart, start).slice(-5).some((w) => w === "born" || w === "birth");
}


function hasPhrase(words: readonly string[], phrase: readonly string[]): boolean {
  for (let i = 0; i + phrase.length <= words.length; i++) {
    let k = 0;
    while (k < phrase.length && words[i + k] === phrase[k]) k++;
    if (k === phrase.length) return true;
  }
  return false;
}
