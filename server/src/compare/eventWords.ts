// The words that tie a date or a place in a sentence to an event of the facts: the words of its
// kind ("quake", "struck"), its keywords, and the words its own citations use around its date
// and its place ("Microsoft Corp agreed on Tuesday to buy …" dates the deal by "agreed" and
// "buy"). A date in "the closing price on Friday" is the price's, not the deal's.
import { Happenings } from "../claims/happenings";
import { FactBase, FactEvent } from "../facts/model";
import { tokenize, Token } from "../text/tokens";
import { matchKey, vocabulary as V } from "../vocabulary";

/** How far from its date or place a word of a citation still tells of it. */
const REACH = 6;

export class EventWords {
  private readonly dating = new Map<string, Set<string>>();
  private readonly placing = new Map<string, Set<string>>();

  constructor(base: FactBase, happenings: Happenings) {
    const groupWords = new Map<string, string[]>();
    V.happeningsOf.forEach((groups, word) => {
      for (const g of groups) (groupWords.get(`g${g}`) ?? groupWords.set(`g${g}`, []).get(`g${g}`)!).push(word);
    });
    for (const ev of base.events.values()) {
      const own = new Set<string>();
      for (const kind of happenings.kindsOf(ev.id)) {
        for (const w of groupWords.get(kind) ?? [kind.replace(/^k:/, "")]) own.add(matchKey(w));
      }
      for (const k of ev.keywords) for (const t of tokenize(k)) if (t.kind === "word" || t.kind === "number") own.add(matchKey(t.norm));
      const dating = new Set(own);
      for (const c of ev.when?.cite ?? []) wordsNear(tokenize(c.quote), isDateToken, dating);
      const placing = new Set(own);
      const placeNames = new Set<string>();
      for (const id of [ev.place?.at, ...(ev.place?.near ?? [])]) {
        const e = id ? base.entities.get(id) : undefined;
        for (const n of e ? [e.name, ...e.variants] : []) for (const t of tokenize(n)) placeNames.add(t.norm);
      }
      for (const c of ev.place?.cite ?? []) wordsNear(tokenize(c.quote), (t) => placeNames.has(t.norm), placing);
      this.dating.set(ev.id, dating);
      this.placing.set(ev.id, placing);
    }
  }

  /** Words that tie a date to the event. */
  datingWords(ev: FactEvent): ReadonlySet<string> {
    return this.dating.get(ev.id) ?? EMPTY;
  }

  /** Words that tie a place to the event. */
  placingWords(ev: FactEvent): ReadonlySet<string> {
    return this.placing.get(ev.id) ?? EMPTY;
  }
}

const EMPTY: ReadonlySet<string> = new Set();

function isDateToken(t: Token): boolean {
  return V.weekdays.has(t.norm) || V.months.has(t.norm) || (t.kind === "number" && t.raw.length === 4) || V.partsOfDay.has(t.norm);
}

/** The plain words of a quote near the tokens `at` marks (all of its plain words when none is marked). */
function wordsNear(tokens: Token[], at: (t: Token) => boolean, into: Set<string>): void {
  const marks: number[] = [];
  tokens.forEach((t, i) => at(t) && marks.push(i));
  tokens.forEach((t, i) => {
    if (t.kind !== "word" || t.cap || V.stopwords.has(t.norm) || V.datePrepositions.has(t.norm) || isDateToken(t)) return;
    if (marks.length && !marks.some((m) => Math.abs(m - i) <= REACH)) return;
    into.add(matchKey(t.norm));
  });
}
