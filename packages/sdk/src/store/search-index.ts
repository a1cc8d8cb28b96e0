import { ContactSyncError } from '@contactsync/core';
import type { BookView } from './book-view.ts';
import type { ReadSearch, ReadSegment } from './read-at-version.ts';
import type { SegmentKeysRecord, SegmentSearchRecord } from './schema.ts';
import { legacySegmentSearch } from './search-text.ts';

/**
 * The search records of the books this worker has searched, kept in memory (about 100 bytes a
 * contact) so that a search reads no contact. Each is checked against its key record's stamp,
 * so a segment rewritten in place, here or in another tab, is read again.
 */
export class SearchIndex {
  private readonly books = new Map<string, Map<string, SegmentSearchRecord>>();

  /** `persist` stores records built for segments written before search records existed. */
  constructor(
    private readonly persist: (bookId: string, built: readonly SegmentSearchRecord[]) => void,
  ) {}

  /** The search record of every segment of `view`, in its order. */
  async records(
    view: BookView,
    segment: ReadSegment,
    search: ReadSearch,
  ): Promise<SegmentSearchRecord[]> {
    const bookId = view.manifest.bookId;
    const known = this.books.get(bookId);
    const warm = known && this.cached(view, known);
    if (warm) return warm;
    const built: SegmentSearchRecord[] = [];
    const records = await Promise.all(
      view.keys.map((keys) => this.recordOf(keys, known, segment, search, built)),
    );
    // Only the current version's segments stay: the rest were replaced or deleted.
    this.books.set(bookId, new Map(records.map((r) => [r.id, r])));
    if (built.length > 0) this.persist(bookId, built);
    return records;
  }

  /** Every record of `view` if all are in memory and current, else null. */
  warm(view: BookView): SegmentSearchRecord[] | null {
    const known = this.books.get(view.manifest.bookId);
    return known ? this.cached(view, known) : null;
  }

  /**
   * The search records of some segments of `view` (indexes in its order), from memory or read,
   * and kept with the rest: for a search that may stop early, so that a new tab's first
   * suggestions wait for a few segments' records, not the whole book's.
   */
  async some(
    view: BookView,
    segment: ReadSegment,
    search: ReadSearch,
    segments: readonly number[],
  ): Promise<SegmentSearchRecord[]> {
    const bookId = view.manifest.bookId;
    const built: SegmentSearchRecord[] = [];
    const records = await Promise.all(
      segments.map((s) =>
        this.recordOf(view.keys[s]!, this.books.get(bookId), segment, search, built),
      ),
    );
    // Into the book's map as it is now: a whole book's read may have replaced it meanwhile.
    const known = this.books.get(bookId) ?? new Map<string, SegmentSearchRecord>();
    for (const record of records) known.set(record.id, record);
    this.books.set(bookId, known);
    if (built.length > 0) this.persist(bookId, built);
    return records;
  }

  /** One segment's record: the one in memory if current, else the stored one, else built. */
  private async recordOf(
    keys: SegmentKeysRecord,
    known: ReadonlyMap<string, SegmentSearchRecord> | undefined,
    segment: ReadSegment,
    search: ReadSearch,
    built: SegmentSearchRecord[],
  ): Promise<SegmentSearchRecord> {
    const stamp = keys.searchStamp ?? 0;
    const cached = known?.get(keys.id);
    if (cached?.stamp === stamp) return cached;
    const stored = await search(keys.id);
    if (stored?.stamp === stamp) return stored;
    const values = await segment(keys.id);
    if (!values)
      throw new ContactSyncError('storage-failed', 'A part of the address book is missing.');
    const record = legacySegmentSearch(keys, values);
    built.push(record);
    return record;
  }

  /**
   * Every record of `view` from memory, or null if one is missing or stale: the usual case once a
   * book was searched, answered without a promise per segment or a new map.
   */
  private cached(
    view: BookView,
    known: ReadonlyMap<string, SegmentSearchRecord>,
  ): SegmentSearchRecord[] | null {
    const out = new Array<SegmentSearchRecord>(view.keys.length);
    for (let s = 0; s < view.keys.length; s++) {
      const keys = view.keys[s]!;
      const cached = known.get(keys.id);
      if (cached?.stamp !== (keys.searchStamp ?? 0)) return null;
      out[s] = cached;
    }
    return out;
  }

  forget(bookId: string): void {
    this.books.delete(bookId);
  }
}
