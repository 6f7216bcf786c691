// Writes a count's value the way the sentence wrote the figure it replaces: in the figure's unit
// (converted), with its scale word ("2.1 million", "68.7bn"), its digits or words, its ordinal.
import { Figure } from "../claims/figures";
import { CountFact, FactValue } from "../compare/countFacts";
import { numberToWords } from "./numberText";

const ORDINAL_WORDS = ["zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
  "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"];

/** The value in the figure's unit: a count in km written for a figure in miles, in miles. */
export function inFigureUnit(fact: CountFact, value: number, f: Figure): number {
  const to = f.unit;
  const from = fact.unit;
  const v = value * fact.scale;
  if (!from || !to || from.id === to.id || from.family === "currency") return v;
  return (v * from.factor + from.offset - to.offset) / to.factor;
}

export function formatFigure(fact: CountFact, value: FactValue, f: Figure): string {
  const converted = !!fact.unit && !!f.unit && fact.unit.id !== f.unit.id && f.unit.family !== "currency";
  return writeLike(inFigureUnit(fact, value.value, f), f, converted);
}

/** A value written as the figure was: its digits or words, its ordinal, its scale word, its capital. */
export function writeLike(v: number, f: Figure, converted = false): string {
  const s = f.style;
  let text: string;
  if (s.kind === "ordinal-digits") text = `${Math.round(v)}${suffix(Math.round(v))}`;
  else if (s.kind === "ordinal-words") text = Math.round(v) < ORDINAL_WORDS.length ? ORDINAL_WORDS[Math.round(v)] : `${Math.round(v)}${suffix(Math.round(v))}`;
  // None is "no" ("no civilians"), unless a unit follows the number ("0 km").
  else if (v === 0) text = f.unit ? "0" : "no";
  else if (s.kind === "dozen" && v % 12 === 0) text = v === 12 ? "a dozen" : `${numberToWords(v / 12)} dozen`;
  else if ((s.kind === "words" || s.kind === "dozen" || s.kind === "no") && Number.isInteger(v)) text = numberToWords(v);
  else text = digits(v, f, converted);
  return s.capitalized ? text.replace(/^./, (c) => c.toUpperCase()) : text;
}

function suffix(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return "th";
  return ["th", "st", "nd", "rd"][n % 10] ?? "th";
}

/** Digits with the figure's scale word and as many decimals as the value needs (at most two, or the figure's own). */
function digits(v: number, f: Figure, converted: boolean): string {
  const scale = f.style.scale;
  const amount = scale ? v / scale.value : v;
  // As many decimals as the value needs (a converted value keeps the figure's precision, at least one).
  const needed = Math.min(2, decimalsOf(amount));
  const places = converted ? Math.max(f.style.decimals, needed ? 1 : 0) : needed;
  let text = amount.toFixed(places);
  if (!scale && (f.style.grouped || Math.abs(amount) >= 10000) && Number.isInteger(Number(text))) text = Number(text).toLocaleString("en-US");
  if (scale) text += scale.attached ? scale.text : ` ${scale.text}`;
  return text;
}

function decimalsOf(x: number): number {
  const s = String(Number(x.toFixed(6)));
  const point = s.indexOf(".");
  return point < 0 ? 0 : s.length - point - 1;
}

/**
 * The fix for a figure: its number rewritten, or — for a time written in another unit or whose
 * unit changes number ("a year", "half an hour", "six months") — number and unit together in the
 * facts' own unit ("two years", "two hours").
 */
export function figureFix(fact: CountFact, value: FactValue, f: Figure): { newText: string; start?: number; end?: number } {
  const unit = fact.unit;
  if (unit?.family === "time" && f.unit?.family === "time" && f.unitEnd !== undefined) {
    // "a year", "half an hour": the number is an article or a fraction, so the unit is rewritten too.
    const article = f.style.kind === "words" && f.value <= 1;
    if (unit.id !== f.unit.id || article || (f.value === 1) !== (value.value === 1)) {
      const number = f.style.kind === "digits" ? String(value.value) : numberToWords(value.value);
      const name = unitName(unit.names, value.value !== 1);
      const text = `${f.style.capitalized ? number.replace(/^./, (c) => c.toUpperCase()) : number} ${name}`;
      return { newText: text, start: f.start, end: f.unitEnd };
    }
  }
  return { newText: formatFigure(fact, value, f) };
}

/** The unit's plain name, singular or plural: the vocabulary lists each unit's singular, then its plural ("hour", "hours"). */
function unitName(names: string[][], plural: boolean): string {
  const singular = names[0]?.join(" ") ?? "";
  const many = names[1]?.join(" ");
  return plural ? (many && many !== singular ? many : `${singular}s`) : singular;
}
