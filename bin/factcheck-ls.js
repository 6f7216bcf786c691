#!/usr/bin/env node
// Language server over stdio for any LSP editor: `factcheck-ls --stdio [--facts PATH]`.
"use strict";
try {
  require.resolve("../out/server/src/lsp/main.js");
} catch {
  process.stderr.write("factcheck-ls: not built yet; run `npm run build` first.\n");
  process.exit(2);
}
require("../out/server/src/lsp/main.js");
