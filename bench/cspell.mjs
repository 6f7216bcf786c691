// Times cspell (its own lint API, in one process, dictionaries loaded once) on the same drafts
// as the factcheck benchmark:  node bench/cspell.mjs RUNS FILE...
// Prints one JSON line: { version, startupMs, files: [{ file, issues, medianMs, samples }] }.
// Plain ESM because cspell is an ES module; the rest of the bench is TypeScript.
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { lint } from "cspell";

const [runsArg, ...files] = process.argv.slice(2);
const runs = Number(runsArg) || 5;
const version = JSON.parse(readFileSync(new URL("../node_modules/cspell/package.json", import.meta.url), "utf8")).version;

let issues = 0;
const reporter = {
  issue: () => void issues++,
  info: () => undefined,
  debug: () => undefined,
  error: (message, error) => console.error(message, error),
  progress: () => undefined,
  result: () => undefined,
};

async function check(file) {
  issues = 0;
  const t0 = performance.now();
  const result = await lint([file], { progress: false, summary: false, mustFindFiles: true, cache: false }, reporter);
  if (result.errors) throw new Error(`cspell could not check ${file}`);
  return performance.now() - t0;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// The first call loads cspell's settings and dictionaries: reported apart as start-up.
const startupMs = await check(files[0]);
const out = [];
for (const file of files) {
  const samples = [];
  for (let r = 0; r < runs; r++) samples.push(await check(file));
  out.push({ file, issues, medianMs: median(samples), samples });
}
process.stdout.write(`${JSON.stringify({ version, startupMs, files: out })}\n`);
