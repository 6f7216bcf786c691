// The language server: wires the protocol to the features, each in a module of its own —
// facts in force (factSource), checking as you type (validation), the lightbulb
// (codeActions), hover, go to definition, completion in fact files, adding facts (addFact),
// settings, and the status the client shows.
import {
  Connection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  Disposable,
  FileChangeType,
  FileSystemWatcher,
  InitializeParams,
  InitializeResult,
  TextDocuments,
  TextDocumentSyncKind,
} from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { URI } from "vscode-uri";
import { addFact, factForm, quote } from "./addFact";
import { CODE_ACTION_KINDS, codeActions } from "./codeActions";
import { completion } from "./completion";
import { ClientAbilities, ServerContext } from "./context";
import { problemToDiagnostic } from "./convert";
import { definition } from "./definition";
import { draftFactsCommand } from "./draftFacts";
import { FactSource, pathOf } from "./factSource";
import { COMMANDS, InitializationOptions, NOTIFICATIONS } from "./protocol";
import { hover } from "./hover";
import { DEFAULT_FACT_GLOBS, SettingsCache } from "./settings";
import { sendStatus } from "./status";
import { Validator } from "./validation";

export interface ServerOptions {
  factPaths: string[];
  /** Calls the listener whenever bytes from the editor arrive (before the protocol library reads them as a message). */
  onInput?: (listener: () => void) => void;
}

export function startServer(connection: Connection, options: ServerOptions): void {
  const documents = new TextDocuments(TextDocument);
  let workspaceFolders: string[] = [];
  let canConfigure = false;
  let canWatch = false;
  let relativeWatch = false;
  let canFollowFolders = false;
  let watching: Disposable | undefined;
  const client: ClientAbilities = { applyEdit: false, documentChanges: false, addFactInput: false, diagnosticsInHover: false };
  const facts = new FactSource(options.factPaths, () => workspaceFolders);
  const settings = new SettingsCache(undefined);
  const validator = new Validator(connection, documents, facts, settings);
  // A message from the editor is read before the next slice of checking, not after it.
  options.onInput?.(() => {
    validator.protocol.received();
    facts.protocol.received();
  });
  const publishedFactFiles = new Set<string>();
  const ctx: ServerContext = {
    connection,
    documents,
    facts,
    settings,
    validator,
    client,
    trusted: () => facts.trusted,
    reloadFactFile: (path) => {
      void facts
        .change(function* () {
          facts.reloadFromDisk(path);
        })
        .then(factsChanged);
    },
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    workspaceFolders = (params.workspaceFolders ?? []).map((f) => URI.parse(f.uri).fsPath);
    if (!workspaceFolders.length && params.rootUri) workspaceFolders = [URI.parse(params.rootUri).fsPath];
    const caps = params.capabilities;
    canConfigure = !!caps.workspace?.configuration;
    canWatch = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    relativeWatch = !!caps.workspace?.didChangeWatchedFiles?.relativePatternSupport;
    // Subscribing to folder changes throws unless the client supports them, and would stop the facts loading.
    canFollowFolders = !!caps.workspace?.workspaceFolders;
    client.applyEdit = !!caps.workspace?.applyEdit;
    client.documentChanges = !!caps.workspace?.workspaceEdit?.documentChanges;
    client.workDoneProgress = !!caps.window?.workDoneProgress;
    const init = (params.initializationOptions ?? {}) as InitializationOptions;
    client.addFactInput = init.addFactInput === true;
    client.diagnosticsInHover = init.diagnosticsInHover === true;
    if (typeof init.checkBudgetMs === "number" && init.checkBudgetMs > 0) validator.budgetMs = init.checkBudgetMs;
    facts.trusted = init.trusted !== false;
    if (canConfigure) settings.setAsk((scopeUri) => connection.workspace.getConfiguration({ scopeUri, section: "factcheck" }));
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS },
        hoverProvider: true,
        definitionProvider: true,
        completionProvider: { triggerCharacters: [" ", "[", ","] },
        executeCommandProvider: { commands: [COMMANDS.addFact, COMMANDS.factForm, COMMANDS.quote, COMMANDS.draftFacts] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: "factcheck-ls", version: "0.1.0" },
    };
  });

  connection.onInitialized(async () => {
    if (canConfigure) void connection.client.register(DidChangeConfigurationNotification.type, undefined);
    if (canFollowFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(async (e) => {
        const removed = new Set(e.removed.map((f) => URI.parse(f.uri).fsPath));
        workspaceFolders = [...workspaceFolders.filter((f) => !removed.has(f)), ...e.added.map((f) => URI.parse(f.uri).fsPath)];
        await readFactGlobs();
        watchFactFiles();
        void reloadFacts();
      });
    }
    await readFactGlobs();
    watchFactFiles();
    void reloadFacts();
  });

  /** Each workspace folder's `factcheck.facts`; whether any changed. */
  async function readFactGlobs(): Promise<boolean> {
    let changed = false;
    for (const folder of workspaceFolders) {
      const s = await settings.get(URI.file(folder).toString());
      if (facts.setGlobs(folder, s.facts)) changed = true;
    }
    return changed;
  }

  function watchFactFiles(): void {
    if (!canWatch) return;
    const watchers: FileSystemWatcher[] = [{ globPattern: "**/*.facts.{yaml,yml}" }];
    for (const folder of workspaceFolders) {
      for (const glob of facts.globsOf(folder)) {
        if (DEFAULT_FACT_GLOBS.includes(glob)) continue;
        watchers.push({ globPattern: relativeWatch ? { baseUri: URI.file(folder).toString(), pattern: glob } : glob });
      }
    }
    const previous = watching;
    watching = undefined;
    previous?.dispose();
    void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }).then((d) => (watching = d));
  }

  /**
   * Finds and loads the fact files, in slices (validation of drafts goes on against the base in
   * force meanwhile; before the first load, drafts wait for it), then re-checks every draft.
   */
  async function reloadFacts(): Promise<void> {
    const started = Date.now();
    await facts.change(() => facts.scanSteps());
    const base = facts.store.base;
    connection.console.log(
      `factcheck: ${base.entities.size} entities, ${base.events.size} events, ${base.sources.size} sources from ${facts.store.files().length} fact files (${facts.mode}${facts.trusted ? "" : ", untrusted workspace"}) in ${Date.now() - started} ms`,
    );
    factsChanged();
  }

  /** Publishes the fact files' own problems, re-checks every open prose document, updates the status. */
  function factsChanged(): void {
    const files = new Set(facts.store.files());
    for (const file of [...publishedFactFiles]) {
      if (!files.has(file)) {
        void connection.sendDiagnostics({ uri: URI.file(file).toString(), diagnostics: [] });
        publishedFactFiles.delete(file);
      }
    }
    for (const file of files) {
      const problems = facts.store.problemsOf(file);
      if (problems.length || publishedFactFiles.has(file)) {
        const diagnostics = problems.map(problemToDiagnostic);
        if (facts.store.isStale(file)) {
          for (const d of diagnostics) d.message += " (The last good version of this file stays in force until it is fixed.)";
        }
        void connection.sendDiagnostics({ uri: URI.file(file).toString(), diagnostics });
        // A drafted fact file not yet saved (an untitled document with the file's path) gets them too.
        for (const doc of documents.all()) if (!doc.uri.startsWith("file:") && pathOf(doc.uri) === file) void connection.sendDiagnostics({ uri: doc.uri, diagnostics });
        if (problems.length) publishedFactFiles.add(file);
        else publishedFactFiles.delete(file);
      }
    }
    logProblems();
    for (const doc of documents.all()) if (!facts.governs(doc.uri)) validator.schedule(doc, 0);
    sendStatus(connection, facts);
  }

  let lastProblemLog = "";
  /** Load errors to the output channel, once per change. */
  function logProblems(): void {
    const lines = facts.store
      .allProblems()
      .filter((p) => p.severity === "error")
      .map((p) => `factcheck: ${p.file}:${p.line + 1}:${p.character + 1}: ${p.code}: ${p.message}`);
    const text = lines.slice(0, 50).join("\n") + (lines.length > 50 ? `\nfactcheck: … and ${lines.length - 50} more` : "");
    if (text && text !== lastProblemLog) connection.console.warn(text);
    lastProblemLog = text;
  }

  connection.onDidChangeConfiguration(async () => {
    settings.clear();
    if (await readFactGlobs()) {
      watchFactFiles();
      void reloadFacts();
      return;
    }
    for (const doc of documents.all()) if (!facts.governs(doc.uri)) validator.schedule(doc, 0);
  });

  connection.onNotification(NOTIFICATIONS.trust, (p: { trusted?: boolean }) => {
    const trusted = p?.trusted !== false;
    if (trusted === facts.trusted) return;
    facts.trusted = trusted;
    void reloadFacts();
  });

  documents.onDidOpen((e) => {
    if (facts.governs(e.document.uri)) return;
    validator.schedule(e.document, 0);
  });

  const factFileTimers = new Map<string, NodeJS.Timeout>();
  /** Typing in a fact file rebuilds the fact base when the typing pauses, not at every keystroke. */
  function factFileEdited(uri: string): void {
    clearTimeout(factFileTimers.get(uri));
    void settings.get(uri).then((s) => {
      clearTimeout(factFileTimers.get(uri));
      const timer = setTimeout(() => {
        factFileTimers.delete(uri);
        const doc = documents.get(uri);
        if (!doc || !facts.governs(uri)) return;
        const text = doc.getText();
        // The file's new text comes into force in slices; the last good facts stay in force until it has.
        void facts.change(() => facts.setOpenTextSteps(uri, text)).then(factsChanged);
      }, s.debounceMs);
      factFileTimers.set(uri, timer);
    });
  }

  documents.onDidChangeContent((e) => {
    if (facts.governs(e.document.uri)) return factFileEdited(e.document.uri);
    validator.schedule(e.document);
  });

  documents.onDidClose((e) => {
    clearTimeout(factFileTimers.get(e.document.uri));
    factFileTimers.delete(e.document.uri);
    if (facts.governs(e.document.uri)) {
      const uri = e.document.uri;
      void facts
        .change(function* () {
          facts.closed(uri);
        })
        .then(factsChanged);
      return;
    }
    validator.forget(e.document.uri);
  });

  connection.onDidChangeWatchedFiles((params) => {
    void facts
      .change(function* () {
        let rescan = false;
        for (const change of params.changes) {
          const path = pathOf(change.uri);
          if (!path) continue;
          if (change.type === FileChangeType.Changed) {
            if (facts.governs(change.uri)) facts.reloadFromDisk(path);
            yield;
          } else rescan = true;
        }
        if (rescan) yield* facts.scanSteps();
      })
      .then(factsChanged);
  });

  /**
   * Before a request is answered: the first fact base must be in force (it loads in slices),
   * and while checks run in slices, the reply goes out before the next slice (validation.ts).
   */
  async function answering(): Promise<void> {
    if (!facts.ready) await facts.whenReady();
    validator.protocol.answering();
    facts.protocol.answering();
  }
  connection.onCodeAction(async (params) => (await answering(), codeActions(ctx, params)));
  connection.onHover(async (params) => (await answering(), hover(ctx, params)));
  connection.onDefinition(async (params) => (await answering(), definition(ctx, params)));
  connection.onCompletion(async (params) => (await answering(), completion(ctx, params)));
  connection.onExecuteCommand(async (params) => {
    await answering();
    const arg = params.arguments?.[0];
    switch (params.command) {
      case COMMANDS.factForm:
        return factForm(ctx, arg);
      case COMMANDS.addFact:
        return addFact(ctx, arg);
      case COMMANDS.quote:
        return quote(ctx, arg);
      case COMMANDS.draftFacts:
        return draftFactsCommand(ctx, arg);
      default:
        return undefined;
    }
  });

  documents.listen(connection);
  connection.listen();
}
