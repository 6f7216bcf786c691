// Builds one FactBase from several parsed fact files: ids resolved across files,
// dangling references, duplicate ids and names claimed by two entities reported at their place.
import { Node } from "yaml";
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
import { FactProblem, ParsedFactFile, position, problemAt } from "./parse";
import { normalizeName } from "../text/normalize";

type Raw = Record<string, unknown>;
type Path = (string | number)[];

export interface BuildResult {
  base: FactBase;
  problems: FactProblem[];
}

export function buildFactBase(files: ParsedFactFile[]): BuildResult {
  const base = emptyFactBase();
  const problems: FactProblem[] = [];
  const refs: { file: ParsedFactFile; path: Path; id: string; want: "source" | "entity" | "event" }[] = [];

  for (const file of files) {
    if (!file.data) continue;
    base.files.push(file.file);
    const at = (path: Path): FactLocation => locate(file, path);
    const report = (path: Path, code: string, message: string, severity: "error" | "warning" = "error"): void => {
      const node = file.doc?.getIn(path, true) as Node | undefined;
      const [from, to] = node?.range ? [node.range[0], node.range[1]] : [0, 0];
      problems.push(problemAt(file.file, file.lines, from, to, severity, code, message));
    };
    const cites = (raw: unknown, path: Path): Citation[] => {
      const list = (raw as Citation[] | undefined) ?? [];
      list.forEach((c, i) => refs.push({ file, path: [...path, i, "source"], id: c.source, want: "source" }));
      return list.map((c) => ({ source: c.source, quote: c.quote }));
    };
    const ref = (id: unknown, path: Path, want: "entity" | "event" = "entity"): string | undefined => {
      if (typeof id !== "string") return undefined;
      refs.push({ file, path, id, want });
      return id;
    };
    const refList = (ids: unknown, path: Path): string[] =>
      ((ids as string[] | undefined) ?? []).map((id, i) => ref(id, [...path, i]) ?? id);

    (file.data.sources ?? []).forEach((s, i) => {
      const id = s.id as string;
      if (base.sources.has(id)) return report(["sources", i, "id"], "duplicate-id", `Source id '${id}' is already defined in ${base.sources.get(id)!.at.file}.`);
      const source: Source = {
        id,
        outlet: s.outlet as string,
        title: s.title as string,
        file: s.file as string | undefined,
        url: s.url as string | undefined,
        standing: (s.standing as Source["standing"]) ?? "main",
        note: s.note as string | undefined,
        at: at(["sources", i]),
      };
      base.sources.set(id, source);
    });

    (file.data.entities ?? []).forEach((e, i) => {
      const p: Path = ["entities", i];
      const id = e.id as string;
      if (base.entities.has(id)) return report([...p, "id"], "duplicate-id", `Entity id '${id}' is already defined in ${base.entities.get(id)!.at.file}.`);
      const entity: Entity = {
        id,
        kind: e.kind as Entity["kind"],
        name: e.name as string,
        variants: (e.variants as string[] | undefined) ?? [],
        level: e.level as Entity["level"],
        in: ref(e.in, [...p, "in"]),
        near: refList(e.near, [...p, "near"]),
        region: e.region as string | undefined,
        demonym: e.demonym as string | undefined,
        roles: ((e.roles as Raw[] | undefined) ?? []).map(
          (r, j): Role => ({
            title: r.title as string,
            aliases: (r.aliases as string[] | undefined) ?? [],
            of: ref(r.of, [...p, "roles", j, "of"]),
            rank: r.rank as string | undefined,
            cite: cites(r.cite, [...p, "roles", j, "cite"]),
            at: at([...p, "roles", j]),
          }),
        ),
        relations: ((e.relations as Raw[] | undefined) ?? []).map(
          (r, j): Relation => ({
            type: r.type as Relation["type"],
            target: ref(r.target, [...p, "relations", j, "target"]) ?? "",
            since: r.since as number | undefined,
            until: r.until as number | undefined,
            cite: cites(r.cite, [...p, "relations", j, "cite"]),
            at: at([...p, "relations", j]),
          }),
        ),
        founded: e.founded
          ? {
              year: (e.founded as Raw).year as number,
              month: (e.founded as Raw).month as number | undefined,
              cite: cites((e.founded as Raw).cite, [...p, "founded", "cite"]),
              at: at([...p, "founded"]),
            }
          : undefined,
        counts: ((e.counts as Raw[] | undefined) ?? []).map((c, j) => count(c, [...p, "counts", j])),
        note: e.note as string | undefined,
        cite: cites(e.cite, [...p, "cite"]),
        at: at(p),
        variantsAt: at(e.variants ? [...p, "variants"] : [...p, "name"]),
      };
      base.entities.set(id, entity);
    });

    (file.data.events ?? []).forEach((ev, i) => {
      const p: Path = ["events", i];
      const id = ev.id as string;
      if (base.events.has(id) || base.entities.has(id))
        return report([...p, "id"], "duplicate-id", `Id '${id}' is already defined.`);
      const place = ev.place as Raw | undefined;
      const when = ev.when as Raw | undefined;
      const event: FactEvent = {
        id,
        name: ev.name as string,
        kind: (ev.kind as string | undefined) ?? "event",
        keywords: (ev.keywords as string[] | undefined) ?? [],
        place: place
          ? ({
              at: ref(place.at, [...p, "place", "at"]),
              near: refList(place.near, [...p, "place", "near"]),
              region: place.region as string | undefined,
              cite: cites(place.cite, [...p, "place", "cite"]),
              loc: at([...p, "place"]),
            } satisfies EventPlace)
          : undefined,
        when: when
          ? ({
              year: when.year as number | undefined,
              month: when.month as number | undefined,
              day: when.day as number | undefined,
              weekday: when.weekday as string | undefined,
              time: when.time as string | undefined,
              relative: when.relative as string | undefined,
              cite: cites(when.cite, [...p, "when", "cite"]),
              at: at([...p, "when"]),
            } satisfies EventWhen)
          : undefined,
        actors: participants(ev.actors, [...p, "actors"]),
        targets: participants(ev.targets, [...p, "targets"]),
        people: refList(ev.people, [...p, "people"]),
        counts: ((ev.counts as Raw[] | undefined) ?? []).map((c, j) => count(c, [...p, "counts", j])),
        details: ((ev.details as Raw[] | undefined) ?? []).map(
          (d, j): Detail => ({
            what: d.what as string,
            value: d.value as string,
            cite: cites(d.cite, [...p, "details", j, "cite"]),
            disputed: ((d.disputed as Raw[] | undefined) ?? []).map((x, k) => ({
              value: x.value as string,
              cite: cites(x.cite, [...p, "details", j, "disputed", k, "cite"]),
            })),
            at: at([...p, "details", j]),
          }),
        ),
        cite: cites(ev.cite, [...p, "cite"]),
        at: at(p),
      };
      base.events.set(id, event);
    });

    function participants(raw: unknown, path: Path): Participants | undefined {
      if (!raw) return undefined;
      const r = raw as Raw;
      return {
        ids: refList(r.ids, [...path, "ids"]),
        cite: cites(r.cite, [...path, "cite"]),
        disputed: ((r.disputed as Raw[] | undefined) ?? []).map((d, k) => ({
          ids: refList(d.ids, [...path, "disputed", k, "ids"]),
          cite: cites(d.cite, [...path, "disputed", k, "cite"]),
        })),
        at: at(path),
      };
    }

    function countValue(c: Raw, path: Path): CountValue {
      return {
        value: c.value as number,
        qualifier: (c.qualifier as Qualifier | undefined) ?? "exactly",
        cite: cites(c.cite, [...path, "cite"]),
        at: at(path),
      };
    }

    function count(c: Raw, path: Path): Count {
      return {
        ...countValue(c, path),
        measure: c.measure as string,
        of: c.of as string | undefined,
        unit: c.unit as string | undefined,
        disputed: ((c.disputed as Raw[] | undefined) ?? []).map((d, k) => countValue(d, [...path, "disputed", k])),
      };
    }
  }

  for (const r of refs) {
    const known =
      r.want === "source" ? base.sources.has(r.id) : r.want === "event" ? base.events.has(r.id) : base.entities.has(r.id);
    if (known) continue;
    const node = r.file.doc?.getIn(r.path, true) as Node | undefined;
    const [from, to] = node?.range ? [node.range[0], node.range[1]] : [0, 0];
    problems.push(problemAt(r.file.file, r.file.lines, from, to, "error", "dangling-reference", `No ${r.want} has the id '${r.id}'.`));
  }

  problems.push(...conflictingNames(base));
  return { base, problems };
}

/** Two entities that answer to the same spelling make lookups ambiguous: report the later one. */
function conflictingNames(base: FactBase): FactProblem[] {
  const owner = new Map<string, Entity>();
  const problems: FactProblem[] = [];
  for (const entity of base.entities.values()) {
    for (const spelling of [entity.name, ...entity.variants]) {
      const key = normalizeName(spelling);
      const first = owner.get(key);
      if (first && first.id !== entity.id) {
        const at = entity.at;
        problems.push({
          file: at.file,
          line: at.line,
          character: at.character,
          endLine: at.line,
          endCharacter: at.character + 1,
          severity: "warning",
          code: "conflicting-name",
          message: `'${spelling}' names both '${first.id}' and '${entity.id}'; lookups of it go to '${first.id}'.`,
        });
      } else if (!first) owner.set(key, entity);
    }
  }
  return problems;
}

function locate(file: ParsedFactFile, path: Path): FactLocation {
  const node = file.doc?.getIn(path, true) as Node | undefined;
  const offset = node?.range?.[0] ?? 0;
  return { file: file.file, ...position(file.lines, offset) };
}
