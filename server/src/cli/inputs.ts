// Expands the CLI's inputs (files, folders of prose files, glob patterns, `-` for standard
// input) and reads them, saying where a draft's bytes are not UTF-8.
import { isUtf8 } from "node:buffer";
import { readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { globSync } from "tinyglobby";
import { LineMap, Position } from "../engine/positions";

const PROSE = "**/*.{md,markdown,mdx,txt}";
const IGNORE = ["**/node_modules/**", "**/.git/**", "**/out/**", "**/dist/**"];

/** The input `-`: a draft on standard input. */
export const STDIN = "-";

export interface InputError {
  code: string;
  message: string;
}

/**
 * Each input must give at least one file: a folder with no prose files and a glob that
 * matches nothing are errors, as a missing file is (a typo must not pass as "no conflicts").
 */
export function expandInputs(inputs: string[], cwd = process.cwd()): { files: string[]; stdin: boolean; errors: InputError[] } {
  const files = new Set<string>();
  const errors: InputError[] = [];
  const error = (code: string, message: string): void => {
    errors.push({ code, message });
  };
  let stdin = false;
  for (const input of inputs) {
    if (input === STDIN) {
      stdin = true;
      continue;
    }
    let stat;
    try {
      stat = statSync(resolve(cwd, input));
    } catch {
      stat = undefined;
    }
    if (stat?.isFile()) files.add(resolve(cwd, input));
    else if (stat?.isDirectory()) {
      const found = globSync(PROSE, { cwd: resolve(cwd, input), absolute: true, ignore: IGNORE });
      if (!found.length) error("no-prose-files", `no prose files (.md, .markdown, .mdx, .txt) in ${input}`);
      for (const f of found) files.add(resolve(f));
    } else if (/[*?[{]/.test(input)) {
      const matched = globSync(input, { cwd, absolute: true, ignore: IGNORE });
      if (!matched.length) error("no-match", `no file matches ${input}`);
      for (const f of matched) files.add(resolve(f));
    } else if (stat) error("not-a-file", `not a file or folder: ${input}`);
    else error("no-such-file", `no such file: ${input}`);
  }
  return { files: [...files].sort(), stdin, errors };
}

export interface Draft {
  text: string;
  /** Where the bytes first stop being UTF-8 (they were read with U+FFFD in their place). */
  badUtf8?: { byte: number; position: Position };
}

/** Decodes a draft's bytes, noting the first sequence that is not UTF-8. */
export function decodeDraft(bytes: Buffer): Draft {
  const text = bytes.toString("utf8");
  if (isUtf8(bytes)) return { text };
  const byte = firstBadUtf8(bytes);
  const before = bytes.subarray(0, byte).toString("utf8");
  return { text, badUtf8: { byte, position: new LineMap(before).position(before.length) } };
}

export function readDraft(path: string): Draft {
  return decodeDraft(readFileSync(path));
}

/** Standard input, whole. A non-blocking stdin (EAGAIN) is read again through /dev/stdin. */
export function readStdin(): Buffer {
  try {
    return readFileSync(0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EAGAIN") return readFileSync("/dev/stdin");
    throw e;
  }
}

/**
 * The offset of the first byte that does not begin a well-formed UTF-8 sequence (overlong
 * forms, surrogates and code points past U+10FFFF are ill-formed, as the Unicode standard
 * says), or -1 when all are well formed.
 */
export function firstBadUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    const more = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : 0;
    if (!more || i + more >= b.length) return i;
    // The second byte's range is narrower after E0, ED, F0 and F4.
    const lo = c === 0xe0 ? 0xa0 : c === 0xf0 ? 0x90 : 0x80;
    const hi = c === 0xed ? 0x9f : c === 0xf4 ? 0x8f : 0xbf;
    if (b[i + 1] < lo || b[i + 1] > hi) return i;
    for (let k = 2; k <= more; k++) if ((b[i + k] & 0xc0) !== 0x80) return i;
    i += more + 1;
  }
  return -1;
}
