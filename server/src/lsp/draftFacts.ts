// "Draft Facts from Articles…", the server's half: `factcheck.draftFacts` drafts a fact file
// from articles (open editors' text, else the files on disk) with the drafting pipeline
// (../draft) and returns its YAML; with `append`, it has the editor add the drafted sources,
// entities and events to that fact file as one edit (`workspace/applyEdit`, so undo works).
// Several articles report progress through `$/progress`.
import { basename, dirname, extname, join } from "node:path";
import { TextEdit, WorkDoneProgressReporter } from "vscode-languageserver/node";
import { parseDocument, isMap, isSeq, YAMLMap, YAMLSeq, Pair, Scalar } from "yaml";
import { URI } from "vscode-uri";
import { Article, ArticleError, articleFromText, loadArticle } from "../draft/article";
import { draftFacts } from "../draft/pipeline";
import { ServerContext } from "./context";
import { pathOf } from "./factSource";
import { DraftFactsArgs, DraftFactsResult } from "./protocol";

export async function draftFactsCommand(ctx: ServerContext, args: DraftFactsArgs | undefined): Promise<DraftFactsResult> {
  const files = (args?.files ?? []).map((f) => (f.includes("://") || f.startsWith("untitled:") ? pathOf(f) ?? f : f));
  if (!files.length) return { ok: false, message: "No articles to draft from: pass { files: [paths or URIs] }." };
  if (args?.append && !ctx.trusted()) return { ok: false, message: "This workspace is not trusted: Fact Check does not write to fact files here." };
  const articles: Article[] = [];
  const problems: string[] = [];
  for (const file of files) {
    const open = ctx.documents.all().find((d) => pathOf(d.uri) === file);
    try {
      articles.push(open ? articleFromText(file, open.getText()) : loadArticle(file));
    } catch (e) {
      if (!(e instanceof ArticleError)) throw e;
      problems.push(`${basename(e.path)} ${e.message}`);
    }
  }
  if (problems.length) return { ok: false, message: `Nothing was drafted: ${problems.join("; ")}.` };

  let progress: WorkDoneProgressReporter | undefined;
  if (articles.length > 1 && ctx.client.workDoneProgress) {
    progress = await ctx.connection.window.createWorkDoneProgress();
    progress.begin("Drafting facts", 0, `${articles.length} articles`, false);
  }
  const target = args?.append ?? join(dirname(files[0]), `${basename(files[0], extname(files[0]))}.facts.yaml`);
  const base = ctx.facts.store.base;
  const taken = [...base.sources.keys(), ...base.entities.keys(), ...base.events.keys()];
  try {
    const result = draftFacts(articles, {
      outFile: target,
      takenIds: taken,
      onArticle: (done, total, path) => progress?.report(Math.round((done / total) * 100), `${basename(path)} (${done}/${total})`),
    });
    const s = result.stats;
    const summary = `${s.sources} source${s.sources === 1 ? "" : "s"}, ${s.entities} entities, ${s.events} event${s.events === 1 ? "" : "s"}, ${s.counts} figures, all marked status: draft`;
    if (!args?.append) return { ok: true, message: `Drafted ${summary}.`, text: result.yaml, path: target };
    return await appendDraft(ctx, args.append, result.yaml, summary);
  } finally {
    progress?.done();
  }
}

/** Adds the drafted sections' items to the end of the same sections of a fact file, as one edit. */
async function appendDraft(ctx: ServerContext, file: string, drafted: string, summary: string): Promise<DraftFactsResult> {
  const uri = URI.file(file).toString();
  const doc = ctx.documents.get(uri);
  let text: string;
  try {
    text = doc ? doc.getText() : (await import("node:fs")).readFileSync(file, "utf8");
  } catch (e) {
    return { ok: false, message: `Cannot read ${basename(file)}: ${(e as Error).message}` };
  }
  const edits = appendEdits(text, drafted);
  if (!edits) return { ok: false, message: `${basename(file)} is not a fact file that can be added to (its YAML does not parse, or is not a mapping).` };
  if (!ctx.client.applyEdit) return { ok: false, message: "This editor cannot apply edits; run `factcheck facts draft --out FILE` instead.", text: drafted };
  const applied = await ctx.connection.workspace.applyEdit({ label: "Draft facts from articles", edit: { changes: { [uri]: edits } } });
  return applied.applied ? { ok: true, message: `Added to ${basename(file)}: ${summary}.`, path: file } : { ok: false, message: `The editor did not apply the edit${applied.failureReason ? `: ${applied.failureReason}` : ""}.` };
}

/**
 * The edits that add a drafted file's `sources:`, `entities:` and `events:` items to `text`:
 * each section's items after the file's own items of that section (indented as the file indents
 * them), a section the file lacks at its end. Every other byte of the file is kept.
 */
export function appendEdits(text: string, drafted: string): TextEdit[] | undefined {
  const target = parseDocument(text);
  const source = parseDocument(drafted);
  if (target.errors.length || (target.contents !== null && !isMap(target.contents)) || !isMap(source.contents)) return undefined;
  const lines = drafted.split("\n");
  const lineStarts: number[] = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") lineStarts.push(i + 1);
  const position = (offset: number): { line: number; character: number } => {
    let line = 0;
    while (line + 1 < lineStarts.length && lineStarts[line + 1] <= offset) line++;
    return { line, character: offset - lineStarts[line] };
  };
  const edits: TextEdit[] = [];
  let tail = "";
  for (const pair of (source.contents as YAMLMap).items as Pair[]) {
    const key = String((pair.key as Scalar).value);
    const seq = pair.value as YAMLSeq;
    if (!isSeq(seq) || !seq.range) continue;
    // The drafted section's item lines, as text.
    const [from, , to] = seq.range;
    const itemsText = drafted.slice(lineStartOf(drafted, from), to).replace(/\s+$/, "") + "\n";
    void lines;
    const mine = target.contents ? ((target.contents as YAMLMap).items as Pair[]).find((p) => String((p.key as Scalar)?.value) === key) : undefined;
    if (mine && isSeq(mine.value) && (mine.value as YAMLSeq).range && (mine.value as YAMLSeq).items.length) {
      const own = mine.value as YAMLSeq;
      const firstItem = own.items[0] as { range?: [number, number, number] };
      const col = firstItem.range ? position(firstItem.range[0]).character - 2 : 2;
      const reindented = reindent(itemsText, 2, Math.max(0, col));
      const valueEnd = own.range![1];
      const nl = text.indexOf("\n", Math.max(0, valueEnd - 1));
      const at = nl < 0 ? text.length : nl + 1;
      const insert = (at === text.length && !text.endsWith("\n") ? "\n" : "") + "\n" + reindented;
      edits.push({ range: { start: position(Math.min(at, text.length)), end: position(Math.min(at, text.length)) }, newText: insert });
    } else if (!mine) tail += `\n${key}:\n${itemsText}`;
    else return undefined;
  }
  if (tail) {
    const end = text.length;
    edits.push({ range: { start: position(end), end: position(end) }, newText: (text.endsWith("\n") || !text ? "" : "\n") + tail.replace(/^\n/, text ? "\n" : "") });
  }
  // Edits at the same place are applied in order: merge them into one.
  return mergeSamePlace(edits);
}

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf("\n", offset - 1) + 1;
}

function reindent(block: string, from: number, to: number): string {
  if (from === to) return block;
  return block
    .split("\n")
    .map((l) => (l.trim() ? (to > from ? " ".repeat(to - from) + l : l.slice(Math.min(from - to, l.length - l.trimStart().length))) : l))
    .join("\n");
}

function mergeSamePlace(edits: TextEdit[]): TextEdit[] {
  const out: TextEdit[] = [];
  for (const e of edits) {
    const last = out[out.length - 1];
    if (last && last.range.start.line === e.range.start.line && last.range.start.character === e.range.start.character) last.newText += e.newText;
    else out.push({ ...e });
  }
  return out;
}
