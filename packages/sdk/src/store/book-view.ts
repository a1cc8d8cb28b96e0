import { hashSeed, KeyIndex } from '@contactsync/core';
import type { IDBPDatabase } from 'idb';
import type { ContactSyncDB, Manifest, SegmentKeysRecord, SegmentRef } from './schema.ts';
import { ViewKeyEntries } from './view-key-entries.ts';
import { IdTable } from './id-table.ts';
import { indexOfValue } from './packed-column.ts';
import { idAt } from './segment-records.ts';
import { cryptoRandom } from '../platform/ids.ts';

const POS_BITS = 0x10000;
/** Contacts found by scanning before a view builds its table of every contact's place. */
const SCANNED_LOOKUPS = 8;
/** Contacts whose page segment is remembered for their edits (about two full pages). */
const SHOWN_PLACES = 2000;

/** A contact's place as one number: segment × 65536 + position. */
export const packLocator = (segment: number, position: number) => segment * POS_BITS + position;

export function unpackLocator(locator: number): Location {
  return { segment: Math.floor(locator / POS_BITS), position: locator % POS_BITS };
}

export interface Location {
  readonly segment: number;
  readonly position: number;
}

/**
 * An in-memory picture of one version of a book: which contact lives where, and the key
 * index. Built from the compact key records, so contacts themselves are read only on demand.
 */
export class BookView {
  private index: KeyIndex | null = null;
  private locations: IdTable | null = null;
  /** Scans already made: a change looks its contacts up several times. */
  private readonly scanned = new Map<string, Location | null>();
  private segmentIndexes: Map<string, number> | null = null;
  readonly live: Uint8Array[];
  readonly count: number;
  /**
   * The latest earlier version, from this tab's own changes (`next`), that something was worked
   * out for (`derived`, e.g. a name order): carried over to this one instead of redone. Only
   * one is kept, however many changes followed it.
   */
  base: BookView | null = null;
  /** Set when something is worked out for this version that a later one could carry over. */
  derived = false;

  private constructor(
    readonly manifest: Manifest,
    readonly keys: readonly SegmentKeysRecord[],
    /**
     * The segments in which pages showed contacts, by contact id. Shared by the views that
     * follow this one, and only a guess: the segment's ids are searched for the contact.
     */
    private readonly shown: Map<string, string> = new Map(),
    /** Live flags of an earlier view, by the segment refs this version kept unchanged. */
    keptLive?: ReadonlyMap<SegmentRef, Uint8Array>,
  ) {
    let count = 0;
    this.live = manifest.segments.map((ref) => {
      count += ref.size - ref.dead.length;
      const kept = keptLive?.get(ref);
      if (kept) return kept;
      const live = new Uint8Array(ref.size).fill(1);
      for (const p of ref.dead) live[p] = 0;
      return live;
    });
    this.count = count;
  }

  get version(): number {
    return this.manifest.version;
  }

  /** Loads the book's current version; `earlier`, a view of it before, lends what pages showed. */
  static async load(
    db: IDBPDatabase<ContactSyncDB>,
    bookId: string,
    earlier?: BookView,
  ): Promise<BookView> {
    const tx = db.transaction(['manifests', 'segmentKeys'], 'readonly');
    const manifest = (await tx.objectStore('manifests').get(bookId)) ?? {
      bookId,
      version: 0,
      segments: [],
    };
    const store = tx.objectStore('segmentKeys');
    const keys = await Promise.all(manifest.segments.map((ref) => store.get(ref.id)));
    await tx.done;
    return new BookView(
      manifest,
      keys.map((k, i) => {
        if (!k) throw new Error(`Segment ${manifest.segments[i]!.id} is missing its key record.`);
        return k;
      }),
      earlier?.shown,
    );
  }

  /**
   * The view of the version a change of this tab just wrote: its manifest, the key records it
   * wrote, and this view's records for the segments it left alone. Null if one is unknown.
   */
  next(manifest: Manifest, written: ReadonlyMap<string, SegmentKeysRecord>): BookView | null {
    const mine = new Map(this.manifest.segments.map((ref, s) => [ref.id, this.keys[s]!]));
    const keys: SegmentKeysRecord[] = [];
    for (const ref of manifest.segments) {
      const record = written.get(ref.id) ?? mine.get(ref.id);
      if (!record) return null;
      keys.push(record);
    }
    // A change keeps the ref of each segment it leaves alone, and so its live flags (2,000
    // arrays at 1M, made again for every edit otherwise).
    const live = new Map(this.manifest.segments.map((ref, s) => [ref, this.live[s]!]));
    const view = new BookView(manifest, keys, this.shown, live);
    view.base = this.derived ? this : this.base;
    if (this.derived) this.base = null; // one earlier version is kept, never a chain of them
    return view;
  }

  /**
   * Remembers where a page showed a contact: a person edits or deletes what a page showed, and
   * finding it otherwise scans every id (about 13 ms at 1M).
   */
  shownAt(segment: number, position: number): void {
    if (this.shown.size >= SHOWN_PLACES) this.shown.clear();
    this.shown.set(idAt(this.keys[segment]!, position), this.manifest.segments[segment]!.id);
  }

  locate(contactId: string): Location | null {
    const shownIn = this.shown.get(contactId);
    if (shownIn !== undefined) {
      const s = this.segmentIndex(shownIn);
      // The whole segment's ids: a deletion before it in there closes the gap.
      const p = s === undefined ? -1 : indexOfValue(this.keys[s]!.ids, contactId);
      if (p >= 0 && this.live[s!]![p]) return { segment: s!, position: p };
    }
    // A few lookups (an edit, a deletion) scan the id columns natively; building the table of
    // every contact (about 0.3 s at 1M) pays off only for many.
    if (!this.locations) {
      const known = this.scanned.get(contactId);
      if (known !== undefined) return known;
      if (this.scanned.size < SCANNED_LOOKUPS) {
        const found = this.scan(contactId);
        this.scanned.set(contactId, found);
        return found;
      }
      this.locations = new IdTable(this.keys, this.live, hashSeed(cryptoRandom));
    }
    return this.locations.find(contactId);
  }

  /** Where the segment `id` sits in this version (undefined: not in it). */
  segmentIndex(id: string): number | undefined {
    this.segmentIndexes ??= new Map(this.manifest.segments.map((ref, s) => [ref.id, s]));
    return this.segmentIndexes.get(id);
  }

  private scan(contactId: string): Location | null {
    for (let s = 0; s < this.keys.length; s++) {
      const ids = this.keys[s]!.ids;
      const live = this.live[s]!;
      for (let p = indexOfValue(ids, contactId); p >= 0; p = indexOfValue(ids, contactId, p + 1))
        if (live[p]) return { segment: s, position: p };
    }
    return null;
  }

  keyIndex(): KeyIndex {
    this.index ??= new KeyIndex(
      new ViewKeyEntries(this.keys, this.live, packLocator),
      hashSeed(cryptoRandom),
    );
    return this.index;
  }

  forEachLive(fn: (segment: number, position: number, keys: SegmentKeysRecord) => void): void {
    this.keys.forEach((k, s) => {
      const live = this.live[s]!;
      for (let p = 0; p < live.length; p++) if (live[p]) fn(s, p, k);
    });
  }
}
