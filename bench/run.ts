// `npm run bench` — how fast factcheck is at any size, and how it compares with cspell.
//   node out/bench/run.js [--quick] [--profile] [--no-cspell] [--summedits]
// --quick: the small sizes only (for CI); --profile: CPU profiles of the server while it
// answers edits, summarized; --no-cspell: skip the comparison.
// Data is generated from fixed seeds into bench/data/, results go to bench/results/.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { FACTS, ROOT } from "../test/support/paths";
import { generateDraft, generateFactBase } from "./generate";
import { LoadFigures } from "./loadFacts";
import { hotSpots } from "./profile";
import { benchDrafting } from "./draft";
import { benchDrafts, benchServerFacts, DraftFigures, ServerFactFigures } from "./server";
import { benchGrowth, benchHostile, benchResponsiveness, GrowthFigures } from "./growth";
import { longParagraph, longSentence } from "../test/fuzz/drafts";
import { Random } from "../test/fuzz/random";
import { mb, ms, summarize } from "./stats";

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const profile = args.includes("--profile");
const withCspell = !args.includes("--no-cspell");
const withSummEdits = args.includes("--summedits");

const DATA = join(ROOT, "bench", "data");
const RESULTS = join(ROOT, "bench", "results");
const PROFILES = join(RESULTS, "profiles");

interface DraftPlan {
  label: string;
  bytes: number;
  opens: number;
  edits: number;
}

const DRAFTS: DraftPlan[] = [
  { label: "10KB", bytes: 10_000, opens: 10, edits: 40 },
  { label: "100KB", bytes: 100_000, opens: 7, edits: 40 },
  { label: "1MB", bytes: 1_000_000, opens: 5, edits: 20 },
].slice(0, quick ? 2 : 3);

const BASES = [100, 10_000, 100_000].slice(0, quick ? 2 : 3);

const TARGETS = {
  edit100KbMedianMs: 20,
  open1MbMs: 300,
  load100kMs: 3000,
  load100kMb: 500,
  server1MbMb: 200,
  draft500WordsMs: 300,
  summeditsS: 90,
  growthExponent: 1.15,
  longSentence1MbMs: 2000,
  hostileMsPerMb: 2000,
  hoverDuringCheckP95Ms: 50,
  editDuringCheckMs: 300,
};

/** Sizes of the growth curves (bytes): document size 10 KB → 4 MB, sentence and paragraph length 10 KB → 1 MB. */
const GROWTH = {
  document: quick ? [10_000, 30_000, 100_000, 300_000] : [10_000, 40_000, 160_000, 640_000, 2_000_000, 4_000_000],
  sentence: quick ? [10_000, 30_000, 100_000] : [10_000, 30_000, 100_000, 300_000, 1_000_000],
  paragraph: quick ? [10_000, 30_000, 100_000] : [10_000, 30_000, 100_000, 300_000, 1_000_000],
};

interface CspellFigures {
  version: string;
  startupMs: number;
  files: { file: string; issues: number; medianMs: number }[];
}

const kb = (bytes: number): string => (bytes >= 1e6 ? `${(bytes / 1e6).toFixed(bytes >= 1e7 ? 0 : 1)} MB` : `${Math.round(bytes / 1e3)} KB`);

function log(line = ""): void {
  process.stdout.write(`${line}\n`);
}

function table(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]): string => `| ${cells.map((c, i) => c.padStart(widths[i])).join(" | ")} |`;
  log(line(header));
  log(`|${widths.map((w) => "-".repeat(w + 1) + ":").join("|")}|`);
  for (const r of rows) log(line(r));
}

function loadInChild(dir: string, entities: number): LoadFigures {
  const out = execFileSync(process.execPath, ["--expose-gc", join(__dirname, "loadFacts.js"), dir, String(entities)], {
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(out.trim().split("\n").pop()!) as LoadFigures;
}

/** Loads in a fresh process `runs` times: the median of each figure, and the worst load time and peak. */
function loadMedian(dir: string, entities: number, runs: number): LoadFigures & { runs: number; loadMsMax: number; peakMbMax: number } {
  const all = Array.from({ length: runs }, () => loadInChild(dir, entities));
  const median = (pick: (f: LoadFigures) => number): number => summarize(all.map(pick)).median;
  return {
    ...all[0],
    loadMs: median((f) => f.loadMs),
    checkerMs: median((f) => f.checkerMs),
    rssMb: median((f) => f.rssMb),
    peakMb: median((f) => f.peakMb),
    heapMb: median((f) => f.heapMb),
    runs,
    loadMsMax: Math.max(...all.map((f) => f.loadMs)),
    peakMbMax: Math.max(...all.map((f) => f.peakMb)),
  };
}

function runCspell(files: string[]): CspellFigures {
  const out = execFileSync(process.execPath, [join(ROOT, "bench", "cspell.mjs"), "5", ...files], {
    encoding: "utf8",
    cwd: DATA,
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(out.trim().split("\n").pop()!) as CspellFigures;
}

const STORIES = join(ROOT, "..", "shared", "eval", "stories");

/** The public stories of other genres, each with its fact base and its drafts' texts. */
function otherStories(): { name: string; facts: string; drafts: string[] }[] {
  if (!existsSync(STORIES)) return [];
  return readdirSync(STORIES)
    .filter((name) => existsSync(join(STORIES, name, "facts")))
    .sort()
    .map((name) => ({
      name,
      facts: join(STORIES, name, "facts"),
      drafts: readdirSync(join(STORIES, name))
        .filter((f) => /\.(md|txt)$/.test(f) && f !== "NOTES.md" && !f.startsWith("first-score"))
        .map((f) => readFileSync(join(STORIES, name, f), "utf8")),
    }));
}

/** A draft of about `bytes` made of a story's paragraphs, shuffled by the seed. */
function storyDraft(drafts: string[], bytes: number, seed: number): string {
  const rng = new Random(seed);
  const paragraphs = drafts.flatMap((d) => d.split(/\n\s*\n/)).map((p) => p.trim()).filter(Boolean);
  const out: string[] = [];
  let size = 0;
  while (size < bytes) {
    const p = rng.pick(paragraphs);
    out.push(p);
    size += p.length + 2;
  }
  return `${out.join("\n\n")}\n`;
}

async function main(): Promise<void> {
  const started = Date.now();
  mkdirSync(join(DATA, "drafts"), { recursive: true });
  mkdirSync(RESULTS, { recursive: true });
  // Other work on the machine skews every figure: the load average says how busy it was.
  log(`factcheck bench — Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, load average ${loadavg()[0].toFixed(1)}${quick ? " (quick)" : ""}`);

  // ---- data
  const drafts = new Map<string, string[]>();
  const draftFiles: string[] = [];
  for (const plan of DRAFTS) {
    const texts = Array.from({ length: plan.opens }, (_, k) => generateDraft(plan.bytes, 1000 + plan.bytes + k));
    drafts.set(plan.label, texts);
    const file = join(DATA, "drafts", `draft-${plan.label}.md`);
    writeFileSync(file, texts[0]);
    draftFiles.push(file);
  }
  const baseDirs = new Map<number, string>();
  for (const n of BASES) {
    const dir = join(DATA, `facts-${n}`);
    generateFactBase(dir, n, 42 + n);
    baseDirs.set(n, dir);
  }
  log(`generated ${DRAFTS.length} draft sizes and ${BASES.length} fact bases in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);

  // ---- fact bases: in-process load and lookups, then the server's start-up and memory
  const loads = new Map<number, ReturnType<typeof loadMedian>>();
  const serverFacts = new Map<number, ServerFactFigures>();
  for (const n of BASES) {
    const figures = loadMedian(baseDirs.get(n)!, n, quick ? 1 : n >= 100_000 ? 3 : 5);
    if (figures.errors) throw new Error(`generated fact base of ${n} has ${figures.errors} errors, first: ${figures.firstError}`);
    loads.set(n, figures);
    serverFacts.set(n, await benchServerFacts([baseDirs.get(n)!]));
  }
  log("Fact bases (engine loader in a fresh process each run, median of the runs (worst); server: spawn to first diagnostics)");
  table(
    ["entities", "events", "files", "runs", "load ms", "checker ms", "RSS MB", "peak MB", "heap MB", "server ready ms", "server RSS MB", "lookup µs exact/containing/near"],
    BASES.map((n) => {
      const l = loads.get(n)!;
      const s = serverFacts.get(n)!;
      return [String(l.entities), String(l.events), String(l.files), String(l.runs), `${ms(l.loadMs)} (${ms(l.loadMsMax)})`, ms(l.checkerMs), mb(l.rssMb), `${mb(l.peakMb)} (${mb(l.peakMbMax)})`, mb(l.heapMb), ms(s.readyMs), mb(s.rssMb),
        `${l.lookupUs.exact.toFixed(2)} / ${l.lookupUs.containing.toFixed(2)} / ${l.lookupUs.near.toFixed(2)}`];
    }),
  );
  log();

  // ---- drafts over LSP
  if (profile) {
    rmSync(PROFILES, { recursive: true, force: true });
    process.env.FACTCHECK_CPU_PROFILE_DIR = PROFILES;
    process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ""} --require ${join(__dirname, "cpuProfileHook.js")}`;
  }
  const warmup = generateDraft(5_000, 7);
  const results: DraftFigures[] = [];
  for (const plan of DRAFTS) results.push(await benchDrafts(plan.label, drafts.get(plan.label)!, [FACTS], plan.edits, warmup));
  // The same 100 KB draft with a generated fact base loaded as well: does typing slow with the facts' size?
  // (Few samples at 100k: each answer there takes seconds.)
  for (const n of BASES.filter((b) => b >= 10_000)) {
    const [opens, edits] = n >= 100_000 ? [1, 5] : [3, 20];
    results.push(await benchDrafts(`100KB+${n / 1000}k-facts`, drafts.get("100KB")!.slice(0, opens), [FACTS, baseDirs.get(n)!], edits, warmup));
  }
  // Stories of other kinds with their own fact bases (the public stories beside the project, when present):
  // a 100 KB draft made of each story's own drafts, paragraphs shuffled.
  for (const story of otherStories()) {
    const texts = Array.from({ length: quick ? 2 : 5 }, (_, k) => storyDraft(story.drafts, 100_000, 900 + k));
    results.push(await benchDrafts(`100KB ${story.name}`, texts, [story.facts], quick ? 10 : 40, warmup));
  }
  if (profile) {
    process.env.NODE_OPTIONS = (process.env.NODE_OPTIONS ?? "").replace(/ --require \S+cpuProfileHook\.js$/, "");
    delete process.env.FACTCHECK_CPU_PROFILE_DIR;
  }

  const cspell = withCspell ? runCspell(draftFiles) : undefined;
  const cspellMs = (label: string): number => cspell?.files.find((f) => f.file.endsWith(`draft-${label}.md`))?.medianMs ?? NaN;

  log("Drafts (shipped facts unless noted; the real server over LSP stdio, debounceMs 0; ms from sending to publishDiagnostics)");
  table(
    ["draft", "diagnostics", "open median", "open p95", "edit median", "edit p95", "server RSS MB", "cspell check", "open ÷ cspell", "edit ÷ cspell"],
    results.map((r) => {
      const c = cspellMs(r.label);
      return [r.label, String(r.diagnostics), ms(r.open.median), ms(r.open.p95), ms(r.edit.median), ms(r.edit.p95), mb(r.rssMb), ms(c),
        Number.isFinite(c) ? `${(r.open.median / c).toFixed(2)}×` : "–", Number.isFinite(c) ? `${(r.edit.median / c).toFixed(2)}×` : "–"];
    }),
  );
  if (cspell) log(`cspell ${cspell.version}: lint API in one process, dictionaries loaded once (start-up ${ms(cspell.startupMs)} ms), median of 5 checks of the whole draft.`);
  log();

  // ---- drafting facts from articles
  const drafting = benchDrafting(withSummEdits);
  log("Drafting facts (`facts draft`: the pipeline in process, warm, median of 15; the command line, median of 5)");
  table(
    ["article", "words", "draft ms"],
    drafting.articles.map((a) => [a.file, String(a.words), ms(a.medianMs)]),
  );
  log(`per 500 words ${ms(drafting.per500WordsMs)} ms in process; one article through the command line ${ms(drafting.cliMs)} ms${drafting.summeditsS !== undefined ? `; SummEdits run ${drafting.summeditsS.toFixed(0)} s: ${drafting.summeditsLine}` : ""}`);
  // ---- growth: first diagnostics against document size, sentence length, paragraph length
  // Few wrong claims, so the 1,000-finding cap (which stops the comparisons early) does not flatter the curves.
  const runs = quick ? 3 : 3;
  const growth: GrowthFigures[] = [
    await benchGrowth("document", (b) => generateDraft(b, 500 + b, 0.02), GROWTH.document, runs, [FACTS], warmup),
    await benchGrowth("sentence", (b) => longSentence(new Random(600 + b), b, 0.02), GROWTH.sentence, runs, [FACTS], warmup),
    await benchGrowth("paragraph", (b) => longParagraph(new Random(700 + b), b), GROWTH.paragraph, runs, [FACTS], warmup),
  ];
  log(`Growth (the real server over LSP, first diagnostics, median of ${runs}, no check budget; exponent of a log-log least-squares fit, 1 = linear)`);
  table(
    ["grows", ...growth[0].points.map((_, i) => `size ${i + 1}`), "exponent", "largest 3"],
    growth.map((g) => [g.label, ...growth[0].points.map((_, i) => (g.points[i] ? `${kb(g.points[i].bytes)}: ${ms(g.points[i].medianMs)} ms` : "")), g.exponent.toFixed(2), g.upperExponent.toFixed(2)]),
  );
  log();

  // ---- hostile drafts, with the default check budget
  const hostile = await benchHostile([FACTS], warmup);
  log("Hostile drafts (the fuzz tests' drafts, one server, default 5 s budget; ms from didOpen to diagnostics)");
  table(
    ["draft", "size", "ms", "ms per MB", "diagnostics", "stopped (too long)", "server alive"],
    hostile.drafts.map((h) => [h.name, kb(h.bytes), ms(h.ms), ms(h.msPerMb), String(h.diagnostics), h.stopped ? "yes" : "no", h.alive ? "yes" : "NO"]),
  );
  log(`server RSS: ${mb(hostile.rssBeforeMb)} MB before, peak ${mb(hostile.peakMb)} MB, ${mb(hostile.rssAfterCloseMb)} MB after every hostile draft was closed`);
  log();

  // ---- answering while a long draft is checked
  const response = await benchResponsiveness([FACTS], warmup, 1_000_000);
  log(`While a ${kb(response.longBytes)} single-sentence draft is checked (its first diagnostics after ${ms(response.longMs)} ms):`);
  log(`  (with no check running, the same hover: median ${ms(response.idleHover.median)} ms, p95 ${ms(response.idleHover.p95)} ms)`);
  log(`  hover on another document: median ${ms(response.hover.median)} ms, p95 ${ms(response.hover.p95)} ms, max ${ms(response.hover.max)} ms (${response.hoversDuringCheck} of ${response.hover.n} answered during the check)`);
  log(`  an edit to a small draft checked and published in ${ms(response.editMs)} ms${response.editDuringCheck ? " (during the check)" : " (after the check ended)"}`);
  log();

  // ---- targets
  const byLabel = (l: string): DraftFigures | undefined => results.find((r) => r.label === l);
  const verdicts: string[] = [];
  const verdict = (ok: boolean | undefined, text: string): void => {
    if (ok === undefined) return;
    verdicts.push(`${ok ? "met   " : "MISSED"}  ${text}`);
  };
  const e100 = byLabel("100KB");
  verdict(e100 && e100.edit.median < TARGETS.edit100KbMedianMs, `one-character edit in a 100 KB draft, median ${ms(e100?.edit.median ?? NaN)} ms (target < ${TARGETS.edit100KbMedianMs} ms)`);
  for (const r of results.filter((x) => x.label.startsWith("100KB ") && !x.label.includes("facts"))) {
    verdict(r.edit.median < TARGETS.edit100KbMedianMs, `one-character edit in a 100 KB draft of ${r.label.slice(6)} against its own facts, median ${ms(r.edit.median)} ms (target < ${TARGETS.edit100KbMedianMs} ms)`);
  }
  const o1 = byLabel("1MB");
  verdict(o1 && o1.open.median < TARGETS.open1MbMs, `first diagnostics of a 1 MB draft, median ${ms(o1?.open.median ?? NaN)} ms (target < ${TARGETS.open1MbMs} ms)`);
  verdict(o1 && o1.rssMb < TARGETS.server1MbMb, `server with the 1 MB draft open, ${mb(o1?.rssMb ?? NaN)} MB RSS (target < ${TARGETS.server1MbMb} MB)`);
  const l100k = loads.get(100_000);
  verdict(l100k && l100k.loadMs < TARGETS.load100kMs, `100,000-entity fact base loaded in ${ms(l100k?.loadMs ?? NaN)} ms, median of ${l100k?.runs} (target < ${TARGETS.load100kMs} ms)`);
  verdict(l100k && l100k.peakMb < TARGETS.load100kMb, `100,000-entity fact base, peak ${mb(l100k?.peakMb ?? NaN)} MB RSS, median of ${l100k?.runs} (target < ${TARGETS.load100kMb} MB)`);
  verdict(drafting.per500WordsMs < TARGETS.draft500WordsMs, `drafting a 500-word article, ${ms(drafting.per500WordsMs)} ms in process, ${ms(drafting.cliMs)} ms through the command line (target < ${TARGETS.draft500WordsMs} ms)`);
  if (drafting.summeditsS !== undefined) verdict(drafting.summeditsS < TARGETS.summeditsS, `the whole SummEdits run, ${drafting.summeditsS.toFixed(0)} s (target < ${TARGETS.summeditsS} s)`);
  for (const g of growth) {
    verdict(
      g.exponent <= TARGETS.growthExponent && g.upperExponent <= TARGETS.growthExponent,
      `time against ${g.label} ${g.label === "document" ? "size" : "length"} grows with exponent ${g.exponent.toFixed(2)}, ${g.upperExponent.toFixed(2)} over the largest three (target ≤ ${TARGETS.growthExponent})`,
    );
  }
  const sentence1Mb = hostile.drafts.find((h) => h.name === "a 1 MB sentence without a full stop");
  verdict(sentence1Mb && !sentence1Mb.stopped && sentence1Mb.ms < TARGETS.longSentence1MbMs, `first diagnostics of a 1 MB single-sentence draft in ${ms(sentence1Mb?.ms ?? NaN)} ms (target < ${TARGETS.longSentence1MbMs} ms)`);
  const slowest = [...hostile.drafts].sort((a, b) => b.ms / Math.max(1, b.bytes / 1e6) - a.ms / Math.max(1, a.bytes / 1e6))[0];
  verdict(
    hostile.drafts.every((h) => h.alive && h.ms < TARGETS.hostileMsPerMb * Math.max(1, h.bytes / 1e6)),
    `every hostile draft checked in < ${TARGETS.hostileMsPerMb} ms per MB with the server alive (slowest: ${slowest?.name}, ${ms(slowest?.ms ?? NaN)} ms for ${kb(slowest?.bytes ?? NaN)})`,
  );
  verdict(response.hover.p95 < TARGETS.hoverDuringCheckP95Ms && response.hoversDuringCheck === response.hover.n, `hover during a 1 MB check, p95 ${ms(response.hover.p95)} ms of ${response.hover.n} (target < ${TARGETS.hoverDuringCheckP95Ms} ms)`);
  verdict(response.editMs < TARGETS.editDuringCheckMs && response.editDuringCheck, `an edit to a small draft during a 1 MB check published in ${ms(response.editMs)} ms (target < ${TARGETS.editDuringCheckMs} ms)`);
  log("Targets");
  for (const v of verdicts) log(`  ${v}`);

  if (profile) {
    for (const file of readdirSync(PROFILES).filter((f) => f.endsWith(".cpuprofile")).sort()) {
      log(`\nHot spots in ${file} (self time)`);
      for (const line of hotSpots(join(PROFILES, file))) log(`  ${line}`);
    }
  }

  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const json = JSON.stringify({ date: new Date().toISOString(), node: process.version, cpus: cpus().length, loadavg: loadavg(), quick, loads: Object.fromEntries(loads), serverFacts: Object.fromEntries(serverFacts), drafts: results, drafting, growth, hostile, response, cspell, verdicts }, null, 2);
  writeFileSync(join(RESULTS, `bench-${stamp}.json`), json);
  writeFileSync(join(RESULTS, "latest.json"), json);
  log(`\nwhole bench: ${((Date.now() - started) / 1000).toFixed(0)} s, load average at the end ${loadavg()[0].toFixed(1)}; figures in bench/results/latest.json`);
}

main().catch((e) => {
  process.stderr.write(`bench failed: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
