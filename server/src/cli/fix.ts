// `factcheck check --fix`: applies each finding's preferred fix to the file, never a fix that
// makes a new conflict, and never losing a writer's work: the new text goes to a temporary file
// beside it, then replaces it by rename, and only if the file still holds exactly what was checked.
import { closeSync, fchmodSync, fsyncSync, openSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { Finding, Fix } from "../engine/findings";

export interface AppliedFix {
  finding: Finding;
  fix: Fix;
}

export interface WithheldFix extends AppliedFix {
  /** Why --fix left it: said to the writer with the conflict that is left. */
  reason: string;
}

/**
 * The preferred fix of every finding, in text order. A finding with no preferred fix, or
 * with more than one (the engine has not chosen), gets none; a fix overlapping an earlier
 * one waits for the next run (the check after the fix still lists its conflict).
 */
export function preferredFixes(findings: Finding[]): { chosen: AppliedFix[]; withheld: WithheldFix[] } {
  const chosen: AppliedFix[] = [];
  const withheld: WithheldFix[] = [];
  let lastEnd = -1;
  for (const finding of [...findings].sort((a, b) => a.start - b.start)) {
    const preferred = finding.fixes.filter((x) => x.preferred);
    if (preferred.length > 1) {
      withheld.push({ finding, fix: preferred[0], reason: "more than one of its fixes is marked preferred" });
      continue;
    }
    const fix = preferred[0];
    if (!fix || fix.start < lastEnd) continue;
    chosen.push({ finding, fix });
    lastEnd = fix.end;
  }
  return { chosen, withheld };
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

export interface FixPlan {
  applied: AppliedFix[];
  withheld: WithheldFix[];
  /** The text with the applied fixes, and what a check of it finds. */
  text: string;
  findings: Finding[];
}

/** Why a fix was withheld: the first new conflict it would make, placed in the fixed text. */
function makesNewConflict(text: string, f: Finding): string {
  const line = text.slice(0, f.start).split("\n").length;
  return `it would make a new conflict: line ${line} [${f.code}] "${text.slice(f.start, f.end)}"`;
}

/**
 * Chooses the fixes to write: the preferred ones, as long as the text they make has no
 * conflict that the draft did not have (a fix must never write a new error). When all of
 * them together make one, each is kept only if the text with it and those kept before it
 * still makes none.
 */
export function planFixes(text: string, findings: Finding[], check: (text: string) => Finding[]): FixPlan {
  const { chosen, withheld } = preferredFixes(findings);
  const attempt = (fixes: AppliedFix[]): { text: string; findings: Finding[]; fresh?: Finding } => {
    const fixed = applyFixes(text, fixes);
    const after = check(fixed);
    return { text: fixed, findings: after, fresh: after.find((f) => isNew(f, findings, fixes)) };
  };
  if (!chosen.length) return { applied: [], withheld, text, findings };
  const all = attempt(chosen);
  if (!all.fresh) return { applied: chosen, withheld, text: all.text, findings: all.findings };
  const kept: AppliedFix[] = [];
  let state = { text, findings };
  for (const c of chosen) {
    const trial = attempt([...kept, c]);
    if (trial.fresh) withheld.push({ ...c, reason: makesNewConflict(trial.text, trial.fresh) });
    else {
      kept.push(c);
      state = trial;
    }
  }
  withheld.sort((a, b) => a.finding.start - b.finding.start);
  return { applied: kept, withheld, text: state.text, findings: state.findings };
}

/**
 * Whether a finding in the fixed text is new: it touches replaced text, or, mapped back to the
 * draft, it is not a finding of the draft (same code, same span).
 */
function isNew(f: Finding, before: Finding[], fixes: AppliedFix[]): boolean {
  let delta = 0; // how far the fixed text has moved at f.start
  for (const { fix } of [...fixes].sort((a, b) => a.fix.start - b.fix.start)) {
    const start = fix.start + delta;
    const end = start + fix.newText.length;
    const touches = start === end ? f.start <= start && start <= f.end : f.start < end && start < f.end;
    if (touches) return true;
    if (end > f.start) break;
    delta += fix.newText.length - (fix.end - fix.start);
  }
  return !before.some((b) => b.code === f.code && b.start === f.start - delta && b.end === f.end - delta);
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
