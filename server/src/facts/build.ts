// Builds one FactBase from several fact files: each file compiled on its own (compile.ts,
// kept and reused while the file is unchanged), then linked here — ids resolved across files,
// and every problem the schema cannot see reported at its place: dangling or wrong-kind
// references, duplicate ids, names claimed by two entities, places inside themselves, quotes
// missing from their articles, event values only an outlier source supports. The base never
// holds a reference that does not resolve, so the engine can follow every id it finds; an
// item that holds one is copied without it, and the compiled item stays as written.
import { distance } from "fastest-levenshtein";
import { dirname, resolve } from "node:path";
import { compileFactFile, CompiledFactFile, Path } from "./compile";
import { Citation, Count, emptyFactBase, Entity, FactBase, FactEvent, FactLocation, Participants, Source } from "./model";
import { FactProblem, ParsedFactFile, problemAt } from "./parse";
import { quoteInText, sourceTexts, SourceTexts } from "./quotes";
import { normalizeName } from "../text/normalize";

export interface BuildResult {
  base: FactBase;
  problems: FactProblem[];
}

export interface BuildOptions {
  /** Where source articles are read from, for checking quotes (default: disk, cached). */
  sourceTexts?: Pick<SourceTexts, "read">;
}

/** What a reference must point at. */
type Want = "source" | "entity" | "place" | "person" | "affiliation";

interface Definition {
  kind: "source" | "entity" | "event";
  at: FactLocation;
}

type Definitions = { get(id: string): Definition | undefined };

/** Ids as the base defines them so far: sources, entities and events share one set of ids. */
function definitions(base: FactBase): Definitions {
  return {
    get(id) {
      const source = base.sources.get(id);
      if (source) return { kind: "source", at: source.at };
      const entity = base.entities.get(id);
      if (entity) return { kind: "entity", at: entity.at };
      const event = base.events.get(id);
      return event && { kind: "event", at: event.at };
    },
  };
}

type Reporter = (file: ParsedFactFile, path: Path, severity: "error" | "warning", code: string, message: string, related?: FactProblem["related"]) => void;

/** A reference to take out of an item's copy: the field to clear, or the list and the index to remove. */
interface Drop {
  path: Path;
  index?: number;
}

/** The file compiled, compiling it now if it was not yet (a file kept by the store already is). */
export function compiledOf(file: ParsedFactFile): CompiledFactFile | undefined {
  if (!file.compiled && file.data) file.compiled = compileFactFile(file);
  return file.compiled;
}

export function buildFactBase(files: ParsedFactFile[], options: BuildOptions = {}): BuildResult {
  const base = emptyFactBase();
  const problems: FactProblem[] = [];
  // Which item holds an id: the base's own maps (an id in one of them is in none of the others).
  const defined = definitions(base);
  const report: Reporter = (file, path, severity, code, message, related) => {
    const [from, to] = file.positions.rangeOf(path) ?? [0, 0];
    const p = problemAt(file.file, file.positions, from, to, severity, code, message);
    if (related?.length) p.related = related;
    problems.push(p);
  };
  const linked = files.map((file) => ({ file, compiled: compiledOf(file) })).filter((f): f is { file: ParsedFactFile; compiled: CompiledFactFile } => !!f.compiled);

  // Every id first, so a reference may point at an item of a file that comes later.
  /** The first entity each normalized spelling names; which of its spellings it was is found again only for a conflict. */
  const spellings = new Map<string, Entity>();
  for (const { file, compiled } of linked) {
    problems.push(...compiled.problems);
    base.files.push(file.file);
    /** Registers an id; false (and a problem at the second id) when it is already taken. */
    const define = (id: string, kind: Definition["kind"], path: Path): boolean => {
      const first = defined.get(id);
      if (first) {
        const where = `${shortName(first.at.file)}:${first.at.line + 1}`;
        const what = first.kind === kind ? `${capitalize(kind)} id` : `Id`;
        const also = first.kind === kind ? "" : ` (by ${article(first.kind)} ${first.kind}; sources, entities and events share one set of ids)`;
        report(file, [...path, "id"], "error", "duplicate-id", `${what} '${id}' is already defined at ${where}${also}.`, [{ ...first.at, message: `'${id}' is first defined here` }]);
        return false;
      }
      return true;
    };
    compiled.sources.forEach((s, i) => {
      if (define(s.id, "source", ["sources", i])) base.sources.set(s.id, s);
    });
    compiled.entities.forEach((e, i) => {
      const p: Path = ["entities", i];
      if (!define(e.id, "entity", p)) return;
      base.entities.set(e.id, e);
      claimSpelling(file, e, e.name, [...p, "name"]);
      e.variants.forEach((v, k) => claimSpelling(file, e, v, [...p, "variants", k]));
    });
    compiled.events.forEach((ev, i) => {
      if (define(ev.id, "event", ["events", i])) base.events.set(ev.id, ev);
    });
  }

  /** Two entities that answer to the same spelling make lookups ambiguous: report the later one. */
  function claimSpelling(file: ParsedFactFile, entity: Entity, spelling: string, path: Path): void {
    const key = normalizeName(spelling);
    if (!key) return;
    const first = spellings.get(key);
    if (!first) {
      spellings.set(key, entity);
      return;
    }
    if (first.id === entity.id) return;
    const as = [first.name, ...first.variants].find((v) => normalizeName(v) === key) ?? first.name;
    report(file, path, "warning", "conflicting-name", `'${spelling}' also names '${first.id}' (as '${as}'); lookups of it go to '${first.id}'. Remove it from one of them.`, [
      { ...first.at, message: `'${as}' names '${first.id}'` },
    ]);
  }

  // Then every reference, citation and established value of the items in the base.
  const articles = articleReader(options.sourceTexts ?? sourceTexts, report, linked);
  for (const { file, compiled } of linked) {
    const refs = new References(file, base, defined, report, articles);
    compiled.entities.forEach((e, i) => {
      if (base.entities.get(e.id) !== e) return; // a duplicate id: not in the base
      refs.entity(e, ["entities", i]);
      const fixed = refs.applyTo(e);
      if (fixed) base.entities.set(e.id, fixed);
    });
    compiled.events.forEach((ev, i) => {
      if (base.events.get(ev.id) !== ev) return;
      refs.event(ev, ["events", i]);
      const fixed = refs.applyTo(ev);
      if (fixed) base.events.set(ev.id, fixed);
    });
  }
  breakPlaceCycles(base, linked, report);
  // The articles themselves, for comparing a sentence with the source's own words.
  for (const source of base.sources.values()) {
    if (!source.file) continue;
    const read = articles(source);
    if (read?.text) base.articles.set(source.id, read.text);
  }
  // Positions are all found: what it took to find them (a Document) can go.
  for (const file of files) file.positions.release();
  return { base, problems };
}

const KIND_WANTED: Record<Want, (e: Entity) => boolean> = {
  source: () => false,
  entity: () => true,
  place: (e) => e.kind === "place",
  person: (e) => e.kind === "person",
  affiliation: (e) => e.kind !== "person",
};

const WANT_NAME: Record<Want, string> = {
  source: "source",
  entity: "entity",
  place: "place",
  person: "person",
  affiliation: "organization, force or place",
};

/** Checks one item's references, citations and values as they are met, and notes what its copy must leave out. */
class References {
  private drops: Drop[] = [];

  constructor(
    private readonly file: ParsedFactFile,
    private readonly base: FactBase,
    private readonly defined: Definitions,
    private readonly report: Reporter,
    private readonly articleOf: (source: Source) => { normalized: string } | undefined,
  ) {}

  entity(e: Entity, p: Path): void {
    this.ids(e.near, [...p, "near"], "place");
    this.cites(e.cite, [...p, "cite"]);
    if (e.in) this.ref(e.in, [...p, "in"], "place");
    e.roles.forEach((r, j) => {
      this.cites(r.cite, [...p, "roles", j, "cite"]);
      if (r.of) this.ref(r.of, [...p, "roles", j, "of"], "affiliation");
    });
    e.relations.forEach((r, j) => {
      this.cites(r.cite, [...p, "relations", j, "cite"]);
      this.ref(r.target, [...p, "relations", j, "target"], "entity", { path: [...p.slice(2), "relations"], index: j });
    });
    if (e.founded) this.cites(e.founded.cite, [...p, "founded", "cite"]);
    this.counts(e.counts, p);
  }

  event(ev: FactEvent, p: Path): void {
    const place = ev.place;
    if (place) {
      const pp: Path = [...p, "place"];
      this.cites(place.cite, [...pp, "cite"]);
      this.ids(place.near, [...pp, "near"], "place");
      if (place.at) {
        this.ref(place.at, [...pp, "at"], "place");
        this.established(pp, place.cite);
      }
      place.disputed?.forEach((d, k) => {
        this.cites(d.cite, [...pp, "disputed", k, "cite"]);
        this.ref(d.at, [...pp, "disputed", k, "at"], "place", { path: ["place", "disputed"], index: k });
      });
    }
    if (ev.when) {
      this.cites(ev.when.cite, [...p, "when", "cite"]);
      this.established([...p, "when"], ev.when.cite);
    }
    this.participants(ev.actors, [...p, "actors"]);
    this.participants(ev.targets, [...p, "targets"]);
    this.ids(ev.people, [...p, "people"], "person");
    this.counts(ev.counts, p);
    ev.details.forEach((d, j) => {
      const dp: Path = [...p, "details", j];
      this.cites(d.cite, [...dp, "cite"]);
      this.established(dp, d.cite);
      d.disputed.forEach((x, k) => this.cites(x.cite, [...dp, "disputed", k, "cite"]));
    });
    this.cites(ev.cite, [...p, "cite"]);
  }

  /** A copy of the item without the references that did not resolve; undefined when all did. */
  applyTo<T extends Entity | FactEvent>(item: T): T | undefined {
    if (!this.drops.length) return undefined;
    const copy = structuredClone(item);
    const removals = new Map<unknown[], Set<number>>();
    for (const d of this.drops) {
      const owner = d.path.slice(0, -1).reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], copy) as Record<string | number, unknown>;
      const key = d.path[d.path.length - 1];
      if (d.index === undefined) {
        owner[key] = undefined;
      } else {
        const list = owner[key] as unknown[];
        const set = removals.get(list) ?? new Set<number>();
        removals.set(list, set.add(d.index));
      }
    }
    for (const [list, indexes] of removals) {
      const kept = list.filter((_, k) => !indexes.has(k));
      list.length = 0;
      list.push(...kept);
    }
    this.drops = [];
    return copy;
  }

  private participants(part: Participants | undefined, path: Path): void {
    if (!part) return;
    const rel = path.slice(2);
    this.ids(part.ids, [...path, "ids"], "entity");
    this.cites(part.cite, [...path, "cite"]);
    part.disputed.forEach((d, k) => {
      this.ids(d.ids, [...path, "disputed", k, "ids"], "entity", [...rel, "disputed", k, "ids"]);
      this.cites(d.cite, [...path, "disputed", k, "cite"]);
    });
    if (part.ids.length) this.established(path, part.cite);
  }

  /** An item's counts, as compile.ts flattened them (a total, then its breakdown's parts), at the paths they have in the file. */
  private counts(counts: Count[], p: Path): void {
    let total = -1;
    let part = 0;
    counts.forEach((c, flat) => {
      let cp: Path;
      if (c.within === undefined) {
        total++;
        part = 0;
        cp = [...p, "counts", total];
      } else {
        cp = [...p, "counts", total, "breakdown", part++];
      }
      this.cites(c.cite, [...cp, "cite"]);
      c.disputed.forEach((d, k) => this.cites(d.cite, [...cp, "disputed", k, "cite"]));
      this.established(cp, c.cite);
      // `by:` names who gave the value; the copy's path is the flattened count's, not the file's.
      const model = p.slice(2);
      if (c.by) this.ref(c.by, [...cp, "by"], "entity", { path: [...model, "counts", flat, "by"] });
      c.disputed.forEach((d, k) => d.by && this.ref(d.by, [...cp, "disputed", k, "by"], "entity", { path: [...model, "counts", flat, "disputed", k, "by"] }));
    });
  }

  private ids(list: string[], path: Path, want: Want, rel: Path = path.slice(2)): void {
    list.forEach((id, k) => this.ref(id, [...path, k], want, { path: rel, index: k }));
  }

  private cites(list: Citation[], path: Path): void {
    list.forEach((c, k) => {
      const source = this.base.sources.get(c.source);
      if (!source) {
        const def = this.defined.get(c.source);
        const where = [...path, k, "source"];
        if (def) this.report(this.file, where, "error", "wrong-kind", `'${c.source}' is ${article(def.kind)} ${def.kind}, not a source; cite a source id from \`sources:\`.`);
        else this.report(this.file, where, "error", "dangling-reference", `No source has the id '${c.source}'.${suggest(c.source, [...this.base.sources.keys()])}`);
        return;
      }
      if (!source.file) return;
      const text = this.articleOf(source);
      if (text && !quoteInText(c.quote, text.normalized)) {
        this.report(this.file, [...path, k, "quote"], "warning", "quote-not-found", `Quote not found in source '${source.id}' (${source.file}). Copy the words exactly; '…' marks a gap.`);
      }
    });
  }

  /** A value the checker holds as established: an outlier's word alone is not enough. */
  private established(path: Path, cite: Citation[]): void {
    if (!cite.length) return;
    if (cite.some((c) => this.base.sources.get(c.source)?.standing !== "outlier")) return;
    const ids = [...new Set(cite.map((c) => c.source))].join(", ");
    this.report(this.file, [...path, "cite", 0, "source"], "warning", "outlier-only", `Only an outlier source (${ids}) supports this value, so the checker would hold an outlier's figure as established. Cite a main source, or move the value under \`disputed:\`.`);
  }

  /** An id that must name an entity of a kind; when it does not, reported and left out of the item's copy. */
  private ref(id: string, path: Path, want: Want, removal?: Drop): void {
    const entity = this.base.entities.get(id);
    if (entity && KIND_WANTED[want](entity)) return;
    if (!entity) {
      const def = this.defined.get(id);
      if (def) this.report(this.file, path, "error", "wrong-kind", `'${id}' is ${article(def.kind)} ${def.kind}, not ${article(WANT_NAME[want])} ${WANT_NAME[want]}.`);
      else this.report(this.file, path, "error", "dangling-reference", `No ${WANT_NAME[want]} has the id '${id}'.${suggest(id, [...this.base.entities.keys()])}`);
    } else {
      this.report(this.file, path, "error", "wrong-kind", `'${id}' is ${article(entity.kind)} ${entity.kind}, but this needs ${article(WANT_NAME[want])} ${WANT_NAME[want]}.`);
    }
    this.drops.push(removal ?? { path: path.slice(2) });
  }
}

/** Each source's article, read once per build however many quotes cite it; a missing one is reported at its `file:`. */
function articleReader(
  texts: Pick<SourceTexts, "read">,
  report: Reporter,
  linked: { file: ParsedFactFile; compiled: CompiledFactFile }[],
): (source: Source) => { normalized: string; text?: string } | undefined {
  const articles = new Map<string, { normalized: string; text?: string } | undefined>();
  return (source) => {
    if (articles.has(source.id)) return articles.get(source.id);
    const path = resolve(dirname(source.at.file), source.file!);
    const read = texts.read(path);
    const found = "error" in read ? undefined : read;
    articles.set(source.id, found);
    if ("error" in read) {
      const def = linked.find((l) => l.file.file === source.at.file);
      const index = def?.compiled.sources.indexOf(source) ?? -1;
      if (def && index >= 0) {
        report(def.file, ["sources", index, "file"], "warning", "source-file-missing", `The article of source '${source.id}' cannot be read (${path}: ${read.error}); its quotes are not checked.`);
      }
    }
    return found;
  };
}

/** A place inside itself (a in b, b in a) is reported once, and the circle broken where it was found. */
function breakPlaceCycles(base: FactBase, linked: { file: ParsedFactFile; compiled: CompiledFactFile }[], report: Reporter): void {
  // Each entity is walked once: it is on the current trail (1) or settled (2).
  const state = new Map<string, 1 | 2>();
  const trail: string[] = [];
  for (const start of base.entities.values()) {
    if (!start.in || state.has(start.id)) continue;
    trail.length = 0;
    let cur: Entity | undefined = start;
    while (cur && !state.has(cur.id)) {
      trail.push(cur.id);
      state.set(cur.id, 1);
      cur = cur.in ? base.entities.get(cur.in) : undefined;
    }
    if (cur && state.get(cur.id) === 1) {
      const circle = trail.slice(trail.indexOf(cur.id));
      const closer = base.entities.get(circle[circle.length - 1])!;
      const where = whereDefined(closer, linked);
      if (where) {
        report(where.file, [...where.path, "in"], "error", "place-cycle", `Places lie inside each other in a circle: ${[...circle, cur.id].join(" → ")}. A place lies in one larger place.`);
      }
      base.entities.set(closer.id, { ...closer, in: undefined });
    }
    for (const id of trail) state.set(id, 2);
  }
}

/** The file and path of an entity (or of the item it was copied from). */
function whereDefined(entity: Entity, linked: { file: ParsedFactFile; compiled: CompiledFactFile }[]): { file: ParsedFactFile; path: Path } | undefined {
  for (const { file, compiled } of linked) {
    if (file.file !== entity.at.file) continue;
    const index = compiled.entities.findIndex((e) => e.id === entity.id && e.at.line === entity.at.line);
    if (index >= 0) return { file, path: ["entities", index] };
  }
  return undefined;
}

function suggest(id: string, known: string[]): string {
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of known) {
    if (Math.abs(k.length - id.length) > 3) continue;
    const d = distance(k, id);
    if (d < bestD) [best, bestD] = [k, d];
  }
  return best && bestD <= Math.max(1, Math.floor(id.length / 4)) ? ` Did you mean '${best}'?` : "";
}

function article(noun: string): string {
  return /^[aeio]/.test(noun) ? "an" : "a";
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function shortName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}
