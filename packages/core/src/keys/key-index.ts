import { KeyTable } from './key-table.ts';

/**
 * An index's entries, numbered 0 … size − 1: read in place from a store's own columns, so that
 * a large book is not copied into arrays for every run, or gathered row by row (`KeyColumns`).
 */
export interface KeyEntries {
  readonly size: number;
  keyAt(n: number): string;
  /** True when entry `n` holds `key`: what a run asks of every row, without making a string. */
  keyIs(n: number, key: string): boolean;
  idAt(n: number): string;
  sourceAt(n: number): string | null;
  hashAt(n: number): number;
  /** The store's own address of the contact (opaque here). */
  locatorAt(n: number): number;
}

/**
 * Key → contact lookup for one address book, built by the store from its compact key records.
 *
 * Files are usually re-exported in the order of the last import, and the store keeps contacts
 * in that order, so `find` first tries the entry after the last one found: a string comparison
 * instead of a hash lookup. The hash table is built only at the first miss; a file in the same
 * order never needs it, and it holds entry numbers, not keys, which saves both time and memory
 * on large books.
 */
export class KeyIndex {
  private table: KeyTable | null = null;
  private cursor = 0;

  /**
   * An index over `entries`, which must not change while it is used. `seed` seeds the hash
   * table (a random one keeps a file from being written to collide).
   */
  constructor(
    private readonly entries: KeyEntries,
    private readonly seed = 0,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** Entry number for a key, or -1. */
  find(key: string): number {
    const next = this.cursor;
    if (next < this.entries.size && this.entries.keyIs(next, key)) {
      this.cursor = next + 1;
      return next;
    }
    // An empty book (a first import) answers every row without hashing its key.
    if (this.entries.size === 0) return -1;
    const n = this.lookup().get(key);
    if (n >= 0) this.cursor = n + 1;
    return n;
  }

  has(key: string): boolean {
    return this.entries.size > 0 && this.lookup().get(key) >= 0;
  }

  keyAt(n: number): string {
    return this.entries.keyAt(n);
  }

  idAt(n: number): string {
    return this.entries.idAt(n);
  }

  sourceAt(n: number): string | null {
    return this.entries.sourceAt(n);
  }

  hashAt(n: number): number {
    return this.entries.hashAt(n);
  }

  locatorAt(n: number): number {
    return this.entries.locatorAt(n);
  }

  private lookup(): KeyTable {
    if (!this.table) {
      const { entries } = this;
      this.table = new KeyTable(entries, this.seed, entries.size);
      for (let n = 0; n < entries.size; n++) this.table.add(entries.keyAt(n), n);
    }
    return this.table;
  }
}
