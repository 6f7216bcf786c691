// Putting the articles' facts together: one entry per entity and per event, every source's
// citation kept, and values the articles disagree on kept as `disputed:` — the value most
// sources give is established; between equally many, the latest report's (a later tally).
import { ArticleFacts } from "./events";
import { Cite, DraftCount, DraftEntity, DraftEvent } from "./model";
import { isTallyKey as isTally } from "./figures";
import { figuresIn, vocabulary as V } from "./reading";
import { keysOf, matchKey } from "../vocabulary";



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
    for (const [id, list] of f.containment) {
      const m = containers.get(id) ?? new Map<string, Cite[]>();
      for (const c of list) m.set(c.in, [...(m.get(c.in) ?? []), c.cite]);
      containers.set(id, m);
    }
    for (const [id, list] of f.entityCounts) counts.set(id, [...(counts.get(id) ?? []), list]);
  }
  for (const [id, m] of containers) {
    const e = byId.get(id);
    if (!e) continue;
    // The most cited container; of two that lie one in the other ("Ludian is part of Zhaotong City",
    // "Ludian County in Yunnan Province" when Zhaotong is in Yunnan), the finer.
    const ranked = [...m.entries()].sort((a, b) => b[1].length - a[1].length).map(([outer]) => outer);
    let outer = ranked[0];
    for (const other of ranked.slice(1)) {
      const finer = (LEVELS[byId.get(other)?.level ?? ""] ?? 9) < (LEVELS[byId.get(outer)?.level ?? ""] ?? 0);
      if (!containers.get(other)?.has(outer) && byId.get(other)?.in !== outer && !finer) continue;
      // Both hold it and one is finer: it lies in the other too ("Ludian is part of Zhaotong City", "Ludian County in Yunnan").
      const inner = byId.get(other);
      if (inner && !inner.in && !wouldCycle(byId, other, outer)) inner.in = outer;
      outer = other;
    }
    if (!wouldCycle(byId, id, outer)) e.in = outer;
  }
  for (const [id, lists] of counts) {
    const e = byId.get(id);
    if (e) e.counts = mergeCounts(lists, order);
  }
}

const LEVELS: Record<string, number> = { village: 1, town: 2, city: 3, area: 4, province: 5, region: 6, country: 7 };

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
        if (head.side || ev.side) return !!head.side && !!ev.side && dateKey(head.when!) === dateKey(ev.when!);
        return (ev.kind !== "event" && sameKind(head.kind, ev.kind)) || (!!ev.place && head.place?.at === ev.place.at) || jaccard(g.names, f.names) >= SAME_STORY;
      });
      if (group) {
        group.events.push(ev);
        for (const n of f.names) group.names.add(n);
      } else groups.push({ events: [ev], names: new Set(f.names) });
    }
  }
  const merged = groups.map((g) => mergeEventGroup(g.events, order, within));
  // A side happening on the story's own day is the story, told again.
  const storyDays = new Set(merged.filter((e) => !e.side && !e.background && e.when?.day).map((e) => dateKey(e.when!)));
  return merged.filter((e) => !e.side || !storyDays.has(dateKey(e.when!)));
}

/** Kinds of one happening ("runoff" and "election", "quake" and "earthquake"). */
function sameKind(a: string, b: string): boolean {
  if (a === b) return true;
  const ga = V.happeningsOf.get(a) ?? V.happeningsOf.get(matchKey(a));
  const gb = V.happeningsOf.get(b) ?? V.happeningsOf.get(matchKey(b));
  return !!ga && !!gb && ga[0] === gb[0] && ga[0] < V.firstAspect;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let both = 0;
  for (const x of a) if (b.has(x)) both++;
  const either = a.size + b.size - both;
  return either ? both / either : 0;
}

function mergeEventGroup(group: DraftEvent[], order: SourceOrder, within: Map<string, string>): DraftEvent {
  const [first] = group;
  // Keywords most of the articles share first.
  const said = new Map<string, number>();
  for (const ev of group) ev.keywords.forEach((k, i) => said.set(k, (said.get(k) ?? 0) + 10 - i / 10));
  const keywords = [...said.entries()].sort((a, b) => b[1] - a[1]).map(([k]) => k).slice(0, Math.max(first.keywords.length, 8));
  const out: DraftEvent = { ...first, people: [], counts: [], cite: [], keywords };
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
      // Quoted where the sources name that place: a coarser place's quotes ("It struck Ludian county, a
      // mountainous farming area") would tie any sentence with their words ("county") to where it happened.
      cite: finest.items.flatMap((p) => p.cite).slice(0, 3),
      disputed: rest.flat().map((r) => ({ at: r.key, cite: r.items.flatMap((p) => p.cite).slice(0, 2) })),
    };
  }
  // Date: the one most sources give (the format keeps no disputed date).
  const whens = tally(group.filter((e) => e.when).map((e) => ({ key: dateKey(e.when!), item: e.when!, article: e.when!.cite[0].article })), order);
  if (whens.length) {
    const top = whens[0];
    // Quoted first where the quote says the least else: a quote with figures ties the event to sentences about them.
    const figuresOf = (q: string): number => figuresIn(q).figures.length;
    const cites = top.items.flatMap((w) => w.cite).sort((a, b) => figuresOf(a.quote) - figuresOf(b.quote) || a.quote.length - b.quote.length);
    out.when = { ...top.items[0], cite: cites.slice(0, 3) };
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
  const keyOf = (c: DraftCount): string => `${c.key}|${c.ofEntity ?? (c.of && c.of !== "people" ? c.of.toLowerCase() : "")}|${c.unit ?? ""}`;
  const groups = new Map<string, DraftCount[]>();
  for (const list of lists) for (const c of list) groups.set(keyOf(c), [...(groups.get(keyOf(c)) ?? []), c]);
  const out: DraftCount[] = [];
  for (const group of groups.values()) {
    // Values that may be one quantity told differently: a running tally, a magnitude, or figures whose
    // clauses share words beyond the measure's ("premium … closing price on Friday"). The others stay
    // counts of their own: a dispute makes the checker flag the other value, two counts do not.
    const clusters: DraftCount[][] = [];
    for (const c of group) {
      const into = c.secondary
        ? clusters.find((cl) => cl.some((x) => x.value === c.value))
        : clusters.find((cl) => !cl[0].secondary && !cl.some((x) => x.cite[0].article === c.cite[0].article) && cl.some((x) => x.value === c.value || oneQuantity(x, c)));
      if (into) into.push(c);
      else clusters.push([c]);
    }
    for (const cluster of clusters) out.push(mergeCluster(cluster, order));
  }
  return out;
}

/** Whether two articles' values of one measure are one quantity they disagree on. */
function oneQuantity(a: DraftCount, b: DraftCount): boolean {
  if (isTally(a.key) || a.unit === "magnitude") return true;
  const wa = quoteWords(a);
  for (const w of quoteWords(b)) if (wa.has(w)) return true;
  return false;
}

const measureKeys = (c: DraftCount): Set<string> => new Set(`${c.measure} ${c.of ?? ""}`.split(/[\s-]+/).flatMap((w) => keysOf(w)));

/** The words of a count's quote around its value, less its measure's: what else the source said of it. */
function quoteWords(c: DraftCount): Set<string> {
  const out = new Set<string>();
  const own = measureKeys(c);
  for (const cite of c.cite) {
    const { tokens, figures } = figuresIn(cite.quote);
    const f = figures.find((x) => Math.abs(x.value - c.value) <= Math.abs(c.value) * 0.005) ?? (figures.length === 1 ? figures[0] : undefined);
    if (!f) continue;
    for (const w of f.context) {
      const t = tokens[w.at];
      // Names say whose, not what; a weekday or month says when, which two reports of one figure share.
      const name = (t.cap || t.upper) && !V.weekdays.has(t.norm) && !V.months.has(t.norm);
      if (w.weight < 0.2 || name || w.keys.some((k) => own.has(k))) continue;
      out.add(w.keys[0]);
    }
  }
  return out;
}

function mergeCluster(group: DraftCount[], order: SourceOrder): DraftCount {
  const values = tally(group.map((c) => ({ key: `${c.value}|${c.upper ?? ""}`, item: c, article: c.cite[0].article })), order);
  // A running tally (killed, injured, deployed…) that changed: the latest report's figure is the
  // established one, whatever the others say; the earlier ones were right on their day.
  const when = (v: { items: DraftCount[]; latest: string }): string => v.items.map((c) => c.asOf ?? "").sort().pop() || v.latest;
  if (isTally(group[0].key) && values.length > 1) values.sort((a, b) => (when(b) > when(a) ? 1 : when(b) < when(a) ? -1 : b.items.length - a.items.length));
  const [top, ...rest] = values;
  // "at least 13" and "13": the qualified figure, which says more.
  const head = top.items.find((c) => c.qualifier !== "exactly") ?? top.items[0];
  const merged: DraftCount = {
    ...head,
    by: top.items.find((c) => c.by)?.by,
    cite: top.items.flatMap((c) => c.cite).slice(0, 3),
    breakdown: mergeCounts(top.items.map((c) => c.breakdown), order),
    disputed: rest.map((r) => {
      const first = r.items.find((c) => c.qualifier !== "exactly") ?? r.items[0];
      return { value: first.value, upper: first.upper, qualifier: first.qualifier, asOf: first.asOf, by: r.items.find((c) => c.by)?.by, cite: r.items.flatMap((c) => c.cite).slice(0, 3) };
    }),
  };
  // The articles' own older tallies, once each.
  for (const c of group) {
    for (const v of c.disputed) {
      if (v.value === merged.value || merged.disputed.some((x) => x.value === v.value)) continue;
      merged.disputed.push(v);
    }
  }
  keepDatesThatTell(merged, order);
  return merged;
}

/**
 * `as_of` says when a value held. It is kept where it tells something: the count's values were
 * given on different days (an earlier tally is then history, not an error, when a sentence dates
 * it), or a value's clause dates it to another day than its article's.
 */
function keepDatesThatTell(c: DraftCount, order: SourceOrder): void {
  const values = [c, ...c.disputed];
  const days = new Set(values.map((v) => v.asOf).filter((d) => d));
  const changed = days.size > 1;
  for (const v of values) {
    if (!v.asOf) continue;
    const published = order.dateOf(v.cite[0].article);
    if (!changed && v.asOf === published) delete v.asOf;
  }
  for (const b of c.breakdown) keepDatesThatTell(b, order);
}
