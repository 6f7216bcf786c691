// A small LSP client for protocol tests: starts the real server as a child process
// and speaks JSON-RPC to it over stdio, as an editor does.
import { ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { createMessageConnection, MessageConnection, StreamMessageReader, StreamMessageWriter } from "vscode-jsonrpc/node";
import {
  ApplyWorkspaceEditResult,
  CodeAction,
  Diagnostic,
  InitializeResult,
  PublishDiagnosticsParams,
  WorkspaceEdit,
} from "vscode-languageserver-protocol";
import { pathToFileURL } from "node:url";
import { ROOT } from "./paths";

export class LspClient {
  readonly connection: MessageConnection;
  /** The server process (for its pid, its exit, or to close its stdin). */
  readonly child: ChildProcess;
  private readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  private waiters: { test: () => boolean; resolve: () => void }[] = [];
  private versions = new Map<string, number>();
  stderr = "";
  configuration: Record<string, unknown> = {};
  /** Settings per scopeUri (multi-root); falls back to `configuration`. */
  configurationFor?: (scopeUri: string | undefined) => Record<string, unknown> | undefined;
  /** Answers `workspace/applyEdit` (by default: claims to have applied it). */
  onApplyEdit: (params: { label?: string; edit: WorkspaceEdit }) => ApplyWorkspaceEditResult | Promise<ApplyWorkspaceEditResult> = () => ({ applied: true });
  /** Every publishDiagnostics received, in order of arrival. */
  readonly published: PublishDiagnosticsParams[] = [];
  /** Notifications other than diagnostics and log messages, in order of arrival. */
  readonly notifications: { method: string; params: unknown }[] = [];

  constructor(args: string[] = [], cwd = ROOT) {
    this.child = spawn(process.execPath, [join(ROOT, "bin", "factcheck-ls.js"), "--stdio", ...args], { cwd, stdio: ["pipe", "pipe", "pipe"] });
    this.child.stderr!.on("data", (d: Buffer) => (this.stderr += d.toString()));
    this.connection = createMessageConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onNotification("textDocument/publishDiagnostics", (p: PublishDiagnosticsParams) => {
      this.diagnostics.set(p.uri, p);
      this.published.push(p);
      this.poke();
    });
    this.connection.onNotification("window/logMessage", () => undefined);
    this.connection.onRequest("workspace/configuration", (p: { items: { section?: string; scopeUri?: string }[] }) =>
      p.items.map((i) => (i.section === "factcheck" ? this.configurationFor?.(i.scopeUri) ?? this.configuration : null)),
    );
    this.connection.onRequest("client/registerCapability", () => null);
    this.connection.onRequest("client/unregisterCapability", () => null);
    this.connection.onRequest("workspace/applyEdit", (p: { label?: string; edit: WorkspaceEdit }) => this.onApplyEdit(p));
    this.connection.onNotification((method: string, params: unknown) => {
      this.notifications.push({ method, params });
      this.poke();
    });
    this.connection.listen();
  }

  async initialize(rootPath?: string, capabilities: object = {}, initializationOptions?: object): Promise<InitializeResult> {
    const rootUri = rootPath ? pathToFileURL(rootPath).toString() : null;
    const result = (await this.connection.sendRequest("initialize", {
      processId: process.pid,
      rootUri,
      workspaceFolders: rootUri ? [{ uri: rootUri, name: "root" }] : null,
      capabilities,
      initializationOptions,
    })) as InitializeResult;
    await this.connection.sendNotification("initialized", {});
    return result;
  }

  open(uri: string, text: string, languageId = "markdown"): void {
    this.versions.set(uri, 1);
    void this.connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Replaces the whole text (a full-document change). */
  change(uri: string, text: string): number {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    void this.connection.sendNotification("textDocument/didChange", { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  /** Replaces one range (an incremental change, as editors send while typing). */
  edit(uri: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }, text: string): number {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    void this.connection.sendNotification("textDocument/didChange", { textDocument: { uri, version }, contentChanges: [{ range, text }] });
    return version;
  }

  /** Tells the server that files changed on disk (1 created, 2 changed, 3 deleted), as an editor's watcher does. */
  changeWatchedFiles(changes: { uri: string; type: 1 | 2 | 3 }[]): void {
    void this.connection.sendNotification("workspace/didChangeWatchedFiles", { changes });
  }

  /** Waits for a notification of this method that satisfies the test (counting those already received). */
  async notification<T>(method: string, test: (params: T) => boolean = () => true, timeoutMs = 10000): Promise<T> {
    const find = () => [...this.notifications].reverse().find((n) => n.method === method && test(n.params as T));
    await this.waitFor(() => find() !== undefined, timeoutMs, `notification ${method}`);
    return find()!.params as T;
  }

  close(uri: string): void {
    void this.connection.sendNotification("textDocument/didClose", { textDocument: { uri } });
  }

  lastDiagnostics(uri: string): PublishDiagnosticsParams | undefined {
    return this.diagnostics.get(uri);
  }

  /** Waits until the server publishes diagnostics for uri that satisfy the test. */
  async diagnosticsFor(uri: string, test: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 10000): Promise<Diagnostic[]> {
    await this.waitFor(() => {
      const p = this.diagnostics.get(uri);
      return p !== undefined && test(p);
    }, timeoutMs, `diagnostics for ${uri}`);
    return this.diagnostics.get(uri)!.diagnostics;
  }

  async codeActions(uri: string, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return (await this.connection.sendRequest("textDocument/codeAction", {
      textDocument: { uri },
      range,
      context: { diagnostics, only },
    })) as CodeAction[];
  }

  waitFor(test: () => boolean, timeoutMs: number, what: string): Promise<void> {
    if (test()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`timed out waiting for ${what}; server stderr: ${this.stderr.slice(-2000)}`));
      }, timeoutMs);
      const waiter = {
        test,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      this.waiters.push(waiter);
    });
  }

  private poke(): void {
    for (const w of [...this.waiters]) {
      if (w.test()) {
        this.waiters = this.waiters.filter((x) => x !== w);
        w.resolve();
      }
    }
  }

  async shutdown(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest("shutdown"), new Promise((r) => setTimeout(r, 2000))]);
      void this.connection.sendNotification("exit");
    } catch {
      /* the server may already be gone */
    }
    await new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        this.child.kill("SIGKILL");
        resolve();
      }, 3000);
      this.child.once("exit", () => {
        clearTimeout(t);
        resolve();
      });
    });
    this.connection.dispose();
  }
}

/** Applies LSP text edits to a text (edits must not overlap). */
export function applyEdits(text: string, edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") starts.push(i + 1);
  const off = (p: { line: number; character: number }): number => starts[p.line] + p.character;
  const sorted = [...edits].sort((a, b) => off(b.range.start) - off(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, off(e.range.start)) + e.newText + out.slice(off(e.range.end));
  return out;
}

/** A server over stdio that checks at once (debounceMs 0), with the error messages it logs collected. */
export async function startCheckingServer(factPaths: string[], initializationOptions?: object): Promise<{ client: LspClient; errors: string[] }> {
  const client = new LspClient(factPaths.flatMap((p) => ["--facts", p]));
  client.configuration = { debounceMs: 0 };
  const errors: string[] = [];
  client.connection.onNotification("window/logMessage", (p: { type: number; message: string }) => {
    if (p.type === 1) errors.push(p.message);
  });
  await client.initialize(undefined, { workspace: { configuration: true, workspaceFolders: true } }, initializationOptions);
  return { client, errors };
}
