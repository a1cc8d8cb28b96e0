import type { IDBPDatabase } from 'idb';
import type { ContactSyncDB } from '../store/schema.ts';

/** A collection's pull position (null: from the start). */
export async function loadCheckpoint(
  db: IDBPDatabase<ContactSyncDB>,
  collection: string,
): Promise<string | null> {
  return (await db.get('replicaCheckpoints', collection))?.checkpoint ?? null;
}

export async function saveCheckpoint(
  db: IDBPDatabase<ContactSyncDB>,
  collection: string,
  checkpoint: string | null,
): Promise<void> {
  await db.put('replicaCheckpoints', { collection, checkpoint });
}

/**
 * From now on, deletions here are kept to be sent: called as soon as a backend is configured,
 * before any change that must reach it.
 */
export async function startTracking(db: IDBPDatabase<ContactSyncDB>): Promise<void> {
  const tx = db.transaction('replicaCheckpoints', 'readwrite');
  if (!(await tx.store.get('contacts')))
    void tx.store.put({ collection: 'contacts', checkpoint: null });
  await tx.done;
}
