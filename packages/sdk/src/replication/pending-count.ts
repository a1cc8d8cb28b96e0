import { changedRecords, RECORD_COLLECTIONS } from './records.ts';
import { dirtyAt } from '../store/segment-records.ts';
import type { WorkerContext } from '../worker/context.ts';

/** How many changes made here the backend has not acknowledged: contacts, deletions, records. */
export async function pendingCount(ctx: WorkerContext): Promise<number> {
  const db = await ctx.db();
  let pending = await db.count('replicaOutbox');
  for (const bookId of await db.getAllKeys('books')) {
    const view = await ctx.view(bookId);
    view.forEachLive((_s, p, keys) => {
      if (dirtyAt(keys, p)) pending++;
    });
  }
  for (const collection of RECORD_COLLECTIONS)
    pending += (await changedRecords(db, collection, 0)).length;
  return pending;
}
