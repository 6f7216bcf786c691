// Assembling one article's facts once its names are known: the people's offices, where places
// lie, and the events — what happened, where, when, who did it, who spoke, and its figures —
// each value with the clause it comes from. An article also tells of earlier events for
// comparison ("A 2012 earthquake in the same area killed 81 people"): those become background
// events of their own, so their figures are never taken for the story's.
import { Entity, FactBase, FactEvent, emptyFactBase } from "../facts/model";
import { Found, Kind } from "./entities";
import { Described, describeFigures, isTallyKey } from "./figures";
import { SourceMeta } from "./metadata";
import { Cite, DraftCount, DraftEntity, DraftEvent, DraftRole, DraftWhen, Ids, slug } from "./model";
import { clauseAround, QuoteCheck, tightClause, valueClause } from "./quotes";
import { clip } from "./metadata";
import nlp from "compromise";
import { matchKey } from "../vocabulary";
import { DateMention, readWithFacts, Reading, Sentence, Token, vocabulary as V, WEEKDAY_NAMES } from "./reading";
import { COUNTED_ANCHORS, EVENT_HEADS, NOT_KEYWORDS, SPEECH_VERBS } from "./vocabulary";

export interface ArticleInput {
  index: number;
  text: string;
  meta: SourceMeta;
  quotes: QuoteCheck;
}

export interface ArticleFacts {
  /** Per entity id: what this article says of it. */
  roles: Map<string, DraftRole[]>;
  containment: Map<string, { in: string; cite: Cite }[]>;
  entityCounts: Map<string, DraftCount[]>;
  events: DraftEvent[];
  /** The entities the article names: articles naming mostly the same tell of the same event. */
  names: Set<string>;
}

const LEVEL_RANK: Record<string, number> = { village: 1, town: 2, city: 3, area: 4, province: 5, region: 6, country: 7 };
const FORMAT_LEVELS = new Set(Object.keys(LEVEL_RANK));
const TIME_WORDS = new Set(["morning", "afternoon", "evening", "night", "overnight", "midnight", "dawn", "noon"]);

/** The drafted entities as a fact base the claim reader can read names with. */
export function baseOf(entities: DraftEntity[]): FactBase {
  const base = emptyFactBase();
  const at = { file: "", line: 0, character: 0 };
  for (const e of entities) {
    const entity: Entity = {
      id: e.id,
      kind: e.kind,
      name: e.name,
      variants: e.variants,
      level: e.level && FORMAT_LEVELS.has(e.level) ? (e.level as Entity["level"]) : undefined,
      in: e.in,
      near: [],
      roles: [],
      relations: [],
      counts: [],
      cite: [],
      at,
    };
    base.entities.set(e.id, entity);
  }
  return base;
}

/** Reads one article with the draft's names known, and assembles what it says. */
export function assembleArticle(input: ArticleInput, entities: DraftEntity[], ids: Ids): ArticleFacts {
  const base = baseOf(entities);
  const byId = new Map(entities.map((e) => [e.id, e]));
  const kindOf = (id: string): Kind | undefined => byId.get(id)?.kind;
  const readings = readWithFacts(input.text, base).filter((r) => !inside(r.sentence, input.meta.dateline) || r.sentence.end > input.meta.dateline!.end + 1);
  const headline = input.meta.headline;
  const story = readings.filter((r) => !headline || r.sentence.start >= headline.end);
  const cite = (s: Sentence, start: number, end: number): Cite[] => {
    const quote = clauseAround(s, start, end);
    return input.quotes.has(quote) ? [{ article: input.index, quote }] : [];
  };
  /** The clause holding a figure's value, cut where it goes on to another figure ("… 526 of the dead | and Qiaojia County for 76"). */
  const valueCite = (r: Reading, f: Reading["figures"][number]): Cite[] => {
    const k = r.figures.indexOf(f);
    const quote = valueClause(r.sentence, f.start, f.unitEnd ?? f.end, r.figures[k - 1]?.end, r.figures[k + 1]?.start);
    return input.quotes.has(quote) ? [{ article: input.index, quote }] : cite(r.sentence, f.start, f.unitEnd ?? f.end);
  };
  /** The comma-clause around a date or place, so its quote's words are the date's and the happening's. */
  const tightCite = (s: Sentence, start: number, end: number): Cite[] => {
    const quote = tightClause(s, start, end);
    return input.quotes.has(quote) ? [{ article: input.index, quote }] : cite(s, start, end);
  };
  const facts: ArticleFacts = { roles: new Map(), containment: new Map(), entityCounts: new Map(), events: [], names: new Set() };
  for (const r of readings) for (const m of r.mentions) if (byId.get(m.entityId)?.level !== "country") facts.names.add(m.entityId);

  // Offices and places, from every sentence.
  for (const r of readings) {
    for (const role of r.roles) {
      if (!role.title || kindOf(role.person) !== "person") continue;
      const c = cite(r.sentence, role.start, role.end);
      if (!c.length) continue;
      const list = facts.roles.get(role.person) ?? [];
      if (!list.some((x) => x.title === role.title && x.of === role.org)) list.push({ title: role.title, of: role.org, cite: c });
      facts.roles.set(role.person, list);
    }
    for (const [inner, outer, start, end] of containmentIn(r, byId)) {
      const list = facts.containment.get(inner) ?? [];
      if (list.some((x) => x.in === outer)) continue;
      const c = cite(r.sentence, start, end);
      if (c.length) facts.containment.set(inner, [...list, { in: outer, cite: c[0] }]);
    }
  }

  /** Whether the article puts one place inside another, through the places between. */
  const lies = (inner: string, outer: string): boolean => {
    const seen = new Set<string>();
    const walk = (id: string): boolean => {
      if (seen.has(id)) return false;
      seen.add(id);
      return (facts.containment.get(id) ?? []).some((c) => c.in === outer || walk(c.in)) || (byId.get(id)?.in !== undefined && (byId.get(id)!.in === outer || walk(byId.get(id)!.in!)));
    };
    return walk(inner);
  };

  // The story's event and the earlier ones it tells of.
  const lead = story.slice(0, 4);
  const leadText = (headline ? input.text.slice(headline.start, headline.end) + " " : "") + lead.map((r) => r.sentence.text).join(" ");
  const kind = eventKind(leadText) ?? "event";
  const storyYear = input.meta.day?.year;
  const main: DraftEvent = {
    id: "",
    name: input.meta.title ?? leadText.slice(0, 80),
    kind,
    keywords: [],
    people: [],
    counts: [],
    cite: [],
  };
  main.keywords = keywordsOf(headline ? input.text.slice(headline.start, headline.end) : "", story);
  const firstStory = story.find((r) => r.sentence.tokens.filter((t) => t.kind === "word").length >= 6);
  if (firstStory) main.cite = cite(firstStory.sentence, firstStory.sentence.start, firstStory.sentence.start + 1);
  const background = new Map<number, DraftEvent>();
  const sideEvents = new Map<string, DraftEvent>();

  // Where and when: the lead's place and date. A lead that dates its happenings to different days
  // tells of more than one (the massacre on Tuesday, the gunman shot on Wednesday): no date is drafted.
  const leadWhens = lead.filter((r) => backgroundYear(r, storyYear) === undefined).map((r) => whenOf(r, input.meta, tightCite)).filter((w): w is DraftWhen => !!w);
  const unsureWhen = new Set(leadWhens.map((w) => `${w.year}-${w.month}-${w.day}-${w.weekday}`)).size > 1;
  // The lead's date cited where it says so with the fewest other things (no figure), else the first.
  if (!unsureWhen && leadWhens.length) main.when = leadWhens[0];
  const mainDay = main.when && main.when.year && main.when.month && main.when.day ? isoDay({ year: main.when.year, month: main.when.month, day: main.when.day }) : undefined;
  for (const r of lead) {
    if (backgroundYear(r, storyYear) !== undefined) continue;
    // The lead's first place, or a finer one a later sentence of the lead puts inside it ("struck Ludian
    // County …", "The epicenter was in Longtoushan Township, 23 km … of Ludian's county seat").
    const claim = finestPlace(r, byId);
    if (claim && (!main.place || (claim.entityId !== main.place.at && lies(claim.entityId!, main.place.at)))) {
      const c = tightCite(r.sentence, claim.start, claim.end);
      if (c.length) main.place = { at: claim.entityId!, cite: main.place ? [...c, ...main.place.cite] : c, disputed: [] };
    }
    if (!main.actors) {
      const actors = [...new Set(r.actors.filter((id) => kindOf(id) === "organization" || kindOf(id) === "force"))];
      if (actors.length) {
        const m = r.mentions.find((x) => x.entityId === actors[0])!;
        const c = cite(r.sentence, m.start, m.end);
        if (c.length) main.actors = { ids: actors, cite: c };
      }
    }
  }

  // Happenings the article dates to another day than the story's ("Congress, elected on Oct. 2"): events
  // of their own, so a sentence that dates them rightly is not read against the story's date.
  // Without a date of its own, the story is dated by the article's day at the latest.
  const storyDay = mainDay ?? (input.meta.date?.length === 10 ? input.meta.date : undefined);
  const sideOf = (r: Reading, span: [number, number], ofFigure = false): DraftEvent | undefined => {
    if (!storyDay) return undefined;
    // A figure is another day's only where its clause tells what happened that day ("In the first round on
    // Oct. 2, Lula took 48% of the vote"), not where the day dates the figure ("Activision's Friday close").
    if (ofFigure && !r.sentence.tokens.slice(span[0], span[1]).some((t) => t.kind === "word" && (V.happeningsOf.has(t.norm) || V.happeningsOf.has(matchKey(t.norm))))) return undefined;
    for (const d of r.dates) {
      if (d.first < span[0] || d.last > span[1]) continue;
      const day = otherHappeningDay(r, d, input.meta, storyDay);
      if (!day) continue;
      let ev = sideEvents.get(day.iso);
      if (!ev) {
        const c = tightCite(r.sentence, d.start, d.end);
        if (!c.length) continue;
        const clause = clauseText(r.sentence, d.first, d.last);
        // The kind its clause names, if any: a date of no named happening ties no sentence by its kind.
        const [a, b] = clauseSpan(r.sentence, d.first, d.last);
        ev = { id: "", name: clip(clause), kind: eventKind(clause) ?? "", keywords: clauseKeywords(r, a, b, main.keywords), people: [], counts: [], cite: c, when: { ...day.when, cite: c } };
        sideEvents.set(day.iso, ev);
      }
      return ev;
    }
    return undefined;
  };
  for (const r of story) sideOf(r, [0, r.sentence.tokens.length]);

  let lastCount: DraftCount | undefined;
  let lastSentence: Reading | undefined;
  for (const r of story) {
    const year = backgroundYear(r, storyYear);
    for (const d of describeFigures(r, kindOf)) {
      const f = d.figure;
      const span = clauseSpan(r.sentence, f.first, f.last);
      // A clause about an earlier happening ("the 2008 earthquake in Sichuan killed almost 70,000", "the $26.2
      // billion it paid in 2016 for LinkedIn") is that happening's; one dated to another day, that day's.
      const clauseYear = backgroundYear(r, storyYear, span, true);
      // A running tally dated to another day is still the story's (an older tally, dated by as_of).
      const side = isTallyKey(d.key) ? undefined : sideOf(r, span, true);
      const target = clauseYear !== undefined ? backgroundEvent(background, clauseYear, r, cite, byId, f.first, kind) : year !== undefined ? undefined : side ?? main;
      if (!target) continue;
      const count = countOf(d, r, valueCite, input.meta);
      if (!count) continue;
      if (d.agePerson) {
        if (target === main) addCount(facts.entityCounts, d.agePerson, count);
        continue;
      }
      // A count at a place other than the story's, after a total of the same measure: a part of it by place
      // ("Ludian County accounts for 526 of the dead and Qiaojia County for 76", "Zhaoyang District recorded one death").
      if (d.place && !d.part && lastCount && !lastCount.ofEntity && count.key === lastCount.key && d.place.id !== main.place?.at && (lastSentence === r || lastSentence === story[story.indexOf(r) - 1])) {
        const of = `${lastCount.of ?? "people"} in ${d.place.name}`;
        if (!lastCount.breakdown.some((x) => x.ofEntity === d.place!.id)) lastCount.breakdown.push({ ...count, of, ofEntity: d.place.id, measure: lastCount.measure, key: lastCount.key });
        lastSentence = r;
        continue;
      }
      // A share of the total before: "343 of them seriously", "among them four children and three women".
      const sameTotal = lastCount && (lastSentence === r || lastSentence === story[story.indexOf(r) - 1]) && (count.key === lastCount.key || d.part);
      const narrower = !!count.of && lastCount?.of === "people" && COUNTED_GROUP_WORDS.has(count.of) && count.key === lastCount.key && lastSentence === r;
      if ((d.part || narrower) && sameTotal && lastCount) {
        if (count.of && count.of !== lastCount.of && !lastCount.breakdown.some((b) => b.of === count.of)) lastCount.breakdown.push({ ...count, measure: lastCount.measure, key: lastCount.key });
        lastSentence = r;
        continue;
      }
      if (d.part) continue;
      if (count.key === POPULATION_KEY) {
        const place = placeOfSentence(r, byId, f.start);
        if (place && target === main) addCount(facts.entityCounts, place, count);
        continue;
      }
      // The first value of a measure is the article's figure. A later, other value is kept as a count of
      // its own (a part, an older tally, another thing with the same words): never as a dispute.
      const same = target.counts.find((c) => c.key === count.key && (c.of ?? "") === (count.of ?? "") && c.unit === count.unit);
      if (same) {
        const equal = target.counts.some((c) => c.key === count.key && c.value === count.value) || same.disputed.some((v) => v.value === count.value);
        // Of a running tally, another value is an older or partial one: disputed, with the day it held.
        if (!equal && isTallyKey(count.key)) same.disputed.push({ value: count.value, upper: count.upper, qualifier: count.qualifier, asOf: count.asOf, by: count.by, cite: count.cite });
        else if (!equal) target.counts.push({ ...count, secondary: true });
        (lastCount = same), (lastSentence = r);
        continue;
      }
      target.counts.push(count);
      lastCount = count;
      lastSentence = r;
    }
    if (year !== undefined) continue;
    // Who spoke about it.
    for (const m of r.mentions) if (kindOf(m.entityId) === "person" && isSpeaker(r.sentence.tokens, m) && !main.people.includes(m.entityId)) main.people.push(m.entityId);
  }

  const placeName = main.place ? byId.get(main.place.at)?.name : undefined;
  main.id = ids.make(placeName ? `${placeName} ${kind}` : main.name);
  if (!main.cite.length && main.counts[0]) main.cite = main.counts[0].cite;
  if (main.cite.length) facts.events.push(main);
  for (const ev of background.values()) {
    if (!ev.counts.length && !ev.place) continue;
    ev.id = ids.make(`${ev.when?.year ?? ""} ${ev.kind}`);
    facts.events.push(ev);
  }
  for (const ev of sideEvents.values()) {
    ev.id = ids.make(`${ev.when?.year ?? ""} ${ev.when?.month ?? ""} ${ev.when?.day ?? ""} ${ev.kind}`);
    ev.side = true;
    facts.events.push(ev);
  }
  return facts;
}

/**
 * The day (or month) a date of the article gives something other than the story: not a date of
 * saying, not the story's own day (or month, when only a month is given), not after the article.
 */
function otherHappeningDay(r: Reading, d: DateMention, meta: SourceMeta, mainDay: string): { iso: string; when: Omit<DraftWhen, "cite"> } | undefined {
  if (d.ofSpeech || d.dateline) return undefined;
  let iso: string | undefined;
  let when: Omit<DraftWhen, "cite">;
  if (d.day || d.weekday) {
    iso = dayOf(d, meta);
    if (!iso) return undefined;
    const [year, month, day] = iso.split("-").map(Number);
    when = { year, month, day, weekday: WEEKDAY_NAMES[new Date(Date.UTC(year, month - 1, day)).getUTCDay()] };
  } else if (typeof d.month?.value === "number") {
    // "In April 2023 the regulator had blocked the original deal", "in July a federal judge …".
    const year = typeof d.year?.value === "number" ? d.year.value : meta.day?.year;
    if (!year) return undefined;
    iso = `${year}-${String(d.month.value).padStart(2, "0")}`;
    when = { year, month: d.month.value };
    if (mainDay.startsWith(iso)) return undefined;
  } else return undefined;
  // "takes office on Jan. 1": a day without its year long before the article's is next year's (what is
  // to come is dated too, so that a sentence that dates it rightly is not read against the story's date).
  if (!d.year && meta.date?.length === 10 && (Date.parse(meta.date) - Date.parse(iso.length === 10 ? iso : `${iso}-01`)) / 86400000 > 120) {
    const [y, ...rest] = iso.split("-");
    iso = [String(Number(y) + 1), ...rest].join("-");
    when = { ...when, year: Number(y) + 1 };
    if (when.day && when.month) when.weekday = WEEKDAY_NAMES[new Date(Date.UTC(when.year!, when.month - 1, when.day)).getUTCDay()];
  }
  if (iso === mainDay) return undefined;
  const tokens = r.sentence.tokens;
  const [a, b] = clauseSpan(r.sentence, d.first, d.last);
  // The story's own happening, dated in the same clause ("Sunday's earthquake"): the other date is of something else it tells.
  if (r.dates.some((o) => o !== d && o.first >= a && o.last <= b && dayOf(o, meta) === mainDay)) return undefined;
  if (datesAPrice(r, d)) return undefined;
  for (let k = Math.max(a, d.first - 4); k < Math.min(b, d.last + 4); k++) {
    if (k >= d.first && k < d.last) continue;
    const w = tokens[k].norm;
    if (V.speech.has(w) || SPEECH_VERBS.has(w)) return undefined;
  }
  return { iso, when };
}

/**
 * "a premium to the stock's closing price on Friday", "Friday's close of $65.39": a date a few words
 * from a price or a percentage, with no comma between, dates that figure — nothing happened that day.
 */
function datesAPrice(r: Reading, d: DateMention): boolean {
  const tokens = r.sentence.tokens;
  return r.figures.some((f) => {
    if (f.unit?.family !== "currency" && f.unit?.family !== "percent") return false;
    const at = tokens.findIndex((t) => t.start >= f.start);
    if (at < 0) return false;
    const [from, to] = at < d.first ? [at, d.first] : [d.last, at];
    return to - from <= 8 && !tokens.slice(from, to).some((t) => t.raw === "," || t.raw === ";");
  });
}

function clauseText(s: Sentence, first: number, last: number): string {
  const [a, b] = clauseSpan(s, first, last);
  return s.text.slice(s.tokens[a].start - s.start, s.tokens[b - 1].end - s.start);
}

const AUX = new Set(["has", "had", "have", "also", "later", "then", "was", "is", "reportedly", "further"]);

/** A word that may tie a sentence to a story: a plain lowercase word, not a little word, a date's, a unit's, a kind's or a measure's. */
function keywordWord(t: Token, i: number): boolean {
  return (
    t.kind === "word" &&
    !t.upper &&
    !(t.cap && i > 0) &&
    t.norm.length >= 4 &&
    !V.stopwords.has(t.norm) &&
    !V.speech.has(t.norm) &&
    !SPEECH_VERBS.has(t.norm) &&
    !V.numberWords.has(t.norm) &&
    !V.multipliers.has(t.norm) &&
    !V.months.has(t.norm) &&
    !V.weekdays.has(t.norm) &&
    !V.partsOfDay.has(t.norm) &&
    !V.compass.has(t.norm) &&
    !V.unitNames.has(t.norm) &&
    !V.tallyNouns.has(t.norm) &&
    !V.relativeDays.has(t.norm) &&
    // The kind's own words are cues already, shared with every event of the kind; measures tie figures by
    // themselves; a level ("county") or an office ("president") says nothing of which story.
    !V.happeningsOf.has(t.norm) &&
    !V.happeningsOf.has(matchKey(t.norm)) &&
    !V.conceptsOf.has(t.norm) &&
    !V.levelOfNoun.has(t.norm) &&
    !V.offices.has(t.norm) &&
    !NOT_KEYWORDS.has(t.norm)
  );
}

/** Up to three plain words of a clause, the longest first, that tie a sentence to what it tells ("regulator", "blocked"). */
function clauseKeywords(r: Reading, a: number, b: number, taken: string[]): string[] {
  const words = r.sentence.tokens.slice(a, b).filter((t, i) => keywordWord(t, a + i) && !taken.includes(t.norm)).map((t) => t.norm);
  return [...new Set(words)].sort((x, y) => y.length - x.length).slice(0, 3);
}

/** Keywords at most an event gets: the words that tie a sentence to it, not another. */
const KEYWORDS = 6;

/**
 * The words that tie a sentence to the story: plain words of its headline and first sentences that the
 * article says again, the most repeated first ("recall", "pickups", "collapse", "runoff").
 */
function keywordsOf(headline: string, story: Reading[]): string[] {
  const plain = keywordWord;
  const counts = new Map<string, { n: number; word: string }>();
  for (const r of story) {
    r.sentence.tokens.forEach((t, i) => {
      if (!plain(t, i)) return;
      const k = matchKey(t.norm);
      const at = counts.get(k) ?? { n: 0, word: t.norm };
      at.n++;
      counts.set(k, at);
    });
  }
  const lead = [headline, ...story.slice(0, 2).map((r) => r.sentence.text)].join(" ");
  // Nouns, as compromise's tagger reads the lead: what the story is about ("villages", "pickups"), not what
  // its sentences do ("reached", "found").
  const nouns = new Set((nlp(lead).match("#Noun").out("array") as string[]).map((w) => w.toLowerCase().replace(/[^\p{L}'’-]/gu, "")));
  const seen = new Set<string>();
  const out: { word: string; n: number; at: number }[] = [];
  let at = 0;
  for (const m of lead.matchAll(/\p{L}[\p{L}'’-]*/gu)) {
    const w = m[0].toLowerCase();
    const k = matchKey(w);
    const c = counts.get(k);
    at++;
    if (!c || c.n < 2 || seen.has(k) || !nouns.has(w) || (m[0] !== w && m.index! > 0 && !/[.!?]\s*$/.test(lead.slice(0, m.index)))) continue;
    seen.add(k);
    out.push({ word: c.word, n: c.n, at });
  }
  return out.sort((a, b) => b.n - a.n || a.at - b.at).slice(0, KEYWORDS).map((x) => x.word);
}

/** Whether the person named at m is the one speaking: "X said", "said spokesman X", "according to X", "X, the chief, told". */
function isSpeaker(tokens: Token[], m: { first: number; last: number }): boolean {
  let k = m.last;
  while (AUX.has(tokens[k]?.norm ?? "")) k++;
  if (SPEECH_VERBS.has(tokens[k]?.norm ?? "")) return true;
  // An apposition between the name and the verb: "Rami Abdel Rahman, the director of …, told AFP".
  if (tokens[m.last]?.raw === ",") {
    for (let j = m.last + 1; j < Math.min(tokens.length, m.last + 16); j++) {
      if (tokens[j].raw === "," && SPEECH_VERBS.has(tokens[j + 1]?.norm ?? "")) return true;
      if (tokens[j].raw === "." || tokens[j].raw === ";") break;
    }
  }
  for (let j = m.first - 1; j >= Math.max(0, m.first - 5); j--) {
    const w = tokens[j].norm;
    if (SPEECH_VERBS.has(w)) return true;
    if (w === "to" && tokens[j - 1]?.norm === "according") return true;
    if (tokens[j].kind === "punct" && tokens[j].raw !== "," ) break;
  }
  return false;
}

function inside(s: Sentence, span: { start: number; end: number } | undefined): boolean {
  return !!span && s.start >= span.start && s.end <= span.end + 1;
}

function addCount(map: Map<string, DraftCount[]>, id: string, count: DraftCount): void {
  const list = map.get(id) ?? [];
  if (!list.some((c) => c.measure === count.measure && c.of === count.of)) list.push(count);
  map.set(id, list);
}

/** The first noun of each happening kind of the vocabulary ("earthquake" for "quake", "acquisition" for "takeover"). */
const KIND_NOUNS = new Map<number, string>();
for (const [w, gs] of V.happeningsOf) if (!KIND_NOUNS.has(gs[0]) && !V.happeningVerbForms.has(w)) KIND_NOUNS.set(gs[0], w);

/** What kind of thing happened: the happening kind the text names most ("quake" → earthquake), else an aspect ("rescue"), else an event word. */
function eventKind(text: string): string | undefined {
  const words = [...text.matchAll(/\p{L}[\p{L}-]*/gu)].filter((m) => !(V.months.has(m[0].toLowerCase()) && m[0] !== m[0].toLowerCase())).map((m) => m[0].toLowerCase());
  const kindOf = (w: string): number | undefined => (V.happeningsOf.get(w) ?? V.happeningsOf.get(matchKey(w)))?.[0];
  for (const aspects of [false, true]) {
    const score = new Map<number, { n: number; first: number; word: string }>();
    words.forEach((w, k) => {
      const g = kindOf(w);
      if (g === undefined || (g >= V.firstAspect) !== aspects) return;
      // "games purchase": a happening noun before another only says what kind of the other.
      const next = words[k + 1] !== undefined ? kindOf(words[k + 1]) : undefined;
      if (next !== undefined && next !== g && !V.happeningVerbForms.has(words[k + 1])) return;
      const at = score.get(g) ?? { n: 0, first: k, word: w };
      at.n++;
      score.set(g, at);
    });
    const best = [...score.entries()].sort((a, b) => b[1].n - a[1].n || a[1].first - b[1].first)[0];
    if (best) return KIND_NOUNS.get(best[0]) ?? best[1].word;
  }
  return words.find((w) => EVENT_HEADS.has(w));
}

/** A sentence (or a clause of it) about an earlier event: it dates something to a year before the story's. */
function backgroundYear(r: Reading, storyYear: number | undefined, span?: [number, number], loose = false): number | undefined {
  const [a, b] = span ?? [0, r.sentence.tokens.length];
  for (const d of r.dates) {
    if (d.first < a || d.last > b) continue;
    const y = d.year?.value;
    if (typeof y !== "number") continue;
    if (storyYear !== undefined ? y < storyYear : d.modifies !== undefined || d.prep === "in") {
      // "the 2019 raid", "In 1974 a quake …", "A 2012 earthquake …"
      if (r.sentence.tokens.slice(a, b).some((t) => EVENT_HEADS.has(t.norm) || V.happeningsOf.has(t.norm))) return y;
      // A figure its clause dates to an earlier year ("the $26.2 billion it paid in 2016") is of that year.
      if (loose && storyYear !== undefined && (d.prep === "in" || d.modifies !== undefined)) return y;
    }
  }
  return undefined;
}

/** The clause around tokens [first, last): to the nearest ; : — ( ) either side. */
function clauseSpan(s: Sentence, first: number, last: number): [number, number] {
  const tokens = s.tokens;
  const breaks = new Set([";", ":", "—", "–", "(", ")"]);
  let a = first;
  while (a > 0 && !breaks.has(tokens[a - 1].raw)) a--;
  let b = last;
  while (b < tokens.length && !breaks.has(tokens[b].raw)) b++;
  return [a, b];
}

function backgroundEvent(map: Map<number, DraftEvent>, year: number, r: Reading, cite: (s: Sentence, a: number, b: number) => Cite[], byId: Map<string, DraftEntity>, at: number, storyKind: string): DraftEvent {
  let ev = map.get(year);
  const [a, b] = clauseSpan(r.sentence, at, at + 1);
  const tokens = r.sentence.tokens;
  const yearToken = tokens.find((t, i) => i >= a && i < b && t.raw === String(year));
  const from = tokens[a]?.start ?? r.sentence.start;
  const to = tokens[b - 1]?.end ?? r.sentence.end;
  if (!ev) {
    const clauseText = r.sentence.text.slice(from - r.sentence.start, to - r.sentence.start);
    const kind = eventKind(clauseText) ?? eventKind(r.sentence.text) ?? storyKind;
    const c = cite(r.sentence, yearToken?.start ?? from, yearToken?.end ?? to);
    ev = { id: "", name: `${year} ${kind}`, kind, keywords: [String(year)], people: [], counts: [], cite: c, when: c.length ? { year, cite: c } : undefined, background: true };
    map.set(year, ev);
  }
  if (!ev.place) {
    // Where it happened: a place the clause names ("in neighbouring Sichuan province").
    const place =
      r.places.find((p) => p.entityId && p.relation === "in" && !p.ofSpeech && byId.get(p.entityId)?.kind === "place" && p.start >= from && p.end <= to) ??
      // "a quake in the same part of Yunnan": the place the clause names.
      r.mentions.find((m) => byId.get(m.entityId)?.kind === "place" && byId.get(m.entityId)?.level !== "country" && m.start >= from && m.end <= to);
    if (place?.entityId) {
      const c = cite(r.sentence, place.start, place.end);
      if (c.length) ev.place = { at: place.entityId, cite: c, disputed: [] };
    }
  }
  return ev;
}

/** Who is counted, by the groups of people the vocabulary knows ("children", "women", "troops"): the parts a total of people is told in. */
const COUNTED_GROUP_WORDS: ReadonlySet<string> = new Set(
  COUNTED_ANCHORS.filter((w) => w !== "people" && w !== "houses").flatMap((w) => [...V.conceptsOf].filter(([, gs]) => gs.some((g) => V.conceptsOf.get(w)?.includes(g))).map(([word]) => word)),
);
const POPULATION_KEY = `~${V.conceptsOf.get("population")?.[0]}`;

/** The count a described figure gives, quoted with its clause and dated when it held. */
function countOf(d: Described, r: Reading, cite: (r: Reading, f: Described["figure"]) => Cite[], meta: SourceMeta): DraftCount | undefined {
  const f = d.figure;
  const c = cite(r, f);
  if (!c.length) return undefined;
  const count: DraftCount = { measure: d.measure, key: d.key, of: d.of, ofEntity: d.ofEntity, unit: d.unit?.id, value: f.value, qualifier: f.qualifier, cite: c, breakdown: [], disputed: [] };
  if (f.upper !== undefined && f.kind === "amount") count.upper = f.upper;
  if (d.by) count.by = d.by;
  const asOf = d.date ? dayOf(d.date, meta) : undefined;
  count.asOf = asOf ?? (meta.day ? isoDay(meta.day) : undefined);
  return count;
}

const isoDay = (d: { year: number; month: number; day: number }): string => `${d.year}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;

/** The day a date names, weekdays resolved against the article's date. */
function dayOf(d: DateMention, meta: SourceMeta): string | undefined {
  const day = typeof d.day?.value === "number" ? d.day.value : undefined;
  const month = typeof d.month?.value === "number" ? d.month.value : undefined;
  const year = typeof d.year?.value === "number" ? d.year.value : meta.day?.year;
  if (day && month && year) return isoDay({ year, month, day });
  if (typeof d.weekday?.value === "string" && meta.day) {
    const r = resolveWeekday(d.weekday.value, meta.day);
    return r ? isoDay(r) : undefined;
  }
  return undefined;
}

/** The place a sentence's figure is about: the nearest place named before it, else the first. */
function placeOfSentence(r: Reading, byId: Map<string, DraftEntity>, at: number): string | undefined {
  const places = r.mentions.filter((m) => byId.get(m.entityId)?.kind === "place");
  const before = places.filter((m) => m.end <= at).pop();
  return (before ?? places[0])?.entityId;
}

/** The finest place the sentence says something happened in. */
function finestPlace(r: Reading, byId: Map<string, DraftEntity>): Reading["places"][number] | undefined {
  let best: Reading["places"][number] | undefined;
  let rank = Infinity;
  // A place a figure is counted at ("Zhaoyang District … recorded one death") holds a part of it, not the happening.
  // So does a clause that counts at a place, with the places around it ("… of Zhaotong City recorded one death").
  const counting = describeFigures(r, (id) => byId.get(id)?.kind)
    .filter((d) => d.place || (d.ofEntity && byId.get(d.ofEntity)?.kind === "place"))
    .map((d) => clauseSpan(r.sentence, d.figure.first, d.figure.last))
    .map(([a, b]) => [r.sentence.tokens[a].start, r.sentence.tokens[b - 1].end]);
  for (const p of r.places) {
    if (!p.entityId || p.relation !== "in" || p.ofSpeech || p.kind !== "place" || counting.some(([a, b]) => p.start >= a && p.end <= b)) continue;
    const e = byId.get(p.entityId);
    if (!e || e.kind !== "place") continue;
    // A place of no known level is mostly a well-known one (a country, a capital): coarse.
    const k = p.explicit && p.level === "town" ? 2 : LEVEL_RANK[e.level ?? ""] ?? 6;
    if (k < rank) (best = p), (rank = k);
  }
  return best;
}

/** When the lead says it happened, weekdays resolved against the article's date. */
function whenOf(r: Reading, meta: SourceMeta, cite: (s: Sentence, a: number, b: number) => Cite[]): DraftWhen | undefined {
  for (const d of r.dates) {
    // The dateline dates the report, not the event.
    if (meta.dateline && d.start < meta.dateline.end && d.end > meta.dateline.start) continue;
    if (d.ofSpeech || d.dateline) continue;
    // "Sunday's earthquake" dates the quake; "the 2019 raid" is another one.
    if (d.modifies && !(d.weekday || d.day) ) continue;
    if (d.modifies && !(V.happeningsOf.has(d.modifies) || EVENT_HEADS.has(d.modifies)) && !r.sentence.tokens.slice(d.last, d.last + 3).some((t) => V.happeningsOf.has(t.norm))) continue;
    if (d.prep && !["on", "in", "early", "late", "last", "this", "during", "since"].includes(d.prep) && d.prep !== undefined) continue;
    // A year before the article's is another happening's ("founded in 1991").
    if (meta.day && typeof d.year?.value === "number" && d.year.value < meta.day.year) continue;
    // The date of what happened, not of what was said about it ("spoke about the election for the first time on Tuesday").
    if (!ofHappening(r, d)) continue;
    const when: DraftWhen = { cite: [] };
    if (typeof d.year?.value === "number") when.year = d.year.value;
    if (typeof d.month?.value === "number") when.month = d.month.value;
    if (typeof d.day?.value === "number") when.day = d.day.value;
    if (typeof d.weekday?.value === "string") when.weekday = d.weekday.value;
    if (when.month && when.day && !when.year && meta.day) when.year = meta.day.year;
    if (when.weekday && !when.day && meta.day) {
      const resolved = resolveWeekday(when.weekday, meta.day);
      if (resolved) Object.assign(when, resolved);
    }
    if (when.year && when.month && when.day) {
      const wd = WEEKDAY_NAMES[new Date(Date.UTC(when.year, when.month - 1, when.day)).getUTCDay()];
      if (when.weekday && when.weekday !== wd) delete when.day, delete when.weekday; // a date and weekday that disagree: keep the month
      else when.weekday ??= wd;
    }
    // "on Sunday afternoon", "early Thursday", "overnight"
    const tokens = r.sentence.tokens;
    const next = tokens[d.last];
    if (next && TIME_WORDS.has(next.norm)) when.time = next.norm;
    else if (tokens[d.first - 1]?.norm === "early" || tokens[d.first - 1]?.norm === "late") when.time = `${tokens[d.first - 1].norm} ${next && TIME_WORDS.has(next.norm) ? next.norm : ""}`.trim();
    if (when.time === "early" || when.time === "late") delete when.time;
    const c = cite(r.sentence, d.start, d.end);
    if (!c.length) continue;
    when.cite = c;
    if (when.year === undefined && when.month === undefined && when.weekday === undefined) continue;
    return when;
  }
  return undefined;
}

/** Whether the word nearest the date that tells of a happening or of speech tells of a happening. */
function ofHappening(r: Reading, d: DateMention): boolean {
  const tokens = r.sentence.tokens;
  const [a, b] = clauseSpan(r.sentence, d.first, d.last);
  let best: { happening: boolean; dist: number } | undefined;
  for (let k = a; k < b; k++) {
    if (k >= d.first && k < d.last) continue;
    const t = tokens[k];
    if (t.kind !== "word") continue;
    const w = t.norm;
    const speech = V.speech.has(w) || SPEECH_VERBS.has(w) || w === "spoke" || w === "speaking";
    const happening = !speech && (V.happeningsOf.has(w) || V.happeningsOf.has(matchKey(w)) || V.happeningVerbs.has(w) || EVENT_HEADS.has(w));
    if (!speech && !happening) continue;
    const dist = k < d.first ? d.first - k : k - d.last + 1;
    if (!best || dist < best.dist || (dist === best.dist && happening)) best = { happening, dist };
  }
  return !!best?.happening;
}

/** The day of `weekday` in the week up to the article's date ("on Sunday" in a Wednesday report). */
export function resolveWeekday(weekday: string, ref: { year: number; month: number; day: number }): { year: number; month: number; day: number } | undefined {
  const want = (WEEKDAY_NAMES as readonly string[]).indexOf(weekday);
  if (want < 0) return undefined;
  const refDate = new Date(Date.UTC(ref.year, ref.month - 1, ref.day));
  const back = (refDate.getUTCDay() - want + 7) % 7;
  const d = new Date(refDate.getTime() - back * 86400000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Places the sentence says lie in others: "Ludian county, in Yunnan province", "Atme, a town … in Idlib province". */
function containmentIn(r: Reading, byId: Map<string, DraftEntity>): [string, string, number, number][] {
  const out: [string, string, number, number][] = [];
  const places = r.mentions.filter((m) => byId.get(m.entityId)?.kind === "place");
  const text = r.sentence.text;
  for (let k = 0; k + 1 < places.length; k++) {
    const a = places[k];
    const b = places[k + 1];
    if (a.entityId === b.entityId) continue;
    const between = text.slice(a.end - r.sentence.start, b.start - r.sentence.start).toLowerCase();
    // "Longtoushan Township, 23 km to the southwest of Ludian's county seat": a place measured from the seat of
    // another lies in it.
    if (/^\s*,\s*(about\s+|some\s+)?[\d.,]+\s*(km|kilometres|kilometers|miles|mi)\s+(\(.*?\)\s+)?(to the\s+)?\p{L}+\s+of\s+(the\s+)?$/u.test(between)) {
      const after = text.slice(b.end - r.sentence.start).toLowerCase();
      if (/^(['’]s)?\s+(county\s+)?(seat|capital|centre|center|downtown)\b/.test(after)) out.push([a.entityId, b.entityId, a.start, b.end]);
      continue;
    }
    // "Syria’s Idlib province": the second lies in the first.
    if (/^['’]s\s*$/.test(between)) {
      const ra = LEVEL_RANK[byId.get(a.entityId)!.level ?? ""] ?? 7;
      const rb = LEVEL_RANK[byId.get(b.entityId)!.level ?? ""] ?? 0;
      if (ra > rb) out.push([b.entityId, a.entityId, a.start, b.end]);
      continue;
    }
    const ok =
      /^\s*(county|province|city|town|village|district|prefecture|township|state|region)?\s*(,\s*|\s+)(also\s+)?(in|of|is part of|part of|is in|lies in|in the|of the)?\s*((north|south|east|west|central|northern|southern|eastern|western|north-?western|north-?eastern|south-?western|south-?eastern|northwest|northeast|southwest|southeast)\s+)?((province|state|county|region|city) of\s+)?$/.test(between) &&
      (between.includes(",") || /\b(in|of|part of)\b/.test(between));
    if (!ok) continue;
    const ra = LEVEL_RANK[byId.get(a.entityId)!.level ?? ""];
    const rb = LEVEL_RANK[byId.get(b.entityId)!.level ?? ""];
    // "Ludian is part of Zhaotong City": said in words, it holds whatever the levels' names suggest (a
    // prefecture-level city holds counties).
    const writtenB = text.slice(b.start - r.sentence.start, b.end - r.sentence.start).toLowerCase();
    const said = /\b(part of|is in|lies in|also in)\b/.test(between) || (/^\s*of\s*$/.test(between) && /\s(city|province|prefecture|state|region)$/.test(writtenB));
    if (ra !== undefined && rb !== undefined && (said ? rb < ra - 1 : rb <= ra)) continue;
    // A country lies in nothing; a place of unknown level is said to hold another only in words ("in", "part of").
    if (ra === LEVEL_RANK.country) continue;
    if ((ra === undefined || rb === undefined) && !/\b(in|part of)\b/.test(between)) continue;
    out.push([a.entityId, b.entityId, a.start, b.end]);
  }
  return out;
}

export { slug };
export type { FactEvent, Found };
