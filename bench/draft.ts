// Drafting facts from articles: how long `factcheck facts draft` takes per article — in process
// (the pipeline alone, warm) and as a command (node start-up and module loading included) — and,
// with --summedits, the whole SummEdits run (25 articles drafted, 819 summaries checked).
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadArticle } from "../server/src/draft/article";
import { draftFacts } from "../server/src/draft/pipeline";
import { FACTS, ROOT } from "../test/support/paths";
import { summarize } from "./stats";

export interface DraftingFigures {
  articles: { file: string; words: number; medianMs: number }[];
  /** Median per 500 words, warm, in process. */
  per500WordsMs: number;
  /** One article through the command line, median of the runs. */
  cliMs: number;
  summeditsS?: number;
  summeditsLine?: string;
}

export function benchDrafting(withSummEdits: boolean): DraftingFigures {
  const dir = join(FACTS, "sources");
  const files = readdirSync(dir).filter((f) => f.endsWith(".txt")).sort();
  const articles = files.map((f) => loadArticle(join(dir, f)));
  for (const a of articles) draftFacts([a]); // warm
  const rows = articles.map((a, i) => {
    const times: number[] = [];
    for (let k = 0; k < 15; k++) {
      const t = process.hrtime.bigint();
      draftFacts([a]);
      times.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    return { file: files[i], words: a.text.split(/\s+/).filter(Boolean).length, medianMs: summarize(times).median };
  });
  const per500 = summarize(rows.map((r) => (r.medianMs * 500) / r.words)).median;
  const out = mkdtempSync(join(tmpdir(), "bench-draft-"));
  const cli: number[] = [];
  for (let k = 0; k < 5; k++) {
    const t = process.hrtime.bigint();
    spawnSync(process.execPath, [join(ROOT, "bin", "factcheck.js"), "facts", "draft", "--force", "--out", join(out, "d.facts.yaml"), join(dir, files[2])], { encoding: "utf8" });
    cli.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  rmSync(out, { recursive: true, force: true });
  const figures: DraftingFigures = { articles: rows, per500WordsMs: per500, cliMs: summarize(cli).median };
  const score = join(ROOT, "..", "shared", "external", "summedits", "score.mjs");
  if (withSummEdits && existsSync(score)) {
    const t = Date.now();
    let line = "";
    try {
      line = execFileSync(process.execPath, [score, "--quiet"], { cwd: ROOT, encoding: "utf8", maxBuffer: 64 << 20 });
    } catch (e) {
      line = String((e as { stdout?: string }).stdout ?? "");
    }
    figures.summeditsS = (Date.now() - t) / 1000;
    figures.summeditsLine = line.trim().split("\n").pop();
  }
  return figures;
}
