import type { IDBPDatabase } from 'idb';
import type { ContactSyncDB, SegmentSearchRecord } from './schema.ts';
import { newSearchStamp } from './search-text.ts';

/**
 * Stores search records built for segments written before search records existed, each with a
 * new stamp in its key record. A segment rewritten since (its key record has a stamp) is left.
 */
export async function persistLegacySearch(
  db: IDBPDatabase<ContactSyncDB>,
  built: readonly SegmentSearchRecord[],
): Promise<void> {
  const tx = db.transaction(['segmentKeys', 'segmentSearch'], 'readwrite');
  const keyStore = tx.objectStore('segmentKeys');
  const found = await Promise.all(built.map((record) => keyStore.get(record.id)));
  built.forEach((record, i) => {
    const keys = found[i];
    if (!keys || keys.searchStamp !== undefined) return;
    const stamp = newSearchStamp();
    void keyStore.put({ ...keys, searchStamp: stamp });
    void tx.objectStore('segmentSearch').put({ ...record, stamp });
  });
  await tx.done;
}
