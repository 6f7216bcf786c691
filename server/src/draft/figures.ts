// What each figure of a sentence counts, in the words the checker matches a count by: its
// measure (the article's word for what happened or what is measured: "killed", "missing",
// "premium", "magnitude", "price per share"), its `of` (the counted noun, or who: "people",
// "houses", a named party), its unit (from the reader: currencies, percent, km, hours…), the body
// the clause credits with it, and the date the clause gives it. The reader (claims/figures.ts)
// gives the figure, its unit, kind, counted noun and the words around it; this module only chooses
// among those words, by the vocabulary's concept groups. A figure whose measure nothing in its
// clause says is left out.
import { keysOf, matchKey, vocabulary as V } from "../vocabulary";
import { DateMention, Figure, Mention, Reading, Token, Unit } from "./reading";
import { CHANGE_ANCHORS, CHANGE_NAMES, COUNTED_ANCHORS, CREDITING_VERBS, MEASURE_NOUN_ANCHORS, NOT_MEASURES, PEOPLE_MEASURE_ANCHORS, RATIO_NOUNS, TALLY_ANCHORS, THING_MEASURE_ANCHORS, UNIT_MEASURE_ANCHORS } from "./vocabulary";

export interface Described {
  figure: Figure;
  /** The facts' words for what is measured ("killed", "vote share", "price per share"). */
  measure: string;
  /** What counts with the same measure across articles: the concept group, else the word's match key. */
  key: string;
  /** Who or what is counted ("people", "houses"), or whose figure it is (a named party). */
  of?: string;
  /** The entity `of` names, when it is one. */
  ofEntity?: string;
  unit?: Unit;
  /** A part of the total before it ("343 of them seriously", "among them four children"). */
  part?: boolean;
  /** An age, of the person named beside it. */
  agePerson?: string;
  /** The body the clause credits with the figure ("according to the Yunnan government", "the USGS measured"). */
  by?: string;
  /** A date in the figure's clause ("by 6 p.m. Tuesday"). */
  date?: DateMention;
  /** The place the clause counts it at ("76 in Qiaojia county", "Zhaoyang District recorded one death"). */
  place?: { id: string; name: string };
}

const groupsOfWords = (words: readonly string[]): Set<number> => new Set(words.flatMap((w) => [...(V.conceptsOf.get(w) ?? [])].slice(0, 1)));
const COUNTED = groupsOfWords(COUNTED_ANCHORS);
const CHANGE = groupsOfWords(CHANGE_ANCHORS);
const PEOPLE_MEASURES = groupsOfWords(PEOPLE_MEASURE_ANCHORS);
const MEASURE_NOUNS = groupsOfWords(MEASURE_NOUN_ANCHORS);
const DURATION = groupsOfWords(["duration"]);
const UNIT_MEASURES = groupsOfWords(UNIT_MEASURE_ANCHORS);
const PEOPLE = groupsOfWords(["people"]);
const MARGIN = groupsOfWords(["margin"]);
const THING_MEASURES = groupsOfWords(THING_MEASURE_ANCHORS);
const TALLIES = groupsOfWords(TALLY_ANCHORS);
/** Whether a measure's key is a running tally's (killed, injured, deployed…), whose figure changes from report to report. */
export const isTallyKey = (key: string): boolean => key.startsWith("~") && TALLIES.has(Number(key.slice(1)));
const AGE = groupsOfWords(["age"]);
const PRICE = groupsOfWords(["price"]);
const MAGNITUDE = groupsOfWords(["magnitude"]);
const DISTANCE = groupsOfWords(["distance"]);
/** The group that is a share of a whole ("percentage", "rate", "share"): says what kind of figure, not what of. */
const SHARE = groupsOfWords(["percentage"]);
const CLAUSE_BREAKS = new Set([";", ":", "—", "–", "(", ")", "|", "•"]);
const SENTENCE_CLAUSE_BREAKS = new Set([";", ":", "—", "–", "|", "•"]);
/** Words that join two figures' phrases: a word past one belongs to the figure on its side. */
const CONJUNCTS = new Set(["and", "or", ",", "to", "while", "but", "with", "versus", "vs", "against"]);
const COORDINATORS = new Set(["and", "but", "while", "whereas", "though", "although", "yet"]);
const BE = new Set(["were", "was", "have", "has", "had", "been", "are", "is", "be", "being", "still", "also", "now"]);
const PERSON_NOUN = /(ers|ors|ees|ists|ians|ents|ants|men|women|people|children)$/;

/** The concept groups a word belongs to ("deaths" → the killing group). */
function groups(word: string): number[] {
  const out: number[] = [];
  for (const k of keysOf(word)) if (k.startsWith("~")) out.push(Number(k.slice(1)));
  return out;
}

const GROUP_NAMES = new Map<number, string>();
/** The name of a concept group in the facts: its first word ("killed" for "deaths", "toll", "died"). */
function nameOfGroup(g: number): string {
  let n = GROUP_NAMES.get(g);
  if (n === undefined) {
    n = String(g);
    for (const [w, list] of V.conceptsOf) if (list[0] === g) {
      n = w;
      break;
    }
    GROUP_NAMES.set(g, n);
  }
  return n;
}

/** The measure groups of a word: concept groups that are not who is counted nor a change. */
function measureGroups(word: string): number[] {
  return groups(word).filter((g) => !COUNTED.has(g) && !CHANGE.has(g));
}

/** The happening kinds a word names ("purchase", "deal", "quake"). */
const isHappening = (w: string): boolean => V.happeningsOf.has(w) || V.happeningsOf.has(matchKey(w));

/** A word that may say what a figure measures: a plain lowercase word, not a name, a little word or a word of saying. */
function plainWord(t: Token | undefined, inName: (i: number) => boolean, i: number): boolean {
  if (!t || t.kind !== "word" || inName(i)) return false;
  if (t.upper || (t.cap && i > 0)) return false;
  const w = t.norm;
  return (
    w.length > 1 &&
    !V.stopwords.has(w) &&
    !V.speech.has(w) &&
    !NOT_MEASURES.has(w) &&
    !V.numberWords.has(w) &&
    !V.multipliers.has(w) &&
    !V.months.has(w) &&
    !V.weekdays.has(w) &&
    !V.unitNames.has(w) &&
    !(V.tallyNouns.has(w) && !measureGroups(w).length) &&
    !V.compass.has(w)
  );
}

/** Where a qualifier written before token i starts ("a little over", "as high as", "at least"): i when there is none. */
function qualifierStart(tokens: Token[], i: number): number {
  for (let len = 4; len >= 1; len--) {
    const from = i - len;
    if (from < 0) continue;
    for (const p of V.qualifiersBefore.get(tokens[from].norm) ?? []) {
      if (p.words.length === len && p.words.every((w, k) => tokens[from + k].norm === w)) return from;
    }
  }
  return i;
}

/** The span of the clause a figure stands in: to the nearest clause break either side. */
function clauseOf(tokens: Token[], f: Figure): [number, number] {
  let a = f.first;
  while (a > 0 && !CLAUSE_BREAKS.has(tokens[a - 1].raw)) a--;
  let b = f.last;
  while (b < tokens.length && !CLAUSE_BREAKS.has(tokens[b].raw)) b++;
  return [a, b];
}

/** Describes the figures of one sentence; those it cannot tell the measure of are left out. */
export function describeFigures(r: Reading, kindOf: (id: string) => string | undefined): Described[] {
  const tokens = r.sentence.tokens;
  const figures = r.figures;
  const out: Described[] = [];
  const inName = (i: number): boolean => r.mentions.some((m) => m.first <= i && i < m.last);
  const mentionEndingAt = (k: number): Mention | undefined => r.mentions.find((m) => m.last === k);
  const bodies = r.mentions.filter((m) => kindOf(m.entityId) === "organization" || kindOf(m.entityId) === "force");
  let previous: Described | undefined;
  figures.forEach((f, index) => {
    const d = describe(f, index);
    if (d) {
      d.by = creditedBody(f);
      d.date = dateOf(f);
      if (!d.unit && !d.place) d.place = placeOfCount(d.figure);
      out.push(d);
      previous = d;
    }
  });
  return out;

  /** Whether the word at k belongs to figure f: not past a conjunct that leads to another figure, nor in another coordinate clause (", and not just for those who voted"). */
  function ownWord(f: Figure, index: number, k: number): boolean {
    const [lo, hi] = k < f.first ? [k + 1, f.first] : [f.last, k];
    for (let j = lo; j < hi; j++) if (tokens[j].raw === "," && COORDINATORS.has(tokens[j + 1]?.norm ?? "")) return false;
    if (k < f.first) {
      const other = figures[index - 1];
      if (!other || other.last > k) return true;
      for (let j = k + 1; j < f.first; j++) if (CONJUNCTS.has(tokens[j].norm) || tokens[j].raw === ",") return false;
      return true;
    }
    const other = figures[index + 1];
    if (!other || other.first < k) return true;
    for (let j = f.last; j < k; j++) if (CONJUNCTS.has(tokens[j].norm) || tokens[j].raw === ",") return false;
    return true;
  }

  function describe(f: Figure, index: number): Described | undefined {
    if (f.kind === "score" || f.kind === "ordinal") return undefined;
    const [a, b] = clauseOf(tokens, f);
    const unit = f.unit;
    if (f.kind === "age") {
      const person = ageOwner(f);
      return person ? { figure: f, measure: "age", key: "age", agePerson: person } : undefined;
    }
    const q = qualifierStart(tokens, signStart(f));
    const before = tokens[q - 1];
    // "from 410 to 589", "up from 77": the value it changed from is not the figure.
    if (f.before === "from" || before?.norm === "from") return undefined;
    // "no public statement", "spare no effort": none of something nothing counts.
    if (f.style.kind === "no" && !(f.noun && groups(f.noun).length)) return undefined;
    // "four times the previous high", "one of the two candidates": a ratio, a reference to a whole.
    if (f.noun && RATIO_NOUNS.has(f.noun)) return undefined;
    if (before?.norm === "the" && tokens[q - 2]?.norm === "of" && (tokens[q - 3]?.kind === "number" || V.numberWords.has(tokens[q - 3]?.norm ?? ""))) {
      // "won 99 of the 513 seats": the whole the part is of, a count of its own.
      const whole = f.noun ? measureGroups(f.noun).find((g) => MEASURE_NOUNS.has(g)) : undefined;
      return whole !== undefined && !unit ? { figure: f, measure: nameOfGroup(whole), key: `~${whole}` } : undefined;
    }
    // "A border policeman, 24, disappeared": a bare number set off by commas after a noun is an age or a label.
    if (!unit && !f.noun && tokens[q - 1]?.raw === "," && (tokens[f.last]?.raw === "," || tokens[f.last]?.raw === ")") && tokens[q - 2]?.kind === "word") return undefined;
    // "a 30-strong team": a number joined to a word that describes something else.
    const nounAt = f.noun !== undefined ? indexOfNoun(f) : -1;
    if (nounAt === f.last && tokens[nounAt]?.joined && !unit) return undefined;
    // A figure in parentheses right after another gives it again in another unit: "332 million yuan (about 54 million U.S. dollars)".
    const prevFigure = figures[index - 1];
    if (previous && prevFigure && previous.figure === prevFigure && tokens[q - 1]?.raw === "(" && q - 1 - prevFigure.last <= 1 && unit) {
      return { figure: f, measure: previous.measure, key: previous.key, of: previous.of, ofEntity: previous.ofEntity, unit };
    }
    // "four days after", "35 years ago", "in four years": a time that is no duration of what happened.
    if (unit?.family === "time") {
      const lasting = f.context.some((w) => w.weight >= 0.5 && w.keys.some((k) => k.startsWith("~") && DURATION.has(Number(k.slice(1)))));
      if (!lasting || ["ago", "after", "later", "earlier", "before"].includes(tokens[f.last]?.norm ?? "")) return undefined;
      return { figure: f, measure: "duration", key: "duration", unit };
    }
    if (unit?.family === "magnitude") return { figure: f, measure: "magnitude", key: `~${[...MAGNITUDE][0]}`, unit };

    // A part of the total before: "343 of them seriously", "526 of the dead".
    if (f.kind === "part") return partOf(f, a, b);
    // "526 of the dead and Qiaojia County for 76", "recorded one death, and Huize County of Qujing City 12": the
    // next figure of the same measure, at the place named right before it.
    if (previous && previous.figure === prevFigure && !previous.unit && (previous.part || previous.place) && !f.noun && !unit) {
      const place = placeRightBefore(q, a);
      if (place) {
        const of = previous.part && previous.of ? previous.of.replace(/ in .*$/, ` in ${place.name}`) : previous.of;
        return { figure: f, measure: previous.measure, key: previous.key, of, ofEntity: previous.part ? place.id : previous.ofEntity, part: previous.part, place };
      }
    }
    const among = tokens.slice(a, q).some((t) => t.norm === "among") || (before?.norm === "including" && !!previous);

    // "from 410 to 589": the second figure has the first one's words.
    const from = prevFigure && f.before === "to" && tokens[qualifierStart(tokens, prevFigure.first) - 1]?.norm === "from" ? prevFigure : undefined;
    const context = from ? [...f.context, ...from.context.map((w) => ({ ...w, weight: Math.min(1, w.weight * 1.25) }))] : f.context;
    const countsPeople = !unit && !!f.noun && (groups(f.noun).some((g) => PEOPLE.has(g) || COUNTED.has(g)) || PERSON_NOUN.test(f.noun)) && !groups(f.noun).some((g) => THING_MEASURES.has(g) || groupsOfWords(["houses"]).has(g));
    // What happened or what is measured: the nearest word of a measure's concept group in the clause.
    let cue: { word: string; group: number; at: number; weight: number } | undefined;
    for (const w of context) {
      if (w.at < a || w.at >= b || w.weight < 0.3 || (w.at >= q && w.at < f.first)) continue;
      const t = tokens[w.at];
      if (!plainWord(t, inName, w.at) || !(ownWord(f, index, w.at) || (from !== undefined && ownWord(from, index - 1, w.at)))) continue;
      // What an amount is for ("a share") is said by `per`.
      if ((f.per && t.norm === f.per) || w.at === nounAt) continue;
      let gs = measureGroups(t.norm).filter((g) => !AGE.has(g));
      // What befalls people (killed, arrested, held…) is no measure of an amount ("held 49.6 million cubic meters");
      // a duration, a depth or a speed is no count ("the raid continued" says nothing of "no victims").
      if (unit) gs = gs.filter((g) => !PEOPLE_MEASURES.has(g));
      else gs = gs.filter((g) => !UNIT_MEASURES.has(g));
      // What befalls things (collapsed, damaged) or money (price, profit) is not what people are counted by ("brought out three people").
      if (countsPeople) gs = gs.filter((g) => !THING_MEASURES.has(g));
      if (!gs.length) continue;
      if (!cue || w.weight > cue.weight) cue = { word: t.norm, group: gs[0], at: w.at, weight: w.weight };
    }
    let measure: string | undefined;
    let key: string | undefined;
    let of: string | undefined;
    let ofEntity: string | undefined;
    const nounWord = nounAt >= 0 ? tokens[nounAt].norm : undefined;
    if (unit) {
      // An amount: "a 45% premium", "$68.7 billion purchase", "an abstention rate of 20.56%", "50.9% of the votes".
      const ofNoun = tokens[f.last]?.norm === "of" ? nounPhraseHead(f.last + 1, b) : undefined;
      const head = ofNoun === undefined && nounAt === f.last && plainWord(tokens[nounAt], inName, nounAt) && !groups(tokens[nounAt].norm).some((g) => CHANGE.has(g)) ? nounWord : undefined;
      // "23 km to the southwest of", "10 km away": a distance, whatever else the clause says.
      const distance = unit.family === "length" && tokens.slice(f.last, Math.min(b, f.last + 3)).some((t) => V.compass.has(t.norm) || t.norm === "away");
      let named = distance ? undefined : head ?? nounBeforeOf(q, a) ?? cue?.word;
      let g = named !== undefined ? measureGroups(named)[0] : undefined;
      if (named !== undefined && g === undefined && unit.family === "currency" && isHappening(named)) {
        // "a $68.7 billion purchase": the value of what happened.
        g = [...PRICE][0];
        named = "value";
      }
      if (named !== undefined) {
        if (g !== undefined && SHARE.has(g)) {
          // "the abstention rate": the rate is the share; what it is of is the word before it.
          const at = tokens.findIndex((t, i) => i >= a && t.norm === named) - 1;
          const prev = tokens[at];
          const pg = at >= a && plainWord(prev, inName, at) ? measureGroups(prev.norm)[0] : undefined;
          measure = pg !== undefined ? `${nameOfGroup(pg)} ${named}` : named;
          key = pg !== undefined ? `~${pg}` : matchKey(named);
        } else if (g !== undefined) {
          measure = PRICE.has(g) && unit.family === "currency" && !f.per ? "value" : nameOfGroup(g);
          key = `~${g}`;
        } else {
          measure = named;
          key = matchKey(named);
        }
      } else if (distance) {
        measure = "distance";
        key = `~${[...DISTANCE][0]}`;
      }
      if (ofNoun && plainWord(tokens[ofNoun.at], inName, ofNoun.at)) {
        // "50.9% of the votes": a share of them.
        const og = measureGroups(ofNoun.word)[0];
        const word = og !== undefined && !COUNTED.has(og) ? nameOfGroup(og) : ofNoun.word;
        if (unit.id === "percent") {
          measure = `${word} share`;
          key = `share:${og !== undefined ? `~${og}` : matchKey(ofNoun.word)}`;
        } else if (!measure) {
          measure = word;
          key = og !== undefined ? `~${og}` : matchKey(ofNoun.word);
        }
      }
      // A sum of money nothing else names, in a clause about what happened ("agreed to buy X for $68.7 billion"): its value.
      if (!measure && unit.family === "currency" && !f.per && tokens.slice(a, b).some((t) => t.kind === "word" && isHappening(t.norm))) {
        measure = "value";
        key = `~${[...PRICE][0]}`;
      }
      // "shares were trading more than 25% higher", "rising 16 cm an hour": the change is part of what is measured.
      const change = changeNear(f, q);
      if (change) {
        measure = measure ? `${measure} ${change}` : change;
        key = `${key ?? ""}|${change}`;
      }
      if (f.per) {
        // "$95 a share": a price per share; "16 cm an hour": a rate.
        const base = measure && measure !== "value" ? measure : unit.family === "currency" ? "price" : undefined;
        if (base) {
          measure = `${base} per ${f.per}`;
          key = `${key ?? `~${[...PRICE][0]}`}|per ${matchKey(f.per)}`;
        }
      }
      if (!measure && previous && previous.unit?.id === unit.id && previous.figure === prevFigure && previous.figure.last >= a) {
        // "Lula took 50.9% of the votes to Bolsonaro's 49.1%": the same measure, another party.
        measure = previous.measure;
        key = previous.key;
      }
      if (!measure || !key) return undefined;
      const who = whoseFigure(f, q, a) ?? (unit.id === "percent" ? subjectOf(q, a) : undefined);
      if (who) (of = who.name), (ofEntity = who.id || undefined);
    } else {
      // A count: "13 people were killed", "181 missing", "80,000 houses collapsed", "recall 19 pickups".
      const nounGroups = nounWord ? groups(nounWord) : [];
      // The noun says what befell them ("181 missing", "12 dead", "122 deaths", "99 seats"), or who is counted ("people", "staff").
      const nounIsMeasure =
        nounWord !== undefined &&
        !nounGroups.some((g) => COUNTED.has(g)) &&
        nounGroups.some((g) => PEOPLE_MEASURES.has(g) || MEASURE_NOUNS.has(g) || (/(ed|en)$/.test(nounWord) && measureGroups(nounWord).length > 0)) &&
        !(PERSON_NOUN.test(nounWord) && !nounGroups.some((g) => PEOPLE_MEASURES.has(g)));
      // "4,200 people living downstream on the river had been moved out": the verb after the counted's phrase.
      const after = verbAfterNoun(f, nounAt, b, index);
      const afterGroup = after ? measureGroups(after).filter((g) => !AGE.has(g))[0] : undefined;
      // "12.5 million more votes than his rival": a lead, of the noun it is counted in.
      const than = nounAt >= 0 && tokens.slice(f.first, nounAt).some((t) => t.norm === "more" || t.norm === "fewer") && tokens.slice(nounAt + 1, nounAt + 3).some((t) => t.norm === "than");
      if (than) (measure = nameOfGroup([...MARGIN][0])), (key = `~${[...MARGIN][0]}`);
      else if (afterGroup !== undefined && !nounIsMeasure) (measure = nameOfGroup(afterGroup)), (key = `~${afterGroup}`);
      else if (cue && cue.at !== nounAt) (measure = nameOfGroup(cue.group)), (key = `~${cue.group}`);
      else if (nounIsMeasure) {
        const g = measureGroups(nounWord!)[0];
        (measure = nameOfGroup(g)), (key = `~${g}`);
      }
      if (!measure) {
        // The verb right before ("recall 19 pickups", "disciplined 40 others") or after the noun ("19 pickups were recalled").
        const verb = verbNextTo(f, q, nounAt, a, b);
        if (verb) (measure = verb), (key = matchKey(verb));
      }
      if (!measure && among && previous) {
        measure = previous.measure;
        key = previous.key;
      }
      if (!measure || !key) return undefined;
      // "13 persons", "13 individuals", "13 people": people, as the facts say it.
      if (nounWord && !nounIsMeasure) of = groups(nounWord).some((g) => PEOPLE.has(g)) ? "people" : nounWord;
      else if (previous?.of && previous.figure === prevFigure && previous.unit === undefined && !previous.part && f.first - previous.figure.last <= 4) of = previous.of;
      // "the number of destroyed houses at 12,000": the counted noun before.
      else of = countedBefore(q, a);
      if (!of && key.startsWith("~") && PEOPLE_MEASURES.has(Number(key.slice(1)))) of = "people";
      // "The parties allied with the president-elect hold 140 seats": whose seats, when it is not people who are counted.
      if (nounIsMeasure && !(key.startsWith("~") && PEOPLE_MEASURES.has(Number(key.slice(1))))) {
        const who = whoseFigure(f, q, a) ?? subjectOf(q, a);
        if (who) (of = who.name), (ofEntity = who.id || undefined);
      }
    }
    // "China's own earthquake agency rated it 6.5": a magnitude, whether or not the unit is written.
    const magnitude = !unit && key === `~${[...MAGNITUDE][0]}` ? V.unit("magnitude") : unit;
    return { figure: f, measure, key, of, ofEntity, unit: magnitude, part: among || undefined };
  }

  /** "343 of them seriously", "526 of the dead", "99 of the 513 seats". */
  function partOf(f: Figure, a: number, b: number): Described | undefined {
    let k = f.last + 1; // past "of"
    while (tokens[k] && (tokens[k].norm === "the" || tokens[k].norm === "them" || tokens[k].norm === "those" || tokens[k].norm === "these" || tokens[k].kind === "number")) k++;
    const after = tokens[k];
    const ofThem = tokens[f.last + 1]?.norm === "them" || tokens[f.last + 1]?.norm === "those" || tokens[f.last + 1]?.norm === "whom";
    // "343 of them seriously": the part's own word says which part.
    if (ofThem && previous && after && after.kind === "word" && plainWord(after, inName, k)) {
      return { figure: f, measure: previous.measure, key: previous.key, of: `${after.norm} ${previous.measure}`, part: true };
    }
    if (!after || after.kind !== "word" || k >= b) return undefined;
    const g = measureGroups(after.norm)[0];
    if (g === undefined) return undefined;
    // "99 of the 513 seats": a count of its own, whose ("Bolsonaro's PL won 99 of the 513 seats").
    if (tokens.slice(f.last + 1, k).some((t) => t.kind === "number")) {
      const who = whoseFigure(f, qualifierStart(tokens, f.first), a);
      return { figure: f, measure: nameOfGroup(g), key: `~${g}`, of: who?.name, ofEntity: who?.id };
    }
    // "Ludian County accounts for 526 of the dead": a part of the total, where.
    const where = placeOfPart(f, a, b);
    if (!where) return undefined;
    return { figure: f, measure: nameOfGroup(g), key: `~${g}`, of: `${PEOPLE_MEASURES.has(g) ? "people" : after.norm} in ${where.name}`, ofEntity: where.id, part: true };
  }

  /** Where a figure's currency sign or code starts ("US$", "£", "USD"), so the qualifier before it is found. */
  function signStart(f: Figure): number {
    let k = f.first;
    if (f.unit?.family !== "currency") return k;
    while (k > 0 && tokens[k - 1].end === tokens[k].start && (tokens[k - 1].kind === "punct" || tokens[k - 1].upper) && tokens[k - 1].raw !== "(") k--;
    if (k === f.first && k > 0 && tokens[k - 1].upper && V.currencySymbols.has(tokens[k - 1].norm)) k--;
    return k;
  }

  function indexOfNoun(f: Figure): number {
    for (let k = f.last; k < Math.min(tokens.length, f.last + 5); k++) if (tokens[k].norm === f.noun) return k;
    for (let k = f.first - 1; k >= Math.max(0, f.first - 4); k--) if (tokens[k].norm === f.noun) return k;
    return -1;
  }

  /** The head of the noun phrase from token k: "the registered voters" → voters, "drinking water" → water. */
  function nounPhraseHead(k: number, b: number): { word: string; at: number } | undefined {
    while (k < b && (tokens[k].norm === "the" || tokens[k].norm === "a" || tokens[k].norm === "an" || tokens[k].norm === "its" || tokens[k].norm === "their")) k++;
    let head: { word: string; at: number } | undefined;
    for (let j = k; j < b && j < k + 3; j++) {
      const t = tokens[j];
      if (t.kind !== "word" || V.stopwords.has(t.norm) || (t.cap && !inName(j) && j > 0) || inName(j)) break;
      // "voters stayed away", "the electorate turned out", "water daily": the phrase ends before a verb or an adverb.
      if (head && (/(ed|ly)$/.test(t.norm) || V.stopwords.has(t.norm))) break;
      head = { word: t.norm, at: j };
      if (/[^s]s$/.test(t.norm)) break;
    }
    return head;
  }

  /** "an abstention rate of 20.56%", "sales of $5bn", "a population of around 265,900": the noun before "of". */
  function nounBeforeOf(q: number, a: number): string | undefined {
    let k = q - 1;
    while (k >= a && tokens[k].kind === "punct") k--;
    if (tokens[k]?.norm !== "of") return undefined;
    const t = tokens[k - 1];
    return t && k - 1 >= a && plainWord(t, inName, k - 1) ? t.norm : undefined;
  }

  /** "the number of destroyed houses at 12,000": a plural noun shortly before the figure, in its clause. */
  function countedBefore(q: number, a: number): string | undefined {
    for (let k = q - 1; k >= Math.max(a, q - 4); k--) {
      const t = tokens[k];
      if (t.kind === "punct") return undefined;
      if (plainWord(t, inName, k) && /s$/.test(t.norm) && !measureGroups(t.norm).length && groups(t.norm).length) return t.norm;
    }
    return undefined;
  }

  /** Who a figure is of: "Bolsonaro's 49.1%", "50.9% for Lula", "Lula took 50.9%", "Bolsonaro 30.8%". */
  function whoseFigure(f: Figure, q: number, a: number): { id: string; name: string } | undefined {
    const ok = (m: Mention | undefined): m is Mention => !!m && (kindOf(m.entityId) === "person" || kindOf(m.entityId) === "organization");
    let k = q;
    // past a currency sign
    while (k > a && tokens[k - 1].kind === "punct" && tokens[k - 1].raw !== "," && tokens[k - 1].raw !== "(") k--;
    const right = mentionEndingAt(k);
    if (ok(right)) return named(right);
    // "the subject took / won / got N"
    const verbAt = k - 1;
    if (verbAt > a && tokens[verbAt].kind === "word" && !tokens[verbAt].cap && !V.stopwords.has(tokens[verbAt].norm) && !CREDITING_VERBS.has(tokens[verbAt].norm)) {
      const subject = mentionEndingAt(verbAt);
      if (ok(subject)) return named(subject);
    }
    // "50.9% for Lula"
    if (tokens[f.last]?.norm === "for") {
      const m = r.mentions.find((x) => x.first === f.last + 1);
      if (ok(m)) return named(m);
    }
    return undefined;
  }

  function named(m: Mention): { id: string; name: string } {
    return { id: m.entityId, name: r.sentence.text.slice(m.start - r.sentence.start, m.end - r.sentence.start) };
  }

  /** "25% higher", "rose 5%", "fell by 3%": the change a percent or sum is of; not the level it reached ("climbed as high as $90", "rose to $90"). */
  function changeNear(f: Figure, q: number): string | undefined {
    if (f.qualifier === "up to" || tokens[q - 1]?.norm === "to" || tokens[q - 1]?.norm === "at") return undefined;
    const by = tokens[q - 1]?.norm === "by";
    if (f.unit?.id !== "percent" && !by && tokens[f.last]?.kind === "word" && !groups(tokens[f.last].norm).some((g) => CHANGE.has(g))) return undefined;
    const near = [tokens[f.last], tokens[f.last + 1], tokens[q - 1], by ? tokens[q - 2] : undefined];
    for (const t of near) {
      if (!t || t.kind !== "word") continue;
      const g = groups(t.norm).find((x) => CHANGE.has(x));
      if (g !== undefined) return CHANGE_NAMES.get(nameOfGroup(g)) ?? nameOfGroup(g);
    }
    return undefined;
  }

  /** A place named right before token q ("Qiaojia County for 76", "Huize County of Qujing City 12"). */
  function placeRightBefore(q: number, a: number): { id: string; name: string } | undefined {
    let k = q;
    while (k > a && q - k < 2 && (tokens[k - 1].norm === "for" || tokens[k - 1].norm === "in" || tokens[k - 1].norm === "with")) k--;
    const place = mentionEndingAt(k);
    if (!place || kindOf(place.entityId) !== "place") return undefined;
    // "Huize County of Qujing City": the first of two places joined by "of" is where.
    const outer = r.mentions.find((m) => m.last === place.first - 1 && tokens[place.first - 1]?.norm === "of" && kindOf(m.entityId) === "place");
    return named(outer ?? place);
  }

  /** Where a count is counted: "76 in Qiaojia county", "Qiaojia County for 76", "Zhaoyang District … recorded one death". */
  function placeOfCount(f: Figure): { id: string; name: string } | undefined {
    const [a, b] = clauseOf(tokens, f);
    const q = qualifierStart(tokens, f.first);
    const before = placeRightBefore(q, a);
    if (before) return before;
    let k = f.noun !== undefined ? Math.max(f.last, indexOfNoun(f) + 1) : f.last;
    if (tokens[k]?.norm === "in" && k < b) {
      k++;
      while (tokens[k] && (tokens[k].norm === "the" || (tokens[k].kind === "word" && !tokens[k].cap && !inName(k) && k < b && tokens[k + 1] && inName(k + 1)))) k++;
      const m = r.mentions.find((x) => x.first === k && kindOf(x.entityId) === "place");
      if (m) return named(m);
    }
    // The clause's subject: "Zhaoyang District of Zhaotong City recorded one death".
    const first = r.mentions.find((m) => m.first === a || (m.first === a + 1 && tokens[a].norm === "the"));
    if (first && kindOf(first.entityId) === "place") {
      let j = first.last;
      const outer = r.mentions.find((m) => m.first === j + 1 && tokens[j]?.norm === "of" && kindOf(m.entityId) === "place");
      if (outer) j = outer.last;
      if (j < q && q - j <= 2 && tokens[j]?.kind === "word" && !V.stopwords.has(tokens[j].norm)) return named(first);
    }
    return undefined;
  }

  /** The place a part of a toll is of: the place named first in the clause ("Ludian County, the worst-hit area, accounts for 526 of the dead"). */
  function placeOfPart(f: Figure, a: number, b: number): { id: string; name: string } | undefined {
    const places = r.mentions.filter((m) => kindOf(m.entityId) === "place" && m.first >= a && m.last <= b);
    const before = places.filter((m) => m.last <= f.first);
    const m = before[before.length - 1] ?? places.find((x) => x.first >= f.last && tokens[x.first - 1]?.norm === "in");
    return m ? named(m) : undefined;
  }

  /** The verb after a counted noun and its modifiers, past "had been", "were": "… people living downstream on the Niulan River had been moved out". */
  function verbAfterNoun(f: Figure, nounAt: number, b: number, index: number): string | undefined {
    if (nounAt < f.last) return undefined;
    const next = figures[index + 1];
    for (let j = nounAt + 1; j < Math.min(b, nounAt + 12); j++) {
      const t = tokens[j];
      if (t.raw === "," || (next && j >= next.first)) return undefined;
      if (!BE.has(t.norm)) continue;
      let k = j;
      while (k < b && BE.has(tokens[k].norm)) k++;
      const v = tokens[k];
      return v && plainWord(v, inName, k) && (/(ed|en)$/.test(v.norm) || measureGroups(v.norm).length) ? v.norm : undefined;
    }
    return undefined;
  }

  /** The clause's subject before the verb of the figure ("The parties allied with the president-elect hold 140 seats"). */
  function subjectOf(q: number, a: number): { id: string; name: string } | undefined {
    const verb = q - 1;
    if (verb <= a || !plainWord(tokens[verb], inName, verb)) return undefined;
    let s = verb;
    while (s > a && tokens[s - 1].raw !== "," && tokens[s - 1].kind !== "number" && !V.numberWords.has(tokens[s - 1].norm)) s--;
    if (s > a && tokens[s - 1].raw !== ",") return undefined;
    while (s < verb && ["the", "a", "an", "its", "their", "his", "her"].includes(tokens[s].norm)) s++;
    const words = verb - s;
    if (words < 1 || words > 6 || tokens.slice(s, verb).some((t) => t.kind === "number")) return undefined;
    const m = r.mentions.find((x) => x.first === s && x.last === verb);
    if (m) return named(m);
    return { id: "", name: r.sentence.text.slice(tokens[s].start - r.sentence.start, tokens[verb - 1].end - r.sentence.start) };
  }

  /** A plain verb right before the figure ("recall 19 pickups") or after its noun ("19 pickups were recalled"). */
  function verbNextTo(f: Figure, q: number, nounAt: number, a: number, b: number): string | undefined {
    const k = q - 1;
    // "the", "a" or "of" before a number make it a noun phrase: no verb.
    if (k >= a && plainWord(tokens[k], inName, k) && /(ed|e|l|t|d|y)$/.test(tokens[k].norm) && !/(tion|ment|ness|ity|ance|ence)$/.test(tokens[k].norm) && !isHappening(tokens[k].norm)) return tokens[k].norm;
    const from = (nounAt >= 0 ? nounAt : f.last - 1) + 1;
    let j = from;
    while (j < b && BE.has(tokens[j].norm)) j++;
    if (j > from && j < b && plainWord(tokens[j], inName, j) && /(ed|en)$/.test(tokens[j].norm)) return tokens[j].norm;
    return undefined;
  }

  /** The person an age is of: "Lula, 77,", "77-year-old Lula", "aged 77" after a name. */
  function ageOwner(f: Figure): string | undefined {
    const people = r.mentions.filter((m) => kindOf(m.entityId) === "person");
    let k = f.first;
    while (k > 0 && (tokens[k - 1].raw === "," || tokens[k - 1].norm === "aged" || tokens[k - 1].raw === "(")) k--;
    const before = people.find((m) => m.last === k && f.first - m.last <= 2);
    if (before) return before.entityId;
    const after = people.find((m) => m.first >= f.last && m.first - f.last <= 2);
    return after?.entityId;
  }

  /** The body the clause credits: "according to X", "X said / measured / recorded …", "… by X". */
  function creditedBody(f: Figure): string | undefined {
    // The clause without its parentheses: "The China Earthquake Networks Center (CENC) recorded …, 12 km below".
    let a = f.first;
    while (a > 0 && !SENTENCE_CLAUSE_BREAKS.has(tokens[a - 1].raw)) a--;
    let b = f.last;
    while (b < tokens.length && !SENTENCE_CLAUSE_BREAKS.has(tokens[b].raw)) b++;
    let best: { id: string; dist: number } | undefined;
    for (const m of bodies) {
      if (m.first < a || m.last > b) continue;
      const prev = tokens[m.first - 1]?.norm === "the" ? m.first - 2 : m.first - 1;
      const next = tokens[m.last]?.raw === "(" && tokens[m.last + 2]?.raw === ")" ? m.last + 3 : m.last;
      const credited =
        (tokens[prev]?.norm === "to" && tokens[prev - 1]?.norm === "according") ||
        (tokens[prev]?.norm === "by" && (prev > f.first || CREDITING_VERBS.has(tokens[prev - 1]?.norm ?? "") || /ed$/.test(tokens[prev - 1]?.norm ?? ""))) ||
        CREDITING_VERBS.has(tokens[next]?.norm ?? "") ||
        (BE.has(tokens[next]?.norm ?? "") && CREDITING_VERBS.has(tokens[next + 1]?.norm ?? "")) ||
        (CREDITING_VERBS.has(tokens[prev]?.norm ?? "") && prev > f.first);
      if (!credited) continue;
      const dist = m.first > f.first ? m.first - f.last : f.first - m.last;
      if (!best || dist < best.dist) best = { id: m.entityId, dist };
    }
    return best?.id;
  }

  /** A date the figure's clause gives it ("by 6 p.m. Tuesday", "on Thursday"), not one of another happening ("Sunday's earthquake"). */
  function dateOf(f: Figure): DateMention | undefined {
    const [a, b] = clauseOf(tokens, f);
    return r.dates.find((d) => d.first >= a && d.last <= b && !d.modifies && !d.dateline && (d.day || d.weekday));
  }
}
