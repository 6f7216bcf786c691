// A new fact as a writer describes it from a draft ("Add Fact from Selection"): checked
// against the fact base, turned into the YAML item the schema expects, and placed in its
// fact file by ./edit.ts.
import { appendToEvent, appendTopLevel, EditResult } from "./edit";
import { EntityKind, FactBase, Qualifier } from "./model";
import { normalizeName } from "../text/normalize";

export const ENTITY_KINDS: EntityKind[] = ["person", "place", "organization", "force"];
export const QUALIFIERS: Qualifier[] = ["exactly", "at least", "more than", "about", "nearly", "up to", "fewer than"];

export type NewFactKind = EntityKind | "detail" | "count";

export interface Citation {
  source: string;
  quote: string;
}

export type FactDraft =
  | { kind: EntityKind; name: string; id?: string; in?: string; cite: Citation }
  /** A detail of an event: what it is ("weapon") and what the sources say ("helicopters"). */
  | { kind: "detail"; eventId: string; what: string; value: string; cite: Citation }
  /** A count of an event: killed 13 people, at least. */
  | { kind: "count"; eventId: string; measure: string; of?: string; value: number; qualifier?: Qualifier; cite: Citation };

/** What is wrong with a draft, in words for the writer; undefined when it can be added. */
export function draftProblem(base: FactBase, draft: FactDraft): string | undefined {
  if (!draft || typeof draft !== "object") return "No fact was given.";
  const oneLine = (s: unknown): boolean => typeof s === "string" && s.trim() !== "" && !/[\r\n]/.test(s);
  if (!draft.cite || !oneLine(draft.cite.source)) return "Choose the source that supports the fact.";
  if (!base.sources.has(draft.cite.source)) return `No source has the id '${draft.cite.source}'.`;
  if (typeof draft.cite.quote !== "string" || !draft.cite.quote.trim()) return "Give the words of the source that support the fact.";
  if ((ENTITY_KINDS as string[]).includes(draft.kind)) {
    const d = draft as Extract<FactDraft, { name: string }>;
    if (!oneLine(d.name)) return "Give the name on one line.";
    const id = d.id ?? suggestId(base, d.name);
    if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) return `'${id}' is not a valid id (lowercase letters, digits and hyphens).`;
    if (base.entities.has(id) || base.events.has(id) || base.sources.has(id)) return `The id '${id}' is already taken.`;
    const owner = ownerOfName(base, d.name);
    if (owner) return `'${d.name.trim()}' already names '${owner}'.`;
    if (d.in !== undefined && !base.entities.has(d.in)) return `No entity has the id '${d.in}'.`;
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

/** The fact file a draft must go to when it has no choice: an event's facts live with the event. */
export function fixedFileOf(base: FactBase, draft: FactDraft): string | undefined {
  return draft.kind === "detail" || draft.kind === "count" ? base.events.get(draft.eventId)?.at.file : undefined;
}

/** The edit that adds a checked draft to the text of its fact file. */
export function newFactEdit(base: FactBase, draft: FactDraft, fileText: string): EditResult {
  const problem = draftProblem(base, draft);
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
      item.cite = cite;
      return appendTopLevel(fileText, "entities", item);
    }
  }
}

/** An id made from a name ("Tom Leicester" → tom-leicester), numbered when taken. */
export function suggestId(base: FactBase, name: string): string {
  const stem =
    name
      .normalize("NFD")
      .replace(/\p{M}+/gu, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60)
      .replace(/-+$/, "") || "fact";
  const taken = (id: string): boolean => base.entities.has(id) || base.events.has(id) || base.sources.has(id);
  if (!taken(stem)) return stem;
  for (let n = 2; ; n++) if (!taken(`${stem}-${n}`)) return `${stem}-${n}`;
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
