// What every comparison needs: the fact base, a way to report a conflict, and the
// wording of "what the sources say" with the source that says it.
import { ConflictCode, Finding, Fix, RelatedFact } from "../engine/findings";
import { Citation, Entity, FactBase, FactEvent, FactLocation } from "../facts/model";
import { normalizeName } from "../text/normalize";
import { keysOf, vocabulary as V } from "../vocabulary";

export interface Conflict {
  code: ConflictCode;
  /** Offsets relative to the block being compared. */
  start: number;
  end: number;
  message: string;
  fixes: { title?: string; newText: string; start?: number; end?: number }[];
  /** Whether the first fix is certain enough to be preferred (applied by "fix all" and --fix); default true. */
  preferred?: boolean;
  fact?: { at: FactLocation; what: string };
  entityId?: string;
  eventId?: string;
  written: string;
}

/** Conflicts a correction can set right in the next sentence. */
const CONTRASTED = new Set(["wrong-place", "wrong-date", "wrong-detail"]);


/** Every recorded spelling of a base's entities, made once per base (a context is made per block). */
const spellingsOf = new WeakMap<FactBase, Map<string, string>>();
const demonymsOf = new WeakMap<FactBase, Set<string>>();

export class CompareContext {
  readonly findings: Finding[] = [];
  /** Offset of the block whose sentences are being compared. */
  offset = 0;

  constructor(readonly base: FactBase) {}

  entity(id: string | undefined): Entity | undefined {
    return id ? this.base.entities.get(id) : undefined;
  }

  /** The entity a spelling names exactly (its name or a variant), if any. */
  entityNamed(spelling: string): string | undefined {
    let spellings = spellingsOf.get(this.base);
    if (!spellings) {
      spellingsOf.set(this.base, (spellings = new Map()));
      for (const e of this.base.entities.values()) for (const n of [e.name, ...e.variants]) spellings.set(normalizeName(n), e.id);
    }
    return spellings.get(normalizeName(spelling));
  }

  /** Whether a word is a country's adjective ("British", "Syrian"), as the facts give them or as English forms them. */
  isDemonym(word: string): boolean {
    let demonyms = demonymsOf.get(this.base);
    if (!demonyms) {
      demonymsOf.set(this.base, (demonyms = new Set()));
      for (const e of this.base.entities.values()) if (e.demonym) demonyms.add(e.demonym.toLowerCase());
    }
    if (demonyms.has(word.toLowerCase())) return true;
    return /^[A-Z][a-z]+(ian|ish|ese|ean|ic|i|an)$/.test(word) && !word.includes(" ");
  }

  name(id: string | undefined): string {
    return this.entity(id)?.name ?? id ?? "";
  }

  /** An entity's name as a message's sentence needs it: "the European Union", but "Microsoft", "China", "Lula". */
  the(id: string | undefined): string {
    const e = this.entity(id);
    if (!e) return id ?? "";
    if (e.kind === "person" || e.kind === "place") return e.name;
    return definite(e.name, e.name.split(/\s+/).some((w) => V.definite.has(w.toLowerCase())));
  }

  /** An event's name with its article: "the Harlow earthquake", "the CMA's approval …" (a name that has one keeps it). */
  theEvent(ev: FactEvent): string {
    return definite(ev.name, !/^\S+['’]s\s/.test(ev.name));
  }

  /**
   * The sentence after the one being compared, in the same paragraph. A wrong place, date or detail
   * the next sentence sets right ("We said the quake struck Sichuan province. It struck
   * Yunnan province.") is an error reported, as corrections columns do, not one made.
   */
  nextSentence = "";
  /** How many content words the next sentence shares with this one: a correction says the same thing again. */
  sharedWithNext = 0;

  report(c: Conflict): void {
    const right = c.fixes[0]?.newText;
    if (right && CONTRASTED.has(c.code) && this.sharedWithNext >= 2 && saysAgain(this.nextSentence, right)) return;
    const fixes: Fix[] = c.fixes.map((f, i) => ({
      title: f.title ?? `Replace with '${f.newText}'`,
      newText: f.newText,
      start: this.offset + (f.start ?? c.start),
      end: this.offset + (f.end ?? c.end),
      preferred: i === 0 && c.preferred !== false,
    }));
    const related: RelatedFact[] = c.fact ? [{ at: c.fact.at, message: c.fact.what }] : [];
    this.findings.push({
      code: c.code,
      severity: "warning",
      start: this.offset + c.start,
      end: this.offset + c.end,
      message: c.message,
      fixes,
      related,
      data: { entityId: c.entityId, eventId: c.eventId, written: c.written },
    });
  }

  /** "Reuters: “the quake struck … Harlow County”", preferring trusted sources. */
  cite(cites: Citation[]): string {
    const ranked = [...cites].sort((a, b) => rank(this.base.sources.get(a.source)?.standing) - rank(this.base.sources.get(b.source)?.standing));
    const c = ranked[0];
    if (!c) return "";
    const outlet = this.base.sources.get(c.source)?.outlet ?? c.source;
    // A long quote is cut at the last word that fits, never inside one.
    const quote = c.quote.length > 140 ? `${c.quote.slice(0, 137).replace(/\s+\S*$/, "")} …` : c.quote;
    return ` (${outlet}: “${quote}”)`;
  }
}

function rank(standing: string | undefined): number {
  return standing === "main" ? 0 : standing === "reference" ? 1 : 2;
}

/** Whether a sentence says every word of the right value again, in any spelling ("two-story" in "a two-storey house"). */
function saysAgain(sentence: string, right: string): boolean {
  const words = (text: string): string[] => text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const wanted = words(right);
  if (!wanted.length) return false;
  const said = new Set(words(sentence).flatMap((w) => keysOf(w)));
  return wanted.every((w) => keysOf(w).some((k) => said.has(k)));
}

function definite(name: string, takesThe: boolean): string {
  if (/^the\s/i.test(name)) return `the ${name.slice(4)}`;
  return takesThe ? `the ${name}` : name;
}
