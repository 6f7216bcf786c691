// Assembling one article's facts once its names are known: the people's offices, where places
// lie, and the events — what happened, where, when, who did it, who spoke, and its figures —
// each value with the clause it comes from. An article also tells of earlier events for
// comparison ("A 2012 earthquake in the same area killed 81 people"): those become background
// events of their own, so their figures are never taken for the story's.
import { Entity, FactBase, FactEvent, emptyFactBase } from "../facts/model";
import { Found, Kind } from "./entities";
import { moreFigures } from "./figures";
import { SourceMeta } from "./metadata";
import { Cite, DraftCount, DraftEntity, DraftEvent, DraftRole, DraftWhen, Ids, slug } from "./model";
import { clauseAround, QuoteCheck } from "./quotes";
import { Figure, MONTHS, readWithFacts, Reading, Sentence, Token, WEEKDAYS } from "./reading";
import { EVENT_HEADS, OFFICE_MODIFIERS, OFFICE_NOUNS, SPEECH_VERBS } from "./vocabulary";

export interface ArticleInput {
  index: number;
  text: string;
  meta: SourceMeta;
  quotes: QuoteCheck;
}

export interface ArticleFacts {
  /** Per entity id: what this article says of it. */
  roles: Map<string, DraftRole[]>;
  containment: Map<string, { in: string; cite: Cite }>;
  entityCounts: Map<string, DraftCount[]>;
  events: DraftEvent[];
  /** The entities the article names: articles naming mostly the same tell of the same event. */
  names: Set<string>;
}

const LEVEL_RANK: Record<string, number> = { village: 1, town: 2, city: 3, area: 4, province: 5, region: 6, country: 7 };
const FORMAT_LEVELS = new Set(Object.keys(LEVEL_RANK));
const TIME_WORDS = new Set(["morning", "afternoon", "evening", "night", "overnight", "midnight", "dawn", "noon"]);
const RANK_WORDS = new Set(["army", "major", "general", "colonel", "captain", "lieutenant", "sergeant", "admiral"]);

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
  const facts: ArticleFacts = { roles: new Map(), containment: new Map(), entityCounts: new Map(), events: [], names: new Set() };
  for (const r of readings) for (const m of r.mentions) if (byId.get(m.entityId)?.level !== "country") facts.names.add(m.entityId);

  // Offices and places, from every sentence.
  for (const r of readings) {
    for (const role of rolesIn(r, kindOf)) {
      const c = cite(r.sentence, role.start, role.end);
      if (!c.length) continue;
      const list = facts.roles.get(role.person) ?? [];
      if (!list.some((x) => x.title === role.title && x.of === role.of)) list.push({ title: role.title, of: role.of, cite: c });
      facts.roles.set(role.person, list);
    }
    for (const [inner, outer, start, end] of containmentIn(r, byId)) {
      if (facts.containment.has(inner)) continue;
      const c = cite(r.sentence, start, end);
      if (c.length) facts.containment.set(inner, { in: outer, cite: c[0] });
    }
  }

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
  const firstStory = story.find((r) => r.sentence.tokens.filter((t) => t.kind === "word").length >= 6);
  if (firstStory) main.cite = cite(firstStory.sentence, firstStory.sentence.start, firstStory.sentence.start + 1);
  const background = new Map<number, DraftEvent>();

  let lastCount: DraftCount | undefined;
  let lastSentence: Reading | undefined;
  for (const r of story) {
    const year = backgroundYear(r, storyYear);
    const target = year !== undefined ? backgroundEvent(background, year, r, cite) : main;
    const figures = [...r.figures, ...moreFigures(r.sentence, r.figures)].sort((a, b) => a.start - b.start);
    const toks = r.sentence.tokens;
    for (const f of figures) {
      // "from 410 to 589": the figure it rose from is not the article's.
      if (toks[f.first - 1]?.norm === "from" && toks[f.last]?.norm === "to" && toks[f.last + 1]?.kind === "number") continue;
      const count = countOf(f, r.sentence, cite);
      if (!count) continue;
      const part = lastCount && lastSentence === r && f.measure === lastCount.measure && !!f.of && PART_GROUPS.has(f.of) && f.of !== lastCount.of;
      if (f.among || part || (!f.measure && lastCount)) {
        if (lastCount && f.of && f.of !== lastCount.of && !lastCount.breakdown.some((b) => b.of === f.of)) lastCount.breakdown.push({ ...count, measure: lastCount.measure });
        continue;
      }
      if (count.measure === "population") {
        const place = placeOfSentence(r, byId, f.start);
        if (place) addCount(facts.entityCounts, place, count);
        continue;
      }
      // The first value of a measure is the article's figure; a later one is a part or an older tally.
      const same = target.counts.find((c) => c.measure === count.measure && c.of === count.of && c.unit === count.unit);
      if (same) {
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

  // Where and when: the lead's place and date. A lead that dates its happenings to different days
  // tells of more than one (the massacre on Tuesday, the gunman shot on Wednesday): no date is drafted.
  const leadDates = new Set(lead.filter((r) => backgroundYear(r, storyYear) === undefined).map((r) => whenOf(r, input.meta, cite)).filter((w): w is DraftWhen => !!w).map((w) => `${w.year}-${w.month}-${w.day}-${w.weekday}`));
  const unsureWhen = leadDates.size > 1;
  for (const r of lead) {
    if (backgroundYear(r, storyYear) !== undefined) continue;
    if (!main.place) {
      const claim = finestPlace(r, byId);
      if (claim) {
        const c = cite(r.sentence, claim.start, claim.end);
        if (c.length) main.place = { at: claim.entityId!, cite: c, disputed: [] };
      }
    }
    if (!main.when && !unsureWhen) main.when = whenOf(r, input.meta, cite);
    if (!main.actors) {
      const actors = [...new Set(r.actors.filter((id) => kindOf(id) === "organization" || kindOf(id) === "force"))];
      if (actors.length) {
        const m = r.mentions.find((x) => x.entityId === actors[0])!;
        const c = cite(r.sentence, m.start, m.end);
        if (c.length) main.actors = { ids: actors, cite: c };
      }
    }
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
  return facts;
}

/** Groups a total's parts are counted in ("among them four children and three women"). */
const PART_GROUPS = new Set(["children", "women", "men", "civilians", "forces", "militants", "prisoners"]);
const AUX = new Set(["has", "had", "have", "also", "later", "then", "was", "is", "reportedly", "further"]);

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

/** The first event noun of the lead: what kind of thing happened. */
function eventKind(text: string): string | undefined {
  for (const m of text.matchAll(/\p{L}+/gu)) {
    const w = m[0].toLowerCase();
    // "March 2019" is a month.
    if (MONTHS.has(w) && m[0] !== w) continue;
    if (EVENT_HEADS.has(w)) return w;
  }
  return undefined;
}

/** A sentence about an earlier event: it dates something to a year before the story's. */
function backgroundYear(r: Reading, storyYear: number | undefined): number | undefined {
  for (const d of r.dates) {
    const y = d.year?.value;
    if (typeof y !== "number") continue;
    if (storyYear !== undefined ? y < storyYear : d.modifies !== undefined || d.prep === "in") {
      // "the 2019 raid", "In 1974 a quake …", "A 2012 earthquake …"
      const words = r.sentence.tokens.map((t) => t.norm);
      if (words.some((w) => EVENT_HEADS.has(w))) return y;
    }
  }
  return undefined;
}

function backgroundEvent(map: Map<number, DraftEvent>, year: number, r: Reading, cite: (s: Sentence, a: number, b: number) => Cite[]): DraftEvent {
  let ev = map.get(year);
  if (!ev) {
    const kind = eventKind(r.sentence.text) ?? "event";
    const c = cite(r.sentence, r.sentence.start, r.sentence.end);
    ev = { id: "", name: `${year} ${kind}`, kind, keywords: [String(year)], people: [], counts: [], cite: c, when: c.length ? { year, cite: c } : undefined, background: true };
    map.set(year, ev);
  }
  return ev;
}

const DEFAULT_OF: Record<string, string> = { killed: "people", injured: "people", missing: "people" };

function countOf(f: Figure, s: Sentence, cite: (s: Sentence, a: number, b: number) => Cite[]): DraftCount | undefined {
  if (!f.measure && !f.among) return undefined;
  if (f.measure === "duration" && !f.unit) return undefined;
  const c = cite(s, f.start, f.end);
  if (!c.length) return undefined;
  let of = f.of ?? (f.measure ? DEFAULT_OF[f.measure] : undefined);
  if (!of && f.noun && f.measure !== "duration") of = f.noun.toLowerCase();
  const unit = f.measure === "duration" ? f.unit : undefined;
  let measure = f.measure ?? "";
  if (f.measure === "money" && f.unit) measure = `money in ${f.unit}`;
  if (f.measure === "percent") measure = of ? `share in percent` : "percent";
  return { measure, of, unit, value: f.value, qualifier: f.qualifier, cite: c, breakdown: [], disputed: [] };
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
  for (const p of r.places) {
    if (!p.entityId || p.relation !== "in" || p.ofSpeech || p.kind !== "place") continue;
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
    if (d.ofSpeech || d.modifies) continue;
    if (d.prep && !["on", "in", "early", "late", "last", "this", "during", "since"].includes(d.prep) && d.prep !== undefined) continue;
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
      const wd = [...WEEKDAYS.values()][(new Date(Date.UTC(when.year, when.month - 1, when.day)).getUTCDay() + 6) % 7];
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

/** The day of `weekday` in the week up to the article's date ("on Sunday" in a Wednesday report). */
export function resolveWeekday(weekday: string, ref: { year: number; month: number; day: number }): { year: number; month: number; day: number } | undefined {
  const names = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
  const want = names.indexOf(weekday);
  if (want < 0) return undefined;
  const refDate = new Date(Date.UTC(ref.year, ref.month - 1, ref.day));
  const back = (refDate.getUTCDay() - want + 7) % 7;
  const d = new Date(refDate.getTime() - back * 86400000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

interface RoleFound {
  person: string;
  title: string;
  of?: string;
  start: number;
  end: number;
}

/** Offices the sentence gives people: before the name ("Observatory chief Rami Abdel Rahman"), or after it ("Li, the premier"). */
function rolesIn(r: Reading, kindOf: (id: string) => Kind | undefined): RoleFound[] {
  const out: RoleFound[] = [];
  const tokens = r.sentence.tokens;
  const bodyEndingAt = (k: number): { entityId: string; start: number } | undefined =>
    r.mentions.find((m) => m.last === k && (kindOf(m.entityId) === "organization" || kindOf(m.entityId) === "force"));
  for (const m of r.mentions) {
    if (kindOf(m.entityId) !== "person") continue;
    // Before: office words, then perhaps the body they belong to.
    let k = m.first;
    const words: Token[] = [];
    while (k > 0 && words.length < 4) {
      const t = tokens[k - 1];
      if (t.kind !== "word" || !(OFFICE_NOUNS.has(t.norm) || OFFICE_MODIFIERS.has(t.norm))) break;
      words.unshift(t);
      k--;
    }
    // Ranks written before the name ("spokesman Army Major John Rigsbee") are not the office.
    while (words.length > 1 && RANK_WORDS.has(words[words.length - 1].norm) && words[words.length - 1].cap) words.pop();
    if (words.length && words.some((w) => OFFICE_NOUNS.has(w.norm))) {
      const title = words.map((w) => w.raw.toLowerCase()).join(" ");
      let body = bodyEndingAt(k);
      // "the Observatory's chief"
      if (!body && tokens[k - 1]?.raw.match(/^['’]s?$/)) body = bodyEndingAt(k - 1);
      out.push({ person: m.entityId, title, of: body?.entityId, start: body?.start ?? words[0].start, end: m.end });
      continue;
    }
    // After: ", the director of the Syrian Observatory …", ", a spokesman for …"
    let j = m.last;
    if (tokens[j]?.raw !== ",") continue;
    j++;
    if (tokens[j]?.norm === "the" || tokens[j]?.norm === "a" || tokens[j]?.norm === "an") j++;
    const after: Token[] = [];
    let bodyFirst = -1;
    while (j < tokens.length && after.length < 4) {
      const t = tokens[j];
      if (t.kind !== "word") break;
      const bm = r.mentions.find((x) => x.first === j && (kindOf(x.entityId) === "organization" || kindOf(x.entityId) === "force"));
      if (bm) {
        bodyFirst = j;
        break;
      }
      if (!(OFFICE_NOUNS.has(t.norm) || OFFICE_MODIFIERS.has(t.norm))) break;
      after.push(t);
      j++;
    }
    let of: string | undefined;
    let end = after.length ? after[after.length - 1].end : m.end;
    if (bodyFirst < 0 && (tokens[j]?.norm === "of" || tokens[j]?.norm === "for" || tokens[j]?.norm === "at")) {
      let b = j + 1;
      if (tokens[b]?.norm === "the") b++;
      // "the non-governmental organization Syrian Observatory …": a few words before the name.
      for (let skip = 0; skip < 4 && b + skip < tokens.length; skip++) {
        const bm = r.mentions.find((x) => x.first === b + skip && (kindOf(x.entityId) === "organization" || kindOf(x.entityId) === "force"));
        if (bm) {
          of = bm.entityId;
          end = bm.end;
          break;
        }
      }
    } else if (bodyFirst >= 0) {
      const bm = r.mentions.find((x) => x.first === bodyFirst)!;
      of = bm.entityId;
      end = bm.end;
      // "…, Microsoft's chief executive": the body, then its office.
    }
    if (after.some((w) => OFFICE_NOUNS.has(w.norm))) out.push({ person: m.entityId, title: after.map((w) => w.raw.toLowerCase()).join(" "), of, start: m.start, end });
  }
  for (const x of r.roles) {
    if (x.roleNoun && !out.some((o) => o.person === x.person)) {
      const pm = r.mentions.find((m) => m.entityId === x.person)!;
      const om = r.mentions.find((m) => m.entityId === x.org)!;
      out.push({ person: x.person, title: x.roleNoun, of: x.org, start: Math.min(pm.start, om.start), end: Math.max(pm.end, om.end) });
    }
  }
  return out;
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
    // "Syria’s Idlib province": the second lies in the first.
    if (/^['’]s\s*$/.test(between)) {
      const ra = LEVEL_RANK[byId.get(a.entityId)!.level ?? ""] ?? 7;
      const rb = LEVEL_RANK[byId.get(b.entityId)!.level ?? ""] ?? 0;
      if (ra > rb) out.push([b.entityId, a.entityId, a.start, b.end]);
      continue;
    }
    const ok =
      /^\s*(county|province|city|town|village|district|prefecture|township|state|region)?\s*(,\s*|\s+)(in|of|is part of|part of|in the|of the)?\s*((north|south|east|west|central|northern|southern|eastern|western|north-?western|north-?eastern|south-?western|south-?eastern|northwest|northeast|southwest|southeast)\s+)?((province|state|county|region|city) of\s+)?$/.test(between) &&
      (between.includes(",") || /\b(in|of|part of)\b/.test(between));
    if (!ok) continue;
    const ra = LEVEL_RANK[byId.get(a.entityId)!.level ?? ""];
    const rb = LEVEL_RANK[byId.get(b.entityId)!.level ?? ""];
    if (ra !== undefined && rb !== undefined && rb <= ra) continue;
    // A country lies in nothing; a place of unknown level is said to hold another only in words ("in", "part of").
    if (ra === LEVEL_RANK.country) continue;
    if ((ra === undefined || rb === undefined) && !/\b(in|part of)\b/.test(between)) continue;
    out.push([a.entityId, b.entityId, a.start, b.end]);
  }
  return out;
}

export { slug };
export type { FactEvent, Found };
