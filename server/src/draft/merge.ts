// Putting the articles' facts together: one entry per entity and per event, every source's
// citation kept, and values the articles disagree on kept as `disputed:` — the value most
// sources give is established; between equally many, the latest report's (a later tally).
import { ArticleFacts } from "./events";
import { Cite, DraftCount, DraftEntity, DraftEvent } from "./model";

export interface SourceOrder {
  /** Publication order of each article (its date as a sortable string, or its index). */
  dateOf(article: number): string | undefined;
}

/** Adds each article's offices, places, entity counts to the entities. */
export function mergeEntityFacts(entities: DraftEntity[], facts: ArticleFacts[], order: SourceOrder): void {
  const byId = new Map(entities.map((e) => [e.id, e]));
  const containers = new Map<string, Map<string, Cite[]>>();
  const counts = new Map<string, DraftCount[][]>();
  for (const f of facts) {
    for (const [id, roles] of f.roles) {
      const e = byId.get(id);
      if (!e) continue;
      for (const role of roles) {
        const same = e.roles.find((r) => r.title === role.title && (r.of === role.of || !r.of || !role.of));
        if (same) {
          same.of ??= role.of;
          if (same.cite.length < 3) same.cite.push(...role.cite);
        } else e.roles.push({ ...role, cite: [...role.cite] });
      }
    }
    for (const [id, c] of f.containment) {
      const m = containers.get(id) ?? new Map<string, Cite[]>();
      m.set(c.in, [...(m.get(c.in) ?? []), c.cite]);
      containers.set(id, m);
    }
    for (const [id, list] of f.entityCounts) counts.set(id, [...(counts.get(id) ?? []), list]);
  }
  for (const [id, m] of containers) {
    const e = byId.get(id);
    if (!e) continue;
    const [outer] = [...m.entries()].sort((a, b) => b[1].length - a[1].length)[0];
    if (!wouldCycle(byId, id, outer)) e.in = outer;
  }
  for (const [id, lists] of counts) {
    const e = byId.get(id);
    if (e) e.counts = mergeCounts(lists, order);
  }
}

function wouldCycle(byId: Map<string, DraftEntity>, inner: string, outer: string): boolean {
  const seen = new Set([inner]);
  for (let at: string | undefined = outer; at; at = byId.get(at)?.in) {
    if (seen.has(at)) return true;
    seen.add(at);
  }
  return false;
}

/** Articles naming this share of the same people, places and bodies tell of the same event. */
const SAME_STORY = 0.25;

/**
 * One event per story, one per earlier event (by year). Two articles' main events are one story
 * when they happened at the same place, or the articles name mostly the same entities.
 */
export function mergeEvents(facts: ArticleFacts[], order: SourceOrder, entities: DraftEntity[]): DraftEvent[] {
  const within = new Map<string, string>();
  for (const e of entities) if (e.in) within.set(e.id, e.in);
  const groups: { events: DraftEvent[]; names: Set<string> }[] = [];
  for (const f of facts) {
    for (const ev of f.events) {
      const group = groups.find((g) => {
        const head = g.events[0];
        if (head.background || ev.background) return !!head.background && !!ev.background && head.when?.year === ev.when?.year;
        return (ev.kind !== "event" && head.kind === ev.kind) || (!!ev.place && head.place?.at === ev.place.at) || jaccard(g.names, f.names) >= SAME_STORY;
      });
      if (group) {
        group.events.push(ev);
        for (const n of f.names) group.names.add(n);
      } else groups.push({ events: [ev], names: new Set(f.names) });
    }
  }
  return groups.map((g) => mergeEventGroup(g.events, order, within));
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let both = 0;
  for (const x of a) if (b.has(x)) both++;
  const either = a.size + b.size - both;
  return either ? both / either : 0;
}

function mergeEventGroup(group: DraftEvent[], order: SourceOrder, within: Map<string, string>): DraftEvent {
  const [first] = group;
  const out: DraftEvent = { ...first, people: [], counts: [], cite: [], keywords: [...first.keywords] };
  for (const ev of group) {
    for (const p of ev.people) if (!out.people.includes(p)) out.people.push(p);
    if (out.cite.length < 3) out.cite.push(...ev.cite.slice(0, 1));
    if (ev.kind !== "event" && out.kind === "event") out.kind = ev.kind;
  }
  // Place: the one most sources give — a town and the country it lies in agree, and the town is
  // kept as the finer — the others disputed.
  const places = tally(group.filter((e) => e.place).map((e) => ({ key: e.place!.at, item: e.place!, article: e.place!.cite[0].article })), order);
  if (places.length) {
    const chain = (id: string): string[] => {
      const out: string[] = [];
      for (let at: string | undefined = id; at && !out.includes(at); at = within.get(at)) out.push(at);
      return out;
    };
    const agree = (a: string, b: string): boolean => chain(a).includes(b) || chain(b).includes(a);
    const clusters: (typeof places)[] = [];
    for (const p of places) {
      const c = clusters.find((cl) => cl.every((q) => agree(q.key, p.key)));
      if (c) c.push(p);
      else clusters.push([p]);
    }
    const support = (cl: typeof places): number => cl.reduce((n, p) => n + p.items.length, 0);
    clusters.sort((a, b) => support(b) - support(a));
    const [top, ...rest] = clusters;
    const finest = [...top].sort((a, b) => chain(b.key).length - chain(a.key).length)[0];
    out.place = {
      at: finest.key,
      cite: [...finest.items, ...top.filter((p) => p !== finest).flatMap((p) => p.items)].flatMap((p) => p.cite).slice(0, 3),
      disputed: rest.flat().map((r) => ({ at: r.key, cite: r.items.flatMap((p) => p.cite).slice(0, 2) })),
    };
  }
  // Date: the one most sources give (the format keeps no disputed date).
  const whens = tally(group.filter((e) => e.when).map((e) => ({ key: dateKey(e.when!), item: e.when!, article: e.when!.cite[0].article })), order);
  if (whens.length) {
    const top = whens[0];
    out.when = { ...top.items[0], cite: top.items.flatMap((w) => w.cite).slice(0, 3) };
  } else delete out.when;
  // Actors: the ones most sources name; the others disputed.
  const actors = tally(group.filter((e) => e.actors).map((e) => ({ key: e.actors!.ids.join(","), item: e.actors!, article: e.actors!.cite[0].article })), order);
  if (actors.length) {
    const [top, ...rest] = actors;
    out.actors = { ids: top.items[0].ids, cite: top.items.flatMap((a) => a.cite).slice(0, 3), disputed: rest.map((r) => ({ ids: r.items[0].ids, cite: r.items.flatMap((a) => a.cite).slice(0, 2) })) };
  } else delete out.actors;
  out.counts = mergeCounts(group.map((e) => e.counts), order);
  return out;
}

const dateKey = (w: { year?: number; month?: number; day?: number; weekday?: string }): string => `${w.year ?? ""}-${w.month ?? ""}-${w.day ?? ""}-${w.weekday ?? ""}`;

/** Groups items by key, the key most articles give first; between equals, the latest article's. */
function tally<T>(items: { key: string; item: T; article: number }[], order: SourceOrder): { key: string; items: T[]; latest: string }[] {
  const by = new Map<string, { key: string; items: T[]; latest: string; articles: Set<number> }>();
  for (const x of items) {
    const g = by.get(x.key) ?? { key: x.key, items: [], latest: "", articles: new Set<number>() };
    g.items.push(x.item);
    g.articles.add(x.article);
    const d = order.dateOf(x.article) ?? "";
    if (d > g.latest) g.latest = d;
    by.set(x.key, g);
  }
  return [...by.values()].sort((a, b) => b.articles.size - a.articles.size || (b.latest > a.latest ? 1 : b.latest < a.latest ? -1 : 0));
}

/** Counts of several articles: one per measure, the others' values disputed. */
export function mergeCounts(lists: DraftCount[][], order: SourceOrder): DraftCount[] {
  const keyOf = (c: DraftCount): string => `${c.measure}|${c.of ?? ""}|${c.unit ?? ""}`;
  const groups = new Map<string, DraftCount[]>();
  for (const list of lists) for (const c of list) groups.set(keyOf(c), [...(groups.get(keyOf(c)) ?? []), c]);
  const out: DraftCount[] = [];
  for (const group of groups.values()) {
    const values = tally(group.map((c) => ({ key: `${c.value}`, item: c, article: c.cite[0].article })), order);
    // A tally that rose: the latest report's figure is the established one, whatever the others say.
    const rising = group[0].measure === "killed" || group[0].measure === "injured" || group[0].measure === "missing";
    if (rising && values.length > 1) values.sort((a, b) => (b.latest > a.latest ? 1 : b.latest < a.latest ? -1 : b.items.length - a.items.length));
    const [top, ...rest] = values;
    // "at least 13" and "13": the qualified figure, which says more.
    const head = top.items.find((c) => c.qualifier !== "exactly") ?? top.items[0];
    const merged: DraftCount = {
      ...head,
      cite: top.items.flatMap((c) => c.cite).slice(0, 3),
      breakdown: mergeCounts(top.items.map((c) => c.breakdown), order),
      disputed: rest.map((r) => ({ value: r.items[0].value, qualifier: r.items[0].qualifier, cite: r.items.flatMap((c) => c.cite).slice(0, 3) })),
    };
    out.push(merged);
  }
  return out;
}
