// Drafting facts from articles (`factcheck facts draft`): the seed articles drafted one by one
// and together, every quote found in its article, the drafted file loading with no errors, the
// `status: draft` notes, and bad input refused with nothing written.
import { strict as assert } from "node:assert";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { parse } from "yaml";
import { ArticleError, articleFromBytes, loadArticle } from "../../server/src/draft/article";
import { resolveWeekday } from "../../server/src/draft/events";
import { readSourceMeta } from "../../server/src/draft/metadata";
import { draftFacts } from "../../server/src/draft/pipeline";
import { loadFacts } from "../../server/src/engine/factBase";
import { parseFactFile } from "../../server/src/facts/parse";
import { compileFactFile } from "../../server/src/facts/compile";
import { FACTS } from "../support/paths";
import { runCli, tempFolder } from "../support/runCli";

const SOURCES = join(FACTS, "sources");
const SEEDS = readdirSync(SOURCES).filter((f) => f.endsWith(".txt")).sort();

interface Cite {
  source: string;
  quote: string;
}
interface Count {
  measure: string;
  of?: string;
  value: number;
  qualifier?: string;
  cite: Cite[];
  breakdown?: Count[];
  disputed?: { value: number; qualifier?: string; cite: Cite[] }[];
}
interface Drafted {
  sources: { id: string; file: string; outlet: string; title: string }[];
  entities: { id: string; kind: string; name: string; variants?: string[]; in?: string; status?: string; roles?: { title: string; of?: string }[] }[];
  events: { id: string; status?: string; counts?: Count[]; people?: string[]; place?: { at: string } }[];
}

/** Drafts the articles into a fact file in a fresh folder; returns the folder, the file and its data. */
function draft(files: string[]): { dir: string; file: string; data: Drafted } {
  const dir = tempFolder("factcheck-draft-");
  const file = join(dir, "drafted.facts.yaml");
  const r = runCli(["facts", "draft", "--out", file, ...files], dir);
  assert.equal(r.status, 0, r.stderr);
  return { dir, file, data: parse(readFileSync(file, "utf8")) as Drafted };
}

const names = (d: Drafted, kind: string): string[] => d.entities.filter((e) => e.kind === kind).flatMap((e) => [e.name, ...(e.variants ?? [])]);

describe("facts draft: the seed articles", function () {
  this.timeout(60000);

  const expected: Record<string, { people: string[]; places: string[] }> = {
    "000_d5b0eb1f19cd9f4f.txt": { people: ["Charles Lister", "Rami Abdel Rahman", "Abdul Hamid al-Matar"], places: ["Baghdad", "Atmeh", "Idlib", "Syria"] },
    "001_5275aee76dddcb41.txt": { people: ["Rami Abdel Rahman", "John Rigsbee"], places: ["Atme", "Idlib", "Syria"] },
    "002_3b0c83eb93a1357c.txt": { people: ["John Kirby", "Rami Abdel Rahman", "Abu Bakr al-Baghdadi"], places: ["Atme", "Idlib", "Syria", "Russia"] },
    "003_f18772d31dee92f8.txt": { people: ["Rami Abdel Rahman", "John Kirby", "Bashar al-Assad"], places: ["Atme", "Idlib", "Syria"] },
    "004_051e052369d8c2cb.txt": { people: ["Abu Bakr al-Baghdadi"], places: ["Humaira", "Aleppo", "Syria", "Iraq"] },
  };

  for (const seed of SEEDS) {
    it(`drafts ${seed}: its people and places, a file that loads with no errors and no quote not found`, () => {
      const { file, data } = draft([join(SOURCES, seed)]);
      for (const p of expected[seed].people) assert.ok(names(data, "person").includes(p), `person ${p} in ${names(data, "person").join(", ")}`);
      for (const p of expected[seed].places) assert.ok(names(data, "place").includes(p), `place ${p} in ${names(data, "place").join(", ")}`);
      const loaded = loadFacts([file]);
      const problems = loaded.problems.filter((p) => p.severity !== "information");
      assert.deepEqual(problems.map((p) => `${p.code}: ${p.message}`), []);
      assert.equal(resolve(dirname(file), data.sources[0].file), join(SOURCES, seed), "file: relative to the fact file");
    });
  }

  it("drafts the five together: the raid's toll with its qualifier and breakdown, the disputed 12 of article 000, Rami Abdel Rahman's office", () => {
    const { file, data } = draft(SEEDS.map((s) => join(SOURCES, s)));
    const source000 = data.sources.find((s) => s.file.endsWith("000_d5b0eb1f19cd9f4f.txt"))!.id;
    const killed = data.events.flatMap((e) => e.counts ?? []).find((c) => c.measure === "killed" && c.value === 13);
    assert.ok(killed, "a count of 13 killed");
    assert.equal(killed.qualifier, "at least");
    assert.deepEqual(killed.breakdown?.map((b) => [b.of, b.value]).sort(), [["children", 4], ["women", 3]]);
    const twelve = killed.disputed?.find((d) => d.value === 12);
    assert.ok(twelve, "the 12 of article 000 disputed");
    assert.equal(twelve.qualifier, "at least");
    assert.deepEqual(twelve.cite.map((c) => c.source), [source000]);
    const rahman = data.entities.find((e) => e.name === "Rami Abdel Rahman")!;
    const observatory = data.entities.find((e) => e.name === "Syrian Observatory for Human Rights")!;
    assert.ok(rahman.roles?.some((r) => r.of === observatory.id), "his office at the Observatory");
    const atme = data.entities.find((e) => e.name === "Atme" || e.name === "Atmeh")!;
    assert.ok([atme.name, ...(atme.variants ?? [])].includes("Atmeh") && [atme.name, ...(atme.variants ?? [])].includes("Atme"), "one place, both spellings");
    // Every entity and event is marked for review.
    assert.ok([...data.entities, ...data.events].every((x) => x.status === "draft"));
    assert.deepEqual(loadFacts([file]).problems.filter((p) => p.severity !== "information").map((p) => p.message), []);
  });

  it("quotes every value with words found in its article", () => {
    const { data } = draft(SEEDS.map((s) => join(SOURCES, s)));
    const texts = new Map(data.sources.map((s) => [s.id, norm(readFileSync(join(SOURCES, s.file.split("/").pop()!), "utf8"))]));
    const quotes: Cite[] = [];
    const walk = (x: unknown): void => {
      if (Array.isArray(x)) x.forEach(walk);
      else if (x && typeof x === "object") {
        const o = x as Record<string, unknown>;
        if (typeof o.source === "string" && typeof o.quote === "string") quotes.push(o as unknown as Cite);
        else Object.values(o).forEach(walk);
      }
    };
    walk([data.entities, data.events]);
    assert.ok(quotes.length > 50);
    for (const q of quotes) assert.ok(texts.get(q.source)!.includes(norm(q.quote)), `quote not in ${q.source}: ${q.quote}`);
  });
});

function norm(s: string): string {
  return s.replace(/[“”"‘’']/g, "").replace(/\s+/g, " ").toLowerCase();
}

describe("facts draft: articles that cannot be drafted from", function () {
  this.timeout(30000);

  it("refuses text that is not UTF-8, an empty file, a huge file and a folder without articles, writing nothing", () => {
    const dir = tempFolder("factcheck-bad-");
    writeFileSync(join(dir, "latin1.txt"), Buffer.from("Caf\xe9 au lait in S\xe3o Paulo.\n", "latin1"));
    writeFileSync(join(dir, "empty.txt"), "  \n\n");
    writeFileSync(join(dir, "huge.txt"), Buffer.alloc(10 * 1024 * 1024, "word "));
    mkdirSync(join(dir, "nothing"));
    const out = join(dir, "out.facts.yaml");
    for (const [input, message] of [
      ["latin1.txt", /not UTF-8 text \(byte 3/],
      ["empty.txt", /is empty/],
      ["huge.txt", /10\.0 MB; an article to draft from is at most 4 MB/],
      ["nothing", /no articles/],
      ["missing.txt", /cannot be read \(ENOENT\)/],
    ] as const) {
      const r = runCli(["facts", "draft", "--out", out, input], dir);
      assert.equal(r.status, 2, `${input}: ${r.stderr}`);
      assert.match(r.stderr, message);
      assert.equal(existsSync(out), false, `${input}: nothing written`);
    }
    assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith(".tmp")), []);
  });

  it("replaces an existing fact file only with --force, through a temporary file", () => {
    const dir = tempFolder("factcheck-force-");
    const out = join(dir, "out.facts.yaml");
    writeFileSync(out, "# mine\n");
    const seed = join(SOURCES, SEEDS[1]);
    const refused = runCli(["facts", "draft", "--out", out, seed], dir);
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /exists; pass --force/);
    assert.equal(readFileSync(out, "utf8"), "# mine\n");
    const forced = runCli(["facts", "draft", "--force", "--out", out, seed], dir);
    assert.equal(forced.status, 0, forced.stderr);
    assert.match(readFileSync(out, "utf8"), /^# Drafted by/);
    assert.deepEqual(readdirSync(dir).sort(), ["out.facts.yaml"]);
  });

  it("prints the draft without --out, and usage for bad options", () => {
    const dir = tempFolder("factcheck-stdout-");
    const r = runCli(["facts", "draft", join(SOURCES, SEEDS[2])], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^# Drafted by/);
    assert.ok((parse(r.stdout) as Drafted).entities.length > 5);
    const bad = runCli(["facts", "draft", "--bogus", "x.txt"], dir);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /Unknown option '--bogus'/);
  });

  it("reads an HTML page as its text, and quotes only what the page's own text holds", () => {
    const dir = tempFolder("factcheck-html-");
    const html = `<!DOCTYPE html><html><head><title>Quake</title><script>var x = "Mayor Fake Name";</script></head><body>
<h1>Flood kills 7 in Karlsdorf</h1><p>KARLSDORF, March 3, 2021 (AP) - At least 7 people were killed in a flood in Karlsdorf town on Monday, Mayor Tobias Wendt said.</p>
<p>The mayor, Tobias Wendt, said 30 people were injured &amp; 12 missing.</p></body></html>`;
    writeFileSync(join(dir, "page.html"), html);
    const out = join(dir, "page.facts.yaml");
    const r = runCli(["facts", "draft", "--out", out, "page.html"], dir);
    assert.equal(r.status, 0, r.stderr);
    const text = readFileSync(out, "utf8");
    assert.doesNotMatch(text, /Fake Name|<p>|DOCTYPE/);
    const data = parse(text) as Drafted;
    assert.ok(names(data, "person").includes("Tobias Wendt"));
    assert.equal(data.sources[0].outlet, "AP");
    assert.deepEqual(loadFacts([out]).problems.filter((p) => p.severity !== "information").map((p) => p.message), []);
  });

  it("writes no reference to an entity it leaves out: a page whose town is quoted only in a dateline in bold still loads", () => {
    const dir = tempFolder("factcheck-html-");
    const html = `<html><head><title>Fire guts Thornbury warehouse | Western Daily</title></head><body><article>
<h1>Fire guts Thornbury warehouse</h1><p class="byline">By Sam Carter, Western Daily</p>
<p><strong>THORNBURY, England, March 3, 2031</strong> - A fire destroyed the Kestrel Freight warehouse in Thornbury on Monday, killing <b>two</b> workers and injuring 17 others.</p>
<p>More than 60 firefighters fought the blaze for about nine hours, said chief officer Helen Marsh of Avon Fire &amp; Rescue Service.</p>
</article></body></html>`;
    writeFileSync(join(dir, "page.html"), html);
    const out = join(dir, "page.facts.yaml");
    assert.equal(runCli(["facts", "draft", "--out", out, "page.html"], dir).status, 0);
    assert.deepEqual(loadFacts([out]).problems.filter((p) => p.severity !== "information").map((p) => `${p.code}: ${p.message}`), []);
  });

  it("makes the folder --out names when it is not there yet", () => {
    const dir = tempFolder("factcheck-out-");
    writeFileSync(join(dir, "a.txt"), "LONDON, March 3, 2031 (Reuters) - A fire in Thornbury killed two workers, police said.\n");
    const r = runCli(["facts", "draft", "--out", join("facts", "new", "story.facts.yaml"), "a.txt"], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.ok(existsSync(join(dir, "facts", "new", "story.facts.yaml")));
  });

  it("says which byte is not UTF-8 and that a NUL-holding file is binary", () => {
    assert.throws(() => articleFromBytes("a.txt", Buffer.from([0x61, 0x62, 0xff])), (e: Error) => e instanceof ArticleError && /byte 2/.test(e.message));
    assert.throws(() => articleFromBytes("a.txt", Buffer.from("ab\0cd")), /binary/);
    assert.throws(() => loadArticle(SOURCES), /not a file/);
  });
});

describe("facts draft: pieces", () => {
  it("reads a dateline's outlet and date, and resolves a weekday against it", () => {
    const meta = readSourceMeta("China quake toll jumps to 589\n\nLUDIAN, China, Aug. 6, 2014 (AP) - Rescuers found more bodies on Wednesday.\n");
    assert.equal(meta.outlet, "AP");
    assert.equal(meta.date, "2014-08-06");
    assert.equal(meta.title, "China quake toll jumps to 589");
    assert.deepEqual(resolveWeekday("Sunday", { year: 2014, month: 8, day: 6 }), { year: 2014, month: 8, day: 3 });
    assert.deepEqual(resolveWeekday("Wednesday", { year: 2014, month: 8, day: 6 }), { year: 2014, month: 8, day: 6 });
  });

  it("drafts in memory what the command line writes", () => {
    const article = loadArticle(join(SOURCES, SEEDS[3]));
    const result = draftFacts([article], { outFile: join(FACTS, "x.facts.yaml") });
    assert.equal(result.draft.sources[0].file, `sources/${SEEDS[3]}`);
    assert.ok(result.stats.entities > 5 && result.stats.events >= 1);
  });

  it("notes each fact marked status: draft as information, and nothing where the field is absent", () => {
    const text = `sources:\n  - id: s\n    outlet: O\n    title: T\nentities:\n  - id: a\n    kind: place\n    name: A\n    cite:\n      - source: s\n        quote: A\n    status: draft\n  - id: b\n    kind: place\n    name: B\n    cite:\n      - source: s\n        quote: B\nevents:\n  - id: e\n    name: E\n    counts:\n      - measure: killed\n        value: 3\n        cite:\n          - source: s\n            quote: three\n        status: draft\n    cite:\n      - source: s\n        quote: E\n`;
    const parsed = parseFactFile("/x/a.facts.yaml", text);
    assert.deepEqual(parsed.problems, []);
    const notes = compileFactFile(parsed).problems.filter((p) => p.code === "drafted");
    assert.deepEqual(notes.map((p) => [p.severity, p.line]), [["information", 11], ["information", 27]]);
    assert.match(notes[0].message, /entity 'a'/);
  });
});
