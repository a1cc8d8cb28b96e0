import type { DBSchema } from 'idb';
import type {
  AddressBook,
  ContactDocument,
  Folder,
  ProfileState,
  RunRecord,
  SyncProfile,
  Tombstone,
} from '@contactsync/core';

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
 * One field's values in a segment, end to end in one string: cloning it into and out of
 * IndexedDB copies a few buffers instead of visiting hundreds of strings.
 */
export interface PackedColumn {
  /** Every contact's value, one after another (no value: nothing). */
  readonly text: string;
  /** Where each contact's value ends in `text`. */
  readonly ends: Uint32Array;
  /** A bit per contact, set where it has a value (an empty string is a value). */
  readonly present: Uint8Array;
}

/** A column as stored: packed, or (in stores written before packing) an array of values. */
export type StoredColumn = PackedColumn | readonly (string | null)[];

/**
 * The values of up to SEGMENT_SIZE contacts, written once per version (copy-on-write) and
 * stored by column: a few packed columns clone into IndexedDB far faster than hundreds of
 * objects. Ids, keys, folders and sources live in the companion `SegmentKeysRecord`.
 */
export interface SegmentRecord {
  readonly id: string;
  readonly bookId: string;
  readonly created: Float64Array;
  readonly updated: Float64Array;
  /** Field ids with a value in at least one contact here, and one column of values per field. */
  readonly fields: string[];
  readonly columns: readonly StoredColumn[];
}

/**
 * What a run or a listing needs without reading values; every book's key records stay in the
 * worker's memory. Folders and sources are few, so they are stored as indexes into a table.
 */
export interface SegmentKeysRecord {
  readonly id: string;
  readonly bookId: string;
  /**
   * Contact ids and unique keys (null: none), packed as values are: two strings instead of a
   * thousand, which is what a view holds for every contact and what loading it deserialises.
   * Stores written before hold arrays.
   */
  readonly ids: StoredColumn;
  readonly keys: StoredColumn;
  readonly hashes: Float64Array;
  readonly folderTable: (string | null)[];
  readonly folders: Uint16Array;
  readonly sourceTable: (string | null)[];
  readonly sources: Uint16Array;
  /**
   * Replication (absent in stores written before it): the backend revision each contact's state
   * derives from (0: the backend never acknowledged it), and 1 where a local change is not yet
   * acknowledged. Absent columns read as revision 0, changed.
   */
  readonly revisions?: Float64Array;
  readonly dirty?: Uint8Array;
  /**
   * Names the segment's search record written with it (`SegmentSearchRecord.stamp`); absent in
   * stores written before search records, whose search text is then built when first needed.
   */
  readonly searchStamp?: number;
}

/** One column of a segment's search text. */
export interface SearchColumn {
  /** The field whose values these are; null for the contacts' keys. */
  readonly field: string | null;
  /** Every contact's value in lower case, each followed by U+0000 (an empty value: just that). */
  readonly text: string;
  /** A bit per contact, set where it has a value (`withField`). */
  readonly filled: Uint8Array;
}

/**
 * What search reads of a segment instead of its values: written in the same transaction as the
 * segment (and so as immutable), loaded once into the worker's memory for the first search.
 */
export interface SegmentSearchRecord {
  readonly id: string;
  readonly bookId: string;
  /** Equals the key record's `searchStamp` when both describe the same contents. */
  readonly stamp: number;
  readonly columns: readonly SearchColumn[];
  /** The field whose column also holds the contacts' keys; then there is no key column. */
  readonly keysIn?: string;
}

/** Where replication stands for one collection (`contacts`, `books`, …). */
export interface ReplicaCheckpoint {
  readonly collection: string;
  /** The backend's opaque pull position; null to pull from the start. */
  readonly checkpoint: string | null;
}

/** The last state of a book, folder, profile or run the backend acknowledged. */
export interface RecordReplica {
  readonly collection: string;
  readonly id: string;
  readonly revision: number;
  /** The record as JSON, or null when deleted: a local record that differs is a change to push. */
  readonly json: string | null;
}

/**
 * What it takes to put a book back as it was before its latest run: that run's commit kept the
 * previous manifest's segments intact (no compaction, no deletion), so the old manifest still
 * reads true. Valid only while the book is at `version`; the next change drops it.
 */
export interface UndoRecord {
  readonly bookId: string;
  readonly runId: string;
  readonly profileId: string;
  /** The book's version the run produced. */
  readonly version: number;
  /** The manifest before the run. */
  readonly previous: Manifest;
  /** Segments the run's commit compacted into: copies of contacts the run did not touch. */
  readonly compacted: readonly string[];
  /** The profile's memory before the run (fingerprint, settings of the last applied file…). */
  readonly profileState: ProfileState | null;
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
  segmentSearch: { key: string; value: SegmentSearchRecord; indexes: { bookId: string } };
  tombstones: { key: [string, string]; value: Tombstone };
  /** Replication's pull positions, by collection; present only once a backend was configured. */
  replicaCheckpoints: { key: string; value: ReplicaCheckpoint };
  /** Contacts deleted here whose deletion the backend has not acknowledged yet. */
  replicaOutbox: { key: string; value: ContactDocument };
  /** What the backend last held of contacts changed here since: the base of a three-way merge. */
  replicaBase: { key: string; value: ContactDocument };
  recordReplicas: { key: [string, string]; value: RecordReplica };
  /** Per book: how to undo its latest run, while nothing else changed it. */
  undo: { key: string; value: UndoRecord };
}

export const SEGMENT_SIZE = 500;
