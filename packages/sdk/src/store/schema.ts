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
 * The values of up to SEGMENT_SIZE contacts, written once per version (copy-on-write) and
 * stored by column: a few arrays clone into IndexedDB far faster than hundreds of objects.
 * Ids, keys, folders and sources live in the companion `SegmentKeysRecord`.
 */
export interface SegmentRecord {
  readonly id: string;
  readonly bookId: string;
  readonly created: Float64Array;
  readonly updated: Float64Array;
  /** Field ids with a value in at least one contact here, and one column of values per field. */
  readonly fields: string[];
  readonly columns: (string | null)[][];
}

/**
 * What a run or a listing needs without reading values; every book's key records stay in the
 * worker's memory. Folders and sources are few, so they are stored as indexes into a table.
 */
export interface SegmentKeysRecord {
  readonly id: string;
  readonly bookId: string;
  readonly ids: string[];
  readonly keys: (string | null)[];
  readonly hashes: Float64Array;
  readonly folderTable: (string | null)[];
  readonly folders: Uint16Array;
  readonly sourceTable: (string | null)[];
  readonly sources: Uint16Array;
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
  tombstones: { key: [string, string]; value: Tombstone };
}

export const SEGMENT_SIZE = 500;
