// Writing a draft as a fact file, through the `yaml` package's Document API, laid out as the
// hand-written files are: a comment on top, block lists, short lists of ids and spellings in
// flow style, a blank line between entries, and every entity and event marked `status: draft`.
import { Document, isMap, isSeq, Pair, Scalar, YAMLMap, YAMLSeq } from "yaml";
import { Cite, Draft, DraftCount, DraftEntity, DraftEvent } from "./model";

type Obj = Record<string, unknown>;

const FLOW_KEYS = new Set(["variants", "keywords", "people", "ids", "near"]);

function cites(list: Cite[], sourceIds: string[]): Obj[] {
  return list.map((c) => ({ source: sourceIds[c.article], quote: c.quote }));
}

function count(c: DraftCount, sourceIds: string[], part = false): Obj {
  const o: Obj = {};
  if (!part) o.measure = c.measure;
  if (c.of) o.of = c.of;
  o.value = c.value;
  if (c.unit) o.unit = c.unit;
  if (c.qualifier !== "exactly") o.qualifier = c.qualifier;
  o.cite = cites(c.cite, sourceIds);
  const parts = c.breakdown.filter((b) => b.of && b.cite.length);
  if (!part && parts.length) o.breakdown = parts.map((b) => count(b, sourceIds, true));
  if (c.disputed.length) {
    o.disputed = c.disputed.map((d) => ({ value: d.value, ...(d.qualifier !== "exactly" ? { qualifier: d.qualifier } : {}), cite: cites(d.cite, sourceIds) }));
  }
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
  const o: Obj = { id: e.id, name: e.name, kind: e.kind };
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
  if (e.counts.length) o.counts = e.counts.map((c) => count(c, sourceIds));
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
