// Reads a V8 .cpuprofile (from `node --cpu-prof`) and lists where the time went, by function.
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { ROOT } from "../test/support/paths";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
}

/** The functions with the most self time, as "percent  ms  name (file:line)". */
export function hotSpots(file: string, top = 15): string[] {
  const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  const totalMs = (profile.endTime - profile.startTime) / 1000;
  const perSample = totalMs / Math.max(1, profile.samples.length);
  const self = new Map<string, number>();
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber } = node.callFrame;
    if (!node.hitCount || functionName === "(idle)" || functionName === "(program)") continue;
    const where = url ? `${relative(ROOT, url.replace(/^file:\/\//, ""))}:${lineNumber + 1}` : "native";
    const key = `${functionName || "(anonymous)"} (${where})`;
    self.set(key, (self.get(key) ?? 0) + node.hitCount * perSample);
  }
  const busy = [...self.values()].reduce((a, b) => a + b, 0);
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([key, t]) => `${((100 * t) / busy).toFixed(1).padStart(5)}%  ${t.toFixed(0).padStart(6)} ms  ${key}`);
}
