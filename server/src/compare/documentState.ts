// What a document has said so far that later sentences read: who was named, what was
// counted, which places came up. Advanced sentence by sentence, in document order.
import { SentenceReading } from "../claims/reader";
import { FactBase } from "../facts/model";

/** What a document has said so far that later sentences read: who was named, where, by whom. */
export interface DocState {
  people: Set<string>;
  /** The people in the order first named, as one string: part of each block's cache key. */
  peopleKey: string;
  /** Places the last few sentences named, oldest first, for "the province is home to …". */
  recentPlaces: string[];
  /** Bodies (organizations, forces) the last sentences named, oldest first, for "the court's president". */
  recentBodies: string[];
}

export function newDocState(): DocState {
  return { people: new Set(), peopleKey: "", recentPlaces: [], recentBodies: [] };
}

/** What one sentence adds to the document state; worked out once per (cached) reading. */
interface StateDelta {
  people: readonly string[];
  places: readonly string[];
  bodies: readonly string[];
}
/** Most sentences name no one and no place: one shared empty list, as deltas are kept per reading. */
const NONE: readonly string[] = Object.freeze([]);
const deltas = new WeakMap<SentenceReading, StateDelta>();

function deltaOf(s: SentenceReading, base: FactBase): StateDelta {
  let d = deltas.get(s);
  if (!d) {
    const kind = (id: string): string | undefined => base.entities.get(id)?.kind;
    const people: string[] = [];
    const places: string[] = [];
    const bodies: string[] = [];
    for (const m of s.mentions) {
      const k = kind(m.entityId);
      if (k === "person") people.push(m.entityId);
      else if (k === "place") places.push(m.entityId);
      else if (k === "organization" || k === "force") bodies.push(m.entityId);
    }
    for (const m of s.suspects) if (kind(m.entityId) === "person") people.push(m.entityId);
    d = {
      people: people.length ? people : NONE,
      places: places.length ? places : NONE,
      bodies: bodies.length ? bodies : NONE,
    };
    deltas.set(s, d);
  }
  return d;
}

/** Moves the document state past one sentence. */
export function advance(state: DocState, s: SentenceReading, base: FactBase): void {
  const d = deltaOf(s, base);
  for (const id of d.people) {
    if (state.people.has(id)) continue;
    state.people.add(id);
    state.peopleKey += `${id},`;
  }
  if (d.bodies.length) {
    state.recentBodies.push(...d.bodies);
    if (state.recentBodies.length > 12) state.recentBodies.splice(0, state.recentBodies.length - 12);
  }
  if (d.places.length) {
    state.recentPlaces.push(...d.places);
    if (state.recentPlaces.length > 12) state.recentPlaces.splice(0, state.recentPlaces.length - 12);
  }
}

