import type { IDBPTransaction, StoreNames } from 'idb';
import type { ContactSyncDB } from './schema.ts';
import type { SegmentWrite } from './segment-records.ts';

/** The stores that together hold a segment; a write or a deletion touches all of them. */
export const SEGMENT_STORES = ['segments', 'segmentKeys', 'segmentSearch'] as const;

/** A read-write transaction over (at least) SEGMENT_STORES. */
type AnyTransaction = IDBPTransaction<
  ContactSyncDB,
  ArrayLike<StoreNames<ContactSyncDB>>,
  'readwrite'
>;
type SegmentTransaction = IDBPTransaction<ContactSyncDB, typeof SEGMENT_STORES, 'readwrite'>;

/** Writes a segment's records (their requests complete with the transaction). */
export function putSegment(tx: AnyTransaction, records: SegmentWrite): void {
  const t = tx as unknown as SegmentTransaction;
  void t.objectStore('segments').put(records.segment);
  void t.objectStore('segmentKeys').put(records.keys);
  void t.objectStore('segmentSearch').put(records.search);
}

export function deleteSegment(tx: AnyTransaction, id: string): void {
  const t = tx as unknown as SegmentTransaction;
  for (const name of SEGMENT_STORES) void t.objectStore(name).delete(id);
}
