// Entry point of the language server: `factcheck-ls --stdio [--facts PATH]...`
// (VS Code's client starts it with --node-ipc instead; both transports are read from argv).
import { createConnection, ProposedFeatures } from "vscode-languageserver/node";
import { startServer } from "./server";

export function factPathsFromArgv(argv: string[]): string[] {
  const paths: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--facts" && argv[i + 1]) paths.push(argv[++i]);
    else if (argv[i].startsWith("--facts=")) paths.push(argv[i].slice(8));
  }
  return paths;
}

const argv = process.argv.slice(2);
if (argv.includes("--help") || argv.includes("-h")) {
  process.stdout.write("Usage: factcheck-ls --stdio [--facts PATH]...\nRuns the factcheck language server over stdio (or --node-ipc, --socket=PORT).\n");
} else if (argv.includes("--version")) {
  process.stdout.write("factcheck-ls 0.1.0\n");
} else {
  if (!argv.some((a) => a === "--stdio" || a === "--node-ipc" || a.startsWith("--socket") || a.startsWith("--pipe"))) {
    process.stderr.write("factcheck-ls: choose a transport: --stdio (editors), --node-ipc (VS Code), --socket=PORT\n");
    process.exit(2);
  }
  const connection = createConnection(ProposedFeatures.all);
  // A request the client refuses (or any other stray rejection) is logged, never the end of the server.
  process.on("unhandledRejection", (reason) => connection.console.error(`factcheck: ${(reason as Error)?.stack ?? String(reason)}`));
  const onInput = (listener: () => void): void => {
    if (argv.includes("--stdio")) process.stdin.on("data", listener);
    else if (argv.includes("--node-ipc")) process.on("message", listener);
  };
  startServer(connection, { factPaths: factPathsFromArgv(argv), onInput });
}
