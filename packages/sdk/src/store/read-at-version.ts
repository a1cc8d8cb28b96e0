import type { IDBPDatabase } from 'idb';
import { ContactSyncError } from '@contactsync/core';
import type { BookView } from './book-view.ts';
import type { ContactSyncDB, SegmentRecord, SegmentSearchRecord } from './schema.ts';

export type ReadSegment = (id: string) => Promise<SegmentRecord | undefined>;
export type ReadSearch = (id: string) => Promise<SegmentSearchRecord | undefined>;

const ATTEMPTS = 20;

/**
 * Runs `read` against one version of a book. Edits and deletes rewrite segments in place, so
 * positions from one version must never meet records of another: the manifest's version is
 * checked inside the same read transaction that reads the segments (IndexedDB keeps that
 * transaction's view of the stores whole), and a view that went stale meanwhile is reloaded.
 */
export async function readAtVersion<T>(
  db: IDBPDatabase<ContactSyncDB>,
  currentView: () => Promise<BookView>,
  read: (view: BookView, segment: ReadSegment, search: ReadSearch) => Promise<T>,
): Promise<T> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const view = await currentView();
    const tx = db.transaction(['manifests', 'segments', 'segmentSearch'], 'readonly');
    const manifest = await tx.objectStore('manifests').get(view.manifest.bookId);
    if ((manifest?.version ?? 0) !== view.version) continue;
    const segments = tx.objectStore('segments');
    const search = tx.objectStore('segmentSearch');
    return read(
      view,
      (id) => segments.get(id),
      (id) => search.get(id),
    );
  }
  throw new ContactSyncError('busy', 'The address book is changing too fast to read; try again.');
}
