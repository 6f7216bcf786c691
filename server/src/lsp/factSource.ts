// Which fact files the server uses and keeps them current: the --facts paths, else the
// workspace's **/*.facts.yaml, else the shipped facts. Open (unsaved) fact files win over disk.
import { URI } from "vscode-uri";
import { findFactFiles, isFactFile, readFactFile, shippedFactsDir } from "../facts/discover";
import { FactStore } from "../facts/store";
import { Checker } from "../engine/checker";

export type FactMode = "explicit" | "workspace" | "shipped";

export class FactSource {
  readonly store = new FactStore();
  private checker?: Checker;
  private checkerGeneration = -1;
  private openFiles = new Set<string>();
  mode: FactMode = "shipped";

  constructor(
    private explicitPaths: string[],
    private workspaceFolders: () => string[],
  ) {}

  /** Finds the fact files and loads them from disk (open ones keep their editor text). */
  scan(): string[] {
    let files: string[] = [];
    if (this.explicitPaths.length) {
      this.mode = "explicit";
      files = findFactFiles(this.explicitPaths).files;
    } else {
      const folders = this.workspaceFolders();
      files = folders.length ? findFactFiles(folders).files : [];
      this.mode = files.length ? "workspace" : "shipped";
      if (!files.length) files = findFactFiles([shippedFactsDir()]).files;
    }
    this.store.retain(new Set([...files, ...this.openFiles]));
    const toRead = files.filter((f) => !this.openFiles.has(f));
    const texts: { file: string; text: string }[] = [];
    for (const f of toRead) {
      const text = readFactFile(f);
      if (typeof text === "string") texts.push({ file: f, text });
      else this.store.unreadable(f, text.error);
    }
    this.store.updateMany(texts);
    return files;
  }

  /** Whether a document is a fact file this server should take facts from. */
  governs(uri: string): boolean {
    const path = pathOf(uri);
    if (!path || !isFactFile(path)) return false;
    if (this.mode === "explicit") return this.store.files().includes(path) || findFactFiles(this.explicitPaths).files.includes(path);
    return true;
  }

  /** An editor's text for a fact file, saved or not. */
  setOpenText(uri: string, text: string): void {
    const path = pathOf(uri)!;
    this.openFiles.add(path);
    if (this.mode === "shipped" && !path.startsWith(shippedFactsDir())) {
      // The workspace now has a fact file of its own: use the workspace's facts from now on.
      this.openFiles.delete(path);
      this.scan();
      this.openFiles.add(path);
    }
    this.store.update(path, text);
  }

  /** The editor closed a fact file: its text on disk is what counts again. */
  closed(uri: string): void {
    const path = pathOf(uri);
    if (!path) return;
    this.openFiles.delete(path);
    this.reloadFromDisk(path);
  }

  /** A fact file changed, appeared or disappeared on disk. */
  reloadFromDisk(path: string): void {
    if (this.openFiles.has(path)) return;
    const text = readFactFile(path);
    if (typeof text === "string") this.store.update(path, text);
    else if (/ENOENT/.test(text.error)) this.store.remove(path);
    else this.store.unreadable(path, text.error);
  }

  /** The checker for the facts in force, rebuilt only when they change. */
  get current(): Checker {
    if (!this.checker || this.checkerGeneration !== this.store.generation) {
      this.checker = new Checker(this.store.base);
      this.checkerGeneration = this.store.generation;
    }
    return this.checker;
  }
}

export function pathOf(uri: string): string | undefined {
  try {
    const u = URI.parse(uri);
    return u.scheme === "file" ? u.fsPath : undefined;
  } catch {
    return undefined;
  }
}
