// Compares the details of an event that the facts record in words ("a two-story house")
// with what a sentence says of them. Only what can be read as a measure is compared: floors.
import { Quantity, readQuantities } from "../claims/numbers";
import { SentenceReading } from "../claims/reader";
import { Detail, FactEvent } from "../facts/model";
import { tokenize } from "../text/tokens";
import { formatNumber } from "../fixes/numberText";
import { CompareContext } from "./context";

const BUILDINGS = new Set(["house", "building", "structure", "home", "block", "compound", "villa", "residence"]);

/** Words that make a building tall: five floors or more. */
const TALL = /^(high-rise|highrise|multi-storey|multi-story|skyscraper|tower)$/;

const storeys = new WeakMap<Detail, Quantity | null>();
/** The floors a building detail gives ("a two-story house"), read once per detail rather than per sentence. */
function storeysOf(detail: Detail): Quantity | undefined {
  let fact = storeys.get(detail);
  if (fact === undefined) storeys.set(detail, (fact = readQuantities(tokenize(detail.value)).find((q) => q.measure === "storeys") ?? null));
  return fact ?? undefined;
}

export function compareBuilding(ctx: CompareContext, s: SentenceReading, text: string, ev: FactEvent): void {
  const detail = ev.details.find((d) => d.what === "building");
  if (!detail || !s.words.some((w) => BUILDINGS.has(w))) return;
  const fact = storeysOf(detail);
  if (!fact) return;
  const report = (start: number, end: number, written: string, newText: string): void =>
    ctx.report({
      code: "wrong-detail",
      start,
      end,
      message: `The sources describe a ${detail.value}, not ${written}${ctx.cite(detail.cite)}.`,
      fixes: [{ newText }],
      fact: { at: detail.at, what: `${ev.name}: ${detail.value}` },
      eventId: ev.id,
      written,
    });
  for (const q of s.quantities) {
    if (q.measure !== "storeys" || q.value === fact.value) continue;
    report(q.start, q.end, text.slice(q.start, q.nounEnd ?? q.end), formatNumber(fact.value, q.style, q.capitalized));
  }
  // "a high-rise building": written as one hyphenated word in the sentence's text.
  const re = /\b(high-rise|highrise|multi-stor(?:e)?y|skyscraper|tower block)\b/gi;
  const sentence = text.slice(s.start, s.end);
  for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
    if (fact.value >= 5 || !TALL.test(m[1].toLowerCase().replace(" block", ""))) continue;
    const start = s.start + m.index;
    report(start, start + m[1].length, m[1], `${formatNumber(fact.value, "words", false)}-story`);
  }
}
