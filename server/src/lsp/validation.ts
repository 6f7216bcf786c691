// Checks open prose documents as they change: debounced, and always against the latest
// text — a check that finishes after a newer edit is thrown away, never published.
import { Connection, TextDocuments } from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { Finding } from "../engine/findings";
import { findingToDiagnostic } from "./convert";
import { FactSource, pathOf } from "./factSource";
import { Settings, SettingsCache } from "./settings";

/** Checks slower than this are logged, with the document's size. */
const SLOW_CHECK_MS = 250;

interface Checked {
  version: number;
  /** The fact base's generation the findings were made with. */
  generation: number;
  findings: Finding[];
}

export class Validator {
  private checked = new Map<string, Checked>();
  private timers = new Map<string, NodeJS.Timeout>();
  /** Grows with each request to check a document; only the latest request may start a check. */
  private tickets = new Map<string, number>();
  /** The version each document's coming check is for. */
  private pending = new Map<string, number>();

  constructor(
    private connection: Connection,
    private documents: TextDocuments<TextDocument>,
    private facts: FactSource,
    private settings: SettingsCache,
  ) {}

  /**
   * Checks the document after its debounce delay (or `delay` ms), replacing any pending check —
   * except that a debounced request for the very version already coming keeps the sooner check:
   * every open is followed by a content change of the same version, which must not put off the
   * check the open asked for at once by the typing pause.
   */
  schedule(doc: TextDocument, delay?: number): void {
    const uri = doc.uri;
    if (delay === undefined && this.pending.get(uri) === doc.version) return;
    this.pending.set(uri, doc.version);
    const ticket = (this.tickets.get(uri) ?? 0) + 1;
    this.tickets.set(uri, ticket);
    this.clearTimer(uri);
    void this.settings.get(uri).then((settings) => {
      if (this.tickets.get(uri) !== ticket) return;
      this.clearTimer(uri);
      this.timers.set(
        uri,
        setTimeout(() => {
          this.timers.delete(uri);
          this.pending.delete(uri);
          this.validate(uri, settings);
        }, delay ?? settings.debounceMs),
      );
    });
  }

  /** The document closed: no pending check, no diagnostics left behind. */
  forget(uri: string): void {
    this.clearTimer(uri);
    this.tickets.delete(uri);
    this.pending.delete(uri);
    this.settings.forget(uri);
    this.checked.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** The findings for a document's current text, computed now if the last check is older. */
  async findingsFor(doc: TextDocument): Promise<Finding[]> {
    const settings = await this.settings.get(doc.uri);
    const current = this.documents.get(doc.uri) ?? doc;
    const c = this.checked.get(current.uri);
    if (c && c.version === current.version && c.generation === this.facts.store.generation) return c.findings;
    if (!this.wanted(current, settings)) return [];
    const generation = this.facts.store.generation;
    const findings = this.run(current, settings);
    if (findings) this.checked.set(current.uri, { version: current.version, generation, findings });
    return findings ?? [];
  }

  private validate(uri: string, settings: Settings): void {
    const doc = this.documents.get(uri);
    if (!doc) return;
    if (!this.wanted(doc, settings)) {
      if (this.checked.has(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
      this.checked.delete(uri);
      return;
    }
    const generation = this.facts.store.generation;
    const started = Date.now();
    const findings = this.run(doc, settings);
    const took = Date.now() - started;
    if (took > SLOW_CHECK_MS) this.connection.console.log(`factcheck: checked ${doc.uri} (${doc.getText().length} characters) in ${took} ms`);
    // Only the latest text's diagnostics are ever published.
    if (!findings || this.documents.get(uri)?.version !== doc.version) return;
    this.checked.set(uri, { version: doc.version, generation, findings });
    void this.connection.sendDiagnostics({ uri, version: doc.version, diagnostics: findings.map((f, i) => findingToDiagnostic(doc, f, i)) });
  }

  private wanted(doc: TextDocument, settings: Settings): boolean {
    return settings.enable && settings.languages.includes(doc.languageId);
  }

  private run(doc: TextDocument, settings: Settings): Finding[] | undefined {
    try {
      return this.facts.current.check(doc.getText(), { languageId: doc.languageId, path: pathOf(doc.uri), severities: settings.severity });
    } catch (e) {
      this.connection.console.error(`factcheck: checking ${doc.uri} failed: ${(e as Error).stack ?? e}`);
      return undefined;
    }
  }

  private clearTimer(uri: string): void {
    const t = this.timers.get(uri);
    if (t) clearTimeout(t);
    this.timers.delete(uri);
  }
}
