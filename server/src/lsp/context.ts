// What the server's features share: the connection, the open documents, the facts in
// force, settings, the validator, and what this client can do.
import { Connection, TextDocuments } from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { FactSource } from "./factSource";
import { SettingsCache } from "./settings";
import { Validator } from "./validation";

export interface ClientAbilities {
  /** `workspace/applyEdit`: edits to fact files go through the editor (undo, dirty state). */
  applyEdit: boolean;
  /** Versioned `documentChanges` in a WorkspaceEdit. */
  documentChanges: boolean;
  /** The client runs the guided "Add Fact from Selection" input (the VS Code extension does). */
  addFactInput: boolean;
  /** `window/workDoneProgress/create`: progress for long commands. */
  workDoneProgress?: boolean;
  /** The client prints a span's diagnostics in the same hover (VS Code does): the hover then leaves the message out. */
  diagnosticsInHover: boolean;
}

export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  facts: FactSource;
  settings: SettingsCache;
  validator: Validator;
  client: ClientAbilities;
  /** Whether the workspace is trusted: untrusted means no writes to fact files. */
  trusted(): boolean;
  /** A fact file was written on disk by the server: read it again and re-check. */
  reloadFactFile(path: string): void;
}
