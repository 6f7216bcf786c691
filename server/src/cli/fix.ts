// `factcheck check --fix`: applies each finding's preferred fix to the file, never losing a
// writer's work: the new text goes to a temporary file beside it, then replaces it by rename,
// and only if the file still holds exactly what was checked.
import { closeSync, fchmodSync, fsyncSync, openSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { Finding, Fix } from "../engine/findings";

export interface AppliedFix {
  finding: Finding;
  fix: Fix;
}

/** The preferred fix of every finding, in text order, skipping any that overlaps an earlier one. */
export function preferredFixes(findings: Finding[]): AppliedFix[] {
  const chosen: AppliedFix[] = [];
  let lastEnd = -1;
  for (const finding of [...findings].sort((a, b) => a.start - b.start)) {
    const fix = finding.fixes.find((x) => x.preferred);
    if (!fix || fix.start < lastEnd) continue;
    chosen.push({ finding, fix });
    lastEnd = fix.end;
  }
  return chosen;
}

/** The text with the fixes applied (they must not overlap). */
export function applyFixes(text: string, fixes: AppliedFix[]): string {
  let out = "";
  let at = 0;
  for (const { fix } of [...fixes].sort((a, b) => a.fix.start - b.fix.start)) {
    out += text.slice(at, fix.start) + fix.newText;
    at = fix.end;
  }
  return out + text.slice(at);
}

/**
 * Replaces the file's text with newText if it still holds `expected`; returns an error
 * message instead of writing when it does not, when its bytes are not UTF-8 (a rewrite would
 * mangle them), or when the write fails. A symlink's target is rewritten, not the link.
 */
export function writeFixed(path: string, expected: string, newText: string): string | undefined {
  let tmp: string | undefined;
  try {
    const target = realpathSync(path);
    const bytes = readFileSync(target);
    if (bytes.toString("utf8") !== expected) return "it changed while it was being checked; not fixed";
    if (!Buffer.from(expected, "utf8").equals(bytes)) return "it is not valid UTF-8 text; not fixed";
    const mode = statSync(target).mode & 0o7777;
    const name = join(dirname(target), `.${basename(target)}.factcheck-${process.pid}.tmp`);
    const fd = openSync(name, "wx", mode);
    tmp = name;
    try {
      fchmodSync(fd, mode); // open's mode is filtered by the umask
      const data = Buffer.from(newText, "utf8");
      for (let at = 0; at < data.length; ) at += writeSync(fd, data, at);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, target);
    tmp = undefined;
    return undefined;
  } catch (e) {
    if (tmp) {
      try {
        unlinkSync(tmp);
      } catch {
        /* already gone */
      }
    }
    return `cannot write it: ${(e as Error).message}`;
  }
}
