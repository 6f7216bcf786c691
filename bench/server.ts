// Drives the real language server (bin/factcheck-ls.js --stdio) from this process, as an
// editor does, and times what a writer waits for: the first diagnostics of an opened
// draft, and the answer to each character typed in the middle of it.
import { performance } from "node:perf_hooks";
import { LspClient, startCheckingServer } from "../test/support/lspClient";
import { memoryOf, Summary, summarize } from "./stats";

export interface DraftFigures {
  label: string;
  bytes: number;
  diagnostics: number;
  open: Summary;
  edit: Summary;
  rssMb: number;
  peakMb: number;
}

export interface ServerFactFigures {
  /** Spawn to the first diagnostics of a one-line draft: start-up plus loading the facts. */
  readyMs: number;
  rssMb: number;
}

const WAIT_MS = 300_000;

/** A server that checks at once (debounceMs 0, read through workspace/configuration). */
export const startBenchServer = startCheckingServer;

/** Opens a draft and resolves with the milliseconds until its first diagnostics arrive. */
async function timeOpen(client: LspClient, uri: string, text: string): Promise<{ ms: number; count: number }> {
  const t0 = performance.now();
  client.open(uri, text, "markdown");
  const diagnostics = await client.diagnosticsFor(uri, (p) => p.version === 1, WAIT_MS);
  return { ms: performance.now() - t0, count: diagnostics.length };
}

/** Where the middle of a text is, as an LSP position. */
function middleOf(text: string): { line: number; character: number } {
  let mid = Math.floor(text.length / 2);
  // Type inside a word, as a writer correcting a sentence does.
  while (mid < text.length && !/\w/.test(text[mid])) mid++;
  const before = text.slice(0, mid);
  const line = before.split("\n").length - 1;
  return { line, character: mid - (before.lastIndexOf("\n") + 1) };
}

/**
 * Opens each draft (all of one size) in one server, then types `edits` characters one by
 * one into the middle of the first, waiting each time for the diagnostics of that version.
 */
export async function benchDrafts(label: string, texts: string[], factPaths: string[], edits: number, warmup: string): Promise<DraftFigures> {
  const { client, errors } = await startBenchServer(factPaths);
  try {
    await timeOpen(client, "file:///bench/warmup.md", warmup);
    const opens: number[] = [];
    let diagnostics = 0;
    let memory = { rssMb: NaN, peakMb: NaN };
    // The first draft stays open; its memory is read before any other draft was seen.
    for (let i = 0; i < texts.length; i++) {
      const uri = `file:///bench/${label}-${i}.md`;
      const r = await timeOpen(client, uri, texts[i]);
      opens.push(r.ms);
      if (i > 0) client.close(uri);
      else {
        diagnostics = r.count;
        memory = memoryOf(client.child.pid!);
      }
    }
    const uri = `file:///bench/${label}-0.md`;
    const at = middleOf(texts[0]);
    const typed: number[] = [];
    const word = "reportedly ";
    for (let k = 0; k < edits; k++) {
      const pos = { line: at.line, character: at.character + k };
      const t0 = performance.now();
      const version = client.edit(uri, { start: pos, end: pos }, word[k % word.length]);
      await client.diagnosticsFor(uri, (p) => p.version === version, WAIT_MS);
      typed.push(performance.now() - t0);
    }
    if (errors.length) throw new Error(`the server reported errors: ${errors.join("; ")}`);
    return { label, bytes: Buffer.byteLength(texts[0]), diagnostics, open: summarize(opens), edit: summarize(typed), ...memory };
  } finally {
    await client.shutdown();
  }
}

/** Start-up with a fact base: spawn to the first diagnostics, and the memory then. */
export async function benchServerFacts(factPaths: string[]): Promise<ServerFactFigures> {
  const t0 = performance.now();
  const { client } = await startBenchServer(factPaths);
  try {
    client.open("file:///bench/ready.md", "The raid killed 13 people.\n", "markdown");
    await client.diagnosticsFor("file:///bench/ready.md", (p) => p.version === 1, WAIT_MS);
    const readyMs = performance.now() - t0;
    return { readyMs, rssMb: memoryOf(client.child.pid!).rssMb };
  } finally {
    await client.shutdown();
  }
}
