// Run in a process of its own (so its memory is the fact base's alone):
//   node --expose-gc out/bench/loadFacts.js DIR ENTITIES
// Loads a fact base with the engine's own loader, builds the checker on it, times lookups
// in the name index, and prints one JSON line of figures.
import { performance } from "node:perf_hooks";
import { Checker } from "../server/src/engine/checker";
import { loadFacts } from "../server/src/engine/factBase";
import { NameIndex } from "../server/src/facts/nameIndex";
import { sampleNamePieces } from "./generate";
import { memoryOf, summarize } from "./stats";

export interface LoadFigures {
  entities: number;
  events: number;
  files: number;
  errors: number;
  warnings: number;
  firstError?: string;
  loadMs: number;
  checkerMs: number;
  rssMb: number;
  peakMb: number;
  heapMb: number;
  /** Microseconds per lookup, median over rounds. */
  lookupUs: { exact: number; containing: number; near: number };
}

function main(): void {
  const [dir, entitiesArg] = process.argv.slice(2);
  const gc = (globalThis as { gc?: () => void }).gc;
  const t0 = performance.now();
  const loaded = loadFacts([dir]);
  const loadMs = performance.now() - t0;
  const t1 = performance.now();
  const checker = new Checker(loaded.base);
  const checkerMs = performance.now() - t1;
  gc?.();
  const { rssMb, peakMb } = memoryOf(process.pid);
  const heapMb = process.memoryUsage().heapUsed / 1048576;

  const index = new NameIndex(loaded.base);
  const pieces = sampleNamePieces(20_000, Number(entitiesArg), 7);
  const perLookup = (fn: (p: string) => unknown): number => {
    const rounds: number[] = [];
    for (let r = 0; r < 7; r++) {
      const t = performance.now();
      for (const p of pieces) fn(p);
      rounds.push(((performance.now() - t) * 1000) / pieces.length);
    }
    return summarize(rounds).median;
  };
  const figures: LoadFigures = {
    entities: loaded.base.entities.size,
    events: loaded.base.events.size,
    files: loaded.files.length,
    errors: loaded.problems.filter((p) => p.severity === "error").length,
    warnings: loaded.problems.filter((p) => p.severity === "warning").length,
    firstError: loaded.problems.find((p) => p.severity === "error")?.message,
    loadMs,
    checkerMs,
    rssMb,
    peakMb,
    heapMb,
    lookupUs: {
      exact: perLookup((p) => index.startingWith(p)),
      containing: perLookup((p) => index.containing(p)),
      near: perLookup((p) => index.nearPieces(p)),
    },
  };
  // Keep the checker alive until memory was read.
  if (!checker.base) throw new Error("no checker");
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

main();
