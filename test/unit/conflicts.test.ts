// The conflict codes are listed once (server/src/engine/conflicts.ts); every other list of them —
// the severity setting VS Code offers, the SARIF rules, the README — must agree with it.
import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { toSarif } from "../../server/src/cli/sarif";
import { CONFLICT_CODES, CONFLICTS } from "../../server/src/engine/conflicts";
import { readSettings } from "../../server/src/lsp/settings";
import { ROOT } from "../support/paths";

describe("conflict codes, listed once", () => {
  it("are the codes the severity setting offers, each described", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
    const severity = pkg.contributes.configuration.properties["factcheck.severity"];
    assert.deepEqual(Object.keys(severity.properties), [...CONFLICT_CODES]);
    for (const c of CONFLICTS) assert.equal(severity.properties[c.code].description, c.title);
  });

  it("are the SARIF rules, in the same order", () => {
    const log = toSarif([], ROOT, { version: "0.0.0", informationUri: "https://example.org" });
    assert.deepEqual(log.runs[0].tool.driver.rules?.map((r) => r.id), [...CONFLICT_CODES]);
  });

  it("are all named in the README", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    for (const code of CONFLICT_CODES) assert.ok(readme.includes(`\`${code}\``), code);
  });

  it("a severity setting for a code that does not exist is ignored, not kept", () => {
    assert.deepEqual(readSettings({ severity: { "wrong-date": "error", "wrong-colour": "error" } }).severity, { "wrong-date": "error" });
  });
});
