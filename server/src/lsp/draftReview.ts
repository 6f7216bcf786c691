// "Mark as reviewed" on a fact drafted by `factcheck facts draft`: the lightbulb on a `drafted`
// note in a fact file deletes its `status: draft` line — the edit a reviewer would make by hand.
import { CodeAction, CodeActionKind, CodeActionParams, TextEdit } from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { SOURCE } from "./convert";

const STATUS_LINE = /^\s*status:\s*draft\s*(#.*)?$/;

export function reviewActions(doc: TextDocument, params: CodeActionParams): CodeAction[] {
  const lines = doc.getText().split("\n");
  const lineOf = (n: number): TextEdit | undefined =>
    STATUS_LINE.test(lines[n] ?? "") ? TextEdit.del({ start: { line: n, character: 0 }, end: n + 1 < lines.length ? { line: n + 1, character: 0 } : { line: n, character: lines[n].length } }) : undefined;
  const actions: CodeAction[] = [];
  const all: TextEdit[] = [];
  for (let n = 0; n < lines.length; n++) {
    const e = lineOf(n);
    if (e) all.push(e);
  }
  for (const d of params.context.diagnostics) {
    if (d.source !== SOURCE || d.code !== "drafted") continue;
    const edit = lineOf(d.range.start.line);
    if (!edit) continue;
    actions.push({ title: "Mark as reviewed (delete 'status: draft')", kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: true, edit: { changes: { [doc.uri]: [edit] } } });
  }
  if (actions.length && all.length > 1) {
    actions.push({ title: `Mark all ${all.length} drafted facts in this file as reviewed`, kind: CodeActionKind.QuickFix, edit: { changes: { [doc.uri]: all } } });
  }
  return actions;
}
