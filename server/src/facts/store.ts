// Keeps the fact base in force. A new version of a file comes into force only when it
// parses, fits the schema and adds no error of its own across files (a dangling id, a
// duplicate id…); until then the file's last good version stays in use, so a typo in a
// fact file never empties or breaks the base.
import { buildFactBase, BuildOptions, BuildResult, compiledOf } from "./build";
import { emptyFactBase, FactBase } from "./model";
import { FactProblem, ParsedFactFile, parseFactFile } from "./parse";

export class FactStore {
  /** The version of each file the base is built from. */
  private inForce = new Map<string, ParsedFactFile>();
  /** Files whose latest text is not in force, with that text's problems. */
  private pending = new Map<string, FactProblem[]>();
  /** Latest versions that parsed but were held back for errors across files; retried on every change. */
  private heldBack = new Map<string, ParsedFactFile>();
  private buildProblems = new Map<string, FactProblem[]>();
  private current: FactBase = emptyFactBase();
  private version = 0;

  constructor(private readonly options: BuildOptions = {}) {}

  /** The fact base in force. */
  get base(): FactBase {
    return this.current;
  }

  /** Grows by one each time the base changes; checkers key their caches on it. */
  get generation(): number {
    return this.version;
  }

  /** Sets (or replaces) the text of one fact file and rebuilds. Returns that file's problems. */
  update(file: string, text: string): FactProblem[] {
    this.updateMany([{ file, text }]);
    return this.problemsOf(file);
  }

  /** Sets many files at once. */
  updateMany(files: { file: string; text: string }[]): void {
    runSteps(this.updateSteps(files));
  }

  /**
   * `updateMany` in steps: each file parsed and compiled in a step of its own, then the base
   * linked in one. The base in force does not change until the last step, and nothing in the
   * store changes before it, so the caller may stop stepping at any point (and must not change
   * the store in between).
   */
  *updateSteps(files: { file: string; text: string }[]): Generator<void, void> {
    const parsed: ParsedFactFile[] = [];
    for (const { file, text } of files) {
      const p = parseFactFile(file, text);
      // Compiled at once, and its data let go: rebuilds reuse the compiled facts of unchanged files.
      if (compiledOf(p)) {
        p.data = undefined;
        p.positions.release(true);
      }
      parsed.push(p);
      yield;
    }
    const candidates: ParsedFactFile[] = [];
    for (const p of parsed) {
      this.heldBack.delete(p.file);
      if (p.compiled) candidates.push(p);
      else this.pending.set(p.file, p.problems);
    }
    for (const held of this.heldBack.values()) if (!candidates.some((c) => c.file === held.file)) candidates.push(held);
    if (candidates.length) this.settle(candidates);
  }

  /** A file that could not be read: reported, and its last good version stays in force. */
  unreadable(file: string, message: string): void {
    this.heldBack.delete(file);
    this.pending.set(file, [
      { file, line: 0, character: 0, endLine: 0, endCharacter: 0, severity: "error", code: "unreadable", message },
    ]);
  }

  remove(file: string): void {
    this.heldBack.delete(file);
    this.pending.delete(file);
    if (this.inForce.delete(file)) this.settle([...this.heldBack.values()]);
  }

  /** Keeps exactly these files, dropping the others. */
  retain(files: Set<string>): void {
    let changed = false;
    for (const f of [...this.inForce.keys()]) {
      if (!files.has(f)) {
        this.inForce.delete(f);
        changed = true;
      }
    }
    for (const f of [...this.pending.keys()]) if (!files.has(f)) this.pending.delete(f);
    for (const f of [...this.heldBack.keys()]) if (!files.has(f)) this.heldBack.delete(f);
    if (changed) this.settle([...this.heldBack.values()]);
  }

  files(): string[] {
    return [...new Set([...this.inForce.keys(), ...this.pending.keys()])];
  }

  /** Problems of a file's latest text: its own (syntax, schema) and those found resolving ids across files. */
  problemsOf(file: string): FactProblem[] {
    const pending = this.pending.get(file);
    if (pending) return pending;
    return [...(this.inForce.get(file)?.problems ?? []), ...(this.buildProblems.get(file) ?? [])];
  }

  allProblems(): FactProblem[] {
    return this.files().flatMap((f) => this.problemsOf(f));
  }

  /** Whether the file's text in force is an older good version than the one last given. */
  isStale(file: string): boolean {
    return this.pending.has(file) && this.inForce.has(file);
  }

  /**
   * Brings new versions into force. A version that adds errors of its own across files
   * (a dangling id) while an earlier version of it is in force is held back instead.
   * A file seen for the first time always comes in: its broken references are left out of the base.
   */
  private settle(candidates: ParsedFactFile[]): void {
    let result = this.build(candidates);
    const held = candidates.filter((c) => this.inForce.has(c.file) && this.addsErrors(c.file, result));
    for (const c of held) {
      this.heldBack.set(c.file, c);
      this.pending.set(c.file, [...c.problems, ...result.problems.filter((p) => p.file === c.file)]);
    }
    const accepted = candidates.filter((c) => !held.includes(c));
    if (held.length) {
      if (!accepted.length) return; // nothing changes: the base in force stays as it is
      result = this.build(accepted);
    }
    for (const c of accepted) {
      this.inForce.set(c.file, c);
      this.pending.delete(c.file);
      this.heldBack.delete(c.file);
    }
    this.current = result.base;
    this.buildProblems = new Map();
    for (const p of result.problems) {
      const list = this.buildProblems.get(p.file);
      if (list) list.push(p);
      else this.buildProblems.set(p.file, [p]);
    }
    this.version++;
  }

  private build(replacing: ParsedFactFile[]): BuildResult {
    const files = new Map(this.inForce);
    for (const c of replacing) files.set(c.file, c);
    return buildFactBase([...files.values()].sort((a, b) => a.file.localeCompare(b.file)), this.options);
  }

  /** Whether the trial build has an error in this file that the base in force does not. */
  private addsErrors(file: string, trial: BuildResult): boolean {
    const before = new Map<string, number>();
    for (const p of this.buildProblems.get(file) ?? []) {
      if (p.severity === "error") before.set(keyOf(p), (before.get(keyOf(p)) ?? 0) + 1);
    }
    for (const p of trial.problems) {
      if (p.file !== file || p.severity !== "error") continue;
      const left = before.get(keyOf(p)) ?? 0;
      if (left <= 0) return true;
      before.set(keyOf(p), left - 1);
    }
    return false;
  }
}

function keyOf(p: FactProblem): string {
  return `${p.code}|${p.message}`;
}

/** Runs every step of a stepped operation at once. */
export function runSteps<T>(steps: Generator<void, T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}
