// The words that name happenings — "quake", "raid", "runoff", "takeover" — and which of them are the
// fact base's own. The vocabulary groups happening nouns by kind; the fact base's event kinds and
// keywords say which kinds its events are. A happening of a kind none of its events has tells of
// another story ("the Kunshan factory blast" in a newsletter about an earthquake).
import { FactBase, FactEvent } from "../facts/model";
import { Token } from "../text/tokens";
import { matchKey, stem, vocabulary as V } from "../vocabulary";

export interface HappeningUse {
  /** The kind: a vocabulary group ("g7") or, for a kind the vocabulary lacks, the event kind itself. */
  kind: string;
  start: number;
  /** Token index. */
  at: number;
  /** A verb of the kind ("struck", "raided") rather than a noun. */
  verb: boolean;
  plural: boolean;
  /** A kind of happening the fact base has events of. */
  own: boolean;
}

export class Happenings {
  /** Kinds of the base's events, and every kind its events' keywords name. */
  private readonly own = new Set<string>();
  /** Kinds named by words the vocabulary does not know: the base's own kind words ("barrier lake" events). */
  private readonly extra = new Map<string, string>();
  /** Every event's keywords, lowercase. */
  private readonly keywords = new Set<string>();
  /** Keywords of events that are happening words, with the kind of their event. */
  private readonly ownWords = new Map<string, string>();
  /** Kind of each event of the base. */
  private readonly kindOfEvent = new Map<string, string[]>();
  /** Stems of the verbs that tell each event's deed ("land", "storm", "capture"), to the events they tell. */
  private readonly deeds = new Map<string, Set<string>>();

  constructor(base: FactBase) {
    for (const ev of base.events.values()) {
      const kinds: string[] = [];
      // The event's kind names its group ("quake" for an earthquake); a keyword that is a happening word
      // ("clashes" of a raid) is the event's own word, but does not make every battle the facts'.
      for (const piece of ev.kind.toLowerCase().split(/\s+/)) {
        const groups = V.happeningsOf.get(piece) ?? V.happeningsOf.get(matchKey(piece));
        if (groups) for (const g of groups) kinds.push(`g${g}`);
      }
      // A kind the vocabulary lacks ("rescue", "completion") is a happening word of its own base.
      const kindWord = ev.kind.toLowerCase();
      if (!kinds.length && kindWord && !kindWord.includes(" ")) {
        this.extra.set(matchKey(kindWord), `k:${kindWord}`);
        kinds.push(`k:${kindWord}`);
      }
      for (const k of kinds) this.own.add(k);
      for (const w of ev.keywords) {
        const word = w.toLowerCase();
        this.keywords.add(word);
        if (kinds[0] && !word.includes(" ") && (V.happeningsOf.has(word) || V.happeningsOf.has(matchKey(word)))) this.ownWords.set(word, kinds[0]);
      }
      this.kindOfEvent.set(ev.id, kinds);
      this.learnDeeds(ev, kinds);
    }
  }

  /**
   * The verbs of an event's deed: the verbs of its kind ("stormed" of a raid), its keywords that are
   * verb forms ("landing", "captured"), and the past-tense verbs of its own citations ("forces landed").
   */
  private learnDeeds(ev: FactEvent, kinds: string[]): void {
    const add = (word: string): void => {
      const key = stem(word);
      (this.deeds.get(key) ?? this.deeds.set(key, new Set()).get(key)!).add(ev.id);
    };
    for (const kind of kinds) if (kind.startsWith("g")) for (const verb of V.happeningGroupVerbs[Number(kind.slice(1))] ?? []) add(verb);
    const isVerbForm = (w: string): boolean => /^[a-z]{3,}(ed|ing)$/.test(w);
    for (const w of ev.keywords.map((k) => k.toLowerCase())) {
      if (!isVerbForm(w)) continue;
      add(w);
      // A keyword "captured" makes the kind's other verbs ("seized", "detained") the event's deeds too.
      for (const g of V.happeningsOf.get(w) ?? []) for (const verb of V.happeningGroupVerbs[g] ?? []) if (isVerbForm(verb) || V.happeningVerbForms.has(verb)) add(verb);
    }
    for (const cite of [...ev.cite, ...(ev.actors?.cite ?? []), ...(ev.targets?.cite ?? [])]) {
      for (const w of cite.quote.toLowerCase().match(/[a-z]+ed\b/g) ?? []) if (w.length > 4 && !V.stopwords.has(w)) add(w);
    }
  }

  /** The events a verb tells the deed of ("landed", "storm", "captures"); empty for any other word. */
  deedOf(norm: string): ReadonlySet<string> {
    return this.deeds.get(stem(norm)) ?? NONE;
  }

  /** A noun naming a happening of any kind ("raid", "operation", "quake"), or a kind of the base's own the vocabulary lacks. */
  isHappeningNoun(norm: string): boolean {
    if (V.happeningVerbForms.has(norm) || V.happeningVerbs.has(norm)) return false;
    return V.happeningsOf.has(norm) || this.extra.has(matchKey(norm));
  }

  /** The kinds of one event (its kind's group, and its keywords' groups). */
  kindsOf(eventId: string): readonly string[] {
    return this.kindOfEvent.get(eventId) ?? [];
  }

  /** Whether a word tells something happening: a happening's noun (not a plural, which tells of several) or verb, an event's keyword, a verb of any happening. */
  isEventWord(norm: string): boolean {
    if (this.ownWords.has(norm) || this.extra.has(matchKey(norm)) || V.happeningVerbs.has(norm) || this.keywords.has(norm)) return true;
    const groups = V.happeningsOf.get(norm);
    return !!groups && !isPlural(norm, groups);
  }

  isOwn(kind: string): boolean {
    return this.own.has(kind);
  }

  /** The happening words of a sentence, in order; a word inside a known name ("the international mission") is not one. */
  read(tokens: Token[], inName: (tokenIndex: number) => boolean): HappeningUse[] {
    const found: HappeningUse[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (t.kind !== "word" || inName(i)) continue;
      const groups = V.happeningsOf.get(t.norm);
      const kind = this.ownWords.get(t.norm) ?? (groups ? `g${groups.find((g) => this.own.has(`g${g}`)) ?? groups[0]}` : this.extra.get(matchKey(t.norm)));
      if (!kind) continue;
      // An aspect of many kinds ("the fighting", "the rescue") or a verb ("launched") tells of no other story.
      const own = this.own.has(kind);
      if (!own && ((kind.startsWith("g") && Number(kind.slice(1)) >= V.firstAspect) || V.happeningVerbForms.has(t.norm))) continue;
      found.push({ kind, start: t.start, at: i, plural: isPlural(t.norm, groups), own, verb: V.happeningVerbForms.has(t.norm) });
    }
    return found;
  }
}

const NONE: ReadonlySet<string> = new Set();

/** "raids" is the plural of "raid", a word of the same kind; "clashes" and "talks" name one happening. */
function isPlural(word: string, groups: readonly number[] | undefined): boolean {
  if (!groups || !word.endsWith("s")) return false;
  const singulars = [word.slice(0, -1), word.endsWith("es") ? word.slice(0, -2) : ""];
  return singulars.some((w) => w && V.happeningsOf.get(w)?.some((g) => groups.includes(g)));
}
