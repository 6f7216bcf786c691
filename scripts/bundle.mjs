// Bundles the extension client and the language server with esbuild, so the .vsix
// carries two files instead of a node_modules tree.
import { cpSync } from "node:fs";
import { build } from "esbuild";

// ESM-only dependencies (fdir, under tinyglobby) call createRequire(import.meta.url), which a
// CommonJS bundle leaves undefined: give them this file's own URL.
const common = {
  bundle: true,
  platform: "node",
  target: "node18",
  format: "cjs",
  sourcemap: true,
  logLevel: "warning",
  define: { "import.meta.url": "__bundleFileUrl" },
  banner: { js: 'const __bundleFileUrl = require("node:url").pathToFileURL(__filename).href;' },
};
await Promise.all([
  build({ ...common, entryPoints: ["client/src/extension.ts"], outfile: "dist/extension.js", external: ["vscode"] }),
  build({ ...common, entryPoints: ["server/src/lsp/main.ts"], outfile: "dist/server.js" }),
]);

// The vocabulary is data read at run time: beside the bundled server (the .vsix) and beside the
// compiled engine (the npm tarball, which carries out/ but not server/).
for (const dir of ["dist/vocabulary", "out/server/src/vocabulary"]) cpSync("server/vocabulary", dir, { recursive: true });
