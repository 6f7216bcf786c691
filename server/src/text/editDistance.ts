// Edit distance with transpositions (optimal string alignment): "Harlwo" is one slip from "Harlow".
import { distance } from "fastest-levenshtein";

export function slipDistance(a: string, b: string): number {
  const plain = distance(a, b);
  if (plain <= 1 || Math.abs(a.length - b.length) > 1) return plain;
  // Only when two letters may have swapped is the slower table needed.
  const n = a.length;
  const m = b.length;
  let prev2 = new Array<number>(m + 1).fill(0);
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  for (let i = 1; i <= n; i++) {
    const cur = new Array<number>(m + 1);
    cur[0] = i;
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) cur[j] = Math.min(cur[j], prev2[j - 2] + 1);
    }
    prev2 = prev;
    prev = cur;
  }
  return Math.min(plain, prev[m]);
}
