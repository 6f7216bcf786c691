// Spells a number out in words ("thirteen", "one hundred and twelve"), for fixes in a writer's style.

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
