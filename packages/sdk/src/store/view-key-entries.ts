import type { KeyEntries } from '@contactsync/core';
import type { SegmentKeysRecord } from './schema.ts';
import { hasValue, valueIs } from './packed-column.ts';
import { idAt, keyAt, sourceAt } from './segment-records.ts';
import { livePlaces } from './live-places.ts';

/**
 * A view's keyed contacts as a key index's entries, read in place from its key records: the
 * index holds only where each entry lives (6 bytes), not a copy of every id, key, source and
 * hash (about 30 MB of arrays at 1M contacts, built again for every run).
 */
export class ViewKeyEntries implements KeyEntries {
  readonly size: number;
  private readonly segments: Uint32Array;
  private readonly positions: Uint16Array;

  constructor(
    private readonly keys: readonly SegmentKeysRecord[],
    live: readonly Uint8Array[],
    private readonly locator: (segment: number, position: number) => number,
  ) {
    ({
      size: this.size,
      segments: this.segments,
      positions: this.positions,
    } = livePlaces(live, (s, p) => hasValue(keys[s]!.keys, p)));
  }

  keyAt(n: number): string {
    return keyAt(this.keys[this.segments[n]!]!, this.positions[n]!)!;
  }

  keyIs(n: number, key: string): boolean {
    return valueIs(this.keys[this.segments[n]!]!.keys, this.positions[n]!, key);
  }

  idAt(n: number): string {
    return idAt(this.keys[this.segments[n]!]!, this.positions[n]!);
  }

  sourceAt(n: number): string | null {
    return sourceAt(this.keys[this.segments[n]!]!, this.positions[n]!);
  }

  hashAt(n: number): number {
    return this.keys[this.segments[n]!]!.hashes[this.positions[n]!]!;
  }

  locatorAt(n: number): number {
    return this.locator(this.segments[n]!, this.positions[n]!);
  }
}
