import type { IDBPDatabase } from 'idb';
import type { ContactSyncDB } from './schema.ts';
import { SEGMENT_STORES } from './segment-writes.ts';

/** Deletes a book with everything in it, in one transaction. Callers hold the book's lock. */
export async function removeBookData(
  db: IDBPDatabase<ContactSyncDB>,
  bookId: string,
): Promise<void> {
  const stores = [
    'books',
    'manifests',
    ...SEGMENT_STORES,
    'folders',
    'profiles',
    'runs',
    'tombstones',
    'undo',
  ] as const;
  const tx = db.transaction(stores, 'readwrite');
  void tx.objectStore('books').delete(bookId);
  void tx.objectStore('manifests').delete(bookId);
  void tx.objectStore('undo').delete(bookId);
  for (const name of [...SEGMENT_STORES, 'folders', 'profiles'] as const) {
    const store = tx.objectStore(name);
    for (const key of await store.index('bookId').getAllKeys(bookId)) void store.delete(key);
  }
  const runs = tx.objectStore('runs');
  for (const key of await runs
    .index('bookId')
    .getAllKeys(IDBKeyRange.bound([bookId, -Infinity], [bookId, Infinity]))) {
    void runs.delete(key);
  }
  void tx.objectStore('tombstones').delete(IDBKeyRange.bound([bookId], [bookId, []]));
  await tx.done;
}
