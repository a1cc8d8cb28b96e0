import { KeyTable, type KeyText } from './key-table.ts';

const CHUNK = 1024;

/**
 * The keys a run meets that the book does not hold yet, each with the row that first held it,
 * so that a repeated key is found. Kept packed, 1,024 keys to a string, and found through a
 * `KeyTable`: a million new keys hold about a third of what a `Map` of them held, and no string
 * a parser cut them from.
 */
export class SeenKeys implements KeyText {
  private readonly chunks: string[] = [];
  private pending: string[] = [];
  private pendingLength = 0;
  /** Where each key ends in its chunk. */
  private ends = new Int32Array(CHUNK);
  private rows = new Int32Array(CHUNK);
  private count = 0;
  private readonly table: KeyTable;

  constructor(seed: number) {
    this.table = new KeyTable(this, seed);
  }

  /** The row that first held `key`; 0 when no row did, and then `row` (≥ 1) is recorded as it. */
  firstRow(key: string, row: number): number {
    const n = this.table.getOrAdd(key, this.count);
    if (n >= 0) return this.rows[n]!;
    this.record(key, row);
    return 0;
  }

  has(key: string): boolean {
    return this.table.get(key) >= 0;
  }

  /** Records a key not seen before, first held by `row` (≥ 1). */
  add(key: string, row: number): void {
    this.table.add(key, this.count);
    this.record(key, row);
  }

  /** Keeps the text and row of the entry the table was just given. */
  private record(key: string, row: number): void {
    const n = this.count++;
    if (n === this.ends.length) {
      this.ends = grown(this.ends);
      this.rows = grown(this.rows);
    }
    this.pendingLength += key.length;
    this.ends[n] = this.pendingLength;
    this.rows[n] = row;
    this.pending.push(key);
    if (this.pending.length === CHUNK) {
      this.chunks.push(this.pending.join(''));
      this.pending = [];
      this.pendingLength = 0;
    }
  }

  keyIs(n: number, key: string): boolean {
    const chunk = Math.floor(n / CHUNK);
    if (chunk === this.chunks.length) return this.pending[n % CHUNK] === key;
    const start = n % CHUNK === 0 ? 0 : this.ends[n - 1]!;
    return this.ends[n]! - start === key.length && this.chunks[chunk]!.startsWith(key, start);
  }
}

function grown(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}
