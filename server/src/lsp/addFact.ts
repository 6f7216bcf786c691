// "Add Fact from Selection", the server's half. `factcheck.factForm` tells the client's
// guided input what to offer for a selection (kinds, fact files, sources, events, the
// name and the sentence to prefill); `factcheck.addFact` checks the filled-in draft, builds
// the edit that appends it to its fact file and has the editor apply it
// (`workspace/applyEdit`: undo and dirty-file handling stay the editor's). A client that
// cannot apply edits gets the file written atomically, and only if nothing changed it since.
import { MessageType, Range, ShowMessageNotification } from "vscode-languageserver/node";
import { basename } from "node:path";
import { applyChange } from "../facts/edit";
import { readSnapshot, writeIfUnchanged } from "../facts/diskEdit";
import { draftProblem, FactDraft, fixedFileOf, newFactEdit, QUALIFIERS, suggestId } from "../facts/newFactEdit";
import { ServerContext } from "./context";
import { factFileText, lineOfChange, toWorkspaceEdit } from "./factEdits";
import { pathOf } from "./factSource";
import { AddFactResult, FactForm, NewFactKind } from "./protocol";
import { sentenceAt } from "./sentences";

const KIND_LABELS: Record<NewFactKind, [string, string]> = {
  person: ["Person", "someone the sources name"],
  place: ["Place", "a town, province or country"],
  organization: ["Organization", "a group, agency or institution"],
  force: ["Armed force", "troops, a coalition, a militia"],
  detail: ["Event detail", "what an event involved: weapon, target, duration…"],
  count: ["Event count", "killed, injured, arrested… with its number"],
};

export function factForm(ctx: ServerContext, args: { uri?: string; range?: Range } | undefined): FactForm {
  const base = ctx.facts.store.base;
  const doc = args?.uri ? ctx.documents.get(args.uri) : undefined;
  let name = "";
  let quote = "";
  if (doc && args?.range) {
    const text = doc.getText();
    const start = doc.offsetAt(args.range.start);
    const end = doc.offsetAt(args.range.end);
    name = text.slice(start, end).replace(/\s+/g, " ").trim();
    // A whole sentence or paragraph selected is a quote, not a name.
    if (name.length > 80) name = "";
    const sentence = sentenceAt(text, start, doc.languageId, pathOf(doc.uri));
    quote = sentence ? text.slice(sentence.start, sentence.end).replace(/\s+/g, " ").trim() : name;
  }
  const files = ctx.facts.writableFiles().sort();
  const entitiesIn = (file: string): number => entitiesInFile(ctx, file);
  const number = /^\d{1,3}(,\d{3})*$|^\d+$/.test(name) ? Number(name.replace(/,/g, "")) : undefined;
  const form: FactForm = {
    name,
    quote,
    number,
    suggestedId: suggestId(base, name || "fact"),
    kinds: (Object.keys(KIND_LABELS) as NewFactKind[]).map((kind) => ({ kind, label: KIND_LABELS[kind][0], description: KIND_LABELS[kind][1] })),
    files: files.map((path) => ({ path, label: basename(path), description: `${entitiesIn(path)} entities` })),
    defaultFile: defaultFile(ctx),
    sources: [...base.sources.values()].map((s) => ({ id: s.id, label: s.id, description: `${s.outlet}${s.standing === "outlier" ? " (outlier)" : ""}: ${s.title}` })),
    events: [...base.events.values()].map((e) => ({ id: e.id, label: e.name, description: basename(e.at.file) })),
    measures: [...new Set([...base.events.values()].flatMap((e) => e.counts.map((c) => c.measure)))].sort(),
    qualifiers: QUALIFIERS,
  };
  form.defaultEvent = form.events[0]?.id;
  if (!ctx.trusted()) form.problem = "This workspace is not trusted: Fact Check does not write to fact files here.";
  else if (!files.length) form.problem = "The workspace has no fact file to add to: create a *.facts.yaml file first.";
  else if (!form.sources.length) form.problem = "The fact base has no sources to cite: add one under `sources:` first.";
  return form;
}

export async function addFact(ctx: ServerContext, args: { draft?: FactDraft; file?: string } | undefined): Promise<AddFactResult> {
  const result = await tryAddFact(ctx, args);
  // The VS Code client shows the result itself; other editors hear of a refusal here.
  if (!result.ok && !ctx.client.addFactInput) {
    void ctx.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message: `Fact Check: ${result.message}` });
  }
  return result;
}

async function tryAddFact(ctx: ServerContext, args: { draft?: FactDraft; file?: string } | undefined): Promise<AddFactResult> {
  if (!ctx.trusted()) return refuse("This workspace is not trusted: Fact Check does not write to fact files here.");
  const draft = args?.draft;
  if (!draft) return refuse("No fact to add: pass { draft, file } (the VS Code extension asks for them).");
  const base = ctx.facts.store.base;
  const problem = draftProblem(base, draft);
  if (problem) return refuse(problem);
  const writable = ctx.facts.writableFiles();
  const file0 = typeof args?.file === "string" ? args.file : undefined;
  const chosen = file0?.startsWith("file:") ? pathOf(file0) : file0;
  const target = fixedFileOf(base, draft) ?? chosen ?? defaultFile(ctx);
  if (!target || !writable.includes(target)) return refuse(target ? `${target} is not a fact file of this workspace.` : "The workspace has no fact file to add to.");

  const file = factFileText(target, ctx.documents);
  if ("error" in file) return refuse(file.error);
  const edit = newFactEdit(base, draft, file.text);
  if (!edit.ok) return refuse(edit.reason);
  const line = lineOfChange(file, edit.change);
  const id = "name" in draft ? (draft.id ?? suggestId(base, draft.name)) : draft.eventId;
  const done = `Added ${draft.kind === "detail" || draft.kind === "count" ? `a ${draft.kind} to '${id}'` : `'${id}'`} to ${basename(target)}.`;

  if (ctx.client.applyEdit) {
    const applied = await ctx.connection.workspace.applyEdit({ label: "Add fact", edit: toWorkspaceEdit(file, edit.change, ctx.client.documentChanges) });
    if (!applied.applied) return refuse(`The editor did not apply the edit${applied.failureReason ? `: ${applied.failureReason}` : ""}.`);
    return { ok: true, message: done, file: target, line, id };
  }

  // No editor to apply the edit: write the file, but never over text the editor or disk has changed.
  const snapshot = readSnapshot(target);
  if ("error" in snapshot) return refuse(snapshot.error);
  if (snapshot.text !== file.text) return refuse(`${basename(target)} has unsaved changes in the editor; save it and try again. Nothing was written.`);
  const written = writeIfUnchanged(snapshot, applyChange(snapshot.text, edit.change));
  if (!written.ok) return refuse(written.reason);
  ctx.reloadFactFile(target);
  return { ok: true, message: done, file: target, line, id };
}

/** Where a new entity goes unless the writer chooses: the workspace fact file with the most entities. */
function defaultFile(ctx: ServerContext): string | undefined {
  const files = ctx.facts.writableFiles().sort();
  return files.sort((a, b) => entitiesInFile(ctx, b) - entitiesInFile(ctx, a))[0];
}

function entitiesInFile(ctx: ServerContext, file: string): number {
  let n = 0;
  for (const e of ctx.facts.store.base.entities.values()) if (e.at.file === file) n++;
  return n;
}

function refuse(message: string): AddFactResult {
  return { ok: false, message };
}
