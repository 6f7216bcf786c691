// Articles in, a fact file out. The stages, one module each:
//   article.ts   load and clean (UTF-8, size, HTML)       metadata.ts  headline, outlet, date
//   entities.ts  find the names and what each is           events.ts    read again with them known:
//   merge.ts     across articles, with disputes                          offices, places, events, figures
//   yaml.ts      the fact file, marked `status: draft`
// The claim reader is reached only through reading.ts.
import { dirname, relative, resolve, sep } from "node:path";
import { Article } from "./article";
import { discoverEntities, Found } from "./entities";
import { ArticleFacts, assembleArticle } from "./events";
import { mergeEntityFacts, mergeEvents } from "./merge";
import { readSourceMeta, SourceMeta } from "./metadata";
import { Cite, Draft, DraftCount, DraftEntity, DraftSource, Ids, slug } from "./model";
import { clauseAround, QuoteCheck } from "./quotes";
import { sentencesOf } from "./reading";
import { draftToYaml } from "./yaml";
import { normalizeName } from "../text/normalize";

export interface DraftOptions {
  /** Where the fact file will be written: sources' `file:` paths are relative to its folder. */
  outFile?: string;
  /** Ids already used by the fact files the draft joins (entities, events, sources). */
  takenIds?: Iterable<string>;
  /** Called after each article is read (for progress). */
  onArticle?: (done: number, total: number, path: string) => void;
}

export interface DraftResult {
  draft: Draft;
  yaml: string;
  /** Counts for a one-line summary. */
  stats: { sources: number; entities: number; events: number; counts: number };
}

/** Entities cite at most this many articles. */
const ENTITY_CITES = 2;

export function draftFacts(articles: Article[], options: DraftOptions = {}): DraftResult {
  const ids = new Ids(options.takenIds);
  const metas: SourceMeta[] = articles.map((a) => readSourceMeta(a.text));
  const quotes = articles.map((a) => new QuoteCheck(a.raw));
  const sentences = articles.map((a) => sentencesOf(a.text));

  const sources: DraftSource[] = articles.map((a, i) => {
    const m = metas[i];
    const outlet = m.outlet ?? "Unknown outlet";
    const s: DraftSource = {
      id: ids.make(`${m.outlet ? slug(m.outlet, 16) : "source"} ${shortTitle(m.title ?? "")}`),
      outlet,
      title: m.title ?? a.path,
      file: fileRef(a.path, options.outFile),
    };
    if (m.date) s.date = m.date;
    const notes: string[] = [];
    if (!m.outlet) notes.push("The article names no outlet: fill in `outlet`.");
    if (m.byline) notes.push(`By ${m.byline}.`);
    if (m.alsoCredited) notes.push(`The dateline also credits ${m.alsoCredited.join(", ")}.`);
    if (a.html) notes.push("Drafted from the text of an HTML page; quotes broken by markup were left out.");
    if (notes.length) s.note = notes.join(" ");
    return s;
  });

  // Names, over all articles at once: one entity however many articles name it.
  const found = discoverEntities(
    articles.map((a, i) => ({ article: i, text: a.text, sentences: sentences[i], skip: [metas[i].headline, metas[i].dateline].filter((x): x is { start: number; end: number } => !!x) })),
  );
  const entities = toEntities(found, ids, quotes);

  const facts: ArticleFacts[] = articles.map((a, i) => {
    const f = assembleArticle({ index: i, text: a.text, meta: metas[i], quotes: quotes[i] }, entities, ids);
    options.onArticle?.(i + 1, articles.length, a.path);
    return f;
  });
  const order = { dateOf: (k: number) => metas[k]?.date ?? String(k).padStart(6, "0") };
  mergeEntityFacts(entities, facts, order);
  const events = mergeEvents(facts, order, entities);

  // Entities no fact refers to and no article names twice are dropped only if they have no citation.
  const draft: Draft = { sources, entities: entities.filter((e) => e.cite.length), events };
  dropDanglingReferences(draft);
  const header = [
    `Drafted by \`factcheck facts draft\` from ${articles.length} article${articles.length === 1 ? "" : "s"}.`,
    "Every entity and event is marked `status: draft`: check each against its quotes,",
    "then delete that line. Values the articles disagree on are under `disputed:`.",
  ];
  const yaml = draftToYaml(draft, header);
  const counts = events.reduce((n, e) => n + e.counts.length, 0) + entities.reduce((n, e) => n + e.counts.length, 0);
  return { draft, yaml, stats: { sources: sources.length, entities: draft.entities.length, events: events.length, counts } };
}

/**
 * An entity left out (no quote of its own survived) must take every reference to it along: a drafted
 * file always loads. A place, an actor or a tie without its entity is dropped, never guessed.
 */
function dropDanglingReferences(draft: Draft): void {
  const known = new Set(draft.entities.map((e) => e.id));
  const counts = (list: DraftCount[]): void => {
    for (const c of list) {
      if (c.by && !known.has(c.by)) delete c.by;
      for (const d of c.disputed) if (d.by && !known.has(d.by)) delete d.by;
      counts(c.breakdown);
    }
  };
  for (const e of draft.entities) {
    if (e.in && !known.has(e.in)) delete e.in;
    for (const r of e.roles) if (r.of && !known.has(r.of)) delete r.of;
    counts(e.counts);
  }
  for (const ev of draft.events) {
    if (ev.place) {
      ev.place.disputed = ev.place.disputed.filter((d) => known.has(d.at));
      if (!known.has(ev.place.at)) ev.place = undefined;
    }
    if (ev.actors) {
      ev.actors.ids = ev.actors.ids.filter((id) => known.has(id));
      ev.actors.disputed = ev.actors.disputed?.map((d) => ({ ...d, ids: d.ids.filter((id) => known.has(id)) })).filter((d) => d.ids.length);
      if (!ev.actors.ids.length) ev.actors = undefined;
    }
    ev.people = ev.people.filter((id) => known.has(id));
    counts(ev.counts);
  }
}

function shortTitle(title: string): string {
  const words = title
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 2 && !/^(the|and|for|with|from|after|into|over|says|said|amid|has|have|its|are|was|were|that|this)$/.test(w));
  return words.slice(0, 3).join(" ");
}

/** The article's path as the fact file will name it: relative to the output's folder, with forward slashes. */
function fileRef(path: string, outFile: string | undefined): string {
  const from = outFile ? dirname(resolve(outFile)) : process.cwd();
  return relative(from, resolve(path)).split(sep).join("/");
}

function toEntities(found: Found[], ids: Ids, quotes: QuoteCheck[]): DraftEntity[] {
  const spellings = new Set<string>();
  const out: DraftEntity[] = [];
  // Longer names first: a spelling claimed twice stays with the name it is short for.
  for (const f of found) {
    const cite: Cite[] = [];
    const articles = new Set<number>();
    for (const o of f.occurrences) {
      if (articles.has(o.article) || cite.length >= ENTITY_CITES) continue;
      const quote = clauseAround(o.sentence, o.start, o.end);
      if (!quotes[o.article].has(quote)) continue;
      cite.push({ article: o.article, quote });
      articles.add(o.article);
    }
    const key = normalizeName(f.name);
    if (spellings.has(key)) continue;
    spellings.add(key);
    const variants: string[] = [];
    for (const v of f.variants) {
      const k = normalizeName(v);
      if (k === key || spellings.has(k)) continue;
      spellings.add(k);
      variants.push(v);
    }
    out.push({ id: ids.make(f.name), kind: f.kind, name: f.name, variants, level: f.kind === "place" ? f.level : undefined, roles: [], counts: [], cite });
  }
  return out;
}
