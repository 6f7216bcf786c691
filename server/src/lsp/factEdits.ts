// Edits to fact files as the protocol carries them: a fact file's current text (the
// editor's when open, else the disk's), and a TextChange from ../facts/edit turned into a
// WorkspaceEdit — versioned when the file is open, so a stale edit is refused by the editor.
import { TextDocuments, TextEdit, WorkspaceEdit } from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { URI } from "vscode-uri";
import { TextChange } from "../facts/edit";
import { readFactFile } from "../facts/discover";

export interface FactFileText {
  path: string;
  uri: string;
  text: string;
  /** The editor's version when the file is open; null when the text was read from disk. */
  version: number | null;
}

export function factFileText(path: string, documents: TextDocuments<TextDocument>): FactFileText | { error: string } {
  const uri = URI.file(path).toString();
  const open = documents.get(uri) ?? documents.all().find((d) => URI.parse(d.uri).fsPath === path);
  if (open) return { path, uri: open.uri, text: open.getText(), version: open.version };
  const text = readFactFile(path);
  return typeof text === "string" ? { path, uri, text, version: null } : { error: text.error };
}

export function toWorkspaceEdit(file: FactFileText, change: TextChange, documentChanges: boolean): WorkspaceEdit {
  const doc = TextDocument.create(file.uri, "yaml", file.version ?? 0, file.text);
  const edit = TextEdit.replace({ start: doc.positionAt(change.start), end: doc.positionAt(change.end) }, change.newText);
  if (documentChanges) return { documentChanges: [{ textDocument: { uri: file.uri, version: file.version }, edits: [edit] }] };
  return { changes: { [file.uri]: [edit] } };
}

/** 0-based line at which a change's inserted text starts (for "added at line N"). */
export function lineOfChange(file: FactFileText, change: TextChange): number {
  const before = file.text.slice(0, change.start);
  let line = before.split("\n").length - 1;
  // An insertion that begins with a newline starts its text on the next line.
  if (/^\r?\n/.test(change.newText)) line++;
  return line;
}
