import {
  resolveContactConflict,
  sameData,
  type ContactDocument,
  type Tombstone,
} from '@contactsync/core';
import { applyManifestChange } from '../store/manifest-change.ts';
import { contactOf, tombstoneOf } from '../store/contact-documents.ts';
import type { WorkerContext } from '../worker/context.ts';
import type { ContactConflictResolver } from '../api/conflict-types.ts';

/** The documented rule (docs/replication.md): deletions win, then a three-way merge by field. */
export const defaultContactResolver: ContactConflictResolver = ({ base, master, local }) =>
  resolveContactConflict(base, master, local);

/**
 * Settles refused live contacts of one book: a deletion on the backend wins outright (the
 * host's rule is not asked); otherwise the rule's result is stored here on top of the backend's
 * revision, and goes out with the next push unless it equals the backend's document.
 */
export async function settleContactConflicts(
  ctx: WorkerContext,
  bookId: string,
  masters: readonly ContactDocument[],
  sent: ReadonlyMap<string, ContactDocument>,
  resolve: ContactConflictResolver,
): Promise<void> {
  await ctx.writeBook(bookId, 'wait', async (db) => {
    const view = await ctx.view(bookId);
    const rewrite: ContactDocument[] = [];
    const retire: string[] = [];
    const tombstones: Tombstone[] = [];
    const flags = new Map<string, { revision: number; dirty: boolean }>();
    for (const master of masters) {
      const local = sent.get(master.id);
      if (!local || !view.locate(master.id)) continue;
      if (master.deleted) {
        retire.push(master.id);
        const tombstone = tombstoneOf(master);
        if (tombstone) tombstones.push(tombstone);
        continue;
      }
      const base = (await db.get('replicaBase', master.id)) ?? null;
      const merged = await resolve({ base, master, local });
      const result = { ...merged, id: master.id, bookId, revision: master.revision };
      rewrite.push(result);
      flags.set(master.id, { revision: master.revision, dirty: !sameData(result, master) });
      // A later conflict merges against what the backend holds now.
      await db.put('replicaBase', master);
    }
    if (rewrite.length + retire.length === 0) return;
    await applyManifestChange(db, view, {
      rewrite: rewrite.map(contactOf),
      retire,
      tombstones,
      fromBackend: flags,
      eager: retire.length > 0,
    });
    ctx.emit({ type: 'contacts-changed', bookId });
  });
}
