import { RECORD_COLLECTIONS } from './records.ts';
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
  for (const collection of RECORD_COLLECTIONS) {
    const replicas = await db.getAll(
      'recordReplicas',
      IDBKeyRange.bound([collection, ''], [collection, []]),
    );
    const known = new Map(replicas.map((r) => [r.id, r.json]));
    for (const record of (await db.getAll(collection)) as { id: string; status?: string }[]) {
      if (collection === 'runs' && record.status === 'running') continue;
      if (known.get(record.id) !== JSON.stringify(record)) pending++;
      known.delete(record.id);
    }
    for (const json of known.values()) if (json !== null) pending++;
  }
  return pending;
}
