// What the facts hold, in words for a hover: an entity or event summarised, the fact
// a finding points at found by its location, its sources with their quotes, and a link
// to the line of the fact file that holds it.
import { basename } from "node:path";
import { URI } from "vscode-uri";
import { Citation, Entity, FactBase, FactEvent, FactLocation } from "../facts/model";

export interface FactAt {
  cite: Citation[];
  at: FactLocation;
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
    for (const c of e.counts) yield* [c, ...c.disputed];
  }
  for (const ev of base.events.values()) yield* eventFacts(ev);
}

function* eventFacts(ev: FactEvent): Generator<FactAt> {
  yield ev;
  if (ev.place) yield { cite: ev.place.cite, at: ev.place.loc };
  if (ev.when) yield ev.when;
  for (const p of [ev.actors, ev.targets]) if (p) yield { cite: [...p.cite, ...p.disputed.flatMap((d) => d.cite)], at: p.at };
  for (const c of ev.counts) yield* [c, ...c.disputed];
  for (const d of ev.details) yield { cite: [...d.cite, ...d.disputed.flatMap((x) => x.cite)], at: d.at };
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

/** One bullet per citation, trusted sources first: "- AFP: “quote”". */
export function citationLines(base: FactBase, cites: Citation[]): string[] {
  const rank = (id: string): number => ({ main: 0, reference: 1, outlier: 2 })[base.sources.get(id)?.standing ?? "outlier"] ?? 2;
  return [...cites]
    .sort((a, b) => rank(a.source) - rank(b.source))
    .map((c) => {
      const source = base.sources.get(c.source);
      const outlet = escapeMarkdown(source?.outlet ?? c.source);
      const standing = source?.standing === "outlier" ? " *(known to carry errors)*" : "";
      return `- ${outlet}${standing}: “${escapeMarkdown(c.quote)}”`;
    });
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
