// What the "In the editor" protocol tests share: a draft with known conflicts, a copy of the
// shipped facts in a temporary folder (the shipped facts are never modified), and an
// editor's way of applying a WorkspaceEdit to files on disk.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Position, TextEdit, WorkspaceEdit } from "vscode-languageserver-protocol";
import { applyEdits } from "../support/lspClient";
import { FACTS } from "../support/paths";

/** Three conflicts: Leicester (misspelled-name), Baghdad (wrong-place), 12 (wrong-number). */
export const DRAFT = `# Draft

According to Charles Lister of the Middle East Institute, the raid was important. Mr Leicester told Reuters that it was the most important operation of its kind.

US special forces carried out a raid in Baghdad overnight, and at least 12 people were killed, the Syrian Observatory said.
`;

/** A writable copy of the shipped facts (with their source articles). */
export function copyFacts(): string {
  const dir = mkdtempSync(join(tmpdir(), "factcheck-editor-"));
  cpSync(FACTS, dir, { recursive: true });
  return dir;
}

/** LSP position of the n-th occurrence of a needle. */
export function positionOf(text: string, needle: string, nth = 0): Position {
  let offset = -1;
  for (let i = 0; i <= nth; i++) offset = text.indexOf(needle, offset + 1);
  if (offset < 0) throw new Error(`'${needle}' not in text`);
  const before = text.slice(0, offset);
  return { line: before.split("\n").length - 1, character: offset - (before.lastIndexOf("\n") + 1) };
}

/** The text edits a WorkspaceEdit makes, per document URI (`changes` or `documentChanges`). */
export function editsByUri(edit: WorkspaceEdit): Map<string, TextEdit[]> {
  const out = new Map<string, TextEdit[]>();
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) out.set(uri, [...(out.get(uri) ?? []), ...edits]);
  for (const change of edit.documentChanges ?? []) {
    if (!("textDocument" in change)) throw new Error(`unexpected resource operation ${JSON.stringify(change)}`);
    out.set(change.textDocument.uri, [...(out.get(change.textDocument.uri) ?? []), ...(change.edits as TextEdit[])]);
  }
  return out;
}

/** Applies a WorkspaceEdit to the files on disk, as an editor saving them would; returns the URIs changed. */
export function applyToDisk(edit: WorkspaceEdit): string[] {
  const uris: string[] = [];
  for (const [uri, edits] of editsByUri(edit)) {
    const path = fileURLToPath(uri);
    writeFileSync(path, applyEdits(readFileSync(path, "utf8"), edits));
    uris.push(uri);
  }
  return uris;
}
