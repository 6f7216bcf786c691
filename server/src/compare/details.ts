// Compares an event's details that the facts give with a figure in words ("a two-story house")
// with the sentence's figures of the same counted noun ("a three-storey building") and with words
// that imply one ("a high-rise": five storeys or more). The sentence must speak of the detail's
// thing ("house" meets "building" through the vocabulary's concept groups).
import { Figure, readFigures } from "../claims/figures";
import { Detail, FactEvent } from "../facts/model";
import { numberToWords } from "../fixes/numberText";
import { writeLike } from "../fixes/figureText";
import { tokenize } from "../text/tokens";
import { keysOf, vocabulary as V } from "../vocabulary";
import { CompareContext } from "./context";
import { SentenceFrame } from "./frame";

interface DetailFigure {
  value: number;
  /** The counted noun as the facts write it ("story"), and its keys. */
  noun: string;
  nounKeys: Set<string>;
  /** Keys of the detail's other words: the thing it describes ("house"). */
  thingKeys: Set<string>;
}

const figureOf = new WeakMap<Detail, DetailFigure | null>();

/** The figure a detail gives, read once per detail rather than per sentence. */
function detailFigure(detail: Detail): DetailFigure | undefined {
  let known = figureOf.get(detail);
  if (known === undefined) {
    const tokens = tokenize(detail.value);
    // A count of happenings ("the 2019 raid", "two raids") is no detail's figure.
    const f = readFigures(tokens).find((x) => x.noun && x.kind === "amount" && !x.unit && !V.happeningsOf.has(x.noun) && !isYear(tokens[x.first]?.raw));
    known = null;
    if (f?.noun) {
      const nounKeys = new Set(keysOf(f.noun));
      const thingKeys = new Set<string>();
      for (let i = f.first + 1; i < tokens.length; i++) {
        const t = tokens[i];
        if (t.kind !== "word" || V.stopwords.has(t.norm) || shares(keysOf(t.norm), nounKeys)) continue;
        for (const k of keysOf(t.norm)) thingKeys.add(k);
      }
      known = { value: f.value, noun: f.noun, nounKeys, thingKeys };
    }
    figureOf.set(detail, known);
  }
  return known ?? undefined;
}

const isYear = (raw: string | undefined): boolean => !!raw && /^(1[0-9]|20)\d\d$/.test(raw);
const shares = (keys: readonly string[], set: Set<string>): boolean => keys.some((k) => set.has(k));

export function compareDetails(ctx: CompareContext, frame: SentenceFrame, ev: FactEvent): void {
  for (const detail of ev.details) {
    const fact = detailFigure(detail);
    if (!fact || !frame.reading.words.some((w) => shares(keysOf(w), fact.thingKeys))) continue;
    const report = (start: number, end: number, written: string, newText: string, right: string): void =>
      ctx.report({
        code: "wrong-detail",
        start,
        end,
        message: `${right}, not ${written} — the sources describe a ${detail.value}${ctx.cite(detail.cite)}.`,
        fixes: [{ newText }],
        fact: { at: detail.at, what: `${ev.name}: ${detail.value}` },
        eventId: ev.id,
        written,
      });
    for (const f of frame.reading.figures) {
      if (!isOfNoun(f, fact) || f.value === fact.value || !frame.claims(f.start)) continue;
      const fix = writeLike(fact.value, f);
      report(f.start, f.end, frame.text.slice(f.start, f.end), fix, fix);
    }
    const sentence = frame.text.slice(frame.reading.start, frame.reading.end);
    for (const implied of V.implied) {
      if (!shares(keysOf(implied.noun), fact.nounKeys)) continue;
      if (fact.value >= implied.atLeast && (implied.atMost === undefined || fact.value <= implied.atMost)) continue;
      for (const words of implied.words) {
        const at = wordAt(sentence, words.join(" "));
        const start = frame.reading.start + at;
        if (at < 0 || isDenied(sentence, at) || !frame.claims(start)) continue;
        const written = frame.text.slice(start, start + words.join(" ").length);
        const fix = `${numberToWords(fact.value)}-${fact.noun}`;
        report(start, start + written.length, written, fix, fix);
      }
    }
  }
}

function isOfNoun(f: Figure, fact: DetailFigure): boolean {
  return f.kind === "amount" && !f.unit && !!f.noun && shares(keysOf(f.noun), fact.nounKeys);
}

/** Where a phrase stands in a sentence as whole words, or -1. */
function wordAt(sentence: string, phrase: string): number {
  const lower = sentence.toLowerCase();
  for (let at = lower.indexOf(phrase); at >= 0; at = lower.indexOf(phrase, at + 1)) {
    const before = lower[at - 1];
    const after = lower[at + phrase.length];
    if ((!before || !/[\p{L}\p{N}-]/u.test(before)) && (!after || !/[\p{L}\p{N}-]/u.test(after))) return at;
  }
  return -1;
}

/** "Nothing in the reports describes a tower block": a negation earlier in the sentence denies the words. */
function isDenied(sentence: string, at: number): boolean {
  return sentence.slice(0, at).toLowerCase().split(/[^\p{L}]+/u).some((w) => V.negations.has(w) || V.denials.has(w));
}
