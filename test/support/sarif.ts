// Validates a SARIF log against the SARIF 2.1.0 schema (JSON Schema draft-04) as Microsoft's
// SARIF SDK publishes it, the way GitHub code scanning would reject a bad upload.
import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import Ajv04 from "ajv-draft-04";
import addFormats from "ajv-formats";
import type * as Sarif from "sarif";

const SCHEMA = JSON.parse(readFileSync(require.resolve("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json"), "utf8")) as object;
// unicodeRegExp off: the schema's language-tag pattern has a stray ']' that /u rejects.
const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
export const validateSarif = ajv.compile(SCHEMA);

export function assertValidSarif(log: unknown): asserts log is Sarif.Log {
  const ok = validateSarif(log);
  assert.ok(ok, `not valid SARIF 2.1.0:\n${ajv.errorsText(validateSarif.errors, { separator: "\n" })}`);
}
