import type { DBSchema } from 'idb';
import type { AddressBook, Folder, RunRecord, SyncProfile, Tombstone } from '@contactsync/core';

/** Where a segment sits in a book, and which of its positions are no longer live. */
export interface SegmentRef {
  readonly id: string;
  readonly size: number;
  readonly dead: readonly number[];
}

/**
 * The one record that says which segments make up a book. Switching it in a single
 * transaction is what makes a run all-or-nothing.
 */
export interface Manifest {
  readonly bookId: string;
  readonly version: number;
  readonly segments: readonly SegmentRef[];
}

/**
 * Up to SEGMENT_SIZE contacts, written once per version (copy-on-write), stored by column:
 * a few arrays clone into IndexedDB far faster than hundreds of small objects.
 */
export interface SegmentRecord {
  readonly id: string;
  readonly bookId: string;
  readonly ids: string[];
  readonly keys: (string | null)[];
  readonly folders: (string | null)[];
  readonly sources: (string | null)[];
  readonly hashes: Float64Array;
  readonly created: Float64Array;
  readonly updated: Float64Array;
  /** Field ids with a value in at least one contact here, and one column of values per field. */
  readonly fields: string[];
  readonly columns: (string | null)[][];
}

/** The columns a run or a listing needs without reading the contacts themselves. */
export interface SegmentKeysRecord {
  readonly id: string;
  readonly bookId: string;
  readonly ids: string[];
  readonly keys: (string | null)[];
  readonly folders: (string | null)[];
  readonly sources: (string | null)[];
  readonly hashes: Float64Array;
}

export interface ContactSyncDB extends DBSchema {
  books: { key: string; value: AddressBook };
  folders: { key: string; value: Folder; indexes: { bookId: string } };
  profiles: { key: string; value: SyncProfile; indexes: { bookId: string } };
  runs: {
    key: string;
    value: RunRecord;
    indexes: { profileId: [string, number]; bookId: [string, number]; status: string };
  };
  manifests: { key: string; value: Manifest };
  segments: { key: string; value: SegmentRecord; indexes: { bookId: string } };
  segmentKeys: { key: string; value: SegmentKeysRecord; indexes: { bookId: string } };
  tombstones: { key: [string, string, string]; value: Tombstone };
}

export const SEGMENT_SIZE = 500;
