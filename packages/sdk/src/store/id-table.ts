import { KeyTable, type KeyText } from '@contactsync/core';
import type { Location } from './book-view.ts';
import type { SegmentKeysRecord } from './schema.ts';
import { valueIs } from './packed-column.ts';
import { idAt } from './segment-records.ts';

/**
 * Every live contact of a view, found by id: a hash table over the key records' packed ids,
 * read in place. A `Map` of the same held a string per contact (about 60 MB at 1M).
 */
export class IdTable implements KeyText {
  private readonly segments: Uint32Array;
  private readonly positions: Uint16Array;
  private readonly table: KeyTable;

  constructor(
    private readonly keys: readonly SegmentKeysRecord[],
    live: readonly Uint8Array[],
    seed: number,
  ) {
    let size = 0;
    for (const alive of live) for (let p = 0; p < alive.length; p++) size += alive[p]!;
    this.segments = new Uint32Array(size);
    this.positions = new Uint16Array(size);
    this.table = new KeyTable(this, seed, size);
    let n = 0;
    live.forEach((alive, s) => {
      for (let p = 0; p < alive.length; p++) {
        if (!alive[p]) continue;
        this.segments[n] = s;
        this.positions[n] = p;
        this.table.add(idAt(keys[s]!, p), n++);
      }
    });
  }

  keyIs(n: number, id: string): boolean {
    return valueIs(this.keys[this.segments[n]!]!.ids, this.positions[n]!, id);
  }

  find(id: string): Location | null {
    const n = this.table.get(id);
    return n < 0 ? null : { segment: this.segments[n]!, position: this.positions[n]! };
  }
}
