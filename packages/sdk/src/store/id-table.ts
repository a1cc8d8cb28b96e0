import { KeyTable, type KeyText } from '@contactsync/core';
import type { Location } from './book-view.ts';
import type { SegmentKeysRecord } from './schema.ts';
import { valueIs } from './packed-column.ts';
import { idAt } from './segment-records.ts';
import { livePlaces } from './live-places.ts';

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
    ({ segments: this.segments, positions: this.positions } = livePlaces(live));
    this.table = new KeyTable(this, seed, this.segments.length);
    for (let n = 0; n < this.segments.length; n++)
      this.table.add(idAt(keys[this.segments[n]!]!, this.positions[n]!), n);
  }

  keyIs(n: number, id: string): boolean {
    return valueIs(this.keys[this.segments[n]!]!.ids, this.positions[n]!, id);
  }

  find(id: string): Location | null {
    const n = this.table.get(id);
    return n < 0 ? null : { segment: this.segments[n]!, position: this.positions[n]! };
  }
}
