// The lightbulb on a prose document: replace with what the facts hold (preferred),
// accept a spelling into the fact file, ignore here (line or file), fix all (in the quick-fix
// menu when the file has two or more fixes, as ESLint's extension does, and as
// `source.fixAll.factcheck` for `editor.codeActionsOnSave`), and "Add a fact from this
// sentence…" — only where it helps: on a selection, on a flagged span, or when the writer asks
// (Ctrl+. or the Refactor menu), never on the editor's automatic request for the lightbulb
// on a line with nothing flagged.
import { CodeAction, CodeActionKind, CodeActionParams, CodeActionTriggerKind, Diagnostic, TextEdit } from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { basename } from "node:path";
import { Finding } from "../engine/findings";
import { addVariant, TextChange } from "../facts/edit";
import { ownerOfName } from "../facts/newFactEdit";
import { markupKindOf } from "../text/markup";
import { ServerContext } from "./context";
import { rangeOf, SOURCE } from "./convert";
import { factFileText, toWorkspaceEdit } from "./factEdits";
import { pathOf } from "./factSource";
import { COMMANDS, FIX_ALL_KIND } from "./protocol";
import { ignoreFileChange, ignoreLineChange } from "./ignoreComments";
import { reviewActions } from "./draftReview";
import { sentenceAt } from "./sentences";

export const ADD_FACT_KIND = `${CodeActionKind.Refactor}.addFact`;
export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, FIX_ALL_KIND, ADD_FACT_KIND];
export const FIX_ALL_TITLE = "Fix all factual conflicts in this file";

export async function codeActions(ctx: ServerContext, params: CodeActionParams): Promise<CodeAction[]> {
  const doc = ctx.documents.get(params.textDocument.uri);
  if (!doc) return [];
  if (ctx.facts.governs(doc.uri)) return reviewActions(doc, params);
  const findings = await ctx.validator.findingsFor(doc);
  const only = params.context.only;
  const wants = (kind: string): boolean => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
  const actions: CodeAction[] = [];

  let flagged = false;
  if (wants(CodeActionKind.QuickFix)) {
    for (const diagnostic of params.context.diagnostics) {
      if (diagnostic.source !== SOURCE) continue;
      const finding = matchFinding(doc, findings, diagnostic);
      if (!finding) continue;
      flagged = true;
      for (const fix of finding.fixes) {
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: fix.preferred,
          edit: { changes: { [doc.uri]: [TextEdit.replace(rangeOf(doc, fix.start, fix.end), fix.newText)] } },
        });
      }
      const accept = acceptSpelling(ctx, finding, diagnostic);
      if (accept) actions.push(accept);
      for (const ignore of ignoreActions(doc, finding, diagnostic)) {
        // One "ignore in this file" per code, however many of its diagnostics are in range.
        if (!ignore.title.endsWith("in this file") || !actions.some((a) => a.title === ignore.title)) actions.push(ignore);
      }
    }
    // On a flagged span, fix all is one more quick fix, once there is more than this one to fix.
    const edits = flagged ? preferredEdits(doc, findings) : [];
    if (edits.length >= 2) actions.push({ title: FIX_ALL_TITLE, kind: CodeActionKind.QuickFix, edit: { changes: { [doc.uri]: edits } } });
  }
  // Asked for by kind (editor.codeActionsOnSave, the Source Action menu) or by the writer; the
  // editor's automatic request for the lightbulb never shows source actions, so it is not built for it.
  if (only ? wants(FIX_ALL_KIND) : params.context.triggerKind !== CodeActionTriggerKind.Automatic) {
    const edits = preferredEdits(doc, findings);
    // Once in a menu that lists every kind (Neovim's): the quick fix above already is this edit.
    if (edits.length && !actions.some((a) => a.title === FIX_ALL_TITLE)) actions.push({ title: FIX_ALL_TITLE, kind: FIX_ALL_KIND, edit: { changes: { [doc.uri]: edits } } });
  }
  if (wants(ADD_FACT_KIND) && ctx.trusted() && ctx.client.addFactInput && addFactHelps(params, flagged || onFinding(doc, findings, params))) {
    const start = doc.offsetAt(params.range.start);
    const sentence = sentenceAt(doc.getText(), start, doc.languageId, pathOf(doc.uri));
    if (sentence) {
      // A cursor on a flagged span names what is flagged: the name (or figure) the fact is about.
      const flaggedHere = start === doc.offsetAt(params.range.end) ? findings.find((f) => f.start <= start && start <= f.end) : undefined;
      const selection = flaggedHere ? rangeOf(doc, flaggedHere.start, flaggedHere.end) : params.range;
      const args = { uri: doc.uri, range: rangeOf(doc, sentence.start, sentence.end), selection };
      actions.push({ title: "Add a fact from this sentence…", kind: ADD_FACT_KIND, command: { title: "Add a fact from this sentence…", command: COMMANDS.addFact, arguments: [args] } });
    }
  }
  return actions;
}

/**
 * Whether "Add a fact from this sentence…" is worth offering: on a selection, on a flagged
 * span, or when the writer asked for actions (Ctrl+., the Refactor menu; clients that do not
 * say how they asked, such as Neovim 0.7, only ever ask when the writer does). The editor's
 * automatic request for the lightbulb on an unflagged cursor gets nothing, so no lightbulb.
 */
function addFactHelps(params: CodeActionParams, flagged: boolean): boolean {
  const { start, end } = params.range;
  const selection = start.line !== end.line || start.character !== end.character;
  return selection || flagged || params.context.triggerKind !== CodeActionTriggerKind.Automatic;
}

/** Whether the range touches a finding (the client may not have passed its diagnostic along). */
function onFinding(doc: TextDocument, findings: Finding[], params: CodeActionParams): boolean {
  const start = doc.offsetAt(params.range.start);
  const end = doc.offsetAt(params.range.end);
  return findings.some((f) => f.start <= end && start <= f.end);
}

/**
 * "Accept 'Jon Smyth' as a spelling of John Smith": the written spelling joins the
 * entity's `variants:` in its fact file. Never in an untrusted workspace, never into the
 * shipped facts, never a spelling that already names someone else.
 */
function acceptSpelling(ctx: ServerContext, finding: Finding, diagnostic: Diagnostic): CodeAction | undefined {
  const { entityId, written } = finding.data ?? {};
  if (finding.code !== "misspelled-name" || !entityId || !written || !ctx.trusted()) return undefined;
  const base = ctx.facts.store.base;
  const entity = base.entities.get(entityId);
  if (!entity || ownerOfName(base, written) || !ctx.facts.writableFiles().includes(entity.at.file)) return undefined;
  const file = factFileText(entity.at.file, ctx.documents);
  if ("error" in file) return undefined;
  const result = addVariant(file.text, entityId, written);
  if (!result.ok) return undefined;
  return {
    title: `Accept '${written}' as a spelling of ${entity.name} (adds it to ${basename(entity.at.file)})`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: toWorkspaceEdit(file, result.change, ctx.client.documentChanges),
  };
}

function ignoreActions(doc: TextDocument, finding: Finding, diagnostic: Diagnostic): CodeAction[] {
  const kind = markupKindOf(doc.languageId, pathOf(doc.uri));
  const text = doc.getText();
  const edit = (change: TextChange): { changes: Record<string, TextEdit[]> } => ({
    changes: { [doc.uri]: [TextEdit.replace(rangeOf(doc, change.start, change.end), change.newText)] },
  });
  const file = ignoreFileChange(text, kind, finding.code);
  const actions: CodeAction[] = [
    { title: `Ignore ${finding.code} on this line`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: edit(ignoreLineChange(text, kind, finding.start, finding.code)) },
  ];
  if (file.newText) actions.push({ title: `Ignore ${finding.code} in this file`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: edit(file) });
  return actions;
}

/** The finding a diagnostic was made from: same code, same place (its index is tried first). */
function matchFinding(doc: TextDocument, findings: Finding[], d: Diagnostic): Finding | undefined {
  const start = doc.offsetAt(d.range.start);
  const end = doc.offsetAt(d.range.end);
  const same = (f: Finding | undefined): f is Finding => !!f && f.code === d.code && f.start === start && f.end === end;
  const index = (d.data as { index?: unknown } | undefined)?.index;
  const hinted = typeof index === "number" ? findings[index] : undefined;
  return same(hinted) ? hinted : findings.find(same);
}

/** The preferred fix of every finding, skipping any that would overlap an earlier one. */
export function preferredEdits(doc: TextDocument, findings: Finding[]): TextEdit[] {
  const edits: TextEdit[] = [];
  let lastEnd = -1;
  for (const f of [...findings].sort((a, b) => a.start - b.start)) {
    const fix = f.fixes.find((x) => x.preferred);
    if (!fix || fix.start < lastEnd) continue;
    edits.push(TextEdit.replace(rangeOf(doc, fix.start, fix.end), fix.newText));
    lastEnd = fix.end;
  }
  return edits;
}
