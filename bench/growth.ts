// How the server's work grows with a draft, over LSP: first diagnostics against document
// size, sentence length and paragraph length, each with the exponent of a log-log fit (1 is
// linear); the hostile drafts of the fuzz tests, each timed and the server checked alive;
// and how the server answers while it checks a long draft (a hover on another document, an
// edit to a small draft).
import { performance } from "node:perf_hooks";
import { Hover } from "vscode-languageserver-protocol";
import { HOSTILE_DRAFTS, longSentence } from "../test/fuzz/drafts";
import { Random } from "../test/fuzz/random";
import { LspClient, startCheckingServer } from "../test/support/lspClient";
import { memoryOf, Summary, summarize } from "./stats";

const WAIT_MS = 600_000;
/** Growth is measured on whole checks: no budget stops them. */
const NO_BUDGET = { checkBudgetMs: 3_600_000 };

export interface GrowthPoint {
  bytes: number;
  medianMs: number;
  diagnostics: number;
}

export interface GrowthFigures {
  label: string;
  points: GrowthPoint[];
  /** Slope of log(time) against log(size), least squares. */
  exponent: number;
  /** The same over the three largest sizes only, where fixed costs weigh least. */
  upperExponent: number;
}

export interface HostileFigures {
  name: string;
  bytes: number;
  ms: number;
  msPerMb: number;
  diagnostics: number;
  /** The check was stopped as too long (the note was published). */
  stopped: boolean;
  alive: boolean;
}

export interface ResponsivenessFigures {
  longBytes: number;
  /** The same hovers with no check running: what the machine and the protocol cost by themselves. */
  idleHover: Summary;
  /** A hover on another document, sent while the long draft was being checked. */
  hover: Summary;
  /** How many of the hovers were answered before the long draft's diagnostics came. */
  hoversDuringCheck: number;
  /** An edit to a small draft, sent while the long draft was being checked: to its diagnostics. */
  editMs: number;
  editDuringCheck: boolean;
  /** The long draft's first diagnostics, with all that going on. */
  longMs: number;
}

/** Least-squares slope of log y against log x. */
export function fitExponent(points: { x: number; y: number }[]): number {
  const xs = points.map((p) => Math.log(p.x));
  const ys = points.map((p) => Math.log(Math.max(p.y, 1e-3)));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < xs.length; i++) {
    num += (xs[i] - mx) * (ys[i] - my);
    den += (xs[i] - mx) ** 2;
  }
  return den ? num / den : NaN;
}

/** Opens a text, waits for its first diagnostics, closes it (its readings go: the next open reads afresh). */
async function openTimed(client: LspClient, uri: string, text: string): Promise<{ ms: number; count: number; stopped: boolean }> {
  const t0 = performance.now();
  client.open(uri, text, "markdown");
  const diagnostics = await client.diagnosticsFor(uri, (p) => p.version === 1, WAIT_MS);
  const ms = performance.now() - t0;
  client.close(uri);
  await client.diagnosticsFor(uri, (p) => p.version === undefined && p.diagnostics.length === 0, WAIT_MS);
  return { ms, count: diagnostics.length, stopped: diagnostics.some((d) => d.code === "too-long") };
}

let serial = 0;

/** First diagnostics of drafts made by `make` at each size (median of `runs`), in one server warmed on a small draft. */
export async function benchGrowth(label: string, make: (bytes: number) => string, sizes: number[], runs: number, factPaths: string[], warmup: string): Promise<GrowthFigures> {
  const { client, errors } = await startCheckingServer(factPaths, NO_BUDGET);
  try {
    await openTimed(client, `file:///bench/growth-warmup-${serial++}.md`, warmup);
    const points: GrowthPoint[] = [];
    for (const bytes of sizes) {
      const text = make(bytes);
      const times: number[] = [];
      let diagnostics = 0;
      for (let r = 0; r < runs; r++) {
        const t = await openTimed(client, `file:///bench/growth-${label}-${bytes}-${serial++}.md`, text);
        times.push(t.ms);
        diagnostics = t.count;
      }
      points.push({ bytes: Buffer.byteLength(text), medianMs: summarize(times).median, diagnostics });
    }
    if (errors.length) throw new Error(`the server reported errors: ${errors.join("; ")}`);
    const xy = points.map((p) => ({ x: p.bytes, y: p.medianMs }));
    return { label, points, exponent: fitExponent(xy), upperExponent: fitExponent(xy.slice(-3)) };
  } finally {
    await client.shutdown();
  }
}

/** Each hostile draft of the fuzz tests (seeded), opened in one server with the default budget: time, alive, and the memory left once all are closed. */
export async function benchHostile(factPaths: string[], warmup: string): Promise<{ drafts: HostileFigures[]; rssAfterCloseMb: number; peakMb: number; rssBeforeMb: number }> {
  const { client, errors } = await startCheckingServer(factPaths);
  try {
    await openTimed(client, "file:///bench/hostile-warmup.md", warmup);
    const rssBeforeMb = memoryOf(client.child.pid!).rssMb;
    const drafts: HostileFigures[] = [];
    for (const [name, make] of Object.entries(HOSTILE_DRAFTS)) {
      const text = make(new Random(20240601).fork(name));
      const t = await openTimed(client, `file:///bench/hostile-${serial++}.md`, text);
      const bytes = Buffer.byteLength(text);
      drafts.push({ name, bytes, ms: t.ms, msPerMb: t.ms / Math.max(bytes / 1e6, 1e-3), diagnostics: t.count, stopped: t.stopped, alive: client.child.exitCode === null });
    }
    // Everything closed: what the server still holds.
    await client.connection.sendRequest("textDocument/hover", { textDocument: { uri: "file:///bench/none.md" }, position: { line: 0, character: 0 } });
    const { rssMb, peakMb } = memoryOf(client.child.pid!);
    if (errors.length) throw new Error(`the server reported errors: ${errors.join("; ")}`);
    return { drafts, rssAfterCloseMb: rssMb, peakMb, rssBeforeMb };
  } finally {
    await client.shutdown();
  }
}

/**
 * 20 hovers on a small checked document with nothing else going on; then, while a long
 * single-sentence draft is being checked, 20 hovers on that document,
 * one every 15 ms, each timed to its answer; then an edit to a small draft, timed to its
 * diagnostics. Counts how many were answered before the long draft's diagnostics came.
 */
export async function benchResponsiveness(factPaths: string[], warmup: string, longBytes: number): Promise<ResponsivenessFigures> {
  const { client, errors } = await startCheckingServer(factPaths, NO_BUDGET);
  try {
    await openTimed(client, "file:///bench/resp-warmup.md", warmup);
    const small = "file:///bench/resp-small.md";
    const smallText = "US special forces carried out a raid in Baghdad overnight, and at least 12 people were killed, the Syrian Observatory said.\n";
    client.open(small, smallText, "markdown");
    await client.diagnosticsFor(small, (p) => p.version === 1, WAIT_MS);
    const hoverSmall = (): Promise<Hover | null> =>
      client.connection.sendRequest("textDocument/hover", { textDocument: { uri: small }, position: { line: 0, character: 48 } }) as Promise<Hover | null>;
    const idle: number[] = [];
    for (let i = 0; i < 20; i++) {
      await new Promise((r) => setTimeout(r, 15));
      const sent = performance.now();
      await hoverSmall();
      idle.push(performance.now() - sent);
    }
    const long = "file:///bench/resp-long.md";
    const longText = longSentence(new Random(77), longBytes);
    let longDoneAt = Infinity;
    const t0 = performance.now();
    client.open(long, longText, "markdown");
    const longDone = client.diagnosticsFor(long, (p) => p.version === 1, WAIT_MS).then(() => (longDoneAt = performance.now()));
    const hovers: Promise<{ ms: number; at: number }>[] = [];
    for (let i = 0; i < 20; i++) {
      await new Promise((r) => setTimeout(r, 15));
      const sent = performance.now();
      hovers.push(
        hoverSmall().then(() => {
          const at = performance.now();
          return { ms: at - sent, at };
        }),
      );
    }
    const hoverTimes = await Promise.all(hovers);
    const sent = performance.now();
    const version = client.change(small, smallText.replace("Baghdad", "Atmeh"));
    await client.diagnosticsFor(small, (p) => p.version === version, WAIT_MS);
    const editAt = performance.now();
    await longDone;
    if (errors.length) throw new Error(`the server reported errors: ${errors.join("; ")}`);
    return {
      longBytes: Buffer.byteLength(longText),
      idleHover: summarize(idle),
      hover: summarize(hoverTimes.map((h) => h.ms)),
      hoversDuringCheck: hoverTimes.filter((h) => h.at < longDoneAt).length,
      editMs: editAt - sent,
      editDuringCheck: editAt < longDoneAt,
      longMs: longDoneAt - t0,
    };
  } finally {
    await client.shutdown();
  }
}
