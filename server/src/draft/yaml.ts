// Writing a draft as a fact file, through the `yaml` package's Document API, laid out as the
// hand-written files are: a comment on top, block lists, short lists of ids and spellings in
// flow style, a blank line between entries, and every entity and event marked `status: draft`.
import { Document, isMap, isSeq, Pair, Scalar, YAMLMap, YAMLSeq } from "yaml";
import { loadSchema } from "../facts/parse";
import { vocabulary as V } from "../vocabulary";
import { Cite, Draft, DraftCount, DraftEntity, DraftEvent, DraftValue } from "./model";

type Obj = Record<string, unknown>;

const FLOW_KEYS = new Set(["variants", "keywords", "people", "ids", "near"]);

function cites(list: Cite[], sourceIds: string[]): Obj[] {
  return list.map((c) => ({ source: sourceIds[c.article], quote: c.quote }));
}

/**
 * What the shipped fact format (facts/schema.json) accepts of a count, read once: the fields
 * `to`, `as_of` and `by` on a value, and which unit ids `unit:` takes. A draft writes a field only
 * where the format takes it, so it always loads; a unit the format does not take in `unit:` goes
 * into the measure's words ("vote share in percent"), where the checker reads it too.
 */
interface ValueFields {
  to: boolean;
  asOf: boolean;
  by: boolean;
}
interface Accepts extends ValueFields {
  /** On a part of a breakdown. */
  part: ValueFields;
  unit: (id: string) => boolean;
}
let accepts: Accepts | undefined;
function format(): Accepts {
  if (accepts) return accepts;
  type Node = { properties?: Record<string, { enum?: string[]; type?: string; pattern?: string }> };
  let value: Node = {};
  let total: Node = {};
  let part: Node = {};
  try {
    const defs = ((loadSchema() as { definitions?: Record<string, Node> }).definitions ?? {}) as Record<string, Node>;
    value = defs.countValue ?? {};
    total = defs.count ?? {};
    part = defs.breakdownItem ?? {};
  } catch {
    /* no schema beside the build: write the oldest format */
  }
  const unit = total.properties?.unit;
  const has = (n: Node, field: string): boolean => !!n.properties?.[field] && !!value.properties?.[field];
  return (accepts = {
    to: has(total, "to"),
    asOf: has(total, "as_of"),
    by: has(total, "by"),
    part: { to: has(part, "to"), asOf: has(part, "as_of"), by: has(part, "by") },
    unit: (id) => !!unit && (unit.enum ? unit.enum.includes(id) : unit.type === "string" && (!unit.pattern || new RegExp(unit.pattern).test(id))),
  });
}

/** A unit in words the checker reads back from a measure ("percent", "US dollars", "km", "yuan"). */
function unitWords(id: string): string | undefined {
  // A bare "$": dollars, of whichever country the article does not say.
  if (id === "$") return "dollars";
  const u = V.unit(id);
  if (!u) return undefined;
  if (u.family === "magnitude") return undefined; // "magnitude" says it
  const names = u.names.map((n) => n.join(" "));
  // "us dollars" as "US dollars": a country's letters in capitals.
  if (u.family === "currency") return (names.find((n) => /s$/.test(n) && n.includes(" ")) ?? names.find((n) => /s$/.test(n)) ?? names[0]).replace(/\b(u\.s\.|us|uk|nz|hk)\b/g, (m) => m.toUpperCase());
  return names[0];
}

function value(v: DraftValue, sourceIds: string[], f: ValueFields): Obj {
  const o: Obj = { value: v.value };
  if (v.upper !== undefined && f.to) o.to = v.upper;
  if (v.qualifier !== "exactly") o.qualifier = v.qualifier;
  if (v.asOf && f.asOf) o.as_of = v.asOf;
  if (v.by && f.by) o.by = v.by;
  o.cite = cites(v.cite, sourceIds);
  return o;
}

function count(c: DraftCount, sourceIds: string[], part = false): Obj {
  const f = format();
  const o: Obj = {};
  const unitInField = !!c.unit && f.unit(c.unit);
  const words = c.unit && !unitInField ? unitWords(c.unit) : undefined;
  if (!part) o.measure = words && !c.measure.includes(words) ? `${c.measure} in ${words}` : c.measure;
  if (c.of) o.of = c.of;
  Object.assign(o, value(c, sourceIds, part ? f.part : f));
  const cite = o.cite;
  delete o.cite;
  if (unitInField && !part) o.unit = c.unit;
  o.cite = cite;
  const parts = c.breakdown.filter((b) => b.of && b.cite.length);
  if (!part && parts.length) o.breakdown = parts.map((b) => count(b, sourceIds, true));
  if (c.disputed.length) o.disputed = c.disputed.map((d) => value(d, sourceIds, part ? f.part : f));
  return o;
}

function entity(e: DraftEntity, sourceIds: string[]): Obj {
  const o: Obj = { id: e.id, kind: e.kind };
  if (e.kind === "place" && e.level) o.level = e.level;
  o.name = e.name;
  if (e.variants.length) o.variants = e.variants;
  if (e.in) o.in = e.in;
  if (e.roles.length) o.roles = e.roles.map((r) => ({ title: r.title, ...(r.of ? { of: r.of } : {}), cite: cites(r.cite, sourceIds) }));
  if (e.counts.length) o.counts = e.counts.map((c) => count(c, sourceIds));
  o.cite = cites(e.cite, sourceIds);
  o.status = "draft";
  return o;
}

function event(e: DraftEvent, sourceIds: string[]): Obj {
  const o: Obj = { id: e.id, name: e.name };
  if (e.kind) o.kind = e.kind;
  if (e.keywords.length) o.keywords = e.keywords;
  if (e.place) {
    o.place = { at: e.place.at, cite: cites(e.place.cite, sourceIds) };
    if (e.place.disputed.length) (o.place as Obj).disputed = e.place.disputed.map((d) => ({ at: d.at, cite: cites(d.cite, sourceIds) }));
  }
  if (e.when) {
    const w: Obj = {};
    for (const k of ["year", "month", "day", "weekday", "time"] as const) if (e.when[k] !== undefined) w[k] = e.when[k];
    w.cite = cites(e.when.cite, sourceIds);
    o.when = w;
  }
  if (e.actors) {
    o.actors = { ids: e.actors.ids, cite: cites(e.actors.cite, sourceIds) };
    if (e.actors.disputed?.length) (o.actors as Obj).disputed = e.actors.disputed.map((d) => ({ ids: d.ids, cite: cites(d.cite, sourceIds) }));
  }
  if (e.people.length) o.people = e.people;
  // A duration the format takes only with its unit.
  const counts = e.counts.filter((c) => c.measure !== "duration" || (!!c.unit && format().unit(c.unit)));
  if (counts.length) o.counts = counts.map((c) => count(c, sourceIds));
  o.cite = cites(e.cite, sourceIds);
  o.status = "draft";
  return o;
}

/** The draft as a YAML fact file's text. */
export function draftToYaml(draft: Draft, header: string[]): string {
  const sourceIds = draft.sources.map((s) => s.id);
  const data: Obj = {};
  data.sources = draft.sources.map((s) => {
    const o: Obj = { id: s.id, outlet: s.outlet, title: s.title };
    if (s.file) o.file = s.file;
    if (s.date) o.date = s.date;
    if (s.note) o.note = s.note;
    return o;
  });
  if (draft.entities.length) data.entities = draft.entities.map((e) => entity(e, sourceIds));
  if (draft.events.length) data.events = draft.events.map((e) => event(e, sourceIds));
  const doc = new Document(data);
  doc.commentBefore = header.map((l) => ` ${l}`).join("\n");
  layout(doc.contents);
  return doc.toString({ lineWidth: 0, indentSeq: true, flowCollectionPadding: false });
}

/** Flow style for short lists of ids, a blank line before each top-level entry. */
function layout(node: unknown, depth = 0): void {
  if (isMap(node)) {
    for (const pair of (node as YAMLMap).items as Pair[]) {
      const key = (pair.key as Scalar)?.value as string;
      if (isSeq(pair.value) && FLOW_KEYS.has(key)) (pair.value as YAMLSeq).flow = true;
      if (depth === 0 && pair.key && isSeq(pair.value)) {
        (pair.value as YAMLSeq).items.forEach((item, k) => {
          if (k > 0 && isMap(item)) (item as YAMLMap).spaceBefore = true;
        });
        if (depth === 0 && (node as YAMLMap).items.indexOf(pair) > 0) (pair.key as Scalar).spaceBefore = true;
      }
      layout(pair.value, depth + 1);
    }
  } else if (isSeq(node)) for (const item of (node as YAMLSeq).items) layout(item, depth + 1);
}
