// The VS Code extension: starts the language server as a Node child process over IPC
// (as Microsoft's lsp-sample does) and passes the editor's settings through the protocol.
import * as path from "node:path";
import { ExtensionContext, workspace } from "vscode";
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from "vscode-languageclient/node";

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join("dist", "server.js"));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ["--nolazy", "--inspect=6009"] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: "file", language: "markdown" },
      { scheme: "file", language: "plaintext" },
      { scheme: "untitled", language: "markdown" },
      { scheme: "untitled", language: "plaintext" },
      { scheme: "file", pattern: "**/*.facts.{yaml,yml}" },
    ],
    synchronize: { fileEvents: workspace.createFileSystemWatcher("**/*.facts.{yaml,yml}") },
  };
  client = new LanguageClient("factcheck", "Fact Check", serverOptions, clientOptions);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
