// What an article says about itself: its headline, its outlet and its date, read from a first
// line, a dateline ("LUDIAN, China, Aug. 6, 2014 (AP) -"), a byline or a credit line ("Source: X").
import { vocabulary as V } from "./reading";
import { WIRE_OUTLETS } from "./vocabulary";

export interface SourceMeta {
  outlet?: string;
  title?: string;
  /** YYYY-MM-DD, or YYYY-MM / YYYY when the article gives no more. */
  date?: string;
  /** The date as numbers, to resolve weekdays ("on Sunday") against. */
  day?: { year: number; month: number; day: number };
  byline?: string;
  /** Other outlets the dateline credits ("CBS News / CBS Los Angeles"). */
  alsoCredited?: string[];
  /** Where the dateline puts the writer ("LUDIAN, China"). */
  datelinePlace?: string;
  /** Offsets of the text that is metadata, not story: the headline and the dateline. */
  headline?: { start: number; end: number };
  dateline?: { start: number; end: number };
}

const DATE_WORDS = String.raw`(?:(?<mon>[A-Z][a-z]{2,8})\.?\s+(?<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<y>\d{4})|(?<d2>\d{1,2})\s+(?<mon2>[A-Z][a-z]{2,8})\.?,?\s+(?<y2>\d{4}))`;
/** "LUDIAN, China, Aug. 6, 2014 (AP) -", "KUNMING, Aug. 3, 2014 (Xinhua) --", "WASHINGTON (Reuters) —", "(CNN) —". */
const DATELINE = new RegExp(
  String.raw`^(?<place>[A-Z][A-Z .'’-]{1,40}(?:,\s*[A-Z][A-Za-z .'’-]{1,30})*?)?,?\s*(?:${DATE_WORDS})?\s*\((?<outlet>[A-Za-z][A-Za-z .&'’/-]{0,60})\)\s*(?:[-–—]{1,2}|:)\s*`,
);
const BARE_DATE = new RegExp(String.raw`^\s*(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?${DATE_WORDS}\s*$`);
const ISO_DATE = /\b(\d{4})-(\d{2})-(\d{2})\b/;
const CREDIT = /^\s*(?:Source|Sources|Credit|Via|Published by)\s*:\s*(.{2,60}?)\s*$/im;
const BYLINE = /^\s*By\s+([A-Z][\p{L}.'’-]+(?:\s+[A-Z][\p{L}.'’-]+){0,3}(?:\s*(?:,|and)\s*[A-Z][\p{L}.'’-]+(?:\s+[A-Z][\p{L}.'’-]+){0,3})*)\s*(?:[,|].*)?$/mu;

function dateOf(g: Record<string, string | undefined>): SourceMeta["day"] | undefined {
  const mon = g.mon ?? g.mon2;
  const d = g.d ?? g.d2;
  const y = g.y ?? g.y2;
  if (!mon || !d || !y) return undefined;
  const month = V.months.get(mon.toLowerCase());
  if (!month) return undefined;
  const day = Number(d);
  if (day < 1 || day > 31) return undefined;
  return { year: Number(y), month, day };
}

const iso = (d: { year: number; month: number; day: number }): string =>
  `${d.year}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;

/** The lines of the article's head, with offsets. */
function headLines(text: string, max: number): { text: string; start: number; end: number }[] {
  const lines: { text: string; start: number; end: number }[] = [];
  let pos = 0;
  while (pos <= text.length && lines.length < max) {
    let end = text.indexOf("\n", pos);
    if (end < 0) end = text.length;
    const line = text.slice(pos, end);
    if (line.trim()) {
      const lead = line.length - line.trimStart().length;
      lines.push({ text: line.trim(), start: pos + lead, end: pos + lead + line.trim().length });
    }
    pos = end + 1;
  }
  return lines;
}

const words = (s: string): number => s.split(/\s+/).filter(Boolean).length;

/** Reads the head of an article for its headline, outlet, date and byline. */
export function readSourceMeta(text: string): SourceMeta {
  const meta: SourceMeta = {};
  const lines = headLines(text, 8);
  // The dateline opens the first paragraph of the story.
  for (const line of lines) {
    const m = DATELINE.exec(line.text);
    if (!m || !m.groups) continue;
    const g = m.groups;
    // "(CBS News / CBS Los Angeles)": the first outlet named is the report's.
    const outlets = g.outlet.split("/").map((o) => o.trim()).filter(Boolean);
    const outlet = outlets[0] ?? "";
    // "(AP)", "(Reuters)": a credit, not a parenthesis of the story.
    if (!outlet || outlets.some((o) => words(o) > 4)) continue;
    meta.outlet = WIRE_OUTLETS.get(outlet.toLowerCase()) ?? outlet;
    if (outlets.length > 1) meta.alsoCredited = outlets.slice(1);
    const day = dateOf(g);
    if (day) (meta.day = day), (meta.date = iso(day));
    if (g.place) meta.datelinePlace = g.place.trim().replace(/,$/, "");
    meta.dateline = { start: line.start, end: line.start + m[0].trimEnd().length };
    break;
  }
  // A first line that is not the story's first sentence: the headline.
  const first = lines.find((l) => !meta.dateline || l.start < meta.dateline.start || l.start > meta.dateline.end);
  for (const line of lines.slice(0, 4)) {
    if (meta.dateline && line.start === meta.dateline.start) break;
    const n = words(line.text);
    const sentence = /[.!?]["'”’]?$/.test(line.text) && n > 12;
    // The story has begun: a line after its first sentence is no headline (a link, a teaser, a heading inside).
    if (sentence) break;
    if (n >= 4 && n <= 30 && !sentence && !BARE_DATE.test(line.text) && !BYLINE.test(line.text)) {
      // A line naming only an organization ("The Syrian Observatory For Human Rights") before another headline.
      const next = lines[lines.indexOf(line) + 1];
      const titleCase = line.text.split(/\s+/).every((w) => /^[\p{Lu}\d("'“‘]/u.test(w) || /^(of|for|the|and|in|on|at|to|a|an)$/i.test(w));
      if (titleCase && !/[:?!]/.test(line.text) && next && words(next.text) >= 4 && words(next.text) <= 30 && !/[.]$/.test(next.text) && lines.indexOf(line) === 0) {
        meta.outlet ??= line.text;
        continue;
      }
      meta.title = line.text.replace(/[.]$/, "");
      meta.headline = { start: line.start, end: line.end };
      break;
    }
  }
  void first;
  if (!meta.title) {
    // No headline: the story's first sentence, cut to its first clause.
    const lead = (lines.find((l) => words(l.text) >= 4)?.text ?? lines[0]?.text ?? "").slice(meta.dateline ? meta.dateline.end - (lines[0]?.start ?? 0) : 0);
    meta.title = clip(lead);
  }
  if (!meta.day) {
    for (const line of lines) {
      const m = BARE_DATE.exec(line.text);
      const day = m?.groups ? dateOf(m.groups) : undefined;
      if (day) {
        meta.day = day;
        meta.date = iso(day);
        break;
      }
      const i = ISO_DATE.exec(line.text);
      if (i && words(line.text) <= 4) {
        meta.day = { year: Number(i[1]), month: Number(i[2]), day: Number(i[3]) };
        meta.date = i[0];
        break;
      }
    }
  }
  const credit = CREDIT.exec(text.slice(-2000)) ?? CREDIT.exec(text.slice(0, 2000));
  if (credit && !meta.outlet) meta.outlet = credit[1].replace(/[.]$/, "");
  const by = BYLINE.exec(text.slice(0, 1500));
  if (by) meta.byline = by[1];
  return meta;
}

/** A headline-length piece of a sentence: its first clause, at most 14 words. */
export function clip(sentence: string): string {
  const s = sentence.replace(/\s+/g, " ").trim();
  const clause = s.split(/(?<=[a-z0-9])[,;:.!?](?=\s)/)[0];
  const w = clause.split(" ");
  return (w.length > 14 ? w.slice(0, 14).join(" ") + " …" : clause).replace(/[.]$/, "");
}
