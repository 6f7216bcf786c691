// Builds one FactBase from several parsed fact files: ids resolved across files, and every
// problem the schema cannot see reported at its place — dangling or wrong-kind references,
// duplicate ids, names claimed by two entities, places inside themselves, quotes missing
// from their articles, event values only an outlier source supports. The base never holds
// a reference that does not resolve, so the engine can follow every id it finds.
import { distance } from "fastest-levenshtein";
import { dirname, resolve } from "node:path";
import {
  Citation,
  Count,
  CountValue,
  Detail,
  emptyFactBase,
  Entity,
  EventPlace,
  EventWhen,
  FactBase,
  FactEvent,
  FactLocation,
  Participants,
  Qualifier,
  Relation,
  Role,
  Source,
} from "./model";
import { describePath, FactProblem, ParsedFactFile, problemAt } from "./parse";
import { quoteInText, sourceTexts, SourceTexts } from "./quotes";
import { normalizeName } from "../text/normalize";

type Raw = Record<string, unknown>;
type Path = (string | number)[];

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

/** An id written somewhere, to resolve once every file is read. Kept small: a base has hundreds of thousands. */
interface Ref {
  file: ParsedFactFile;
  /** Where the id is written: this path, or (with index) the list at this path, and the field tail of its item. */
  path: Path;
  index?: number;
  tail?: string;
  id: string;
  want: Want;
  /** How to take it out of the base when it does not resolve: clear owner[key], or remove item from list. */
  owner?: { [key: string]: unknown };
  key?: string;
  list?: unknown[];
  item?: unknown;
}

interface CitationAt {
  file: ParsedFactFile;
  /** The path of the cite list and the citation's index in it. */
  path: Path;
  index: number;
  citation: Citation;
}

/** A value of an event (or a count of an entity) that the checker holds as established. */
interface EstablishedValue {
  file: ParsedFactFile;
  path: Path;
  cite: Citation[];
}

interface Definition {
  kind: "source" | "entity" | "event";
  at: FactLocation;
}

export function buildFactBase(files: ParsedFactFile[], options: BuildOptions = {}): BuildResult {
  const base = emptyFactBase();
  const problems: FactProblem[] = [];
  const refs: Ref[] = [];
  const citations: CitationAt[] = [];
  const established: EstablishedValue[] = [];
  const defined = new Map<string, Definition>();
  const entityPaths = new Map<string, { file: ParsedFactFile; path: Path }>();
  const sourcePaths = new Map<string, { file: ParsedFactFile; path: Path }>();
  const spellings = new Map<string, { entity: Entity; spelling: string }>();

  const report = (file: ParsedFactFile, path: Path, severity: "error" | "warning", code: string, message: string, related?: FactProblem["related"]): void => {
    const [from, to] = file.positions.rangeOf(path) ?? [0, 0];
    const p = problemAt(file.file, file.positions, from, to, severity, code, message);
    if (related?.length) p.related = related;
    problems.push(p);
  };

  for (const file of files) {
    if (!file.data) continue;
    base.files.push(file.file);
    const at = (path: Path): FactLocation => locate(file, path);

    /** Registers an id; false (and a problem at the second id) when it is already taken. */
    const define = (id: string, kind: Definition["kind"], loc: FactLocation, path: Path): boolean => {
      const first = defined.get(id);
      if (first) {
        const where = `${shortName(first.at.file)}:${first.at.line + 1}`;
        const what = first.kind === kind ? `${capitalize(kind)} id` : `Id`;
        const also = first.kind === kind ? "" : ` (by ${article(first.kind)} ${first.kind}; sources, entities and events share one set of ids)`;
        report(file, [...path, "id"], "error", "duplicate-id", `${what} '${id}' is already defined at ${where}${also}.`, [
          { ...first.at, message: `'${id}' is first defined here` },
        ]);
        return false;
      }
      defined.set(id, { kind, at: loc });
      return true;
    };

    const cites = (raw: unknown, path: Path): Citation[] => {
      const list = ((raw as Citation[] | undefined) ?? []).map((c) => ({ source: c.source, quote: c.quote }));
      list.forEach((c, i) => {
        refs.push({ file, path, index: i, tail: "source", id: c.source, want: "source" });
        citations.push({ file, path, index: i, citation: c });
      });
      return list;
    };
    const refList = (raw: unknown, path: Path, want: Want): string[] => {
      const list = [...((raw as string[] | undefined) ?? [])];
      list.forEach((id, i) => refs.push({ file, path, index: i, id, want, list, item: id }));
      return list;
    };
    const value = (path: Path, cite: Citation[]): Citation[] => {
      established.push({ file, path, cite });
      return cite;
    };

    (file.data.sources ?? []).forEach((s, i) => {
      const p: Path = ["sources", i];
      const id = s.id as string;
      const loc = at(p);
      if (!define(id, "source", loc, p)) return;
      const source: Source = {
        id,
        outlet: s.outlet as string,
        title: s.title as string,
        file: s.file as string | undefined,
        url: s.url as string | undefined,
        standing: (s.standing as Source["standing"]) ?? "main",
        note: s.note as string | undefined,
        date: s.date as string | undefined,
        at: loc,
      };
      base.sources.set(id, source);
      sourcePaths.set(id, { file, path: p });
    });

    (file.data.entities ?? []).forEach((e, i) => {
      const p: Path = ["entities", i];
      const id = e.id as string;
      const loc = at(p);
      if (!define(id, "entity", loc, p)) return;
      const entity: Entity = {
        id,
        kind: e.kind as Entity["kind"],
        name: e.name as string,
        variants: (e.variants as string[] | undefined) ?? [],
        level: e.level as Entity["level"],
        in: e.in as string | undefined,
        near: refList(e.near, [...p, "near"], "place"),
        region: e.region as string | undefined,
        demonym: e.demonym as string | undefined,
        roles: [],
        relations: [],
        founded: undefined,
        counts: [],
        note: e.note as string | undefined,
        cite: cites(e.cite, [...p, "cite"]),
        at: loc,
        variantsAt: at(e.variants ? [...p, "variants"] : [...p, "name"]),
      };
      if (entity.in) refs.push({ file, path: [...p, "in"], id: entity.in, want: "place", owner: entity as unknown as Ref["owner"], key: "in" });
      ((e.roles as Raw[] | undefined) ?? []).forEach((r, j) => {
        const role: Role = {
          title: r.title as string,
          aliases: (r.aliases as string[] | undefined) ?? [],
          of: r.of as string | undefined,
          rank: r.rank as string | undefined,
          cite: cites(r.cite, [...p, "roles", j, "cite"]),
          at: at([...p, "roles", j]),
        };
        if (role.of) refs.push({ file, path: [...p, "roles", j, "of"], id: role.of, want: "affiliation", owner: role as unknown as Ref["owner"], key: "of" });
        entity.roles.push(role);
      });
      ((e.relations as Raw[] | undefined) ?? []).forEach((r, j) => {
        const relation: Relation = {
          type: r.type as Relation["type"],
          target: r.target as string,
          since: r.since as number | undefined,
          until: r.until as number | undefined,
          cite: cites(r.cite, [...p, "relations", j, "cite"]),
          at: at([...p, "relations", j]),
        };
        refs.push({ file, path: [...p, "relations", j, "target"], id: relation.target, want: "entity", list: entity.relations, item: relation });
        if (relation.since !== undefined && relation.until !== undefined && relation.since > relation.until) {
          report(file, [...p, "relations", j, "until"], "warning", "impossible-date", `This tie ends (${relation.until}) before it begins (${relation.since}).`);
        }
        entity.relations.push(relation);
      });
      const founded = e.founded as Raw | undefined;
      if (founded) {
        entity.founded = {
          year: founded.year as number,
          month: founded.month as number | undefined,
          cite: cites(founded.cite, [...p, "founded", "cite"]),
          at: at([...p, "founded"]),
        };
      }
      ((e.counts as Raw[] | undefined) ?? []).forEach((c, j) => entity.counts.push(...counts(c, [...p, "counts", j])));
      misplacedFields(e, p);
      base.entities.set(id, entity);
      entityPaths.set(id, { file, path: p });
      claimSpelling(entity, entity.name, p, -1);
      entity.variants.forEach((v, k) => claimSpelling(entity, v, p, k));
    });

    (file.data.events ?? []).forEach((ev, i) => {
      const p: Path = ["events", i];
      const id = ev.id as string;
      const loc = at(p);
      if (!define(id, "event", loc, p)) return;
      const rawPlace = ev.place as Raw | undefined;
      const rawWhen = ev.when as Raw | undefined;
      let place: EventPlace | undefined;
      if (rawPlace) {
        const pp: Path = [...p, "place"];
        const cite = cites(rawPlace.cite, [...pp, "cite"]);
        const thePlace: EventPlace = {
          at: rawPlace.at as string | undefined,
          near: refList(rawPlace.near, [...pp, "near"], "place"),
          region: rawPlace.region as string | undefined,
          cite,
          loc: at(pp),
        };
        place = thePlace;
        if (thePlace.at) {
          refs.push({ file, path: [...pp, "at"], id: thePlace.at, want: "place", owner: thePlace as unknown as Ref["owner"], key: "at" });
          value(pp, cite);
        }
        const disputed = (rawPlace.disputed as Raw[] | undefined) ?? [];
        if (disputed.length) {
          const list: NonNullable<EventPlace["disputed"]> = [];
          disputed.forEach((d, k) => {
            const entry = { at: d.at as string, cite: cites(d.cite, [...pp, "disputed", k, "cite"]), loc: at([...pp, "disputed", k]) };
            refs.push({ file, path: [...pp, "disputed", k, "at"], id: entry.at, want: "place", list, item: entry });
            list.push(entry);
          });
          thePlace.disputed = list;
        }
      }
      let when: EventWhen | undefined;
      if (rawWhen) {
        when = {
          year: rawWhen.year as number | undefined,
          month: rawWhen.month as number | undefined,
          day: rawWhen.day as number | undefined,
          weekday: rawWhen.weekday as string | undefined,
          time: rawWhen.time as string | undefined,
          relative: rawWhen.relative as string | undefined,
          note: rawWhen.note as string | undefined,
          announced: rawWhen.announced === true,
          cite: value([...p, "when"], cites(rawWhen.cite, [...p, "when", "cite"])),
          at: at([...p, "when"]),
        };
        checkDate(file, [...p, "when"], when);
      }
      const event: FactEvent = {
        id,
        name: ev.name as string,
        kind: (ev.kind as string | undefined) ?? "event",
        keywords: (ev.keywords as string[] | undefined) ?? [],
        place,
        when,
        actors: participants(ev.actors, [...p, "actors"]),
        targets: participants(ev.targets, [...p, "targets"]),
        people: refList(ev.people, [...p, "people"], "person"),
        counts: ((ev.counts as Raw[] | undefined) ?? []).flatMap((c, j) => counts(c, [...p, "counts", j])),
        details: ((ev.details as Raw[] | undefined) ?? []).map(
          (d, j): Detail => ({
            what: d.what as string,
            value: d.value as string,
            cite: value([...p, "details", j], cites(d.cite, [...p, "details", j, "cite"])),
            disputed: ((d.disputed as Raw[] | undefined) ?? []).map((x, k) => ({
              value: x.value as string,
              cite: cites(x.cite, [...p, "details", j, "disputed", k, "cite"]),
            })),
            at: at([...p, "details", j]),
          }),
        ),
        cite: cites(ev.cite, [...p, "cite"]),
        at: loc,
      };
      base.events.set(id, event);
    });

    function participants(raw: unknown, path: Path): Participants | undefined {
      if (!raw) return undefined;
      const r = raw as Raw;
      const result: Participants = {
        ids: refList(r.ids, [...path, "ids"], "entity"),
        cite: cites(r.cite, [...path, "cite"]),
        disputed: ((r.disputed as Raw[] | undefined) ?? []).map((d, k) => ({
          ids: refList(d.ids, [...path, "disputed", k, "ids"], "entity"),
          cite: cites(d.cite, [...path, "disputed", k, "cite"]),
        })),
        at: at(path),
      };
      if (result.ids.length) value(path, result.cite);
      return result;
    }

    function countValue(c: Raw, path: Path): CountValue {
      return {
        value: c.value as number,
        qualifier: (c.qualifier as Qualifier | undefined) ?? "exactly",
        cite: cites(c.cite, [...path, "cite"]),
        at: at(path),
      };
    }

    /** A count, followed by the parts of its breakdown as counts of their own. */
    function counts(c: Raw, path: Path): Count[] {
      const total: Count = {
        ...countValue(c, path),
        measure: c.measure as string,
        of: c.of as string | undefined,
        unit: c.unit as string | undefined,
        disputed: ((c.disputed as Raw[] | undefined) ?? []).map((d, k) => countValue(d, [...path, "disputed", k])),
      };
      value(path, total.cite);
      const parts = ((c.breakdown as Raw[] | undefined) ?? []).map((b, k): Count => {
        const bp: Path = [...path, "breakdown", k];
        const part: Count = {
          ...countValue(b, bp),
          measure: total.measure,
          of: b.of as string,
          unit: total.unit,
          disputed: ((b.disputed as Raw[] | undefined) ?? []).map((d, m) => countValue(d, [...bp, "disputed", m])),
          within: total.of ?? "people",
        };
        value(bp, part.cite);
        return part;
      });
      const least = parts.reduce((sum, part) => sum + bounds(part.value, part.qualifier)[0], 0);
      const most = bounds(total.value, total.qualifier)[1];
      if (parts.length && least > most) {
        report(file, [...path, "breakdown"], "warning", "breakdown-exceeds-total", `The parts of this count add up to ${least}, more than the total (${total.qualifier === "exactly" ? "" : `${total.qualifier} `}${total.value}).`);
      }
      return [total, ...parts];
    }

    function checkDate(f: ParsedFactFile, path: Path, w: EventWhen): void {
      if (w.month === undefined || w.day === undefined) return;
      const days = w.year !== undefined ? new Date(Date.UTC(w.year, w.month, 0)).getUTCDate() : [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][w.month - 1];
      if (w.day > days) {
        report(f, [...path, "day"], "warning", "impossible-date", `${monthName(w.month)} has ${days} days${w.year !== undefined ? ` in ${w.year}` : ""}, not ${w.day}.`);
        return;
      }
      if (w.year !== undefined && w.weekday) {
        const actual = WEEKDAYS[new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay()];
        if (actual !== w.weekday) {
          report(f, [...path, "weekday"], "warning", "impossible-date", `${monthName(w.month)} ${w.day}, ${w.year} was a ${actual}, not a ${w.weekday}.`);
        }
      }
    }

    /** Fields that only mean something for another kind of entity. */
    function misplacedFields(e: Raw, p: Path): void {
      const kind = e.kind as string;
      for (const field of ["level", "region", "demonym"]) {
        if (e[field] !== undefined && kind !== "place") {
          report(file, [...p, field], "warning", "misplaced-field", `'${field}' describes a place, but ${describePath(p, file.data)} is a ${kind}; the checker ignores it here.`);
        }
      }
      if (e.roles !== undefined && kind !== "person") {
        report(file, [...p, "roles"], "warning", "misplaced-field", `'roles' are offices people hold, but ${describePath(p, file.data)} is a ${kind}.`);
      }
    }

    /** Two entities that answer to the same spelling make lookups ambiguous: report the later one. */
    function claimSpelling(entity: Entity, spelling: string, p: Path, variant: number): void {
      const key = normalizeName(spelling);
      if (!key) return;
      const first = spellings.get(key);
      if (!first) {
        spellings.set(key, { entity, spelling });
        return;
      }
      if (first.entity.id === entity.id) return;
      report(
        file,
        variant < 0 ? [...p, "name"] : [...p, "variants", variant],
        "warning",
        "conflicting-name",
        `'${spelling}' also names '${first.entity.id}' (as '${first.spelling}'); lookups of it go to '${first.entity.id}'. Remove it from one of them.`,
        [{ ...first.entity.at, message: `'${first.spelling}' names '${first.entity.id}'` }],
      );
    }
  }

  resolveRefs(refs, defined, base, report);
  breakPlaceCycles(base, entityPaths, report);
  checkQuotes(citations, base, sourcePaths, options.sourceTexts ?? sourceTexts, report);
  checkOutlierOnly(established, base, report);
  // Positions are all found: what it took to find them (a Document) can go.
  for (const file of files) file.positions.release();
  for (const entity of base.entities.values()) {
    entity.roles = copy(entity.roles);
    entity.relations = copy(entity.relations);
    entity.counts = copy(entity.counts);
  }
  return { base, problems };
}

type Reporter = (file: ParsedFactFile, path: Path, severity: "error" | "warning", code: string, message: string, related?: FactProblem["related"]) => void;

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

function whereOf(r: Ref): Path {
  if (r.index === undefined) return r.path;
  return r.tail ? [...r.path, r.index, r.tail] : [...r.path, r.index];
}

function drop(r: Ref): void {
  if (r.owner && r.key) r.owner[r.key] = undefined;
  else if (r.list) removeFrom(r.list, r.item);
}

function resolveRefs(refs: Ref[], defined: Map<string, Definition>, base: FactBase, report: Reporter): void {
  for (const r of refs) {
    if (r.want === "source") {
      if (base.sources.has(r.id)) continue;
      const def = defined.get(r.id);
      if (def) report(r.file, whereOf(r), "error", "wrong-kind", `'${r.id}' is ${article(def.kind)} ${def.kind}, not a source; cite a source id from \`sources:\`.`);
      else report(r.file, whereOf(r), "error", "dangling-reference", `No source has the id '${r.id}'.${suggest(r.id, [...base.sources.keys()])}`);
      drop(r);
      continue;
    }
    const entity = base.entities.get(r.id);
    if (!entity) {
      const def = defined.get(r.id);
      if (def) report(r.file, whereOf(r), "error", "wrong-kind", `'${r.id}' is ${article(def.kind)} ${def.kind}, not ${article(WANT_NAME[r.want])} ${WANT_NAME[r.want]}.`);
      else report(r.file, whereOf(r), "error", "dangling-reference", `No ${WANT_NAME[r.want]} has the id '${r.id}'.${suggest(r.id, [...base.entities.keys()])}`);
      drop(r);
      continue;
    }
    if (!KIND_WANTED[r.want](entity)) {
      report(r.file, whereOf(r), "error", "wrong-kind", `'${r.id}' is ${article(entity.kind)} ${entity.kind}, but this needs ${article(WANT_NAME[r.want])} ${WANT_NAME[r.want]}.`);
      drop(r);
    }
  }
}

/** A place inside itself (a in b, b in a) is reported once, and the circle broken where it was found. */
function breakPlaceCycles(base: FactBase, paths: Map<string, { file: ParsedFactFile; path: Path }>, report: Reporter): void {
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
      const where = paths.get(closer.id);
      if (where) {
        report(where.file, [...where.path, "in"], "error", "place-cycle", `Places lie inside each other in a circle: ${[...circle, cur.id].join(" → ")}. A place lies in one larger place.`);
      }
      closer.in = undefined;
    }
    for (const id of trail) state.set(id, 2);
  }
}

function checkQuotes(
  citations: CitationAt[],
  base: FactBase,
  sourcePaths: Map<string, { file: ParsedFactFile; path: Path }>,
  texts: Pick<SourceTexts, "read">,
  report: Reporter,
): void {
  // Each source's article is looked up once per build, however many quotes cite it.
  const articles = new Map<string, { normalized: string } | undefined>();
  const articleOf = (source: Source): { normalized: string } | undefined => {
    if (articles.has(source.id)) return articles.get(source.id);
    const path = resolve(dirname(source.at.file), source.file!);
    const read = texts.read(path);
    const found = "error" in read ? undefined : read;
    articles.set(source.id, found);
    const def = sourcePaths.get(source.id);
    if ("error" in read && def) {
      report(def.file, [...def.path, "file"], "warning", "source-file-missing", `The article of source '${source.id}' cannot be read (${path}: ${read.error}); its quotes are not checked.`);
    }
    return found;
  };
  for (const c of citations) {
    const source = base.sources.get(c.citation.source);
    if (!source?.file) continue;
    const article = articleOf(source);
    if (article && !quoteInText(c.citation.quote, article.normalized)) {
      report(c.file, [...c.path, c.index, "quote"], "warning", "quote-not-found", `Quote not found in source '${source.id}' (${source.file}). Copy the words exactly; '…' marks a gap.`);
    }
  }
}

function checkOutlierOnly(values: EstablishedValue[], base: FactBase, report: Reporter): void {
  for (const v of values) {
    if (!v.cite.length) continue;
    const standings = v.cite.map((c) => base.sources.get(c.source)?.standing);
    if (standings.some((s) => s !== "outlier")) continue;
    const ids = [...new Set(v.cite.map((c) => c.source))].join(", ");
    report(v.file, [...v.path, "cite", 0, "source"], "warning", "outlier-only", `Only an outlier source (${ids}) supports this value, so the checker would hold an outlier's figure as established. Cite a main source, or move the value under \`disputed:\`.`);
  }
}

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

function monthName(m: number): string {
  return MONTHS[m - 1] ?? `Month ${m}`;
}

/** The least and most a qualified figure can mean, for adding up parts. */
function bounds(value: number, qualifier: Qualifier): [number, number] {
  switch (qualifier) {
    case "at least":
    case "more than":
      return [value, Infinity];
    case "about":
      return [value * 0.85, value * 1.15];
    case "nearly":
    case "up to":
    case "fewer than":
      return [0, value];
    default:
      return [value, value];
  }
}

/**
 * A list of just its items. Lists grown by push (until every reference is resolved) keep room
 * for more; at 100,000 entities that room is megabytes. (The parser's lists are trimmed in parse.ts.)
 */
function copy<T>(list: T[] | undefined): T[] {
  return list?.length ? list.slice() : [];
}

function removeFrom<T>(list: T[], item: T): void {
  for (let k = list.indexOf(item); k >= 0; k = list.indexOf(item)) list.splice(k, 1);
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

function locate(file: ParsedFactFile, path: Path): FactLocation {
  const { line, character } = file.positions.position(file.positions.offsetOf(path));
  return { file: file.file, line, character };
}
