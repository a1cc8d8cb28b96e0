import { sameData, type ContactDocument } from '@contactsync/core';
import type { BookView } from '../store/book-view.ts';
import { contactDocument } from '../store/contact-documents.ts';
import type { SegmentKeysRecord, SegmentRecord } from '../store/schema.ts';
import { contactAt, sizeOf } from '../store/segment-records.ts';
import type { WorkerContext } from '../worker/context.ts';

/**
 * Records the backend's revisions for contacts it accepted. A contact still as it was sent is
 * clean again; one changed here meanwhile keeps its change, now on top of the new revision.
 * Only the key records change (in place, so the cached view stays true): no new book version.
 */
export async function markAcknowledged(
  ctx: WorkerContext,
  bookId: string,
  sent: readonly ContactDocument[],
  revisions: Readonly<Record<string, number>>,
  /** The book's version the documents were read at: if still current, nothing changed since. */
  readVersion: number,
): Promise<void> {
  await ctx.writeBook(bookId, 'wait', async (db) => {
    const view = await ctx.view(bookId);
    const tx = db.transaction(['segments', 'segmentKeys', 'replicaBase'], 'readwrite');
    const touched = new Map<number, SegmentKeysRecord>();
    const records = new Map<number, SegmentRecord | undefined>();
    const same = view.version === readVersion;
    for (const document of sent) {
      const revision = revisions[document.id];
      if (revision === undefined) continue;
      const loc = view.locate(document.id);
      if (!loc) continue;
      const keys = withReplicaColumns(view, loc.segment);
      let unchanged = same;
      if (!same) {
        if (!records.has(loc.segment))
          records.set(
            loc.segment,
            await tx.objectStore('segments').get(view.manifest.segments[loc.segment]!.id),
          );
        const record = records.get(loc.segment);
        unchanged =
          !!record &&
          sameData(contactDocument(contactAt(keys, record, loc.position), 0), {
            ...document,
            revision: 0,
          });
      }
      keys.revisions![loc.position] = revision;
      if (unchanged) {
        keys.dirty![loc.position] = 0;
        void tx.objectStore('replicaBase').delete(document.id);
      }
      touched.set(loc.segment, keys);
    }
    for (const keys of touched.values()) void tx.objectStore('segmentKeys').put(keys);
    await tx.done;
  });
}

/** The segment's key record, given replication columns if it was written before they existed. */
function withReplicaColumns(view: BookView, s: number): SegmentKeysRecord {
  const keys = view.keys[s]!;
  if (keys.revisions && keys.dirty) return keys;
  const n = sizeOf(keys);
  const filled = { ...keys, revisions: new Float64Array(n), dirty: new Uint8Array(n).fill(1) };
  (view.keys as SegmentKeysRecord[])[s] = filled;
  return filled;
}
