// A finding's message as the editor shows it (the Problems panel, the squiggle's hover, a
// Neovim float): the engine's words, with two things done in the editor's interest.
// - The values come first ("Lyon, not Paris — …"), so a narrow Problems panel still shows
//   what is wrong and what is right. A message the engine already opens with the values is
//   left as it is; one that does not gets them put in front.
// - The source quotes the engine writes into the message ("(AFP: “…”)") are left out: the
//   hover lists every source with its quote, whole or cut at a word, so the message and the
//   hover never say the same thing twice.
import { Finding } from "../engine/findings";

/** " (Outlet: “quote”)", the outlet possibly holding parentheses of its own ("Reuters (garbled)"). */
const INLINE_CITATION = / \((?:[^()“”\n]|\([^()“”\n]*\))+?: “.*?”\)/g;

/** How many characters a message may take before it states both values and still count as opening with them. */
const VALUES_SLACK = 24;

export function editorMessage(text: string, f: Finding): string {
  const message = withoutInlineCitations(f.message);
  const values = valuesOf(text, f);
  if (!values || opensWithValues(message, values)) return message;
  return `${values.right}, not ${values.wrong} — ${lowerFirstWord(message)}`;
}

export function withoutInlineCitations(message: string): string {
  return message.replace(INLINE_CITATION, "").replace(/\s+([.,;])/g, "$1");
}

/** What the facts hold (the preferred fix) and what was written in its place. */
export function valuesOf(text: string, f: Finding): { right: string; wrong: string } | undefined {
  const fix = f.fixes.find((x) => x.preferred);
  if (!fix) return undefined;
  const right = fix.newText.trim();
  const wrong = text.slice(fix.start, fix.end).replace(/\s+/g, " ").trim();
  const oneLine = (s: string): boolean => s.length > 0 && s.length <= 60 && !/[\r\n]/.test(s);
  if (!oneLine(right) || !oneLine(wrong) || right.toLowerCase() === wrong.toLowerCase()) return undefined;
  return { right, wrong };
}

/** Whether both values are stated before anything else ("Lyon, not Paris — …", "At least 13 killed, not 12: …"). */
export function opensWithValues(message: string, values: { right: string; wrong: string }): boolean {
  const head = message.slice(0, values.right.length + values.wrong.length + VALUES_SLACK).toLowerCase();
  return head.includes(values.right.toLowerCase()) && head.includes(values.wrong.toLowerCase());
}

/** "The sources give…" → "the sources give…" after the dash; a name ("Harlow…", "US…") keeps its capital. */
function lowerFirstWord(message: string): string {
  return message.replace(/^(The|Wrong|No|One|A|An)\b/, (w) => w.toLowerCase());
}
