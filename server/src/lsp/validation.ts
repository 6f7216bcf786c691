// Checks open prose documents as they change: debounced, always against the latest text, and
// never holding up the protocol. A check runs as the engine's steps (Checker.checkSteps, each a
// bounded piece of work), a few milliseconds of them at a time, between which the event loop
// answers hover, completion, code actions and the rest. Checks of several documents take
// turns, step by step. A newer version of a document cancels the check of the older one at
// once, and an overtaken result is never published. A check that would take more than its
// budget of work is stopped: the findings it settled are published with one note at the top
// of the document, and the log says so once.
import { Connection, Diagnostic, DiagnosticSeverity, TextDocuments } from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { performance } from "node:perf_hooks";
import { CheckProgress } from "../engine/checker";
import { Finding } from "../engine/findings";
import { findingToDiagnostic, SOURCE } from "./convert";
import { FactSource, pathOf } from "./factSource";
import { Settings, SettingsCache } from "./settings";
import { ProtocolTurns } from "./turns";

/** Checks slower than this are logged, with the document's size. */
const SLOW_CHECK_MS = 250;
/** How long the steps of checks run before the event loop gets its turn. */
const SLICE_MS = 8;
/** Work (not waiting) a check may take before it is stopped as too long to check as you type. */
export const DEFAULT_CHECK_BUDGET_MS = 5000;
/** The code of the note on a document too long to check as you type. */
export const TOO_LONG_CODE = "too-long";

interface Checked {
  version: number;
  /** The fact base's generation the findings were made with. */
  generation: number;
  settings: Settings;
  findings: Finding[];
}

/** A check under way: the engine's steps and who waits for its findings. */
interface Job {
  uri: string;
  /** The document (which the editor's changes update in place) and the version this check is of. */
  doc: TextDocument;
  version: number;
  /** The length of the text checked, for the log. */
  chars: number;
  generation: number;
  settings: Settings;
  steps: Generator<void, Finding[]>;
  progress: CheckProgress;
  /** Milliseconds of processor time spent in its steps (its work, not its wait for its turn or for the processor). */
  workMs: number;
  started: number;
  /** Whether the log was told that this check is taking long. */
  toldSlow: boolean;
  waiters: ((findings: Finding[] | undefined) => void)[];
}

export class Validator {
  private checked = new Map<string, Checked>();
  private timers = new Map<string, NodeJS.Timeout>();
  /** Grows with each request to check a document; only the latest request may start a check. */
  private tickets = new Map<string, number>();
  /** The version each document's coming check is for. */
  private pending = new Map<string, number>();
  /** The check under way per document, and the order they take turns in. */
  private jobs = new Map<string, Job>();
  private turns: Job[] = [];
  private pumping = false;
  /** Turns of the event loop left to the protocol before the next slice of checking. */
  readonly protocol = new ProtocolTurns();
  /** Documents whose check was stopped as too long, already said in the log. */
  private toldTooLong = new Set<string>();
  /** Work a check may take; `initializationOptions.checkBudgetMs` may set it. */
  budgetMs = DEFAULT_CHECK_BUDGET_MS;

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
   * check the open asked for at once by the typing pause. A check of an older version stops now.
   */
  schedule(doc: TextDocument, delay?: number): void {
    const uri = doc.uri;
    const running = this.jobs.get(uri);
    if (running && running.version !== doc.version) this.cancel(running);
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

  /** The document closed: no check under way or pending, no diagnostics left behind, its readings let go. */
  forget(uri: string): void {
    this.clearTimer(uri);
    const running = this.jobs.get(uri);
    if (running) this.cancel(running);
    this.tickets.delete(uri);
    this.pending.delete(uri);
    this.settings.forget(uri);
    this.checked.delete(uri);
    this.toldTooLong.delete(uri);
    this.facts.release(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /**
   * The findings for a document's current text: those of its last check if it is current, else
   * those of the check under way (or started now), waited for without holding up other requests.
   */
  async findingsFor(doc: TextDocument): Promise<Finding[]> {
    const settings = await this.settings.get(doc.uri);
    await this.facts.whenReady();
    for (;;) {
      const current = this.documents.get(doc.uri) ?? doc;
      const generation = this.facts.generation;
      const c = this.checked.get(current.uri);
      if (c && c.version === current.version && c.generation === generation) return c.findings;
      if (!this.wanted(current, settings)) return [];
      if (!this.documents.get(doc.uri)) return this.checkNow(current, settings);
      let job = this.jobs.get(current.uri);
      if (!job || job.version !== current.version || job.generation !== generation) job = this.start(current, settings);
      const waiting = job;
      const findings = await new Promise<Finding[] | undefined>((resolve) => waiting.waiters.push(resolve));
      const now = this.documents.get(doc.uri);
      if (!now) return findings ?? [];
      if (now.version === waiting.version) {
        if (findings) return findings;
        // Not overtaken, yet no findings: the check failed (and said so in the log).
        if (this.facts.generation === waiting.generation && !this.jobs.has(doc.uri)) return [];
      }
      // Overtaken by a newer version (or new facts) while waiting: wait for that one's.
    }
  }

  private validate(uri: string, settings: Settings): void {
    const doc = this.documents.get(uri);
    if (!doc) return;
    if (!this.wanted(doc, settings)) {
      const running = this.jobs.get(uri);
      if (running) this.cancel(running);
      if (this.checked.has(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
      this.checked.delete(uri);
      return;
    }
    // Before the first fact base is in force there is nothing to check against; its loading re-checks every draft.
    if (!this.facts.ready) return;
    const generation = this.facts.generation;
    const running = this.jobs.get(uri);
    // The same check is under way already (asked for by a hover or code action): it publishes.
    if (running && running.version === doc.version && running.generation === generation && running.settings === settings) return;
    this.start(doc, settings);
  }

  /** Starts checking a document (stopping any check of it under way); the result is published. */
  private start(doc: TextDocument, settings: Settings): Job {
    const running = this.jobs.get(doc.uri);
    if (running) this.cancel(running);
    const generation = this.facts.generation;
    const progress: CheckProgress = { settled: [], upTo: 0 };
    const text = doc.getText();
    const steps = this.facts.current.checkSteps(text, {
      languageId: doc.languageId,
      path: pathOf(doc.uri),
      severities: settings.severity,
      document: doc.uri,
      progress,
    });
    const job: Job = { uri: doc.uri, doc, version: doc.version, chars: text.length, generation, settings, steps, progress, workMs: 0, started: performance.now(), toldSlow: false, waiters: [] };
    this.jobs.set(doc.uri, job);
    this.turns.push(job);
    this.kick();
    return job;
  }

  private kick(): void {
    if (this.pumping) return;
    this.pumping = true;
    setImmediate(() => this.pump());
  }

  /** Runs steps of the checks under way, taking turns, for a slice of time; then lets the event loop run. */
  private pump(): void {
    if (this.protocol.waitTurn()) {
      setImmediate(() => this.pump());
      return;
    }
    this.pumping = false;
    const deadline = performance.now() + SLICE_MS;
    while (this.turns.length && performance.now() < deadline) {
      const job = this.turns.shift()!;
      if (this.jobs.get(job.uri) !== job) continue; // cancelled
      const t0 = performance.now();
      const cpu0 = process.cpuUsage();
      let r: IteratorResult<void, Finding[]>;
      try {
        r = job.steps.next();
      } catch (e) {
        this.connection.console.error(`factcheck: checking ${job.uri} failed: ${(e as Error).stack ?? e}`);
        this.end(job, undefined);
        continue;
      }
      const t1 = performance.now();
      // Work is the processor's time, not the clock's: a busy machine does not make a document too long.
      const cpu = process.cpuUsage(cpu0);
      job.workMs += Math.min(t1 - t0, (cpu.user + cpu.system) / 1000);
      if (!r.done && !job.toldSlow && t1 - job.started > SLOW_CHECK_MS) {
        job.toldSlow = true;
        this.connection.console.log(`factcheck: still checking ${job.uri} (version ${job.version}, ${job.chars} characters)…`);
      }
      if (r.done) this.finish(job, r.value);
      else if (job.workMs > this.budgetMs) this.tooLong(job);
      else this.turns.push(job);
    }
    if (this.turns.length) this.kick();
  }

  /** A check ran to its end: its findings are published if its version is still the document's. */
  private finish(job: Job, findings: Finding[]): void {
    this.end(job, findings);
    const took = performance.now() - job.started;
    const doc = job.doc;
    if (took > SLOW_CHECK_MS) {
      this.connection.console.log(`factcheck: checked ${doc.uri} (${job.chars} characters) in ${Math.round(took)} ms (${Math.round(job.workMs)} ms of work)`);
    }
    // Only the latest text's diagnostics are ever published.
    if (!this.isCurrent(job)) return;
    this.toldTooLong.delete(job.uri);
    this.checked.set(job.uri, { version: doc.version, generation: job.generation, settings: job.settings, findings });
    this.protocol.answering();
    void this.connection.sendDiagnostics({ uri: job.uri, version: doc.version, diagnostics: findings.map((f, i) => findingToDiagnostic(doc, f, i)) });
  }

  /** A check past its budget: what it settled is published, with a note at the top, and the log says so once. */
  private tooLong(job: Job): void {
    const findings = [...job.progress.settled];
    this.end(job, findings);
    if (!this.isCurrent(job)) return;
    const doc = job.doc;
    const upTo = Math.min(job.progress.upTo, doc.getText().length);
    const line = doc.positionAt(upTo).line + 1;
    const lines = doc.lineCount;
    const checkedPart = upTo > 0 ? `it was checked up to line ${line} of ${lines}` : "none of it was checked";
    if (!this.toldTooLong.has(job.uri)) {
      this.toldTooLong.add(job.uri);
      this.connection.console.log(
        `factcheck: ${doc.uri} (${job.chars} characters) is too long to check as you type: stopped after ${Math.round(job.workMs)} ms of work; ${checkedPart}`,
      );
    }
    this.checked.set(job.uri, { version: doc.version, generation: job.generation, settings: job.settings, findings });
    const note: Diagnostic = {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: DiagnosticSeverity.Information,
      code: TOO_LONG_CODE,
      source: SOURCE,
      message: `This document is too long to check as you type (${checkedPart}); the command line checks it whole: factcheck check ${pathOf(doc.uri) ?? "FILE"}`,
    };
    this.protocol.answering();
    void this.connection.sendDiagnostics({ uri: job.uri, version: doc.version, diagnostics: [note, ...findings.map((f, i) => findingToDiagnostic(doc, f, i))] });
  }

  /** Whether a check's text and facts are still the document's. */
  private isCurrent(job: Job): boolean {
    return this.documents.get(job.uri)?.version === job.version && this.facts.generation === job.generation;
  }

  /** A newer version (or new facts, or a close) overtook the check: it stops here, unpublished. */
  private cancel(job: Job): void {
    job.steps.return([]);
    this.end(job, undefined);
  }

  private end(job: Job, findings: Finding[] | undefined): void {
    if (this.jobs.get(job.uri) === job) this.jobs.delete(job.uri);
    const waiters = job.waiters;
    job.waiters = [];
    for (const w of waiters) w(findings);
  }

  private wanted(doc: TextDocument, settings: Settings): boolean {
    return settings.enable && settings.languages.includes(doc.languageId);
  }

  /** A document that is not open (asked about all the same): checked at once, not kept. */
  private checkNow(doc: TextDocument, settings: Settings): Finding[] {
    try {
      return this.facts.current.check(doc.getText(), { languageId: doc.languageId, path: pathOf(doc.uri), severities: settings.severity });
    } catch (e) {
      this.connection.console.error(`factcheck: checking ${doc.uri} failed: ${(e as Error).stack ?? e}`);
      return [];
    }
  }

  private clearTimer(uri: string): void {
    const t = this.timers.get(uri);
    if (t) clearTimeout(t);
    this.timers.delete(uri);
  }
}
