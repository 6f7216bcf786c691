// Paths the tests share: the repository root, the shipped facts, the seed articles.
import { join, resolve } from "node:path";

export const ROOT = resolve(__dirname, "..", "..", "..");
export const FACTS = join(ROOT, "facts");
export const SEED_000 = join(FACTS, "sources", "000_d5b0eb1f19cd9f4f.txt");
export const FIXTURES = join(ROOT, "test", "fixtures");
