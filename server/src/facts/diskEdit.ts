// Writes an edited fact file to disk when no editor can apply the edit (a client without
// `workspace/applyEdit`, a script): atomically (a temporary file in the same folder, then a
// rename) and only if the file is still what was read — otherwise nothing is written.
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { randomBytes } from "node:crypto";

/** A fact file as read: its text and the stamp that tells whether it changed since. */
export interface FileSnapshot {
  path: string;
  text: string;
  mtimeMs: number;
  size: number;
}

export type WriteResult = { ok: true } | { ok: false; reason: string };

export function readSnapshot(path: string): FileSnapshot | { error: string } {
  try {
    const stat = statSync(path);
    const text = readFileSync(path, "utf8");
    return { path, text, mtimeMs: stat.mtimeMs, size: stat.size };
  } catch (e) {
    return { error: `Cannot read ${path}: ${(e as Error).message}` };
  }
}

/** Replaces the file's text with `newText` unless it changed on disk since `snapshot` was taken. */
export function writeIfUnchanged(snapshot: FileSnapshot, newText: string): WriteResult {
  const changed = changedSince(snapshot);
  if (changed) return { ok: false, reason: changed };
  const tmp = join(dirname(snapshot.path), `.${basename(snapshot.path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    let mode: number | undefined;
    try {
      mode = statSync(snapshot.path).mode & 0o777;
    } catch {
      mode = undefined;
    }
    const fd = openSync(tmp, "wx", mode ?? 0o644);
    try {
      writeSync(fd, newText, null, "utf8");
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    // Checked again just before the rename: the window for a lost update is as small as it can be.
    const late = changedSince(snapshot);
    if (late) {
      unlinkSync(tmp);
      return { ok: false, reason: late };
    }
    renameSync(tmp, snapshot.path);
    return { ok: true };
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      /* never created */
    }
    return { ok: false, reason: `Could not write ${snapshot.path}: ${(e as Error).message}. The file was not changed.` };
  }
}

function changedSince(snapshot: FileSnapshot): string | undefined {
  let now: FileSnapshot | { error: string };
  try {
    now = readSnapshot(snapshot.path);
  } catch (e) {
    now = { error: (e as Error).message };
  }
  if ("error" in now) return `${snapshot.path} can no longer be read (${now.error}); nothing was written.`;
  if (now.text !== snapshot.text || now.size !== snapshot.size || now.mtimeMs !== snapshot.mtimeMs) {
    return `${basename(snapshot.path)} changed on disk since it was read; nothing was written. Reload it and try again.`;
  }
  return undefined;
}
