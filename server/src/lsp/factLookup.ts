// What the facts hold, in words for a hover: an entity or event summarised, the fact
// a finding points at found by its location (with the values other reports give instead),
// its sources with their quotes — whole, or cut at a word — and a link to the line of the
// fact file that holds it.
import { basename } from "node:path";
import { URI } from "vscode-uri";
import { Citation, Count, CountValue, Entity, FactBase, FactEvent, FactLocation } from "../facts/model";

/** A value some report gives instead of the established one, with its citations. */
export interface DisputedValue {
  value: string;
  cite: Citation[];
}

export interface FactAt {
  cite: Citation[];
  at: FactLocation;
  disputed?: DisputedValue[];
}

/** The fact written at a location (an entity, a role, a count, an event's place…). */
export function factAt(base: FactBase, loc: FactLocation): FactAt | undefined {
  for (const fact of allFacts(base)) if (sameLocation(fact.at, loc)) return fact;
  return undefined;
}

function* allFacts(base: FactBase): Generator<FactAt> {
  for (const e of base.entities.values()) {
    yield e;
    yield* e.roles;
    yield* e.relations;
    if (e.founded) yield e.founded;
    for (const c of e.counts) yield* countFacts(c);
  }
  for (const ev of base.events.values()) yield* eventFacts(base, ev);
}

function* eventFacts(base: FactBase, ev: FactEvent): Generator<FactAt> {
  const name = (id: string): string => base.entities.get(id)?.name ?? id;
  yield ev;
  if (ev.place) yield { cite: ev.place.cite, at: ev.place.loc, disputed: (ev.place.disputed ?? []).map((d) => ({ value: name(d.at), cite: d.cite })) };
  if (ev.when) yield ev.when;
  for (const p of [ev.actors, ev.targets]) if (p) yield { cite: p.cite, at: p.at, disputed: p.disputed.map((d) => ({ value: d.ids.map(name).join(" / "), cite: d.cite })) };
  for (const c of ev.counts) yield* countFacts(c);
  for (const d of ev.details) yield { cite: d.cite, at: d.at, disputed: d.disputed.map((x) => ({ value: x.value, cite: x.cite })) };
}

/** A count, with its disputed figures; each disputed figure is also a fact of its own line. */
function* countFacts(c: Count): Generator<FactAt> {
  const figure = (v: CountValue): string => `${v.qualifier === "exactly" ? "" : `${v.qualifier} `}${v.value}`;
  yield { cite: c.cite, at: c.at, disputed: c.disputed.map((d) => ({ value: figure(d), cite: d.cite })) };
  yield* c.disputed;
}

function sameLocation(a: FactLocation, b: FactLocation): boolean {
  return a.file === b.file && a.line === b.line && a.character === b.character;
}

/** A file URI with the fact's line as fragment (#L12), which VS Code opens at that line. */
export function factLink(loc: FactLocation): string {
  return `${URI.file(loc.file).toString()}#L${loc.line + 1}`;
}

/** "[entities.facts.yaml:181](file:///…#L181)" */
export function factLinkMarkdown(loc: FactLocation): string {
  return `[${escapeMarkdown(basename(loc.file))}:${loc.line + 1}](${factLink(loc)})`;
}

/** A quote longer than this is cut, at a word, in a hover. */
export const QUOTE_MAX = 120;

/** The quote whole, or cut at the last word boundary before `max` characters, with " …". */
export function quoteExcerpt(quote: string, max = QUOTE_MAX): string {
  const q = quote.replace(/\s+/g, " ").trim();
  if (q.length <= max) return q;
  const room = q.slice(0, max + 1);
  const space = room.lastIndexOf(" ");
  // A single word longer than the room is kept whole rather than split.
  const cut = space > 0 ? room.slice(0, space) : q.slice(0, Math.max(max, q.search(/\s|$/)));
  return `${cut.replace(/[\s,;:–—-]+$/, "")} …`;
}

/** The citations in the order a reader wants them: trusted sources first, each quote once. */
export function rankedCitations(base: FactBase, cites: Citation[]): Citation[] {
  const rank = (id: string): number => ({ main: 0, reference: 1, outlier: 2 })[base.sources.get(id)?.standing ?? "outlier"] ?? 2;
  const seen = new Set<string>();
  return [...cites]
    .sort((a, b) => rank(a.source) - rank(b.source))
    .filter((c) => {
      const key = `${c.source}\u0000${c.quote.replace(/\s+/g, " ").trim().toLowerCase()}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** "AFP (via Barron's)", or "Reuters (garbled) *(known to carry errors)*". */
export function outletMarkdown(base: FactBase, sourceId: string): string {
  const source = base.sources.get(sourceId);
  const standing = source?.standing === "outlier" ? " *(known to carry errors)*" : "";
  return `${escapeMarkdown(source?.outlet ?? sourceId)}${standing}`;
}

/** “quote”, whole or cut at a word. */
export function quoteMarkdown(quote: string): string {
  return `“${escapeMarkdown(quoteExcerpt(quote))}”`;
}

/** One bullet per citation, trusted sources first: "- AFP: “quote”". */
export function citationLines(base: FactBase, cites: Citation[]): string[] {
  return rankedCitations(base, cites).map((c) => `- ${outletMarkdown(base, c.source)}: ${quoteMarkdown(c.quote)}`);
}

/** A hover's account of an entity: name, kind, what the facts say of it, spellings, sources. */
export function entityMarkdown(base: FactBase, e: Entity): string {
  const name = (id: string | undefined): string => (id ? base.entities.get(id)?.name ?? id : "");
  const facts: string[] = [];
  for (const r of e.roles) facts.push(`${r.title}${r.of ? ` of ${name(r.of)}` : ""}`);
  if (e.kind === "place" && e.in) facts.push(`${e.level ? `${e.level} ` : ""}in ${name(e.in)}`);
  for (const r of e.relations) facts.push(`${r.type.replace(/-/g, " ")} ${name(r.target)}`);
  if (e.founded) facts.push(`founded ${e.founded.month ? `${e.founded.month}/` : ""}${e.founded.year}`);
  const lines = [`**${escapeMarkdown(e.name)}** · ${e.kind}${facts.length ? ` — ${escapeMarkdown(facts.join("; "))}` : ""}`];
  if (e.variants.length) lines.push("", `Also written: ${e.variants.map(escapeMarkdown).join(", ")}`);
  if (e.note) lines.push("", escapeMarkdown(e.note));
  const cites = citationLines(base, e.cite);
  if (cites.length) lines.push("", "Sources:", ...cites);
  lines.push("", factLinkMarkdown(e.at));
  return lines.join("\n");
}

export function eventMarkdown(base: FactBase, ev: FactEvent): string {
  const lines = [`**${escapeMarkdown(ev.name)}** · ${escapeMarkdown(ev.kind)}`];
  const cites = citationLines(base, ev.cite);
  if (cites.length) lines.push("", "Sources:", ...cites);
  lines.push("", factLinkMarkdown(ev.at));
  return lines.join("\n");
}

export function sourceMarkdown(base: FactBase, id: string): string | undefined {
  const s = base.sources.get(id);
  if (!s) return undefined;
  const lines = [`**${escapeMarkdown(s.outlet)}** · source (${s.standing})`, "", escapeMarkdown(s.title)];
  if (s.url) lines.push("", s.url);
  if (s.note) lines.push("", escapeMarkdown(s.note));
  lines.push("", factLinkMarkdown(s.at));
  return lines.join("\n");
}

export function escapeMarkdown(s: string): string {
  return s.replace(/([\\`*_{}[\]<>#|])/g, "\\$1");
}
