// Finds fact files on disk: a path may name a file or a folder (searched for *.facts.yaml).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { FactStore } from "./store";
import { MAX_FACT_FILE_BYTES } from "./parse";

export const FACT_FILE_SUFFIX = ".facts.yaml";
const SKIP_DIRS = new Set(["node_modules", ".git", "out", "dist"]);

export function isFactFile(path: string): boolean {
  return path.endsWith(FACT_FILE_SUFFIX) || path.endsWith(".facts.yml");
}

/** Expands files and folders to the fact files they hold, sorted, without duplicates. */
export function findFactFiles(paths: string[]): { files: string[]; missing: string[] } {
  const files = new Set<string>();
  const missing: string[] = [];
  for (const p of paths) {
    const abs = resolve(p);
    let stat;
    try {
      stat = statSync(abs);
    } catch {
      missing.push(p);
      continue;
    }
    if (stat.isDirectory()) walk(abs, files, 0);
    else files.add(abs);
  }
  return { files: [...files].sort(), missing };
}

function walk(dir: string, out: Set<string>, depth: number): void {
  if (depth > 12) return;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name) && !e.name.startsWith(".")) walk(join(dir, e.name), out, depth + 1);
    } else if ((e.isFile() || e.isSymbolicLink()) && isFactFile(e.name)) {
      // A linked fact file counts (a broken link is then reported as unreadable); linked folders are not followed.
      out.add(join(dir, e.name));
    }
  }
}

/** Reads fact files from disk into a store; unreadable files are reported in the store. */
export function loadFactFiles(store: FactStore, files: string[]): void {
  const texts: { file: string; text: string }[] = [];
  for (const file of files) {
    const text = readFactFile(file);
    if (typeof text === "string") texts.push({ file, text });
    else store.unreadable(file, text.error);
  }
  store.updateMany(texts);
}

export function readFactFile(file: string): string | { error: string } {
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) return { error: `${file} is a directory, not a fact file.` };
    // A named pipe or a device would block the read forever.
    if (!stat.isFile()) return { error: `${file} is not a regular file (a pipe, socket or device), so it is not read as a fact file.` };
    if (stat.size > MAX_FACT_FILE_BYTES)
      return { error: `Fact file is ${Math.round(stat.size / 1048576)} MB; the limit is ${MAX_FACT_FILE_BYTES / 1048576} MB.` };
    return readFileSync(file, "utf8");
  } catch (e) {
    return { error: `Cannot read fact file: ${(e as Error).message}` };
  }
}

/** The facts shipped with the extension: the facts/ folder at the package root. */
export function shippedFactsDir(): string {
  // From out/server/facts/ (compiled) or dist/ (bundled), walk up to the folder holding facts/schema.json.
  let dir = __dirname;
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, "facts");
    try {
      if (statSync(join(candidate, "schema.json")).isFile()) return candidate;
    } catch {
      /* keep looking */
    }
    dir = resolve(dir, "..");
  }
  return resolve(__dirname, "..", "..", "..", "facts");
}
