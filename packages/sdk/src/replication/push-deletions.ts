import type { ContactDocument } from '@contactsync/core';
import type { WorkerContext } from '../worker/context.ts';
import type { BackendClient } from './backend-client.ts';
import { loadCheckpoint, saveCheckpoint } from './checkpoints.ts';

/**
 * Sends contacts deleted here. A deletion always wins (docs/replication.md): refused because the
 * backend moved on, it goes again on top of the backend's revision; already deleted there, it
 * is done.
 */
export async function pushDeletions(
  ctx: WorkerContext,
  client: BackendClient,
  batchSize: number,
): Promise<void> {
  const db = await ctx.db();
  // Bounded: a backend that refuses the same rows forever must not hold the tab.
  for (let round = 0; round < 10_000; round++) {
    const pending = await db.getAll('replicaOutbox', undefined, batchSize);
    if (pending.length === 0) return;
    const result = await client.push<ContactDocument>(
      'contacts',
      pending.map((d) => ({ assumedMasterState: d.revision > 0 ? d : null, newDocumentState: d })),
      await loadCheckpoint(db, 'contacts'),
    );
    const tx = db.transaction('replicaOutbox', 'readwrite');
    for (const d of pending) if (result.revisions[d.id] !== undefined) void tx.store.delete(d.id);
    for (const master of result.conflicts) {
      const mine = pending.find((d) => d.id === master.id);
      if (!mine) continue;
      if (master.deleted) void tx.store.delete(master.id);
      else void tx.store.put({ ...mine, revision: master.revision });
    }
    await tx.done;
    if (result.checkpoint) await saveCheckpoint(db, 'contacts', result.checkpoint);
  }
}
