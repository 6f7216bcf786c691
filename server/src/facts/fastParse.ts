// The fast path for reading a fact file: js-yaml (about ten times faster than the `yaml`
// package here) with the YAML 1.2 core schema as `yaml` resolves it, so both read a
// well-formed file into the same data. It only ever says "this file is fine, here is its
// data" or "don't know": anything unusual (anchors, tags, directives, a syntax error) is
// left to the `yaml` path in parse.ts, which reports every problem with its place.
import { FAILSAFE_SCHEMA, load, Type } from "js-yaml";

/** Set when a number read is not finite (`.inf`, `.nan`, a 400-digit integer): the slow path says where. */
let nonFinite = false;

/** A number as read, noting one that is not finite. */
const counted = (n: number): number => {
  if (!Number.isFinite(n)) nonFinite = true;
  return n;
};

/** A plain-scalar type; `starts` lists the first characters it can begin with, so most words skip its pattern. */
const scalar = (tag: string, starts: string, test: RegExp, construct: (s: string) => unknown): Type =>
  new Type(`tag:yaml.org,2002:${tag}`, {
    kind: "scalar",
    resolve: (s: string | null) => (s ? starts.includes(s[0]) && test.test(s) : test.test("")),
    construct,
  });

/**
 * The core schema of YAML 1.2 with `yaml`'s own patterns (yaml/dist/schema/core): no `yes`/`no`,
 * no `0b…` or `1_000`, no timestamps; `0o12` is octal and `0x1F` hex, as `yaml` reads them.
 */
export const CORE_SCHEMA_AS_YAML = FAILSAFE_SCHEMA.extend({
  implicit: [
    scalar("null", "~nN", /^(?:~|[Nn]ull|NULL)?$/, () => null),
    scalar("bool", "tTfF", /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, (s) => s[0] === "t" || s[0] === "T"),
    scalar("int", "+-0123456789", /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/, (s) =>
      counted(s[1] === "o" ? parseInt(s.slice(2), 8) : s[1] === "x" ? parseInt(s.slice(2), 16) : parseInt(s, 10)),
    ),
    scalar("float", "+-.0123456789", /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/, (s) =>
      counted(/nan$/i.test(s) ? NaN : /inf$/i.test(s) ? (s[0] === "-" ? -Infinity : Infinity) : parseFloat(s)),
    ),
  ],
});

/**
 * What js-yaml and `yaml` may read differently, or what the slow path must judge: anchors and
 * aliases (an alias bomb must not be expanded), tags, directives and document markers, a byte
 * order mark, tabs. Checked on the raw text; a false alarm only costs the slow path.
 */
const NEEDS_SLOW_PATH = /(?:^|[\s,[{])[&*!][^\s,[\]{}]|^(?:%|---|\.\.\.)|\t|^\uFEFF/m;

/** The file's data when it is plain, well-formed YAML holding a mapping; undefined to take the slow path. */
export function fastLoad(text: string): Record<string, unknown> | undefined {
  return fastRead(text)?.data;
}

/** fastLoad, and whether every number in the file is finite. */
export function fastRead(text: string): { data: Record<string, unknown>; finite: boolean } | undefined {
  // The pattern is slow on megabytes; most files hold none of the characters it looks for.
  if (/[&*!%\t\uFEFF]|^---|^\.\.\./m.test(text) && NEEDS_SLOW_PATH.test(text)) return undefined;
  let data: unknown;
  nonFinite = false;
  try {
    // js-yaml refuses a key written twice, as the slow path does (uniqueKeys).
    data = load(text, { schema: CORE_SCHEMA_AS_YAML });
  } catch {
    return undefined;
  }
  if (data === null || typeof data !== "object" || Array.isArray(data)) return undefined;
  return { data: data as Record<string, unknown>, finite: !nonFinite };
}
