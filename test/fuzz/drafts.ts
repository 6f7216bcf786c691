// Drafts meant to break the checker: malformed text, huge lines, deep markup, floods of
// numbers and names, emoji and combining marks glued to names — and random edits to them.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { FACTS } from "../support/paths";
import { Random } from "./random";

/** The shipped source articles: real news prose that names what the facts know. */
export const ARTICLES: string[] = readdirSync(join(FACTS, "sources"))
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .map((f) => readFileSync(join(FACTS, "sources", f), "utf8"));

/** Names, places and numbers the shipped facts know, spelled right and slightly wrong. */
export const KNOWN_NAMES = [
  "Atmeh", "Atme", "Idlib", "Syria", "Turkey", "Baghdad", "Humaira", "Aleppo", "John Kirby", "John Kirbi",
  "Rami Abdel Rahman", "Rami Abdel Rahmen", "Charles Lister", "Charles Lyster", "Abu Bakr al-Baghdadi",
  "Hayat Tahrir al-Sham", "Hayat Tahrir al-Shem", "al-Qaeda", "Islamic State", "US special forces", "Pentagon",
  "Syrian Observatory for Human Rights", "Middle East Institute", "HTS", "ISAF", "Sarmada",
];

const SENTENCES = ARTICLES.flatMap((a) => a.split(/(?<=[.!?])\s+/)).filter((s) => s.length > 20);

/** Characters that tend to break text handling: controls, lone surrogates, joiners, marks, RTL, BOM. */
const ODD = [
  "\u0000", "\u0001", "\u0007", "\b", "\t", "\u000b", "\f", "\r", "\r\n", "\u001b", "\u007f", "\u0085", "\u00a0",
  "\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u202e", "\u2028", "\u2029", "\ufeff", "\ufffd", "\ufffe",
  "\ud800", "\udfff", "\udc00\ud800", "\u0301", "\u0308\u0308\u0308", "\u0651", "👍", "👨‍👩‍👧‍👦", "🇸🇾", "🏳️‍🌈",
  "e\u0301", "ﷺ", "𝐀𝐭𝐦𝐞𝐡", "Ａｔｍｅｈ", "İ", "ß", "ǅ", "٣", "١٣", "¹³", "½", "−", "–", "—", "’", "“", "”", "«", "»",
];

/** Markdown that nests or never closes. */
const MARKUP = ["> ", "- ", "* ", "1. ", "# ", "```", "~~~", "`", "``", "<!--", "-->", "<", ">", "[", "]", "(", ")", "](", "][", "![", "*", "_", "**", "\\", "---\n", "+++\n", "<div>", "</div>", "http://", "www.", "|", "&amp;", "factcheck-disable", "factcheck-enable", "<!-- factcheck-disable-next-line -->", "<!-- factcheck-disable-file -->"];

/** Bytes that are not UTF-8, read the way a server reads them: as U+FFFD and lone code units. */
export function invalidUtf8(rng: Random, length: number): string {
  const bytes = Buffer.alloc(length);
  for (let i = 0; i < length; i++) bytes[i] = rng.chance(0.5) ? rng.pick([0xc3, 0xe2, 0xf0, 0xff, 0xfe, 0x80, 0xbf, 0xed, 0xa0]) : rng.int(0, 255);
  return bytes.toString("utf8");
}

/** Hostile drafts by name, each made from the random source so a seed replays it. */
export const HOSTILE_DRAFTS: Record<string, (rng: Random) => string> = {
  "invalid UTF-8 and control characters": (rng) => {
    const parts: string[] = [];
    for (let i = 0; i < 400; i++) {
      parts.push(rng.chance(0.3) ? invalidUtf8(rng, rng.int(1, 40)) : rng.chance(0.5) ? rng.pick(ODD).repeat(rng.int(1, 5)) : rng.pick(SENTENCES));
    }
    return parts.join(rng.pick([" ", "", "\n", "\r", "\r\n"]));
  },
  "a 1 MB single line": (rng) => {
    const parts: string[] = [];
    let size = 0;
    while (size < 1_000_000) {
      const s = rng.pick(SENTENCES).replace(/[\r\n]+/g, " ");
      parts.push(s);
      size += s.length + 1;
    }
    return parts.join(" ");
  },
  "a 1 MB line without spaces or stops": () => "Atmeh".repeat(200_000),
  "deeply nested Markdown": (rng) => {
    const quote = "> ".repeat(20_000) + "At least 15 people were killed in Atmeh.";
    const list = Array.from({ length: 1_000 }, (_, d) => `${" ".repeat(d * 2)}- Kirby said ${d} died in Idlib.`).join("\n");
    const brackets = "[".repeat(30_000) + "Atmeh" + "](".repeat(30_000) + ")".repeat(30_000);
    const emphasis = "*".repeat(50_000) + "John Kirbi" + "_".repeat(50_000);
    const ticks = Array.from({ length: 20_000 }, () => "`".repeat(rng.int(1, 6))).join("x");
    const html = "<div>".repeat(20_000) + "Baghdad" + "<!--".repeat(10_000);
    return [quote, list, brackets, emphasis, ticks, html].join("\n\n");
  },
  "ten thousand numbers": (rng) => {
    const numbers = Array.from({ length: 10_000 }, () => String(rng.int(0, 100_000))).join(" ");
    const claims = Array.from({ length: 10_000 }, (_, i) => `at least ${i} people were killed`).join(", ");
    const long = "9".repeat(5_000) + " people were killed in Atmeh. " + "1,".repeat(5_000) + "000 dead.";
    return `The raid in Atmeh killed ${numbers} people.\n\n${claims} in the Atmeh raid.\n\n${long}`;
  },
  "a known name repeated a hundred thousand times": (rng) => {
    const name = rng.pick(KNOWN_NAMES);
    const sep = rng.pick([" ", ", ", "-", "\n"]);
    return `${Array.from({ length: 100_000 }, () => name).join(sep)} said 15 people were killed.`;
  },
  "emoji and combining marks next to names": (rng) => {
    const parts: string[] = [];
    for (let i = 0; i < 3_000; i++) {
      const name = rng.pick(KNOWN_NAMES);
      const mark = rng.pick(ODD);
      const glued = rng.chance(0.5) ? `${mark}${name}${mark}` : name.replace(/(.)/u, `$1${mark}`);
      parts.push(`${glued} said at least ${rng.int(0, 20)} people were killed in ${rng.pick(KNOWN_NAMES)}${rng.pick(ODD)}.`);
    }
    return parts.join(rng.pick([" ", "\n\n"]));
  },
  "a 1 MB sentence without a full stop": (rng) => longSentence(rng, 1_000_000),
  "200k random UTF-16 code units, lone surrogates and NULs among them": (rng) =>
    Array.from({ length: 200_000 }, () => (rng.chance(0.05) ? "\u0000" : rng.chance(0.05) ? rng.pick(["\ud800", "\udfff"]) : String.fromCharCode(rng.int(0, 0xffff)))).join(""),
  "fifty thousand '1 ' tokens": () => "1 ".repeat(50_000),
  "many tiny sentences and blocks": (rng) =>
    Array.from({ length: 60_000 }, () => rng.pick(["A.", "Atmeh.", "13.", "Mr.", "U.S.", "\n", "\n\n", "#", "- x"])).join(rng.pick([" ", "\n"])),
};

/**
 * One sentence of about `chars` characters with no full stop: the source sentences in random
 * order, joined as clauses ("…, and …"), some figures and places made wrong — what pasting
 * text that lost its punctuation gives. Random order, so no two stretches of it are the same.
 */
export function longSentence(rng: Random, chars: number, wrong = 0.2): string {
  const parts: string[] = [];
  let size = 0;
  while (size < chars) {
    let s = rng.pick(SENTENCES).replace(/\s+/g, " ").replace(/[.!?]["'”’)]*$/, "");
    s = s.replace(/[.!?](?=\s)/g, rng.pick([",", ";", " and", ""]));
    if (rng.chance(wrong)) s = s.replace(/\b\d+\b/, String(rng.int(0, 30)));
    if (rng.chance(wrong / 2)) s = s.replace(/Atme\b|Atmeh/, rng.pick(["Sarmada", "Baghdad"]));
    parts.push(s);
    size += s.length + 6;
  }
  return `${parts.join(rng.pick([", and ", "; ", ", ", " and "]))}\n`;
}

/** One paragraph of about `chars` characters: source sentences in random order, no blank line. */
export function longParagraph(rng: Random, chars: number): string {
  const parts: string[] = [];
  let size = 0;
  while (size < chars) {
    const s = rng.pick(SENTENCES).replace(/\s+/g, " ");
    parts.push(s);
    size += s.length + 1;
  }
  return `${parts.join(" ")}\n`;
}

/** A realistic draft: source sentences, shuffled, with some claims made wrong. */
export function newsDraft(rng: Random, sentences: number): string {
  const out: string[] = [];
  for (let i = 0; i < sentences; i++) {
    let s = rng.pick(SENTENCES);
    if (rng.chance(0.3)) s = s.replace(/\b\d+\b/, String(rng.int(0, 30)));
    if (rng.chance(0.2)) s = s.replace(/Atme\b|Atmeh/, rng.pick(["Sarmada", "Baghdad", "Atmeh"]));
    out.push(s);
    if (rng.chance(0.25)) out.push("\n\n");
    else out.push(" ");
  }
  return out.join("");
}

/** A snippet to type into a draft: prose, names, numbers, markup or junk. */
export function randomSnippet(rng: Random): string {
  switch (rng.int(0, 7)) {
    case 0:
      return rng.pick(SENTENCES);
    case 1:
      return ` ${rng.pick(KNOWN_NAMES)} `;
    case 2:
      return ` ${rng.int(0, 5000)} `;
    case 3:
      return rng.pick(MARKUP);
    case 4:
      return rng.pick(ODD);
    case 5:
      return invalidUtf8(rng, rng.int(1, 8));
    case 6:
      return rng.pick(["\n", "\n\n", ". ", " ", "-", "’s "]);
    default:
      return String.fromCharCode(rng.int(0, 0xffff));
  }
}
