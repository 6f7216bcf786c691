// "Add Fact from Selection", the server's half. `factcheck.factForm` tells the client's
// guided input what to offer for a selection (kinds, fact files, sources, events, bodies a
// role may belong to, the name, and the sentence of each source article that holds the
// selected words — the quote to prefill); `factcheck.quote` finds such a sentence in an
// article that is not a source yet, and checks a quote as the writer types it;
// `factcheck.addFact` checks the filled-in draft (its quote must be in the cited article),
// builds the edit that appends it — and a new source, when one comes with it — to the fact
// files and has the editor apply it (`workspace/applyEdit`: undo and dirty-file handling stay
// the editor's). A client that cannot apply edits gets the files written atomically, and only
// if nothing changed them since.
import { MessageType, Range, ShowMessageNotification, WorkspaceEdit } from "vscode-languageserver/node";
import { basename, dirname, isAbsolute, relative, resolve, sep } from "node:path";
import { applyChange, TextChange } from "../facts/edit";
import { FileSnapshot, readSnapshot, writeIfUnchanged } from "../facts/diskEdit";
import { draftProblem, FactDraft, fixedFileOf, newFactEdit, newSourceEdit, QUALIFIERS, SourceDraft, sourceProblem, suggestId } from "../facts/newFactEdit";
import { articlePathOf, Articles } from "./articles";
import { ServerContext } from "./context";
import { factFileText, FactFileText, lineOfChange, toWorkspaceEdit } from "./factEdits";
import { pathOf } from "./factSource";
import { AddFactRequest, AddFactResult, FactForm, NewFactKind, QuoteAnswer, QuoteRequest } from "./protocol";

const KIND_LABELS: Record<NewFactKind, [string, string]> = {
  person: ["Person", "someone the sources name"],
  place: ["Place", "a town, province or country"],
  organization: ["Organization", "a group, agency or institution"],
  force: ["Armed force", "troops, a coalition, a militia"],
  detail: ["Event detail", "what an event involved: weapon, target, duration…"],
  count: ["Event count", "killed, injured, arrested… with its number"],
};

const articles = new Articles();

export function factForm(ctx: ServerContext, args: { uri?: string; range?: Range } | undefined): FactForm {
  const base = ctx.facts.store.base;
  const doc = args?.uri ? ctx.documents.get(args.uri) : undefined;
  let selection = "";
  if (doc && args?.range) selection = doc.getText(args.range).replace(/\s+/g, " ").trim();
  // A whole sentence or paragraph selected is a quote, not a name.
  const name = selection.length > 80 ? "" : selection;
  const files = ctx.facts.writableFiles().sort();
  const number = /^\d{1,3}(,\d{3})*$|^\d+$/.test(name) ? Number(name.replace(/,/g, "")) : undefined;
  const rank = (standing: string): number => (standing === "main" ? 0 : standing === "reference" ? 1 : 2);
  const sources = [...base.sources.values()].sort((a, b) => rank(a.standing) - rank(b.standing));
  const quotes: FactForm["quotes"] = [];
  for (const s of selection ? sources : []) {
    const article = articlePathOf(base, s.id);
    const sentence = article && articles.sentenceHolding(article, selection);
    if (sentence) quotes.push({ source: s.id, quote: sentence });
  }
  const bodyKinds = ["organization", "force", "place"];
  const form: FactForm = {
    name,
    selection,
    quote: quotes[0]?.quote ?? "",
    quotes,
    number,
    suggestedId: suggestId(base, name || "fact"),
    kinds: (Object.keys(KIND_LABELS) as NewFactKind[]).map((kind) => ({ kind, label: KIND_LABELS[kind][0], description: KIND_LABELS[kind][1] })),
    files: files.map((path) => ({ path, label: basename(path), description: `${entitiesInFile(ctx, path)} entities` })),
    defaultFile: defaultFile(ctx),
    sources: [...base.sources.values()].map((s) => ({
      id: s.id,
      label: s.id,
      description: `${s.outlet}${s.standing === "outlier" ? " (outlier)" : ""}: ${s.title}`,
      outlet: s.outlet,
      file: articlePathOf(base, s.id),
    })),
    sourcesFile: defaultSourcesFile(ctx),
    bodies: [...base.entities.values()]
      .filter((e) => bodyKinds.includes(e.kind))
      .sort((a, b) => bodyKinds.indexOf(a.kind) - bodyKinds.indexOf(b.kind) || a.name.localeCompare(b.name))
      .map((e) => ({ id: e.id, label: e.name, description: e.kind })),
    events: [...base.events.values()].map((e) => ({ id: e.id, label: e.name, description: basename(e.at.file) })),
    measures: [...new Set([...base.events.values()].flatMap((e) => e.counts.map((c) => c.measure)))].sort(),
    qualifiers: QUALIFIERS,
  };
  form.defaultEvent = form.events[0]?.id;
  if (!ctx.trusted()) form.problem = "This workspace is not trusted: Fact Check does not write to fact files here.";
  else if (!files.length) form.problem = "The workspace has no fact file to add to: create a *.facts.yaml file first.";
  return form;
}

/** `factcheck.quote`: the sentence of an article holding some words, or whether a quote is in it. */
export function quote(ctx: ServerContext, args: QuoteRequest | undefined): QuoteAnswer {
  const base = ctx.facts.store.base;
  const file = typeof args?.file === "string" ? (args.file.startsWith("file:") ? pathOf(args.file) : args.file) : undefined;
  const article = file ? resolve(file) : typeof args?.source === "string" ? articlePathOf(base, args.source) : undefined;
  if (!article) return {};
  const read = articles.read(article);
  if ("error" in read) return { article, problem: read.error };
  const answer: QuoteAnswer = { article };
  if (typeof args?.words === "string" && args.words.trim()) answer.sentence = articles.sentenceHolding(article, args.words.replace(/\s+/g, " ").trim());
  if (typeof args?.quote === "string") answer.holds = articles.holds(article, args.quote);
  return answer;
}

export async function addFact(ctx: ServerContext, args: Partial<AddFactRequest> | undefined): Promise<AddFactResult> {
  const result = await tryAddFact(ctx, args);
  // The VS Code client shows the result itself; other editors hear of a refusal here.
  if (!result.ok && !ctx.client.addFactInput) {
    void ctx.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message: `Fact Check: ${result.message}` });
  }
  return result;
}

/** One fact file's text and the change to it. */
interface FileChange {
  file: FactFileText;
  change: TextChange;
}

async function tryAddFact(ctx: ServerContext, args: Partial<AddFactRequest> | undefined): Promise<AddFactResult> {
  if (!ctx.trusted()) return refuse("This workspace is not trusted: Fact Check does not write to fact files here.");
  const draft = args?.draft;
  if (!draft) return refuse("No fact to add: pass { draft, file } (the VS Code extension asks for them).");
  const base = ctx.facts.store.base;
  const writable = ctx.facts.writableFiles();

  // A new source first: where it goes, and where its article is.
  const newSource = args?.newSource;
  let sourcesFile: string | undefined;
  let sourceArticle: string | undefined;
  if (newSource) {
    const problem = sourceProblem(base, newSource);
    if (problem) return refuse(problem);
    sourcesFile = fileArg(args?.sourcesFile) ?? defaultSourcesFile(ctx);
    if (!sourcesFile || !writable.includes(sourcesFile)) return refuse(sourcesFile ? `${sourcesFile} is not a fact file of this workspace.` : "The workspace has no fact file to add the source to.");
    if (newSource.file) {
      sourceArticle = isAbsolute(newSource.file) ? newSource.file : resolve(dirname(sourcesFile), newSource.file);
      const read = articles.read(sourceArticle);
      if ("error" in read) return refuse(`The new source's article cannot be read: ${read.error}. Nothing was written.`);
    }
  }

  const problem = draftProblem(base, draft, newSource?.id);
  if (problem) return refuse(problem);
  const target = fixedFileOf(base, draft) ?? fileArg(args?.file) ?? defaultFile(ctx);
  if (!target || !writable.includes(target)) return refuse(target ? `${target} is not a fact file of this workspace.` : "The workspace has no fact file to add to.");

  // The quote must be the article's words, or the new fact would be `quote-not-found` at once.
  const citing = draft.cite.source === newSource?.id ? sourceArticle : articlePathOf(base, draft.cite.source);
  if (citing && articles.holds(citing, draft.cite.quote) === false) {
    return refuse(`The quote is not in the article of '${draft.cite.source}' (${basename(citing)}): copy its words exactly ('…' marks words left out). Nothing was written.`);
  }

  const changes: FileChange[] = [];
  let sourcesText: FactFileText | undefined;
  if (newSource && sourcesFile) {
    const file = factFileText(sourcesFile, ctx.documents);
    if ("error" in file) return refuse(file.error);
    const written: SourceDraft = { ...newSource, file: sourceArticle ? relative(dirname(sourcesFile), sourceArticle).split(sep).join("/") : undefined };
    const edit = newSourceEdit(base, written, file.text);
    if (!edit.ok) return refuse(edit.reason);
    changes.push({ file, change: edit.change });
    sourcesText = file;
  }
  const factFile = factFileText(target, ctx.documents);
  if ("error" in factFile) return refuse(factFile.error);
  // In the file that also takes the source, the fact is placed in the text that already has it.
  const sameFile = sourcesText && sourcesText.path === target;
  const before = sameFile ? { ...factFile, text: applyChange(factFile.text, changes[0].change) } : factFile;
  const edit = newFactEdit(base, draft, before.text, newSource?.id);
  if (!edit.ok) return refuse(edit.reason);
  const line = lineOfChange(before, edit.change);
  if (sameFile) changes[0] = { file: factFile, change: singleChange(factFile.text, applyChange(before.text, edit.change)) };
  else changes.push({ file: factFile, change: edit.change });

  const id = "name" in draft ? (draft.id ?? suggestId(base, draft.name)) : draft.eventId;
  const what = draft.kind === "detail" || draft.kind === "count" ? `a ${draft.kind} to '${id}'` : `'${id}'`;
  const done = `Added ${what}${newSource ? ` and the source '${newSource.id}'` : ""} to ${[...new Set(changes.map((c) => basename(c.file.path)))].join(" and ")}.`;

  if (ctx.client.applyEdit) {
    const applied = await ctx.connection.workspace.applyEdit({ label: "Add fact", edit: workspaceEdit(ctx, changes) });
    if (!applied.applied) return refuse(`The editor did not apply the edit${applied.failureReason ? `: ${applied.failureReason}` : ""}.`);
    return { ok: true, message: done, file: target, line, id };
  }

  // No editor to apply the edit: write the files, but never over text the editor or disk has changed.
  const snapshots: { snapshot: FileSnapshot; change: FileChange }[] = [];
  for (const c of changes) {
    const snapshot = readSnapshot(c.file.path);
    if ("error" in snapshot) return refuse(snapshot.error);
    if (snapshot.text !== c.file.text) return refuse(`${basename(c.file.path)} has unsaved changes in the editor; save it and try again. Nothing was written.`);
    snapshots.push({ snapshot, change: c });
  }
  for (const [i, { snapshot, change }] of snapshots.entries()) {
    const written = writeIfUnchanged(snapshot, applyChange(snapshot.text, change.change));
    if (!written.ok) return refuse(i === 0 ? written.reason : `${written.reason} (${basename(snapshots[0].snapshot.path)} was written already.)`);
    ctx.reloadFactFile(snapshot.path);
  }
  return { ok: true, message: done, file: target, line, id };
}

/** The edits of one or two fact files as one WorkspaceEdit. */
function workspaceEdit(ctx: ServerContext, changes: FileChange[]): WorkspaceEdit {
  const edits = changes.map((c) => toWorkspaceEdit(c.file, c.change, ctx.client.documentChanges));
  if (ctx.client.documentChanges) return { documentChanges: edits.flatMap((e) => e.documentChanges ?? []) };
  return { changes: Object.assign({}, ...edits.map((e) => e.changes)) };
}

/** The one change that turns `before` into `after` (what differs between their common start and end). */
function singleChange(before: string, after: string): TextChange {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  return { start, end: before.length - end, newText: after.slice(start, after.length - end) };
}

/** A fact file named by a path or a file URI. */
function fileArg(file: unknown): string | undefined {
  if (typeof file !== "string" || !file) return undefined;
  return file.startsWith("file:") ? pathOf(file) : file;
}

/** Where a new entity goes unless the writer chooses: the workspace fact file with the most entities. */
function defaultFile(ctx: ServerContext): string | undefined {
  const files = ctx.facts.writableFiles().sort();
  return files.sort((a, b) => entitiesInFile(ctx, b) - entitiesInFile(ctx, a))[0];
}

/** Where a new source goes unless the writer chooses: the workspace fact file with the most sources, else the default file. */
function defaultSourcesFile(ctx: ServerContext): string | undefined {
  const count = new Map<string, number>();
  for (const s of ctx.facts.store.base.sources.values()) count.set(s.at.file, (count.get(s.at.file) ?? 0) + 1);
  const files = ctx.facts.writableFiles().filter((f) => count.has(f)).sort();
  return files.sort((a, b) => count.get(b)! - count.get(a)!)[0] ?? defaultFile(ctx);
}

function entitiesInFile(ctx: ServerContext, file: string): number {
  let n = 0;
  for (const e of ctx.facts.store.base.entities.values()) if (e.at.file === file) n++;
  return n;
}

function refuse(message: string): AddFactResult {
  return { ok: false, message };
}
