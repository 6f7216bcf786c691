#!/usr/bin/env node
// Command-line checker. Built by `npm run build` (run by `npm ci` through `prepare`).
"use strict";
let cli;
try {
  cli = require("../out/server/src/cli/main.js");
} catch (e) {
  process.stderr.write("factcheck: not built yet; run `npm run build` first.\n");
  process.exit(2);
}
process.exitCode = cli.run(process.argv.slice(2), (s) => process.stdout.write(s), (s) => process.stderr.write(s));
