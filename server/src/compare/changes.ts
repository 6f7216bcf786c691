// Compares the direction a sentence gives a change with its own figures: "20.56%, up from 20.95%"
// says a rise where the figures say a fall. The figures may both be right; the word is not.
import { Figure } from "../claims/figures";
import { keysOf, vocabulary as V } from "../vocabulary";
import { CompareContext } from "./context";
import { SentenceFrame } from "./frame";

const RISE = new Set(keysOf("rose").filter((k) => k.startsWith("~")));
const FALL = new Set(keysOf("fell").filter((k) => k.startsWith("~")));

/** Which way a word says a change went, if it says one. */
function direction(word: string): "up" | "down" | undefined {
  const keys = keysOf(word);
  if (keys.some((k) => RISE.has(k))) return "up";
  if (keys.some((k) => FALL.has(k))) return "down";
  return undefined;
}

const WORD = /[\p{L}'’-]+/gu;

export function compareChanges(ctx: CompareContext, frame: SentenceFrame): void {
  const figures = frame.reading.figures;
  for (let k = 0; k + 1 < figures.length; k++) {
    const a = figures[k];
    const b = figures[k + 1];
    if (!sameKind(a, b)) continue;
    const between = frame.text.slice(a.unitEnd ?? a.end, b.start);
    if (between.length > 40) continue;
    const words: string[] = between.toLowerCase().match(WORD) ?? [];
    // "X, up from Y": X is the new value.  "rose from Y to X": the second is.
    const from = words.indexOf("from");
    let said: { word: string; dir: "up" | "down"; at: number } | undefined;
    let now: Figure;
    let was: Figure;
    if (from > 0 && words.length <= 4) {
      const w = words[from - 1];
      const dir = direction(w);
      if (!dir) continue;
      said = { word: w, dir, at: (a.unitEnd ?? a.end) + between.toLowerCase().indexOf(w) };
      now = a;
      was = b;
    } else if (words.length === 1 && words[0] === "to") {
      const before: string[] = frame.text.slice(Math.max(frame.reading.start, a.start - 30), a.start).toLowerCase().match(WORD) ?? [];
      if (before[before.length - 1] !== "from") continue;
      const w = before[before.length - 2];
      const dir = w ? direction(w) : undefined;
      if (!dir || !w) continue;
      const at = frame.text.lastIndexOf(w, a.start);
      said = { word: frame.text.slice(at, at + w.length), dir, at };
      now = b;
      was = a;
    } else continue;
    if (now.value === was.value || !frame.claims(said.at)) continue;
    const actual = now.value > was.value ? "up" : "down";
    if (actual === said.dir) continue;
    const written = frame.text.slice(said.at, said.at + said.word.length);
    const opposite = [...(V.antonyms.get(written.toLowerCase()) ?? [])][0];
    ctx.report({
      code: "wrong-detail",
      start: said.at,
      end: said.at + said.word.length,
      message: `${opposite ?? (actual === "up" ? "a rise" : "a fall")}, not ${written} — from ${was.value} to ${now.value} is ${actual === "up" ? "a rise" : "a fall"}.`,
      fixes: opposite ? [{ newText: /^\p{Lu}/u.test(written) ? opposite.replace(/^./, (c) => c.toUpperCase()) : opposite }] : [],
      written,
    });
  }
}

/** Two figures of one quantity: the same unit (or none), neither a score nor an age. */
function sameKind(a: Figure, b: Figure): boolean {
  if (a.kind !== "amount" || b.kind !== "amount") return false;
  return a.unit?.id === b.unit?.id || a.unit?.family === b.unit?.family;
}
