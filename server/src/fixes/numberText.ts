// Writes a number the way the sentence wrote the one it replaces: "13", "thirteen", "a dozen", "no".
import { NumberStyle } from "../claims/numbers";

const SMALL = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
  "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
const TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
const SCALES: [number, string][] = [[1_000_000_000, "billion"], [1_000_000, "million"], [1000, "thousand"], [100, "hundred"]];

export function numberToWords(n: number): string {
  if (!Number.isInteger(n) || n < 0) return String(n);
  if (n < 20) return SMALL[n];
  if (n < 100) return TENS[Math.floor(n / 10)] + (n % 10 ? `-${SMALL[n % 10]}` : "");
  for (const [size, word] of SCALES) {
    if (n >= size) {
      const head = Math.floor(n / size);
      const rest = n % size;
      return `${numberToWords(head)} ${word}` + (rest ? ` ${rest < 100 && size > 100 ? "and " : ""}${numberToWords(rest)}` : "");
    }
  }
  return String(n);
}

function digits(n: number): string {
  if (n >= 1_000_000 && n % 100_000 === 0) return `${n / 1_000_000} million`;
  return n >= 10000 ? n.toLocaleString("en-US") : String(n);
}

export function formatNumber(value: number, style: NumberStyle, capitalized: boolean): string {
  let text: string;
  if (value === 0) text = "no";
  else if (style === "dozen" && value % 12 === 0) text = value === 12 ? "a dozen" : `${numberToWords(value / 12)} dozen`;
  else if (style === "digits") text = digits(value);
  else text = value >= 1_000_000 && value % 1_000_000 === 0 ? `${numberToWords(value / 1_000_000)} million` : numberToWords(value);
  // News style spells out a number that opens a sentence.
  if (capitalized) text = (style === "digits" ? numberToWords(value) : text).replace(/^./, (c) => c.toUpperCase());
  return text;
}
