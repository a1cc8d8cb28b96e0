import { keyHash } from './key-hash.ts';

/** Where a table's keys live: it compares against them in place and never holds a string. */
export interface KeyText {
  /** True when entry `n` holds `key`. */
  keyIs(n: number, key: string): boolean;
}

const EMPTY = 0;

/**
 * Entry numbers by key, for keys that live elsewhere (`KeyText`): open addressing over two typed
 * arrays (entry + 1, and each entry's hash, checked before the text). A million keys cost 16 MB
 * outside the JavaScript heap, where a `Map` holds a string and an entry object per key.
 */
export class KeyTable {
  private slots: Int32Array;
  private hashes: Int32Array;
  private mask: number;
  private count = 0;

  constructor(
    private readonly text: KeyText,
    private readonly seed: number,
    expected = 0,
  ) {
    let capacity = 16;
    // At most half full: an absent key (every new contact's) then ends its probe within ~2.5 slots.
    while (capacity < expected * 2) capacity *= 2;
    this.slots = new Int32Array(capacity);
    this.hashes = new Int32Array(capacity);
    this.mask = capacity - 1;
  }

  get size(): number {
    return this.count;
  }

  /** An entry added with `key`, or -1. */
  get(key: string): number {
    const h = keyHash(key, this.seed);
    const { slots, hashes, mask } = this;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const e = slots[s]!;
      if (e === EMPTY) return -1;
      if (hashes[s] === h && this.text.keyIs(e - 1, key)) return e - 1;
    }
  }

  /**
   * The entry added with `key`; when there is none, adds entry `n` (which holds `key`) and
   * returns -1. One probe where `get` then `add` take two, for a run's new keys.
   */
  getOrAdd(key: string, n: number): number {
    if ((this.count + 1) * 2 > this.slots.length) this.grow();
    const h = keyHash(key, this.seed);
    const { slots, hashes, mask } = this;
    let s = h & mask;
    for (let e = slots[s]!; e !== EMPTY; s = (s + 1) & mask, e = slots[s]!)
      if (hashes[s] === h && this.text.keyIs(e - 1, key)) return e - 1;
    slots[s] = n + 1;
    hashes[s] = h;
    this.count++;
    return -1;
  }

  /** Adds entry `n`, which holds `key`. Of entries with equal keys, `get` finds any one. */
  add(key: string, n: number): void {
    if ((this.count + 1) * 2 > this.slots.length) this.grow();
    this.place(keyHash(key, this.seed), n + 1);
    this.count++;
  }

  private place(h: number, e: number): void {
    const { slots, mask } = this;
    let s = h & mask;
    while (slots[s] !== EMPTY) s = (s + 1) & mask;
    slots[s] = e;
    this.hashes[s] = h;
  }

  private grow(): void {
    const { slots, hashes } = this;
    this.slots = new Int32Array(slots.length * 2);
    this.hashes = new Int32Array(slots.length * 2);
    this.mask = this.slots.length - 1;
    for (let s = 0; s < slots.length; s++)
      if (slots[s] !== EMPTY) this.place(hashes[s]!, slots[s]!);
  }
}
