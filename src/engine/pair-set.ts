/**
 * An exact set of (a, b) pairs of small non-negative integers (word ids below 2^26), in one
 * open-addressing Float64Array: ~16 bytes a pair instead of ~80 for a Set of "a b" strings, and no
 * string built per pair. Used for the vocabulary's adjacent-word pairs, millions of them at archive scale.
 */
const EMPTY = 0;
const ID_LIMIT = 2 ** 26;

export class PairSet {
  private table: Float64Array;
  private count = 0;

  constructor(capacity = 1024) {
    let size = 1024;
    while (size < capacity * 2) size *= 2;
    this.table = new Float64Array(size);
  }

  get size(): number {
    return this.count;
  }

  private static key(a: number, b: number): number {
    if (a < 0 || b < 0 || a >= ID_LIMIT || b >= ID_LIMIT) throw new RangeError(`PairSet: ids must be below ${ID_LIMIT}`);
    return a * ID_LIMIT + b + 1;
  }

  private static slot(a: number, b: number, mask: number): number {
    let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca6b);
    h ^= h >>> 15;
    return (h >>> 0) & mask;
  }

  add(a: number, b: number): void {
    if ((this.count + 1) * 2 > this.table.length) this.grow();
    if (this.insert(this.table, PairSet.key(a, b), a, b)) this.count += 1;
  }

  has(a: number, b: number): boolean {
    const key = PairSet.key(a, b);
    const mask = this.table.length - 1;
    for (let i = PairSet.slot(a, b, mask); ; i = (i + 1) & mask) {
      const value = this.table[i] as number;
      if (value === key) return true;
      if (value === EMPTY) return false;
    }
  }

  private insert(table: Float64Array, key: number, a: number, b: number): boolean {
    const mask = table.length - 1;
    for (let i = PairSet.slot(a, b, mask); ; i = (i + 1) & mask) {
      const value = table[i] as number;
      if (value === key) return false;
      if (value === EMPTY) {
        table[i] = key;
        return true;
      }
    }
  }

  private grow(): void {
    const next = new Float64Array(this.table.length * 2);
    for (const value of this.table) {
      if (value === EMPTY) continue;
      const packed = value - 1;
      const a = Math.floor(packed / ID_LIMIT);
      this.insert(next, value, a, packed - a * ID_LIMIT);
    }
    this.table = next;
  }

  /** The raw table (for the index snapshot). */
  toData(): { table: Float64Array; count: number } {
    return { table: this.table, count: this.count };
  }

  static fromData(data: { table: Float64Array; count: number }): PairSet {
    const set = new PairSet();
    set.table = data.table;
    set.count = data.count;
    return set;
  }
}
