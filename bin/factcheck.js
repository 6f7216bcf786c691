#!/usr/bin/env node
// Command-line checker. Built by `npm run build` (run by `npm ci` through `prepare`).
"use strict";
let cli;
try {
  cli = require("../out/server/src/cli/main.js");
} catch (e) {
  const unbuilt = e && e.code === "MODULE_NOT_FOUND" && String(e.message).includes("cli/main.js");
  process.stderr.write(unbuilt ? "factcheck: not built yet; run `npm run build` first.\n" : `factcheck: cannot start: ${e && e.stack ? e.stack : e}\n`);
  process.exit(2);
}
// A reader that stops early (`| head`) is not a failure of the check.
process.stdout.on("error", (e) => {
  if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw e;
});
try {
  process.exitCode = cli.run(process.argv.slice(2));
} catch (e) {
  // A crash must not exit 1, which means "conflicts found".
  process.stderr.write(`factcheck: internal error: ${e && e.stack ? e.stack : e}\n`);
  process.exitCode = 2;
}
