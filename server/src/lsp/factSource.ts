// Which fact files the server uses, kept current: the --facts paths, else each workspace
// folder's `factcheck.facts` globs (default **/*.facts.yaml), else the shipped facts.
// Open (unsaved) fact files win over disk. In an untrusted workspace only the shipped facts
// are read, as package.json's `untrustedWorkspaces` promises.
import { statSync } from "node:fs";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import { globSync, isDynamicPattern } from "tinyglobby";
import { URI } from "vscode-uri";
import { findFactFiles, isFactFile, readFactFile, shippedFactsDir } from "../facts/discover";
import { FactStore, runSteps } from "../facts/store";
import { Checker } from "../engine/checker";
import { DEFAULT_FACT_GLOBS } from "./settings";
import { ProtocolTurns } from "./turns";

export type FactMode = "explicit" | "workspace" | "shipped";

const IGNORE = ["**/node_modules/**", "**/.git/**", "**/out/**", "**/dist/**"];
/** How long the steps of a fact-base change run before the event loop gets its turn. */
const CHANGE_SLICE_MS = 8;

export class FactSource {
  readonly store = new FactStore();
  private checker?: Checker;
  private checkerGeneration = -1;
  private openFiles = new Set<string>();
  /** A fingerprint of the text last given for each fact file (from disk or the editor). */
  private given = new Map<string, string>();
  private globs = new Map<string, string[]>();
  private inForce = new Set<string>();
  mode: FactMode = "shipped";
  trusted = true;

  constructor(
    private explicitPaths: string[],
    private workspaceFolders: () => string[],
  ) {}

  /** A workspace folder's `factcheck.facts`; returns whether it changed. */
  setGlobs(folder: string, globs: string[]): boolean {
    const old = this.globs.get(folder) ?? DEFAULT_FACT_GLOBS;
    this.globs.set(folder, globs);
    return old.join("\n") !== globs.join("\n");
  }

  globsOf(folder: string): string[] {
    return this.globs.get(folder) ?? DEFAULT_FACT_GLOBS;
  }

  /** Finds the fact files and loads them from disk (open ones keep their editor text). */
  scan(): string[] {
    return runSteps(this.scanSteps());
  }

  /** `scan` in steps: the files found in one, each read in one, each parsed in one, the base linked in one. */
  *scanSteps(): Generator<void, string[]> {
    let files: string[] = [];
    if (!this.trusted) {
      this.mode = "shipped";
      files = findFactFiles([shippedFactsDir()]).files;
    } else if (this.explicitPaths.length) {
      this.mode = "explicit";
      files = findFactFiles(this.explicitPaths).files;
    } else {
      files = [...new Set(this.workspaceFolders().flatMap((f) => expandFactGlobs(f, this.globsOf(f))))].sort();
      this.mode = files.length ? "workspace" : "shipped";
      if (!files.length) files = findFactFiles([shippedFactsDir()]).files;
    }
    const open = [...this.openFiles].filter((f) => this.wouldGovern(f, files));
    this.openFiles = new Set(open);
    this.inForce = new Set([...files, ...open]);
    this.store.retain(this.inForce);
    const texts: { file: string; text: string }[] = [];
    yield;
    for (const f of files.filter((x) => !this.openFiles.has(x))) {
      const text = readFactFile(f);
      if (typeof text === "string") {
        texts.push({ file: f, text });
        this.given.set(f, fingerprint(text));
      } else {
        this.store.unreadable(f, text.error);
        this.given.delete(f);
      }
      yield;
    }
    yield* this.store.updateSteps(texts);
    return files;
  }

  // ---- changes to the fact base, one at a time, in slices

  /** Turns of the event loop left to the protocol before the next slice of a change. */
  readonly protocol = new ProtocolTurns();
  private changes: { steps: () => Generator<void, unknown>; done: () => void }[] = [];
  private changing = false;
  private loaded = false;
  private readyWaiters: (() => void)[] = [];

  /** Whether a fact base has been loaded (until then, nothing is checked: an empty base would flag nothing). */
  get ready(): boolean {
    return this.loaded;
  }

  /** Resolves once a fact base has been loaded. */
  whenReady(): Promise<void> {
    return this.loaded ? Promise.resolve() : new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  /**
   * Changes the fact base with a stepped operation (a scan, a file's new text…), after any
   * change already under way. Its steps run a slice of time at a time, between which the
   * editor is answered and drafts are checked against the base still in force; the checker for
   * the new base is built in a step of its own at the end. Resolves when the new base is in force.
   */
  change(steps: () => Generator<void, unknown>): Promise<void> {
    return new Promise((resolve) => {
      this.changes.push({ steps, done: resolve });
      if (!this.changing) {
        this.changing = true;
        setImmediate(() => this.runChanges());
      }
    });
  }

  private runChanges(): void {
    const next = this.changes.shift();
    if (!next) {
      this.changing = false;
      return;
    }
    const steps = (function* (source: FactSource) {
      yield* next.steps();
      yield;
      // The new checker's indexes, in steps of their own.
      if (source.checkerGeneration !== source.store.generation) {
        const generation = source.store.generation;
        const checker = yield* Checker.create(source.store.base);
        if (source.store.generation === generation) {
          source.checker = checker;
          source.checkerGeneration = generation;
        }
      }
    })(this);
    const slice = (): void => {
      if (this.protocol.waitTurn()) {
        setImmediate(slice);
        return;
      }
      const deadline = Date.now() + CHANGE_SLICE_MS;
      for (;;) {
        let r: IteratorResult<unknown, unknown>;
        try {
          r = steps.next();
        } catch (e) {
          // A change that fails leaves the base in force as it was; the next one still runs.
          process.stderr.write(`factcheck: updating the facts failed: ${(e as Error).stack ?? e}\n`);
          r = { done: true, value: undefined };
        }
        if (r.done) {
          this.loaded = true;
          for (const w of this.readyWaiters.splice(0)) w();
          next.done();
          setImmediate(() => this.runChanges());
          return;
        }
        if (Date.now() >= deadline) break;
      }
      setImmediate(slice);
    };
    slice();
  }

  /** Whether a document is a fact file this server takes facts from (or would, once saved). */
  governs(uri: string): boolean {
    const path = pathOf(uri);
    return !!path && (this.inForce.has(path) || this.wouldGovern(path, [...this.inForce]));
  }

  private wouldGovern(path: string, files: string[]): boolean {
    if (files.includes(path)) return true;
    if (!isFactFile(path)) return false;
    if (!this.trusted) return path.startsWith(shippedFactsDir() + sep);
    if (this.explicitPaths.length) return this.explicitPaths.some((p) => within(resolve(p), path));
    const folders = this.workspaceFolders();
    if (!folders.length) return true;
    // A new *.facts.yaml in a folder that uses the default globs counts before it is saved.
    return folders.some((f) => within(f, path) && this.globsOf(f).join("\n") === DEFAULT_FACT_GLOBS.join("\n"));
  }

  /** An editor's text for a fact file, saved or not. */
  setOpenText(uri: string, text: string): void {
    runSteps(this.setOpenTextSteps(uri, text));
  }

  /** `setOpenText` in steps; an editor's text that is the one already given (a file just opened) changes nothing. */
  *setOpenTextSteps(uri: string, text: string): Generator<void, void> {
    const path = pathOf(uri)!;
    const print = fingerprint(text);
    if (this.given.get(path) === print && this.inForce.has(path)) {
      this.openFiles.add(path);
      return;
    }
    this.given.set(path, print);
    if (this.mode === "shipped" && this.trusted && !path.startsWith(shippedFactsDir() + sep)) {
      // The workspace now has a fact file of its own: use the workspace's facts from now on.
      yield* this.scanSteps();
    }
    this.openFiles.add(path);
    this.inForce.add(path);
    yield* this.store.updateSteps([{ file: path, text }]);
  }

  /** The editor closed a fact file: its text on disk is what counts again. */
  closed(uri: string): void {
    const path = pathOf(uri);
    if (!path) return;
    this.openFiles.delete(path);
    this.reloadFromDisk(path);
  }

  isOpen(path: string): boolean {
    return this.openFiles.has(path);
  }

  /** A fact file changed, appeared or disappeared on disk. */
  reloadFromDisk(path: string): void {
    if (this.openFiles.has(path)) return;
    const text = readFactFile(path);
    this.given.delete(path);
    if (typeof text === "string") {
      this.store.update(path, text);
      this.given.set(path, fingerprint(text));
    }
    else if (/ENOENT/.test(text.error)) {
      this.store.remove(path);
      this.inForce.delete(path);
    } else this.store.unreadable(path, text.error);
  }

  /** Fact files a writer may add to: in force, and not the shipped fallback. */
  writableFiles(): string[] {
    return this.store.files().filter((f) => this.mode !== "shipped" || !f.startsWith(shippedFactsDir() + sep));
  }

  /** A document closed: the checker lets go of what it kept for it (a checker not built yet has nothing). */
  release(uri: string): void {
    this.checker?.release(uri);
  }

  /**
   * The generation of the facts drafts are checked with: while a change is under way, that of
   * the checker still in force (the new base's checker is being built in steps).
   */
  get generation(): number {
    return this.checker && this.changing ? this.checkerGeneration : this.store.generation;
  }

  /**
   * The checker for the facts in force, rebuilt only when they change: in steps at the end of a
   * change (see `change`), at once after a change made otherwise (`scan`, `setOpenText`).
   */
  get current(): Checker {
    if (!this.checker || (!this.changing && this.checkerGeneration !== this.store.generation)) {
      // The old checker's indexes go first: with a large base, two at once would double the peak.
      this.checker = undefined;
      this.checker = new Checker(this.store.base);
      this.checkerGeneration = this.store.generation;
    }
    return this.checker;
  }
}

/** The fact files one workspace folder's globs (or plain paths, files or folders) name. */
export function expandFactGlobs(folder: string, globs: string[]): string[] {
  const found = new Set<string>();
  for (const g of globs) {
    if (isDynamicPattern(g)) {
      try {
        for (const f of globSync(g, { cwd: folder, absolute: true, ignore: IGNORE, onlyFiles: true })) found.add(resolve(f));
      } catch {
        /* a malformed glob names nothing */
      }
      continue;
    }
    const abs = isAbsolute(g) ? g : join(folder, g);
    try {
      if (statSync(abs).isDirectory()) for (const f of findFactFiles([abs]).files) found.add(f);
      else found.add(resolve(abs));
    } catch {
      /* a path that does not exist (yet) names nothing */
    }
  }
  return [...found];
}

function within(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return !!rel && !rel.startsWith("..") && !isAbsolute(rel);
}

export function pathOf(uri: string): string | undefined {
  try {
    const u = URI.parse(uri);
    if (u.scheme === "file") return u.fsPath;
    // An unsaved fact file with a path ("Draft Facts from Articles…" opens one): its facts count at once.
    if (u.scheme === "untitled" && u.path.startsWith("/") && /\.facts\.ya?ml$/i.test(u.path)) return URI.file(u.path).fsPath;
    return undefined;
  } catch {
    return undefined;
  }
}

/** Length and two 32-bit hashes of a text: the same file text given again is recognised without keeping the text. */
function fingerprint(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x1b873593;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 + c, 0x5bd1e995) ^ (h2 >>> 15);
  }
  return `${text.length}:${(h1 >>> 0).toString(36)}:${(h2 >>> 0).toString(36)}`;
}
