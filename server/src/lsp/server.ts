// The language server: keeps the fact base current, checks open prose documents as
// they change (debounced, always against the latest version) and answers code actions.
import {
  CodeAction,
  CodeActionKind,
  CodeActionParams,
  Connection,
  Diagnostic,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  InitializeParams,
  InitializeResult,
  TextDocuments,
  TextDocumentSyncKind,
  TextEdit,
} from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { URI } from "vscode-uri";
import { Finding, ConflictCode, Severity } from "../engine/findings";
import { findingToDiagnostic, problemToDiagnostic, rangeOf, SOURCE } from "./convert";
import { FactSource, pathOf } from "./factSource";

export interface ServerOptions {
  factPaths: string[];
}

export interface Settings {
  enable: boolean;
  languages: string[];
  severity: Partial<Record<ConflictCode, Severity | "off">>;
  debounceMs: number;
}

const DEFAULT_SETTINGS: Settings = { enable: true, languages: ["markdown", "plaintext"], severity: {}, debounceMs: 200 };

interface CheckedDocument {
  version: number;
  findings: Finding[];
}

export function startServer(connection: Connection, options: ServerOptions): void {
  const documents = new TextDocuments(TextDocument);
  let workspaceFolders: string[] = [];
  let canConfigure = false;
  let canWatch = false;
  let canFollowFolders = false;
  const facts = new FactSource(options.factPaths, () => workspaceFolders);
  const checked = new Map<string, CheckedDocument>();
  const timers = new Map<string, NodeJS.Timeout>();
  const settingsCache = new Map<string, Promise<Settings>>();
  const publishedFactFiles = new Set<string>();

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    workspaceFolders = (params.workspaceFolders ?? []).map((f) => URI.parse(f.uri).fsPath);
    if (!workspaceFolders.length && params.rootUri) workspaceFolders = [URI.parse(params.rootUri).fsPath];
    canConfigure = !!params.capabilities.workspace?.configuration;
    canWatch = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    // Subscribing to folder changes throws unless the client supports them, and would stop the facts loading.
    canFollowFolders = !!params.capabilities.workspace?.workspaceFolders;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: "factcheck-ls", version: "0.1.0" },
    };
  });

  connection.onInitialized(() => {
    if (canConfigure) void connection.client.register(DidChangeConfigurationNotification.type, undefined);
    if (canWatch) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: "**/*.facts.{yaml,yml}" }] });
    if (canFollowFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        const removed = new Set(e.removed.map((f) => URI.parse(f.uri).fsPath));
        workspaceFolders = [...workspaceFolders.filter((f) => !removed.has(f)), ...e.added.map((f) => URI.parse(f.uri).fsPath)];
        reloadFacts();
      });
    }
    reloadFacts();
  });

  function reloadFacts(): void {
    const started = Date.now();
    facts.scan();
    connection.console.log(`factcheck: ${facts.store.base.entities.size} entities, ${facts.store.base.events.size} events from ${facts.store.files().length} fact files (${facts.mode}) in ${Date.now() - started} ms`);
    factsChanged();
  }

  /** Publishes the fact files' own problems and re-checks every open prose document. */
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
        if (problems.length) publishedFactFiles.add(file);
        else publishedFactFiles.delete(file);
      }
    }
    for (const doc of documents.all()) if (!facts.governs(doc.uri)) schedule(doc, 0);
  }

  function getSettings(uri: string): Promise<Settings> {
    if (!canConfigure) return Promise.resolve(DEFAULT_SETTINGS);
    let s = settingsCache.get(uri);
    if (!s) {
      s = connection.workspace
        .getConfiguration({ scopeUri: uri, section: "factcheck" })
        .then((raw: Partial<Settings> | null) => ({ ...DEFAULT_SETTINGS, ...(raw ?? {}) }))
        .catch(() => DEFAULT_SETTINGS);
      settingsCache.set(uri, s);
    }
    return s;
  }

  connection.onDidChangeConfiguration(() => {
    settingsCache.clear();
    for (const doc of documents.all()) schedule(doc, 0);
  });

  function schedule(doc: TextDocument, delay?: number): void {
    const old = timers.get(doc.uri);
    if (old) clearTimeout(old);
    void getSettings(doc.uri).then((settings) => {
      const wait = delay ?? settings.debounceMs;
      timers.set(
        doc.uri,
        setTimeout(() => {
          timers.delete(doc.uri);
          validate(doc.uri, settings);
        }, wait),
      );
    });
  }

  function validate(uri: string, settings: Settings): void {
    const doc = documents.get(uri);
    if (!doc) return;
    if (!settings.enable || !settings.languages.includes(doc.languageId)) {
      if (checked.has(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
      checked.delete(uri);
      return;
    }
    let findings: Finding[];
    try {
      findings = facts.current.check(doc.getText(), { languageId: doc.languageId, path: pathOf(uri), severities: settings.severity });
    } catch (e) {
      connection.console.error(`factcheck: checking ${uri} failed: ${(e as Error).stack ?? e}`);
      return;
    }
    // Only the latest text's diagnostics are ever published.
    if (documents.get(uri)?.version !== doc.version) return;
    checked.set(uri, { version: doc.version, findings });
    void connection.sendDiagnostics({ uri, version: doc.version, diagnostics: findings.map((f, i) => findingToDiagnostic(doc, f, i)) });
  }

  /** The findings for a document's current text, computing them if the last check is stale. */
  function findingsFor(doc: TextDocument): Finding[] {
    const c = checked.get(doc.uri);
    if (c && c.version === doc.version) return c.findings;
    const findings = facts.current.check(doc.getText(), { languageId: doc.languageId, path: pathOf(doc.uri) });
    checked.set(doc.uri, { version: doc.version, findings });
    return findings;
  }

  documents.onDidOpen((e) => {
    if (facts.governs(e.document.uri)) return;
    schedule(e.document, 0);
  });

  documents.onDidChangeContent((e) => {
    if (facts.governs(e.document.uri)) {
      facts.setOpenText(e.document.uri, e.document.getText());
      factsChanged();
      return;
    }
    schedule(e.document);
  });

  documents.onDidClose((e) => {
    const t = timers.get(e.document.uri);
    if (t) clearTimeout(t);
    timers.delete(e.document.uri);
    settingsCache.delete(e.document.uri);
    if (facts.governs(e.document.uri)) {
      facts.closed(e.document.uri);
      factsChanged();
      return;
    }
    checked.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onDidChangeWatchedFiles((params) => {
    let rescan = false;
    for (const change of params.changes) {
      const path = pathOf(change.uri);
      if (!path) continue;
      if (change.type === FileChangeType.Changed) facts.reloadFromDisk(path);
      else rescan = true;
    }
    if (rescan) facts.scan();
    factsChanged();
  });

  connection.onCodeAction((params: CodeActionParams): CodeAction[] => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc || facts.governs(doc.uri)) return [];
    const findings = findingsFor(doc);
    const only = params.context.only;
    const actions: CodeAction[] = [];
    const wants = (kind: string): boolean => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));

    if (wants(CodeActionKind.QuickFix)) {
      for (const diagnostic of params.context.diagnostics) {
        if (diagnostic.source !== SOURCE) continue;
        const finding = matchFinding(doc, findings, diagnostic);
        if (!finding) continue;
        for (const fix of finding.fixes) {
          actions.push({
            title: fix.title,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            isPreferred: fix.preferred,
            edit: { changes: { [doc.uri]: [TextEdit.replace(rangeOf(doc, fix.start, fix.end), fix.newText)] } },
          });
        }
      }
    }
    if (wants(CodeActionKind.SourceFixAll)) {
      const edits = preferredEdits(doc, findings);
      if (edits.length) {
        actions.push({ title: "Fix all factual conflicts in this file", kind: CodeActionKind.SourceFixAll, edit: { changes: { [doc.uri]: edits } } });
      }
    }
    return actions;
  });

  documents.listen(connection);
  connection.listen();
}

/** The finding a diagnostic was made from: by index when the versions agree, else by place and code. */
function matchFinding(doc: TextDocument, findings: Finding[], d: Diagnostic): Finding | undefined {
  const data = d.data as { index?: number; version?: number } | undefined;
  if (data?.version === doc.version && data.index !== undefined && findings[data.index]?.code === d.code) return findings[data.index];
  const start = doc.offsetAt(d.range.start);
  const end = doc.offsetAt(d.range.end);
  return findings.find((f) => f.code === d.code && f.start === start && f.end === end);
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
