// The fast path (js-yaml, positions found by walking the text) must read every fact file into
// exactly what the `yaml` path reads: the same data, the same problems at the same places, and
// the same base with every fact's location — for the shipped facts, the fixtures, and files
// written in every style YAML allows.
import { strict as assert } from "node:assert";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { buildFactBase } from "../../server/src/facts/build";
import { findFactFiles } from "../../server/src/facts/discover";
import { fastLoad } from "../../server/src/facts/fastParse";
import { parseFactFile } from "../../server/src/facts/parse";
import { parse as parseYaml } from "yaml";
import { FACTS, FIXTURES } from "../support/paths";
import { show, yaml } from "./facts-support";

const VALID = join(FIXTURES, "facts", "valid");

/** Parses and builds each set of files both ways and asserts the results are the same. */
function sameBothWays(files: { file: string; text: string }[]): ReturnType<typeof buildFactBase> {
  const fast = files.map(({ file, text }) => parseFactFile(file, text));
  const slow = files.map(({ file, text }) => parseFactFile(file, text, { fast: false }));
  for (let i = 0; i < files.length; i++) {
    assert.deepStrictEqual(fast[i].data, slow[i].data, `data of ${files[i].file}`);
    assert.deepStrictEqual(fast[i].problems.map(show), slow[i].problems.map(show), `problems of ${files[i].file}`);
  }
  const a = buildFactBase(fast);
  const b = buildFactBase(slow);
  assert.deepStrictEqual(a.problems.map(show), b.problems.map(show));
  assert.deepStrictEqual(a.base, b.base);
  return a;
}

const read = (file: string): { file: string; text: string } => ({ file, text: readFileSync(file, "utf8") });

/** Every YAML style a writer might use for the same facts. */
const STYLES = yaml`
  # leading comment
  sources:
  - id: src-a            # an indentless list
    outlet: "Outlet: A"  # a quoted value holding ': ' and ' #'
    title: 'It''s # not a comment'
  - {id: src-b, outlet: B, title: Flow source}
  entities:
    - id: place-x
      kind: place
      level: town
      name: Kafr X


      variants: [Kafr-X, "Kefer X"]
      cite:
        -
          source: src-a
          quote: a town called
            Kafr X on two lines
    - id: person-y
      kind: person
      name: >-
        Yusuf Y
      variants:
      - Y. Yusuf
      roles:
        - title: spokesman
          of: group-z
          cite: [{source: src-b, quote: "the spokesman"}]
      cite: [{source: src-b, quote: q}]
    -   id: group-z
        kind: organization
        name: Group Z
        founded: {year: 2012, cite: [{source: src-a, quote: q}]}
        cite:
          - source: src-a
            quote: q
  events:
    - id: event-e
      name: The raid
      kind: raid
      place:
        at: place-x
        cite:
          - source: src-a
            quote: q
      when:
        year: 2019
        month: 0o12
        day: 26
        cite:
          - {source: src-a, quote: q}
      counts:
        - measure: killed
          value: 0x0D
          qualifier: at least
          breakdown:
            - of: children
              value: 4
              cite:
                - source: src-a
                  quote: q
          cite:
            - source: src-b
              quote: q
      details:
        - what: weapon
          value: "rifles"
          cite:
            - source: src-a
              quote: q
      cite:
        - source: src-a
          quote: q
`;

describe("fact files: the fast path reads what the yaml path reads", () => {
  it("the shipped facts: same data, same base, every location the same", () => {
    const files = findFactFiles([FACTS]).files.map(read);
    for (const f of files) assert.ok(fastLoad(f.text), `${f.file} should take the fast path`);
    const built = sameBothWays(files);
    assert.deepEqual(built.problems.map(show), []);
    assert.ok(built.base.entities.size >= 30);
  });

  it("the fixtures, valid and broken: same data, same problems at the same places", () => {
    for (const dir of ["valid", "broken"]) {
      const folder = join(FIXTURES, "facts", dir);
      const files = readdirSync(folder)
        .filter((n) => n.endsWith(".yaml"))
        .map((n) => read(join(folder, n)));
      sameBothWays(files);
    }
  });

  it("block, flow and indentless lists, comments, folded and multi-line values, CRLF line ends", () => {
    const file = join(VALID, "styles.yaml");
    const built = sameBothWays([{ file, text: STYLES }]);
    assert.deepEqual(built.problems.map(show), []);
    // 0o12 and 0x0D are numbers to YAML 1.2, as `yaml` reads them.
    assert.equal(built.base.events.get("event-e")?.when?.month, 10);
    assert.equal(built.base.events.get("event-e")?.counts[0].value, 13);
    assert.equal(built.base.entities.get("person-y")?.roles[0].at.line, STYLES.split("\n").findIndex((l) => l.includes("title: spokesman")));
    sameBothWays([{ file, text: STYLES.replace(/\n/g, "\r\n") }]);
  });

  it("problems found across files point at the same places both ways", () => {
    const broken = STYLES.replace("of: group-z", "of: group-q") // dangling, in a block map
      .replace("at: place-x", "at: person-y") // wrong kind
      .replace("[Kafr-X,", "[Yusuf Y,") // a name two entities claim, in a flow list
      .replace("id: group-z", "id: place-x") // duplicate id
      .replace(/( *)day: 26/, "$1day: 30\n$1weekday: Monday"); // a weekday that date was not
    const file = join(VALID, "styles.yaml");
    assert.ok(parseFactFile(file, broken).data, "the file itself is well-formed");
    const built = sameBothWays([{ file, text: broken }]);
    const codes = new Set(built.problems.map((p) => p.code));
    for (const code of ["dangling-reference", "wrong-kind", "conflicting-name", "duplicate-id", "impossible-date"]) assert.ok(codes.has(code), `${code} in\n${built.problems.map(show).join("\n")}`);
  });

  it("YAML 1.1 words and forms stay text, as YAML 1.2 reads them", () => {
    const data = fastLoad("a: yes\nb: No\nc: 2019-10-26\nd: 1_000\ne: 0b101\nf: on\ng: ~\nh: .5\n");
    assert.deepStrictEqual(data, { a: "yes", b: "No", c: "2019-10-26", d: "1_000", e: "0b101", f: "on", g: null, h: 0.5 });
    const scalars = "a:\nb: ~\nc: Null\nd: -1\ne: +.5\nf: .inf\ng: -.INF\nh: .NaN\ni: TRUE\nj: false\nk: 0x1F\nl: 0o17\nm: 1e3\nn: nil\no: 1.\np: +12\nq: 0.5e-3\nr: 012\ns: -0\nt: 12:30\n";
    assert.deepStrictEqual(fastLoad(scalars), parseYaml(scalars));
  });

  it("leaves anchors, aliases, tags and directives to the yaml path", () => {
    for (const text of ["a: &x 1\nb: *x\n", "a: !!str 1\n", "%YAML 1.2\n---\na: 1\n", "a:\n\t- 1\n"]) assert.equal(fastLoad(text), undefined, text);
  });
});
