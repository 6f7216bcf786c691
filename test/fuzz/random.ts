// A small seeded random source, so every fuzz run and every generated benchmark file
// can be made again from its seed (mulberry32: fast, 32-bit state, good enough for tests).

export class Random {
  private state: number;

  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** A new source whose sequence depends only on this one's seed and a label. */
  fork(label: string): Random {
    let h = this.seed ^ 0x9e3779b9;
    for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193);
    return new Random(h >>> 0);
  }
}

/** The seed to use: FUZZ_SEED when set (to replay a failure), else a fresh one. */
export function seedFromEnv(): number {
  const fromEnv = process.env.FUZZ_SEED;
  if (fromEnv && /^\d+$/.test(fromEnv)) return Number(fromEnv) >>> 0;
  return Math.floor(Math.random() * 2 ** 32) >>> 0;
}

/** How many times longer than the short run in `npm test` to fuzz (`npm run fuzz` sets FUZZ_SCALE). */
export function fuzzScale(): number {
  const n = Number(process.env.FUZZ_SCALE ?? "1");
  return Number.isFinite(n) && n >= 1 ? Math.floor(n) : 1;
}
