// Loads a fact base from paths for one-shot use (CLI, tests, benchmarks).
import { FactProblem } from "../facts/parse";
import { findFactFiles, loadFactFiles, shippedFactsDir } from "../facts/discover";
import { FactStore } from "../facts/store";
import { FactBase } from "../facts/model";

export interface LoadedFacts {
  base: FactBase;
  problems: FactProblem[];
  files: string[];
  missing: string[];
}

/** Loads the fact files named by paths (files or folders); the shipped facts when none are given. */
export function loadFacts(paths: string[]): LoadedFacts {
  const { files, missing } = findFactFiles(paths.length ? paths : [shippedFactsDir()]);
  const store = new FactStore();
  loadFactFiles(store, files);
  return { base: store.base, problems: store.allProblems(), files, missing };
}
