// Preloaded into the server (NODE_OPTIONS=--require, which, unlike --cpu-prof, NODE_OPTIONS
// allows) to record a CPU profile of its whole life into FACTCHECK_CPU_PROFILE_DIR.
import { Session } from "node:inspector";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.env.FACTCHECK_CPU_PROFILE_DIR;
if (dir) {
  const session = new Session();
  session.connect();
  session.post("Profiler.enable");
  session.post("Profiler.start");
  process.on("exit", () => {
    // The in-process inspector answers synchronously, so the profile is written before exit.
    session.post("Profiler.stop", (err, result) => {
      if (err) return;
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, `server-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  });
}
