// A new fact as a writer describes it from a draft ("Add Fact from Selection"): checked
// against the fact base, turned into the YAML item the schema expects, and placed in its
// fact file by ./edit.ts. A person may come with the office the sources give them (and its
// organisation); a fact may cite a source added in the same step (id, outlet, title, file).
import { appendToEvent, appendTopLevel, EditResult } from "./edit";
import { EntityKind, FactBase, Qualifier } from "./model";
import { normalizeName } from "../text/normalize";
import { freeId, slug } from "./slug";

export const ENTITY_KINDS: EntityKind[] = ["person", "place", "organization", "force"];
export const QUALIFIERS: Qualifier[] = ["exactly", "at least", "more than", "about", "nearly", "up to", "fewer than"];

export type NewFactKind = EntityKind | "detail" | "count";

export interface Citation {
  source: string;
  quote: string;
}

/** A person's office as the sources give it, and the organisation (or force, or place) it belongs to. */
export interface RoleDraft {
  title: string;
  of?: string;
}

/** A source added along with the fact: `file` is the article's path as the fact file will hold it. */
export interface SourceDraft {
  id: string;
  outlet: string;
  title: string;
  file?: string;
  url?: string;
  standing?: "main" | "outlier" | "reference";
}

export const STANDINGS = ["main", "outlier", "reference"] as const;

export type FactDraft =
  | { kind: EntityKind; name: string; id?: string; in?: string; role?: RoleDraft; cite: Citation }
  /** A detail of an event: what it is ("weapon") and what the sources say ("helicopters"). */
  | { kind: "detail"; eventId: string; what: string; value: string; cite: Citation }
  /** A count of an event: killed 13 people, at least. */
  | { kind: "count"; eventId: string; measure: string; of?: string; value: number; qualifier?: Qualifier; cite: Citation };

const oneLine = (s: unknown): s is string => typeof s === "string" && s.trim() !== "" && !/[\r\n]/.test(s);
const ID = /^[a-z0-9][a-z0-9-]*$/;

/**
 * What is wrong with a draft, in words for the writer; undefined when it can be added.
 * `newSource` is the id of a source added with it, which the draft may cite.
 */
export function draftProblem(base: FactBase, draft: FactDraft, newSource?: string): string | undefined {
  if (!draft || typeof draft !== "object") return "No fact was given.";
  if (!draft.cite || !oneLine(draft.cite.source)) return "Choose the source that supports the fact.";
  if (!base.sources.has(draft.cite.source) && draft.cite.source !== newSource) return `No source has the id '${draft.cite.source}'.`;
  if (typeof draft.cite.quote !== "string" || !draft.cite.quote.trim()) return "Give the words of the source that support the fact.";
  if ((ENTITY_KINDS as string[]).includes(draft.kind)) {
    const d = draft as Extract<FactDraft, { name: string }>;
    if (!oneLine(d.name)) return "Give the name on one line.";
    const id = d.id ?? suggestId(base, d.name);
    if (!ID.test(id)) return `'${id}' is not a valid id (lowercase letters, digits and hyphens).`;
    if (base.entities.has(id) || base.events.has(id) || base.sources.has(id) || id === newSource) return `The id '${id}' is already taken.`;
    const owner = ownerOfName(base, d.name);
    if (owner) return `'${d.name.trim()}' already names '${owner}'.`;
    if (d.in !== undefined && !base.entities.has(d.in)) return `No entity has the id '${d.in}'.`;
    if (d.role !== undefined) {
      if (d.kind !== "person") return "Only a person holds a role.";
      if (!d.role || typeof d.role !== "object" || !oneLine(d.role.title)) return "Give the person's role or office on one line (e.g. spokesman).";
      if (d.role.of !== undefined) {
        const body = base.entities.get(d.role.of);
        if (!body) return `No entity has the id '${d.role.of}'.`;
        if (body.kind === "person") return `'${d.role.of}' is a person; a role belongs to an organization, force or place.`;
      }
    }
    return undefined;
  }
  if (draft.kind !== "detail" && draft.kind !== "count") return `Unknown kind of fact '${String((draft as { kind: unknown }).kind)}'.`;
  if (!oneLine(draft.eventId) || !base.events.has(draft.eventId)) return `No event has the id '${draft.eventId}'.`;
  if (draft.kind === "detail") {
    if (!oneLine(draft.what)) return "Say what the detail is (e.g. weapon, target).";
    if (!oneLine(draft.value)) return "Give the detail's value on one line.";
    return undefined;
  }
  if (!oneLine(draft.measure)) return "Say what is counted (e.g. killed, injured).";
  if (typeof draft.value !== "number" || !Number.isFinite(draft.value) || draft.value < 0) return "A count must be a number of zero or more.";
  if (draft.qualifier !== undefined && !QUALIFIERS.includes(draft.qualifier)) return `'${draft.qualifier}' is not a qualifier (${QUALIFIERS.join(", ")}).`;
  return undefined;
}

/** What is wrong with a source to add, in words for the writer; undefined when it can be added. */
export function sourceProblem(base: FactBase, source: SourceDraft): string | undefined {
  if (!source || typeof source !== "object") return "No source was given.";
  if (!oneLine(source.id) || !ID.test(source.id)) return `'${String(source.id)}' is not a valid source id (lowercase letters, digits and hyphens).`;
  if (base.sources.has(source.id) || base.entities.has(source.id) || base.events.has(source.id)) return `The id '${source.id}' is already taken.`;
  if (!oneLine(source.outlet)) return "Give the source's outlet on one line (e.g. AFP).";
  if (!oneLine(source.title)) return "Give the source's title (its headline) on one line.";
  for (const key of ["file", "url"] as const) {
    if (source[key] !== undefined && !oneLine(source[key])) return `The source's ${key} must be one line.`;
  }
  if (source.standing !== undefined && !STANDINGS.includes(source.standing)) return `'${source.standing}' is not a standing (${STANDINGS.join(", ")}).`;
  return undefined;
}

/** The edit that adds a checked source to the `sources:` of a fact file's text. */
export function newSourceEdit(base: FactBase, source: SourceDraft, fileText: string): EditResult {
  const problem = sourceProblem(base, source);
  if (problem) return { ok: false, reason: problem };
  const item: Record<string, unknown> = { id: source.id, outlet: source.outlet.trim(), title: source.title.trim() };
  if (source.file) item.file = source.file.trim();
  if (source.url) item.url = source.url.trim();
  if (source.standing && source.standing !== "main") item.standing = source.standing;
  return appendTopLevel(fileText, "sources", item);
}

/** The fact file a draft must go to when it has no choice: an event's facts live with the event. */
export function fixedFileOf(base: FactBase, draft: FactDraft): string | undefined {
  return draft.kind === "detail" || draft.kind === "count" ? base.events.get(draft.eventId)?.at.file : undefined;
}

/** The edit that adds a checked draft to the text of its fact file. */
export function newFactEdit(base: FactBase, draft: FactDraft, fileText: string, newSource?: string): EditResult {
  const problem = draftProblem(base, draft, newSource);
  if (problem) return { ok: false, reason: problem };
  const cite = [{ source: draft.cite.source, quote: draft.cite.quote.trim() }];
  switch (draft.kind) {
    case "detail":
      return appendToEvent(fileText, draft.eventId, "details", { what: draft.what.trim(), value: draft.value.trim(), cite });
    case "count": {
      const item: Record<string, unknown> = { measure: draft.measure.trim() };
      if (draft.of?.trim()) item.of = draft.of.trim();
      item.value = draft.value;
      if (draft.qualifier && draft.qualifier !== "exactly") item.qualifier = draft.qualifier;
      item.cite = cite;
      return appendToEvent(fileText, draft.eventId, "counts", item);
    }
    default: {
      const item: Record<string, unknown> = { id: draft.id ?? suggestId(base, draft.name), kind: draft.kind, name: draft.name.trim() };
      if (draft.in) item.in = draft.in;
      if (draft.role) {
        // The office rests on the same words as the person.
        const role: Record<string, unknown> = { title: draft.role.title.trim() };
        if (draft.role.of) role.of = draft.role.of;
        role.cite = cite.map((c) => ({ ...c })); // a copy: the same object twice would be written as a YAML alias
        item.roles = [role];
      }
      item.cite = cite;
      return appendTopLevel(fileText, "entities", item);
    }
  }
}

/** An id made from a name ("Tom Leicester" → tom-leicester), numbered when taken. */
export function suggestId(base: FactBase, name: string): string {
  return freeId(slug(name), (id) => base.entities.has(id) || base.events.has(id) || base.sources.has(id));
}

/** The entity that already answers to this spelling, if any. */
export function ownerOfName(base: FactBase, spelling: string): string | undefined {
  const key = normalizeName(spelling);
  if (!key) return undefined;
  for (const e of base.entities.values()) {
    if (normalizeName(e.name) === key || e.variants.some((v) => normalizeName(v) === key)) return e.id;
  }
  return undefined;
}
