// Figures the claim reader does not describe yet: magnitudes, percentages, sums of money, and
// counts of things its table of counted nouns does not hold ("181 missing", "12,000 houses").
// Written here, in draft/, until the new reader gives every quantity with its unit family.
import { Figure, numbersOf, Sentence } from "./reading";
import { MEASURE_VERBS } from "./vocabulary";

const REACHED = new Set(["reached", "to", "at", "hit", "passed", "topped", "exceeded"]);
const TOLL_WORDS = new Set(["deaths", "death", "toll", "dead", "fatalities"]);

const CURRENCY_WORDS: ReadonlyMap<string, string> = new Map([
  ["dollars", "US dollars"], ["dollar", "US dollars"], ["usd", "US dollars"], ["euros", "euros"], ["euro", "euros"],
  ["eur", "euros"], ["pounds", "pounds"], ["yuan", "yuan"], ["renminbi", "yuan"], ["yen", "yen"], ["rupees", "rupees"],
  ["reais", "reais"], ["real", "reais"], ["rubles", "roubles"], ["roubles", "roubles"], ["won", "won"],
]);
const CURRENCY_SIGNS: ReadonlyMap<string, string> = new Map([["$", "US dollars"], ["€", "euros"], ["£", "pounds"], ["¥", "yuan"]]);

/** Figures of one sentence that the reader left without a measure, described by their neighbours. */
export function moreFigures(sentence: Sentence, known: Figure[]): Figure[] {
  const tokens = sentence.tokens;
  const out: Figure[] = [];
  const taken = (first: number): boolean => known.some((f) => f.first <= first && first < f.last);
  for (const n of numbersOf(tokens)) {
    if (taken(n.first)) continue;
    const next = tokens[n.last];
    const next2 = tokens[n.last + 1];
    const prev = tokens[n.first - 1];
    const prev2 = tokens[n.first - 2];
    const base = { start: n.start, end: n.end, value: n.value, qualifier: n.qualifier, first: n.first, last: n.last };
    // Years and times of day are not figures.
    if (/^\d{4}$/.test(tokens[n.first].raw) && n.value >= 1900 && n.value <= 2100) continue;
    if (next?.raw === ":" || next?.norm === "am" || next?.norm === "pm" || next?.norm === "a.m" || next?.norm === "p.m") continue;
    // "magnitude 6.1", "magnitude-6.5", "a 6.5-magnitude quake"
    if (prev?.norm === "magnitude" || next?.norm === "magnitude") {
      out.push({ ...base, measure: "magnitude" });
      continue;
    }
    // "45 percent", "45%", "45 per cent"
    if (next?.raw === "%" || next?.norm === "percent" || (next?.norm === "per" && next2?.norm === "cent")) {
      const after = tokens[n.last + (next.norm === "per" ? 2 : 1)];
      const of = after?.norm === "of" ? nounPhrase(tokens, n.last + (next.norm === "per" ? 3 : 2)) : undefined;
      out.push({ ...base, measure: "percent", of, unit: "percent" });
      continue;
    }
    // "$68.7 billion", "332 million yuan", "US$ 5 million"
    const sign = CURRENCY_SIGNS.get(prev?.raw ?? "") ?? (prev?.raw === "$" || (prev2?.norm === "us" && prev?.raw === "$") ? "US dollars" : undefined);
    const word = CURRENCY_WORDS.get(next?.norm ?? "") ?? (next?.norm === "u.s" || next?.norm === "us" ? CURRENCY_WORDS.get(next2?.norm ?? "") : undefined);
    if (sign || word) {
      out.push({ ...base, measure: "money", unit: sign ?? word });
      continue;
    }
    // "the number of confirmed deaths has reached 615", "the toll … rose to 589": the count of the dead.
    if (prev && REACHED.has(prev.norm) && next?.kind !== "word") {
      for (let k = n.first - 2; k >= Math.max(0, n.first - 10); k--) {
        if (tokens[k].raw === ";" || tokens[k].raw === ".") break;
        if (TOLL_WORDS.has(tokens[k].norm)) {
          out.push({ ...base, measure: "killed", of: "people" });
          break;
        }
      }
      if (out[out.length - 1]?.start === base.start) continue;
    }
    // "181 missing", "12,000 houses", "129,100 were damaged": what the neighbouring word says was counted.
    let noun: string | undefined;
    for (let k = n.last; k < Math.min(tokens.length, n.last + 3); k++) {
      const t = tokens[k];
      if (t.kind === "punct") break;
      const m = MEASURE_VERBS.get(t.norm);
      if (m) {
        out.push({ ...base, measure: m, noun: noun ?? (m === t.norm ? undefined : t.raw), of: noun });
        break;
      }
      if (k === n.last && t.kind === "word" && !t.cap && !/^(were|was|are|is|have|has|had|more|of|to|in|and|or|people)$/.test(t.norm)) noun = t.raw.toLowerCase();
    }
  }
  return out;
}

/** Up to three words of a noun phrase from token k ("the vote", "registered voters"). */
function nounPhrase(tokens: Sentence["tokens"], k: number): string | undefined {
  const words: string[] = [];
  for (let i = k; i < tokens.length && words.length < 3; i++) {
    const t = tokens[i];
    if (t.kind !== "word") break;
    if (/^(the|a|an|its|their|his|her)$/.test(t.norm) && !words.length) continue;
    if (/^(and|or|in|on|at|to|from|by|with|for|was|were|is|are|has|have|said)$/.test(t.norm)) break;
    words.push(t.raw);
  }
  return words.length ? words.join(" ") : undefined;
}
