// Summaries of timings, and a process's resident memory as the kernel counts it.
import { readFileSync } from "node:fs";

export interface Summary {
  n: number;
  median: number;
  p95: number;
  min: number;
  max: number;
}

/** Median and 95th percentile (nearest rank) of a list of samples. */
export function summarize(samples: number[]): Summary {
  const s = [...samples].sort((a, b) => a - b);
  if (!s.length) return { n: 0, median: NaN, p95: NaN, min: NaN, max: NaN };
  const rank = (p: number): number => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))];
  const median = s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  return { n: s.length, median, p95: rank(0.95), min: s[0], max: s[s.length - 1] };
}

/** VmRSS (now) and VmHWM (peak) of a process, in MB, from /proc/<pid>/status. */
export function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN);
  return { rssMb: kb("VmRSS") / 1024, peakMb: kb("VmHWM") / 1024 };
}

export const ms = (n: number): string => (Number.isFinite(n) ? (n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : n.toFixed(0)) : "–");
export const mb = (n: number): string => (Number.isFinite(n) ? n.toFixed(0) : "–");
