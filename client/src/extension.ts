// The VS Code extension: starts the language server as a Node child process over IPC (as
// Microsoft's lsp-sample does) and stays thin — what is checked, fixed, hovered and written
// is decided by the server. Here: which documents to send, workspace trust, the status bar,
// the guided input of "Add Fact from Selection" and where "Draft Facts from Articles…" puts its draft.
import * as path from "node:path";
import { commands, ExtensionContext, workspace } from "vscode";
import { DocumentSelector, LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from "vscode-languageclient/node";
import { COMMANDS, FactStatus, FIX_ALL_KIND, InitializationOptions, NOTIFICATIONS } from "../../server/src/lsp/protocol";
import { runAddFact } from "./addFactInput";
import { runDraftFacts } from "./draftFactsInput";
import { FactStatusBar } from "./statusBar";

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join("dist", "server.js"));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ["--nolazy", "--inspect=6009"] } },
  };
  const statusBar = new FactStatusBar();
  context.subscriptions.push(statusBar);

  const start = async (): Promise<void> => {
    const clientOptions: LanguageClientOptions = {
      documentSelector: documentSelector(),
      synchronize: { fileEvents: workspace.createFileSystemWatcher("**/*.facts.{yaml,yml}") },
      // VS Code prints a span's diagnostics in its hover: the server's hover then gives only the sources.
      initializationOptions: { trusted: workspace.isTrusted, addFactInput: true, diagnosticsInHover: true } satisfies InitializationOptions,
      middleware: {
        // The server's add-fact command, with the guided input in front of it.
        executeCommand: (command, args, next) =>
          command === COMMANDS.addFact && client ? runAddFact(client, args, next) : command === COMMANDS.draftFacts ? runDraftFacts(args, next) : next(command, args),
      },
    };
    client = new LanguageClient("factcheck", "Fact Check", serverOptions, clientOptions);
    await client.start();
    const started = client;
    context.subscriptions.push(started.onNotification(NOTIFICATIONS.status, (status: FactStatus) => statusBar.setFacts(status)));
  };

  context.subscriptions.push(
    commands.registerCommand("factcheck.showOutput", () => client?.outputChannel.show(true)),
    // As ESLint's "Fix all auto-fixable Problems": the server's source.fixAll.factcheck action, applied.
    commands.registerCommand("factcheck.fixAll", () => commands.executeCommand("editor.action.sourceAction", { kind: FIX_ALL_KIND, apply: "first" })),
    workspace.onDidGrantWorkspaceTrust(() => void client?.sendNotification(NOTIFICATIONS.trust, { trusted: true })),
    workspace.onDidChangeConfiguration(async (e) => {
      // Which documents the client sends is fixed when it starts: restart for new languages.
      if (!e.affectsConfiguration("factcheck.languages") || !client) return;
      const old = client;
      client = undefined;
      await old.stop();
      await start();
    }),
  );
  await start();
}

/** Markdown, plain text and every language id in any folder's `factcheck.languages`, plus fact files. */
function documentSelector(): DocumentSelector {
  const languages = new Set<string>(["markdown", "plaintext"]);
  const scopes = workspace.workspaceFolders?.length ? workspace.workspaceFolders.map((f) => f.uri) : [undefined];
  for (const scope of scopes) {
    const list = workspace.getConfiguration("factcheck", scope).get<unknown>("languages");
    if (Array.isArray(list)) for (const id of list) if (typeof id === "string" && id.trim()) languages.add(id.trim());
  }
  return [
    ...[...languages].flatMap((language) => [
      { scheme: "file", language },
      { scheme: "untitled", language },
    ]),
    { scheme: "file", pattern: "**/*.facts.{yaml,yml}" },
    // A drafted fact file not saved yet ("Draft Facts from Articles…").
    { scheme: "untitled", pattern: "**/*.facts.{yaml,yml}" },
    // Fact files named by `factcheck.facts` globs may have any name; the server picks its own.
    { scheme: "file", language: "yaml" },
  ];
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
