// Keeps the fact base in force. Each file's last good version stays in use while
// a newer version of it is broken, so a typo in a fact file never empties the base.
import { buildFactBase } from "./build";
import { emptyFactBase, FactBase } from "./model";
import { FactProblem, ParsedFactFile, parseFactFile } from "./parse";

export class FactStore {
  private lastGood = new Map<string, ParsedFactFile>();
  private latestProblems = new Map<string, FactProblem[]>();
  private buildProblems: FactProblem[] = [];
  private current: FactBase = emptyFactBase();
  private version = 0;

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
    this.apply(file, text);
    this.rebuild();
    return this.problemsOf(file);
  }

  /** Sets many files at once, rebuilding once. */
  updateMany(files: { file: string; text: string }[]): void {
    for (const f of files) this.apply(f.file, f.text);
    this.rebuild();
  }

  /** A file that could not be read: reported, and its last good version stays in force. */
  unreadable(file: string, message: string): void {
    this.latestProblems.set(file, [
      { file, line: 0, character: 0, endLine: 0, endCharacter: 0, severity: "error", code: "unreadable", message },
    ]);
  }

  remove(file: string): void {
    this.lastGood.delete(file);
    this.latestProblems.delete(file);
    this.rebuild();
  }

  /** Keeps exactly these files, dropping the others. */
  retain(files: Set<string>): void {
    let changed = false;
    for (const f of [...this.lastGood.keys()]) {
      if (!files.has(f)) {
        this.lastGood.delete(f);
        changed = true;
      }
    }
    for (const f of [...this.latestProblems.keys()]) if (!files.has(f)) this.latestProblems.delete(f);
    if (changed) this.rebuild();
  }

  files(): string[] {
    return [...new Set([...this.lastGood.keys(), ...this.latestProblems.keys()])];
  }

  /** Problems of one file: its own (syntax, schema) and those found resolving ids. */
  problemsOf(file: string): FactProblem[] {
    return [...(this.latestProblems.get(file) ?? []), ...this.buildProblems.filter((p) => p.file === file)];
  }

  allProblems(): FactProblem[] {
    return this.files().flatMap((f) => this.problemsOf(f));
  }

  /** Whether the file's text in force is an older good version than the one last given. */
  isStale(file: string): boolean {
    return (this.latestProblems.get(file) ?? []).some((p) => p.severity === "error") && this.lastGood.has(file);
  }

  private apply(file: string, text: string): void {
    const parsed = parseFactFile(file, text);
    this.latestProblems.set(file, parsed.problems);
    if (parsed.data) this.lastGood.set(file, parsed);
  }

  private rebuild(): void {
    const files = [...this.lastGood.values()].sort((a, b) => a.file.localeCompare(b.file));
    const { base, problems } = buildFactBase(files);
    this.current = base;
    this.buildProblems = problems;
    this.version++;
  }
}
