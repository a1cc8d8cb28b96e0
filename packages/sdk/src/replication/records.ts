import {
  resolveRecordConflict,
  type RecordCollection,
  type RecordDocument,
} from '@contactsync/core';
import type { IDBPDatabase } from 'idb';
import type { ContactSyncDB, RecordReplica } from '../store/schema.ts';
import { removeBookData } from '../store/remove-book.ts';
import type { WorkerContext } from '../worker/context.ts';
import type { BackendClient } from './backend-client.ts';
import { loadCheckpoint, saveCheckpoint } from './checkpoints.ts';

/** In this order: a folder, profile or run arrives after its book. */
export const RECORD_COLLECTIONS: readonly RecordCollection[] = [
  'books',
  'folders',
  'profiles',
  'runs',
];

type Stored = { readonly id: string; readonly status?: string };

/** A run still going belongs to its tab; only its outcome is shared. */
const shareable = (collection: RecordCollection, record: Stored | null | undefined) =>
  !!record && !(collection === 'runs' && record.status === 'running');

async function replicasOf(db: IDBPDatabase<ContactSyncDB>, collection: RecordCollection) {
  const all = await db.getAll(
    'recordReplicas',
    IDBKeyRange.bound([collection, ''], [collection, []]),
  );
  return new Map(all.map((r) => [r.id, r]));
}

/**
 * The books, folders, profiles or runs that differ from what the backend last acknowledged
 * (compared as JSON: these are few), as the documents to push; records gone here are deletions.
 */
export async function changedRecords(
  db: IDBPDatabase<ContactSyncDB>,
  collection: RecordCollection,
  now: number,
): Promise<RecordDocument[]> {
  const replicas = await replicasOf(db, collection);
  const local = new Map<string, Stored>();
  for (const r of (await db.getAll(collection)) as Stored[])
    if (shareable(collection, r)) local.set(r.id, r);
  const changed: RecordDocument[] = [];
  for (const [id, record] of local) {
    const replica = replicas.get(id);
    if (replica?.json === JSON.stringify(record)) continue;
    changed.push({
      id,
      revision: replica?.revision ?? 0,
      updatedAt: now,
      deleted: false,
      data: record,
    });
  }
  for (const [id, replica] of replicas)
    if (replica.json !== null && !local.has(id))
      changed.push({ id, revision: replica.revision, updatedAt: now, deleted: true, data: null });
  return changed;
}

/** Sends what `changedRecords` finds; conflicts follow `resolveRecordConflict`. */
export async function pushRecords(
  ctx: WorkerContext,
  client: BackendClient,
  collection: RecordCollection,
): Promise<void> {
  const db = await ctx.db();
  const changed = await changedRecords(db, collection, ctx.clock.now());
  for (let i = 0; i < changed.length; i += 500) {
    const batch = changed.slice(i, i + 500);
    const result = await client.push(
      collection,
      batch.map((d) => ({ assumedMasterState: d.revision > 0 ? d : null, newDocumentState: d })),
    );
    const tx = db.transaction(['recordReplicas', collection], 'readwrite');
    const store = tx.objectStore('recordReplicas');
    for (const d of batch) {
      const revision = result.revisions[d.id];
      if (revision !== undefined) void store.put(replicaOf(collection, d.id, revision, d.data));
    }
    for (const master of result.conflicts) {
      const mine = batch.find((d) => d.id === master.id);
      if (!mine) continue;
      // The backend's state becomes the base; a local winner goes out again on top of it.
      void store.put(replicaOf(collection, master.id, master.revision, master.data));
      const winner = resolveRecordConflict(master, mine);
      if (winner === master || winner.deleted) await writeLocal(tx, collection, master);
    }
    await tx.done;
  }
}

/** Pulls one collection to the end and applies what was not changed here meanwhile. */
export async function pullRecords(
  ctx: WorkerContext,
  client: BackendClient,
  collection: RecordCollection,
  pageSize: number,
): Promise<boolean> {
  const db = await ctx.db();
  let checkpoint = await loadCheckpoint(db, collection);
  let changedAny = false;
  for (;;) {
    const page = await client.pull<RecordDocument>(collection, checkpoint, pageSize);
    const replicas = await replicasOf(db, collection);
    for (const d of page.documents) {
      if (collection === 'runs' && (d.data as Stored | null)?.status === 'running') continue;
      const current = ((await db.get(collection, d.id)) ?? null) as Stored | null;
      const replica = replicas.get(d.id);
      const changedHere = shareable(collection, current)
        ? replica?.json !== JSON.stringify(current)
        : replica !== undefined && replica.json !== null;
      if (changedHere) continue; // the push settles it
      if (replica && replica.revision >= d.revision) continue; // our own write coming back
      if (collection === 'books' && d.deleted)
        await ctx.writeBook(d.id, 'wait', (locked) => removeBookData(locked, d.id));
      const tx = db.transaction(['recordReplicas', collection, 'manifests'], 'readwrite');
      await writeLocal(tx, collection, d);
      if (collection === 'books' && !d.deleted && !(await tx.objectStore('manifests').get(d.id)))
        void tx.objectStore('manifests').put({ bookId: d.id, version: 0, segments: [] });
      void tx.objectStore('recordReplicas').put(replicaOf(collection, d.id, d.revision, d.data));
      await tx.done;
      changedAny = true;
    }
    checkpoint = page.checkpoint;
    await saveCheckpoint(db, collection, checkpoint);
    if (page.documents.length < pageSize) return changedAny;
  }
}

function replicaOf(collection: string, id: string, revision: number, data: unknown): RecordReplica {
  return { collection, id, revision, json: data === null ? null : JSON.stringify(data) };
}

/** Puts or deletes the record itself (a book's contents go with `removeBookData`). */
async function writeLocal(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- one body for four stores
  tx: { objectStore(name: RecordCollection): any },
  collection: RecordCollection,
  d: RecordDocument,
): Promise<void> {
  const store = tx.objectStore(collection);
  if (d.deleted || d.data === null) await store.delete(d.id);
  else await store.put(d.data);
}
