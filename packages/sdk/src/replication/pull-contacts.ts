import type { ContactDocument, Tombstone } from '@contactsync/core';
import { applyManifestChange } from '../store/manifest-change.ts';
import { contactOf, tombstoneOf } from '../store/contact-documents.ts';
import { dirtyAt, revisionAt, type ReplicaFlags } from '../store/segment-records.ts';
import type { WorkerContext } from '../worker/context.ts';
import type { BackendClient } from './backend-client.ts';
import { loadCheckpoint, saveCheckpoint } from './checkpoints.ts';

/** Documents applied per book change: few versions for a large first pull, bounded memory. */
const APPLY_BATCH = 20_000;

/**
 * Pulls contacts from the last checkpoint until caught up, applying them book by book. The
 * checkpoint is saved after the documents it covers are stored, so a closed tab pulls the rest
 * (and at most re-applies one batch, which changes nothing).
 */
export async function pullContacts(
  ctx: WorkerContext,
  client: BackendClient,
  pageSize: number,
): Promise<void> {
  const db = await ctx.db();
  let checkpoint = await loadCheckpoint(db, 'contacts');
  let caughtUp = false;
  while (!caughtUp) {
    const documents: ContactDocument[] = [];
    while (documents.length < APPLY_BATCH) {
      const page = await client.pull<ContactDocument>('contacts', checkpoint, pageSize);
      documents.push(...page.documents);
      checkpoint = page.checkpoint;
      if (page.documents.length < pageSize) {
        caughtUp = true;
        break;
      }
    }
    const byBook = new Map<string, ContactDocument[]>();
    for (const d of documents) byBook.set(d.bookId, [...(byBook.get(d.bookId) ?? []), d]);
    for (const [bookId, docs] of byBook) await applyPulled(ctx, bookId, docs);
    await saveCheckpoint(db, 'contacts', checkpoint);
  }
}

/**
 * One book's pulled contacts. A contact changed here keeps its change (the push settles it); a
 * contact whose deletion waits to go out stays deleted. Two contacts with the same key (two
 * devices imported the same row before they synced) become one: the smaller id survives on
 * every replica, and the other is deleted as an import would.
 */
async function applyPulled(
  ctx: WorkerContext,
  bookId: string,
  documents: readonly ContactDocument[],
): Promise<void> {
  const db = await ctx.db();
  if (!(await db.get('manifests', bookId))) return; // a book deleted here, or not yet pulled
  await ctx.writeBook(bookId, 'wait', async () => {
    const view = await ctx.view(bookId);
    const index = view.keyIndex();
    const pendingDeletes = new Set(await db.getAllKeys('replicaOutbox'));
    const latest = new Map<string, ContactDocument>();
    for (const d of documents) latest.set(d.id, d);
    const rewrite: ContactDocument[] = [];
    const append: ContactDocument[] = [];
    const retire: string[] = [];
    const deleteAt: { segment: number; position: number }[] = [];
    const tombstones: Tombstone[] = [];
    const flags = new Map<string, ReplicaFlags>();
    const clean = (d: ContactDocument) => flags.set(d.id, { revision: d.revision, dirty: false });
    for (const d of latest.values()) {
      const loc = view.locate(d.id);
      // Changed here (the push settles it), or already this revision (our own write coming back).
      if (loc && dirtyAt(view.keys[loc.segment]!, loc.position)) continue;
      if (loc && revisionAt(view.keys[loc.segment]!, loc.position) >= d.revision) continue;
      if (!loc && pendingDeletes.has(d.id)) continue;
      if (d.deleted) {
        if (loc) retire.push(d.id);
        const tombstone = tombstoneOf(d);
        if (tombstone) tombstones.push(tombstone);
        continue;
      }
      if (loc) {
        rewrite.push(d);
        clean(d);
        continue;
      }
      const twin = d.key === null ? -1 : index.find(d.key);
      if (twin >= 0 && index.idAt(twin) !== d.id) {
        const twinId = index.idAt(twin);
        if (twinId < d.id) continue; // ours survives; the other device deletes its twin
        const at = view.locate(twinId);
        if (at) deleteAt.push(at);
      }
      append.push(d);
      clean(d);
    }
    if (rewrite.length + append.length + retire.length + deleteAt.length + tombstones.length === 0)
      return;
    // The twins this replica drops are sent as deletions (not fromBackend): split the change.
    if (deleteAt.length > 0)
      await applyManifestChange(db, view, { deleteAt, now: ctx.clock.now(), eager: true });
    await applyManifestChange(db, deleteAt.length > 0 ? await ctx.view(bookId) : view, {
      rewrite: rewrite.map(contactOf),
      append: append.map(contactOf),
      retire,
      tombstones,
      // A live contact with a deleted key was restored somewhere: imports may update it again.
      untombstone: [...rewrite, ...append].flatMap((d) => (d.key === null ? [] : [d.key])),
      fromBackend: flags,
      newSegmentId: ctx.newId,
      eager: retire.length > 0,
    });
    ctx.emit({ type: 'contacts-changed', bookId });
  });
}
