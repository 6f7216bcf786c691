// Indexes over a fact base that comparisons ask of often, built once per base, so that a
// check costs the same with a hundred entities or a hundred thousand.
import { Entity, FactBase, FactEvent } from "../facts/model";

export interface Lookups {
  people: Entity[];
  /** Entities whose ties point at an id ("X led-by Y" is found from Y). */
  tiedTo: Map<string, Entity[]>;
  /** People by each word of each office title and alias they hold ("press", "secretary", "spokesman"). */
  byOfficeWord: Map<string, Entity[]>;
  /** Events with a date and a person among their targets. */
  datedWithPersonTarget: FactEvent[];
}

const cache = new WeakMap<FactBase, Lookups>();

export function lookups(base: FactBase): Lookups {
  let l = cache.get(base);
  if (l) return l;
  l = { people: [], tiedTo: new Map(), byOfficeWord: new Map(), datedWithPersonTarget: [] };
  for (const e of base.entities.values()) {
    if (e.kind === "person") l.people.push(e);
    for (const r of e.relations) {
      if (r.type === "rival-of" || r.type === "dominates") continue;
      push(l.tiedTo, r.target, e);
    }
    for (const role of e.roles) {
      for (const phrase of [role.title, ...role.aliases]) for (const w of phrase.split(/\s+/)) push(l.byOfficeWord, w, e);
    }
  }
  for (const ev of base.events.values()) {
    if (ev.when && ev.targets?.ids.some((id) => base.entities.get(id)?.kind === "person")) l.datedWithPersonTarget.push(ev);
  }
  cache.set(base, l);
  return l;
}

function push<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}
