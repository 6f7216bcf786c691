// facts/schema.json, as VS Code's YAML extension uses it: draft-07, every field described,
// snippets that fit it, every shipped fact file accepted and broken samples rejected.
import { strict as assert } from "node:assert";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv from "ajv";
import { parse as parseYaml } from "yaml";
import { parseFactFile } from "../../server/src/facts/parse";
import { findFactFiles } from "../../server/src/facts/discover";
import { FACTS, FIXTURES, ROOT } from "../support/paths";
import { assertAt, only, show } from "./facts-support";

type Schema = Record<string, unknown> & { properties?: Record<string, Schema>; definitions?: Record<string, Schema>; items?: Schema };

const schema = JSON.parse(readFileSync(join(FACTS, "schema.json"), "utf8")) as Schema;
// Named *.yaml, not *.facts.yaml, so that no fact discovery (CLI, language server) picks them up.
const BROKEN = join(FIXTURES, "facts", "broken");

/** A validator built straight from the JSON, strict, knowing only the editor's extra keywords. */
function strictValidator() {
  const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false, strictRequired: false });
  ajv.addVocabulary(["markdownDescription", "defaultSnippets"]);
  return ajv.compile(schema);
}

/** Every object schema of the file (definitions, properties, items), with where it is. */
function* schemasIn(s: Schema, where: string): Generator<[string, Schema]> {
  yield [where, s];
  for (const [k, v] of Object.entries(s.definitions ?? {})) yield* schemasIn(v, `definitions.${k}`);
  for (const [k, v] of Object.entries(s.properties ?? {})) yield* schemasIn(v, `${where}.${k}`);
  if (s.items && typeof s.items === "object") yield* schemasIn(s.items, `${where}[]`);
}

describe("fact file schema (facts/schema.json)", () => {
  const validate = strictValidator();

  it("is draft-07 and compiles in strict mode (no misspelled keywords)", () => {
    assert.equal(schema.$schema, "http://json-schema.org/draft-07/schema#");
    assert.equal(typeof validate, "function");
  });

  it("is contributed to VS Code's YAML extension for *.facts.yaml", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
    const entry = pkg.contributes.yamlValidation.find((v: { url: string }) => v.url === "./facts/schema.json");
    assert.ok(entry?.fileMatch.includes("*.facts.yaml"));
  });

  it("describes every field and definition, for hovers and completion", () => {
    const bare: string[] = [];
    for (const [where, s] of schemasIn(schema, "file")) {
      if (where === "file" || /\.cite$|\[\]$/.test(where) || where.split(".").length > 4) continue;
      // A bare $ref is described by the definition it points to.
      const target = typeof s.$ref === "string" ? schema.definitions![(s.$ref as string).split("/").pop()!] : s;
      if (typeof target?.description !== "string" || target.description.length < 8) bare.push(where);
    }
    assert.deepEqual(bare, []);
  });

  it("offers snippets whose fields all exist in the schema they complete", () => {
    const defs = schema.definitions!;
    const resolve = (s: Schema | undefined): Schema | undefined =>
      s && typeof s.$ref === "string" ? resolve(defs[(s.$ref as string).split("/").pop()!]) : s;
    const check = (body: unknown, s: Schema | undefined, where: string): void => {
      s = resolve(s);
      if (!s || body === null || typeof body !== "object") return;
      if (Array.isArray(body)) return body.forEach((b, i) => check(b, s!.items, `${where}[${i}]`));
      for (const [k, v] of Object.entries(body)) {
        assert.ok(s.properties?.[k], `${where}: snippet field '${k}' is not in the schema`);
        check(v, s.properties[k], `${where}.${k}`);
      }
    };
    let count = 0;
    for (const [name, def] of Object.entries(defs)) {
      for (const snippet of (def.defaultSnippets as { label: string; body: unknown }[] | undefined) ?? []) {
        check(snippet.body, def, `${name} '${snippet.label}'`);
        count++;
      }
    }
    assert.ok(count >= 8, `${count} snippets`);
  });

  it("accepts every shipped fact file", () => {
    const { files } = findFactFiles([FACTS]);
    assert.ok(files.length >= 5);
    for (const f of files) {
      const ok = validate(parseYaml(readFileSync(f, "utf8")));
      assert.ok(ok, `${f}: ${JSON.stringify(validate.errors, null, 1)}`);
    }
  });

  it("accepts the valid fixtures", () => {
    const valid = join(FIXTURES, "facts", "valid");
    for (const f of readdirSync(valid).filter((n) => n.endsWith(".yaml"))) {
      assert.ok(validate(parseYaml(readFileSync(join(valid, f), "utf8"))), `${f}: ${JSON.stringify(validate.errors)}`);
    }
  });

  describe("rejects broken samples, and the loader says where", () => {
    // Each sample: the problem code the loader gives, the text it must point at, and words of its message.
    const expected: Record<string, [code: string, at: string, message: RegExp]> = {
      "bad-id.yaml": ["schema", "Kafr Nabl", /not a valid id/],
      "bad-kind.yaml": ["schema", "city", /should be one of: person, place, organization, force/],
      "bad-qualifier.yaml": ["schema", "at most", /Did you mean 'up to'/],
      "duration-without-unit.yaml": ["schema", "measure: duration", /Missing field 'unit'/],
      "empty-cite.yaml": ["schema", "[]", /at least one citation/],
      "missing-cite.yaml": ["schema", "id: jane-doe", /Missing field 'cite'/],
      "month-13.yaml": ["schema", "13", /'month' of event 'seizure', when is 13; it must be <= 12/],
      "quote-not-a-string.yaml": ["schema", "[said, Jane, Doe]", /'quote' .* should be text, not a list/],
      "top-level-list.yaml": ["not-a-mapping", "- id: kafr-nabl", /holds a list/],
      "unknown-field.yaml": ["schema", "varients", /Unknown field 'varients'.*Did you mean 'variants'/],
      "wrong-type.yaml": ["schema", "seven", /should be a number, not the text "seven"/],
    };

    it("has an expectation for every sample", () => {
      assert.deepEqual(readdirSync(BROKEN).sort(), Object.keys(expected).sort());
    });

    for (const [name, [code, at, message]] of Object.entries(expected)) {
      it(name, () => {
        const text = readFileSync(join(BROKEN, name), "utf8");
        assert.equal(validate(parseYaml(text)), false, "the schema accepted it");
        const r = parseFactFile(join(BROKEN, name), text);
        assert.equal(r.data, undefined);
        const p = only(r.problems, code);
        assert.equal(p.severity, "error");
        assertAt(p, text, at);
        assert.match(p.message, message, show(p));
      });
    }
  });
});

describe("fact file schema and the vocabulary", () => {
  const vocabulary = JSON.parse(readFileSync(join(ROOT, "server", "vocabulary", "english.json"), "utf8")) as {
    units: { id: string }[];
    currencies: { code: string }[];
    places: { levels: Record<string, string[]>; tiers: Record<string, string[] | string> };
  };
  const defs = schema.definitions as Record<string, { enum?: string[]; properties?: Record<string, { enum?: string[] }> }>;

  it("offers every unit and currency the checker reads, and no other", () => {
    const ids = [...vocabulary.units.map((u) => u.id), ...vocabulary.currencies.map((c) => c.code)];
    assert.deepEqual([...(defs.unit.enum ?? [])].sort(), [...ids].sort());
  });

  it("offers every level of place the checker reads, and no other", () => {
    const tiers = Object.entries(vocabulary.places.tiers).filter(([k]) => k !== "about").flatMap(([, v]) => v as string[]);
    const levels = new Set([...Object.keys(vocabulary.places.levels), ...tiers]);
    assert.deepEqual([...(defs.entity.properties?.level.enum ?? [])].sort(), [...levels].sort());
  });
});
