// Runs the real command line (`node bin/factcheck.js …`) as a child process, as a user or CI would.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { ROOT } from "./paths";

export const CLI = join(ROOT, "bin", "factcheck.js");

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Standard input (default: none, as in CI). */
  input?: string | Buffer;
  /** Added to the environment; a variable set to undefined is removed. */
  env?: Record<string, string | undefined>;
}

/** Runs the CLI in cwd; a hang shows as a null status (killed), never as a stuck test. */
export function runCli(args: string[], cwd: string, options: RunOptions = {}): CliResult {
  // Colour only when a test asks for it, whatever the shell running the tests has set.
  const env: Record<string, string | undefined> = { ...process.env, FORCE_COLOR: undefined, NO_COLOR: undefined, ...options.env };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete env[k];
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: "utf8",
    timeout: 30_000,
    killSignal: "SIGKILL",
    input: options.input ?? "",
    env,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh folder with no fact files of its own (so the CLI uses the shipped facts). */
export function tempFolder(prefix: string): string {
  return realpathSync(mkdtempSync(join(tmpdir(), prefix)));
}

/** Writes a file below dir, making its folders; returns its path. */
export function writeIn(dir: string, name: string, text: string | Buffer): string {
  const path = join(dir, name);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  return path;
}
