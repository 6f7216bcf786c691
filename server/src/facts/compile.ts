// Compiles one parsed fact file into the model's objects (facts/model.ts), each with its place
// in the file, and reports what can be judged within the file alone (impossible dates, fields
// on the wrong kind of entity, parts of a count larger than its total). Ids are resolved across
// files later, by build.ts, without changing these objects: a compiled file is kept while it is
// in force and reused by every rebuild, so editing one fact file recompiles only that file and
// the parsed data of the others need not be kept.
import {
  Citation,
  Count,
  CountValue,
  DateParts,
  Detail,
  Entity,
  EventPlace,
  EventWhen,
  FactEvent,
  FactLocation,
  Participants,
  Qualifier,
  Relation,
  Role,
  Source,
} from "./model";
import { describePath, FactProblem, ParsedFactFile, problemAt } from "./parse";

type Raw = Record<string, unknown>;
export type Path = (string | number)[];

export interface CompiledFactFile {
  /** Each item at the index it has in its section of the file. */
  sources: Source[];
  entities: Entity[];
  events: FactEvent[];
  /** Warnings about the file on its own. */
  problems: FactProblem[];
}

/**
 * The one empty list every empty field shares: at 100,000 entities, a list of their own for
 * each empty `roles`, `near` or `counts` is tens of megabytes. Frozen, so nothing adds to it.
 */
const NONE: never[] = Object.freeze([]) as unknown as never[];

/** A list of just its items, or the shared empty one (lists grown by push keep room for more). */
function trimmed<T>(list: T[] | undefined): T[] {
  return list?.length ? list.slice() : NONE;
}

/** A list made to its size (by map), or the shared empty one. */
function orNone<T>(list: T[]): T[] {
  return list.length ? list : NONE;
}

/** The items of a list of the file, to read (nothing kept). */
function itemsOf(raw: unknown): Raw[] {
  return Array.isArray(raw) ? (raw as Raw[]) : NONE;
}

/**
 * The file's list, or the shared empty one. A copy: the parser's lists grew by push and keep
 * room for more (a one-item list with room for seventeen), and the base keeps them.
 */
/** "2014-08-05" (or "2014-08") as the parts of a day, with its weekday. */
export function dateParts(text: string): DateParts {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(text);
  if (!m) return {};
  const [year, month] = [Number(m[1]), Number(m[2])];
  if (!m[3]) return { year, month };
  const day = Number(m[3]);
  const weekday = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"][new Date(Date.UTC(year, month - 1, day)).getUTCDay()];
  return { year, month, day, weekday };
}

function listOf<T>(raw: unknown): T[] {
  return Array.isArray(raw) && raw.length ? (raw.slice() as T[]) : NONE;
}

export function compileFactFile(file: ParsedFactFile): CompiledFactFile {
  const out: CompiledFactFile = { sources: [], entities: [], events: [], problems: [] };
  const data = file.data;
  if (!data) return out;
  const at = (path: Path): FactLocation => {
    const { line, character } = file.positions.position(file.positions.offsetOf(path));
    return { file: file.file, line, character };
  };
  const report = (path: Path, code: string, message: string): void => {
    const [from, to] = file.positions.rangeOf(path) ?? [0, 0];
    out.problems.push(problemAt(file.file, file.positions, from, to, "warning", code, message));
  };
  // The parser makes a string of every value: the same kind, source id or place id written
  // a hundred thousand times is kept once.
  const strings = new Map<string, string>();
  const word = <T extends string | undefined>(v: unknown): T => {
    if (typeof v !== "string") return v as T;
    const known = strings.get(v);
    if (known !== undefined) return known as T;
    strings.set(v, v);
    return v as T;
  };
  const words = (raw: unknown): string[] => {
    const list = listOf<string>(raw);
    for (let k = 0; k < list.length; k++) list[k] = word(list[k]);
    return list;
  };
  // Citations are the parser's own objects: the schema allows exactly `source` and `quote`.
  const cites = (raw: unknown): Citation[] => {
    const list = listOf<Citation>(raw);
    for (const c of list) c.source = word(c.source);
    return list;
  };

  // Facts drafted by `factcheck facts draft` and not yet reviewed: a note on each (see drafted()).
  if (file.text.includes("status:")) drafted(data.entities, ["entities"]), drafted(data.events, ["events"]);

  (data.sources ?? []).forEach((s, i) => {
    out.sources.push({
      id: s.id as string,
      outlet: s.outlet as string,
      title: s.title as string,
      file: s.file as string | undefined,
      url: s.url as string | undefined,
      standing: (s.standing as Source["standing"]) ?? "main",
      note: s.note as string | undefined,
      date: s.date as string | undefined,
      at: at(["sources", i]),
    });
  });

  (data.entities ?? []).forEach((e, i) => {
    const p: Path = ["entities", i];
    const entity: Entity = {
      id: e.id as string,
      kind: word(e.kind),
      name: e.name as string,
      variants: listOf<string>(e.variants),
      level: word(e.level),
      in: word(e.in),
      near: words(e.near),
      region: word(e.region),
      demonym: e.demonym as string | undefined,
      roles: NONE,
      relations: NONE,
      founded: undefined,
      counts: NONE,
      note: e.note as string | undefined,
      cite: cites(e.cite),
      at: at(p),
      variantsAt: at(e.variants ? [...p, "variants"] : [...p, "name"]),
    };
    entity.roles = orNone(
      itemsOf(e.roles).map(
        (r, j): Role => ({
          title: word(r.title),
          aliases: words(r.aliases),
          of: word(r.of),
          rank: word(r.rank),
          cite: cites(r.cite),
          at: at([...p, "roles", j]),
        }),
      ),
    );
    entity.relations = orNone(
      itemsOf(e.relations).map((r, j): Relation => {
        const relation: Relation = {
          type: word(r.type),
          target: word(r.target),
          since: r.since as number | undefined,
          until: r.until as number | undefined,
          cite: cites(r.cite),
          at: at([...p, "relations", j]),
        };
        if (relation.since !== undefined && relation.until !== undefined && relation.since > relation.until) {
          report([...p, "relations", j, "until"], "impossible-date", `This tie ends (${relation.until}) before it begins (${relation.since}).`);
        }
        return relation;
      }),
    );
    const founded = e.founded as Raw | undefined;
    if (founded) {
      entity.founded = { year: founded.year as number, month: founded.month as number | undefined, cite: cites(founded.cite), at: at([...p, "founded"]) };
    }
    entity.counts = trimmed(itemsOf(e.counts).flatMap((c, j) => counts(c, [...p, "counts", j])));
    misplacedFields(e, p);
    out.entities.push(entity);
  });

  (data.events ?? []).forEach((ev, i) => {
    const p: Path = ["events", i];
    const rawPlace = ev.place as Raw | undefined;
    const rawWhen = ev.when as Raw | undefined;
    let place: EventPlace | undefined;
    if (rawPlace) {
      const pp: Path = [...p, "place"];
      place = { at: word(rawPlace.at), near: words(rawPlace.near), region: word(rawPlace.region), cite: cites(rawPlace.cite), loc: at(pp) };
      const disputed = itemsOf(rawPlace.disputed);
      if (disputed.length) place.disputed = disputed.map((d, k) => ({ at: word<string>(d.at), cite: cites(d.cite), loc: at([...pp, "disputed", k]) }));
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
        cite: cites(rawWhen.cite),
        at: at([...p, "when"]),
      };
      checkDate([...p, "when"], when);
    }
    out.events.push({
      id: ev.id as string,
      name: ev.name as string,
      kind: word<string | undefined>(ev.kind) ?? "event",
      keywords: listOf<string>(ev.keywords),
      place,
      when,
      actors: participants(ev.actors, [...p, "actors"]),
      targets: participants(ev.targets, [...p, "targets"]),
      people: words(ev.people),
      counts: trimmed(itemsOf(ev.counts).flatMap((c, j) => counts(c, [...p, "counts", j]))),
      details: itemsOf(ev.details).map(
        (d, j): Detail => ({
          what: word(d.what),
          value: d.value as string,
          cite: cites(d.cite),
          disputed: itemsOf(d.disputed).map((x) => ({ value: x.value as string, cite: cites(x.cite) })),
          at: at([...p, "details", j]),
        }),
      ),
      cite: cites(ev.cite),
      at: at(p),
    });
  });
  return out;

  function participants(raw: unknown, path: Path): Participants | undefined {
    if (!raw) return undefined;
    const r = raw as Raw;
    return {
      ids: words(r.ids),
      cite: cites(r.cite),
      disputed: itemsOf(r.disputed).map((d) => ({ ids: words(d.ids), cite: cites(d.cite) })),
      at: at(path),
    };
  }

  function countValue(c: Raw, path: Path): CountValue {
    const v: CountValue = { value: c.value as number, qualifier: word<Qualifier | undefined>(c.qualifier) ?? "exactly", cite: cites(c.cite), at: at(path) };
    // Written only when given, so a count of an older file is the object it always was.
    if (typeof c.to === "number") v.upper = c.to;
    if (typeof c.as_of === "string") v.asOf = dateParts(c.as_of);
    if (typeof c.by === "string") v.by = word(c.by);
    return v;
  }

  /** A count, followed by the parts of its breakdown as counts of their own (References.counts in build.ts walks them back to their paths). */
  function counts(c: Raw, path: Path): Count[] {
    const total: Count = {
      ...countValue(c, path),
      measure: word(c.measure),
      of: word(c.of),
      unit: word(c.unit),
      disputed: itemsOf(c.disputed).map((d, k) => countValue(d, [...path, "disputed", k])),
    };
    const parts = itemsOf(c.breakdown).map((b, k): Count => {
      const bp: Path = [...path, "breakdown", k];
      return {
        ...countValue(b, bp),
        measure: total.measure,
        of: word(b.of),
        unit: total.unit,
        disputed: itemsOf(b.disputed).map((d, m) => countValue(d, [...bp, "disputed", m])),
        within: total.of ?? "people",
      };
    });
    const least = parts.reduce((sum, part) => sum + bounds(part.value, part.qualifier)[0], 0);
    const most = bounds(total.value, total.qualifier)[1];
    if (parts.length && least > most) {
      report([...path, "breakdown"], "breakdown-exceeds-total", `The parts of this count add up to ${least}, more than the total (${total.qualifier === "exactly" ? "" : `${total.qualifier} `}${total.value}).`);
    }
    return [total, ...parts];
  }

  function checkDate(path: Path, w: EventWhen): void {
    if (w.month === undefined || w.day === undefined) return;
    const days = w.year !== undefined ? new Date(Date.UTC(w.year, w.month, 0)).getUTCDate() : [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][w.month - 1];
    if (w.day > days) {
      report([...path, "day"], "impossible-date", `${monthName(w.month)} has ${days} days${w.year !== undefined ? ` in ${w.year}` : ""}, not ${w.day}.`);
      return;
    }
    if (w.year !== undefined && w.weekday) {
      const actual = WEEKDAYS[new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay()];
      if (actual !== w.weekday) {
        report([...path, "weekday"], "impossible-date", `${monthName(w.month)} ${w.day}, ${w.year} was a ${actual}, not a ${w.weekday}.`);
      }
    }
  }

  /**
   * An information note on every item marked `status: draft` (an entity, an event, or one of their
   * values): drafted from the articles and not yet reviewed. Accepting it is deleting the field.
   */
  function drafted(raw: unknown, path: Path): void {
    if (Array.isArray(raw)) raw.forEach((item, k) => drafted(item, [...path, k]));
    else if (raw !== null && typeof raw === "object") {
      for (const [key, value] of Object.entries(raw as Raw)) {
        if (key === "status" && value === "draft") {
          const [from, to] = file.positions.rangeOf([...path, key]) ?? [0, 0];
          out.problems.push(problemAt(file.file, file.positions, from, to, "information", "drafted", `Drafted, not yet reviewed: ${describePath(path, data)}. Check it against its quotes, then delete 'status: draft'.`));
        } else if (key !== "cite" && typeof value === "object") drafted(value, [...path, key]);
      }
    }
  }

  /** Fields that only mean something for another kind of entity. */
  function misplacedFields(e: Raw, p: Path): void {
    const kind = e.kind as string;
    for (const field of ["level", "region", "demonym"]) {
      if (e[field] !== undefined && kind !== "place") {
        report([...p, field], "misplaced-field", `'${field}' describes a place, but ${describePath(p, data)} is a ${kind}; the checker ignores it here.`);
      }
    }
    if (e.roles !== undefined && kind !== "person") {
      report([...p, "roles"], "misplaced-field", `'roles' are offices people hold, but ${describePath(p, data)} is a ${kind}.`);
    }
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
