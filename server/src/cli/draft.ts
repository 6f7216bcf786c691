// `factcheck facts draft [--out FILE] [--force] ARTICLE|FOLDER...`: drafts a fact file from
// source articles. Without --out the YAML goes to stdout. The file is written to a temporary file
// and renamed, so it is never half-written; an existing file is replaced only with --force.
import { existsSync, mkdirSync, readdirSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { ArticleError, loadArticle, Article } from "../draft/article";
import { draftFacts } from "../draft/pipeline";
import { loadFacts } from "../engine/factBase";

export const DRAFT_USAGE = `Usage: factcheck facts draft [--out FILE] [--force] ARTICLE|FOLDER...

Drafts a fact file from source articles (plain text, Markdown or HTML): sources, the people,
places and organizations they name, the events they tell with their figures, every value with
the quote it comes from. Every drafted fact is marked 'status: draft' until a person reviews it.
  --out FILE   write the fact file here (*.facts.yaml); default: print it
  --force      replace FILE if it exists
Folders give their .txt, .md, .markdown and .html files.
Exit status: 0 drafted, 2 bad usage or an article that cannot be read (nothing is written).`;

const ARTICLE_FILE = /\.(txt|md|markdown|text|html?)$/i;

/** Runs `facts draft` with the arguments after it. */
export function runDraft(argv: string[], out: (s: string) => void, err: (s: string) => void): number {
  let outFile: string | undefined;
  let force = false;
  const inputs: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--help" || a === "-h") {
      out(DRAFT_USAGE + "\n");
      return 0;
    }
    if (a === "--out" || a === "-o") {
      outFile = argv[++i];
      if (outFile === undefined || outFile.startsWith("--")) return usage(err, `${a} needs a file.`);
    } else if (a.startsWith("--out=")) outFile = a.slice(6);
    else if (a === "--force" || a === "-f") force = true;
    else if (a === "--") inputs.push(...argv.slice(i + 1)), (i = argv.length);
    else if (a.startsWith("-") && a !== "-") return usage(err, `Unknown option '${a}'.`);
    else inputs.push(a);
  }
  if (!inputs.length) return usage(err, "No articles to draft from.");
  if (outFile !== undefined && !/\.facts\.ya?ml$/i.test(outFile)) {
    err(`factcheck: note: ${outFile} does not end in .facts.yaml; the checker looks for *.facts.yaml files.\n`);
  }
  if (outFile !== undefined && existsSync(outFile) && !force) {
    err(`factcheck: ${outFile} exists; pass --force to replace it (nothing was written).\n`);
    return 2;
  }

  const paths: string[] = [];
  for (const input of inputs) {
    let isDir = false;
    try {
      isDir = statSync(input).isDirectory();
    } catch {
      /* reported by loadArticle */
    }
    if (isDir) {
      const files = listArticles(input);
      if (!files.length) {
        err(`factcheck: ${input}: no articles (.txt, .md, .html) in this folder.\n`);
        return 2;
      }
      paths.push(...files);
    } else paths.push(input);
  }
  const articles: Article[] = [];
  const problems: string[] = [];
  for (const p of [...new Set(paths.map((p) => resolve(p)))]) {
    try {
      articles.push(loadArticle(p));
    } catch (e) {
      if (!(e instanceof ArticleError)) throw e;
      problems.push(`factcheck: ${displayPath(e.path)}: ${e.message}.`);
    }
  }
  if (problems.length) {
    for (const p of problems) err(p + "\n");
    err("factcheck: nothing was drafted.\n");
    return 2;
  }

  // Ids of the fact files the draft will sit beside, so it does not take one of theirs.
  const taken: string[] = [];
  if (outFile !== undefined) {
    const dir = dirname(resolve(outFile));
    try {
      const others = readdirSync(dir).filter((f) => /\.facts\.ya?ml$/i.test(f) && resolve(dir, f) !== resolve(outFile!));
      if (others.length) {
        const base = loadFacts(others.map((f) => join(dir, f))).base;
        taken.push(...base.sources.keys(), ...base.entities.keys(), ...base.events.keys());
      }
    } catch {
      /* a folder that cannot be read holds no ids */
    }
  }
  const result = draftFacts(articles, { outFile, takenIds: taken });
  if (outFile === undefined) {
    out(result.yaml);
    return 0;
  }
  const problem = writeAtomically(outFile, result.yaml);
  if (problem) {
    err(`factcheck: cannot write ${outFile}: ${problem} (nothing was written).\n`);
    return 2;
  }
  const s = result.stats;
  err(`factcheck: drafted ${outFile}: ${s.sources} source${s.sources === 1 ? "" : "s"}, ${s.entities} entities, ${s.events} event${s.events === 1 ? "" : "s"}, ${s.counts} figure${s.counts === 1 ? "" : "s"} — all marked status: draft for review.\n`);
  return 0;
}

function usage(err: (s: string) => void, message: string): number {
  err(`factcheck: ${message}\n${DRAFT_USAGE}\n`);
  return 2;
}

function displayPath(p: string): string {
  const rel = p.startsWith(process.cwd() + "/") ? p.slice(process.cwd().length + 1) : p;
  return rel || p;
}

function listArticles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
      const p = join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (ARTICLE_FILE.test(entry.name) && !/^(readme|notes|license)\b/i.test(entry.name)) out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** Writes through a temporary file in the same folder and a rename: the file is whole or untouched. */
export function writeAtomically(file: string, text: string): string | undefined {
  const tmp = join(dirname(resolve(file)), `.${basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    // "--out facts/story.facts.yaml" in a project with no facts/ yet: the folder is made, as editors make it.
    mkdirSync(dirname(resolve(file)), { recursive: true });
    writeFileSync(tmp, text, { encoding: "utf8", flag: "wx" });
    renameSync(tmp, file);
    return undefined;
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      /* never made */
    }
    return (e as NodeJS.ErrnoException).code ?? (e as Error).message;
  }
}
