// A least-recently-used cache keyed by text, bounded by the characters of its keys rather than
// by their number: a hundred thousand short paragraphs fit, a run of edits to one huge line
// does not pile up copies of it.
export class TextCache<V> {
  private readonly map = new Map<string, V>();
  private charCount = 0;

  constructor(private readonly limitChars: number) {}

  get(key: string): V | undefined {
    const hit = this.map.get(key);
    if (hit !== undefined) {
      this.map.delete(key);
      this.map.set(key, hit);
    }
    return hit;
  }

  set(key: string, value: V): void {
    if (this.map.has(key)) this.map.delete(key);
    else this.charCount += key.length;
    this.map.set(key, value);
    for (const old of this.map.keys()) {
      if (this.charCount <= this.limitChars || old === key) break;
      this.map.delete(old);
      this.charCount -= old.length;
    }
  }

  /** Characters of the keys kept. */
  get chars(): number {
    return this.charCount;
  }

  get size(): number {
    return this.map.size;
  }
}
