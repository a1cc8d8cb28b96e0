import type { ContactDocument } from '@contactsync/core';
import { contactDocument } from '../store/contact-documents.ts';
import { readAtVersion } from '../store/read-at-version.ts';
import { contactAt, dirtyAt, idAt, revisionAt } from '../store/segment-records.ts';
import type { WorkerContext } from '../worker/context.ts';
import type { BackendClient } from './backend-client.ts';
import { settleContactConflicts } from './contact-conflicts.ts';
import { markAcknowledged } from './mark-acknowledged.ts';
import { pushDeletions } from './push-deletions.ts';
import { loadCheckpoint, saveCheckpoint } from './checkpoints.ts';
import type { ContactConflictResolver } from '../api/conflict-types.ts';

/** Rounds of push, conflict and push again before the next cycle takes over. */
const ROUNDS = 5;

/**
 * Sends every contact changed here, book by book in batches; each batch's acknowledgements are
 * recorded before the next is read, so a closed tab resends at most one batch (harmlessly).
 */
export async function pushContacts(
  ctx: WorkerContext,
  client: BackendClient,
  resolve: ContactConflictResolver,
  batchSize: number,
): Promise<void> {
  await pushDeletions(ctx, client, batchSize);
  const db = await ctx.db();
  for (const bookId of await db.getAllKeys('books')) {
    for (let round = 0; round < ROUNDS; round++) {
      const sentIds = new Set<string>();
      let sentAny = false;
      // Where the last batch stopped, valid while the book's version stays the same.
      let cursor = { version: -1, segment: 0 };
      for (;;) {
        const batch = await readAtVersion(
          db,
          () => ctx.view(bookId),
          async (view, segment) => {
            const picks: [number, number][] = [];
            let s = cursor.version === view.version ? cursor.segment : 0;
            for (; s < view.keys.length && picks.length < batchSize; s++) {
              const keys = view.keys[s]!;
              const live = view.live[s]!;
              for (let p = 0; p < live.length; p++)
                if (live[p] && dirtyAt(keys, p) && !sentIds.has(idAt(keys, p))) picks.push([s, p]);
            }
            cursor = { version: view.version, segment: s };
            const documents: ContactDocument[] = [];
            let at = -1;
            let record = null;
            for (const [ps, p] of picks) {
              if (ps !== at)
                record = (await segment(view.manifest.segments[(at = ps)]!.id)) ?? null;
              if (!record) continue;
              const keys = view.keys[at]!;
              documents.push(contactDocument(contactAt(keys, record, p), revisionAt(keys, p)));
            }
            return { documents, version: view.version };
          },
        );
        if (batch.documents.length === 0) break;
        sentAny = true;
        for (const d of batch.documents) sentIds.add(d.id);
        const result = await client.push(
          'contacts',
          batch.documents.map((d) => ({
            // The backend compares revisions only; a new contact assumes nothing.
            assumedMasterState: d.revision > 0 ? d : null,
            newDocumentState: d,
          })),
          await loadCheckpoint(db, 'contacts'),
        );
        await markAcknowledged(ctx, bookId, batch.documents, result.revisions, batch.version);
        // Nothing else changed there since our last pull: no need to pull our own writes back.
        if (result.checkpoint) await saveCheckpoint(db, 'contacts', result.checkpoint);
        if (result.conflicts.length > 0)
          await settleContactConflicts(
            ctx,
            bookId,
            result.conflicts,
            new Map(batch.documents.map((d) => [d.id, d])),
            resolve,
          );
      }
      if (!sentAny) break;
    }
  }
}
