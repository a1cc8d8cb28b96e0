import type { IDBPDatabase, IDBPTransaction } from 'idb';
import { ContactSyncError, undoRecord, type RunRecord } from '@contactsync/core';
import type { BookView } from './book-view.ts';
import type { ContactSyncDB, SegmentKeysRecord, UndoRecord } from './schema.ts';
import { contactDocument, deletedDocument } from './contact-documents.ts';
import { contactAt, dirtyAt, idAt, idsOf, revisionAt, sizeOf } from './segment-records.ts';
import { packColumn } from './packed-column.ts';
import { deleteSegment, SEGMENT_STORES } from './segment-writes.ts';

const STORES = [
  'manifests',
  ...SEGMENT_STORES,
  'runs',
  'profiles',
  'replicaCheckpoints',
  'replicaOutbox',
  'replicaBase',
  'undo',
] as const;

/**
 * Puts the book back at the manifest it had before its latest run, in one transaction: the
 * run's own segments go, the profile forgets the run's file, and the history records the undo
 * (its counts: `deleted` the run's new contacts, `updated` those it had changed, `created`
 * those it had deleted). Resolves with that record.
 *
 * With a backend, the undo is a change like any other: contacts the run added are sent as
 * deletions, reverted ones as new revisions on top of what the backend holds, and contacts the
 * run deleted come back under new ids (a deleted document never comes back on the backend).
 */
export async function applyUndo(
  db: IDBPDatabase<ContactSyncDB>,
  view: BookView,
  undo: UndoRecord,
  run: { readonly undone: RunRecord; readonly id: string; readonly at: number },
  newId: () => string,
): Promise<RunRecord> {
  const bookId = view.manifest.bookId;
  const tx = db.transaction(STORES, 'readwrite', { durability: 'strict' });
  const current = await tx.objectStore('manifests').get(bookId);
  const still = await tx.objectStore('undo').get(bookId);
  if (
    !still ||
    still.runId !== undo.runId ||
    (current?.version ?? 0) !== undo.version ||
    view.version !== undo.version
  ) {
    tx.abort();
    throw new ContactSyncError(
      'undo-unavailable',
      'The address book changed after this import, so it can no longer be undone.',
      { runId: undo.runId },
    );
  }
  // Key records of the earlier version: shared segments are in the view, the others on disk.
  const byId = new Map(view.manifest.segments.map((ref, s) => [ref.id, view.keys[s]!]));
  const previous = undo.previous.segments;
  const keys: SegmentKeysRecord[] = [];
  for (const ref of previous) {
    const k = byId.get(ref.id) ?? (await tx.objectStore('segmentKeys').get(ref.id));
    if (!k) throw new ContactSyncError('storage-failed', `Segment ${ref.id} is missing.`);
    keys.push(k);
  }
  const effect = effectOfRun(view, previous, keys, undo.compacted);
  if (await tx.objectStore('replicaCheckpoints').get('contacts')) {
    await replicateUndo(tx, view, keys, effect, newId, run.at);
  }

  const keep = new Set(previous.map((r) => r.id));
  for (const ref of view.manifest.segments) {
    if (keep.has(ref.id)) continue;
    deleteSegment(tx, ref.id);
  }
  void tx.objectStore('manifests').put({ bookId, version: view.version + 1, segments: previous });
  void tx.objectStore('undo').delete(bookId);
  const profiles = tx.objectStore('profiles');
  const profile = await profiles.get(undo.profileId);
  if (profile && undo.profileState) void profiles.put({ ...profile, state: undo.profileState });
  const record = undoRecord(run.undone, run, {
    removed: effect.added.length,
    reverted: effect.changed.length,
    restored: effect.deleted.length,
  });
  const runs = tx.objectStore('runs');
  void runs.put({ ...run.undone, undoneBy: record.id });
  void runs.put(record);
  await tx.done;
  return record;
}

type UndoTx = IDBPTransaction<ContactSyncDB, typeof STORES, 'readwrite'>;

/** A contact's place in a version of the book: segment index and position. */
type Spot = readonly [number, number];

/** What the run did, contact by contact, read from the manifests before and after it. */
interface RunEffect {
  /** Contacts the run added, where they are now. */
  readonly added: readonly Spot[];
  /** Contacts the run changed: where their earlier version is, and where the run's is. */
  readonly changed: readonly { readonly before: Spot; readonly after: Spot }[];
  /** Contacts the run deleted, where they were. */
  readonly deleted: readonly Spot[];
}

function effectOfRun(
  view: BookView,
  previous: UndoRecord['previous']['segments'],
  keys: readonly SegmentKeysRecord[],
  compacted: readonly string[],
): RunEffect {
  const now = new Map<string, Spot>();
  view.forEachLive((s, p, k) => now.set(idAt(k, p), [s, p]));
  // A compacted copy is the same contact moved, which the run left alone.
  const copies = new Set(compacted);
  const added: Spot[] = [];
  const changed: { before: Spot; after: Spot }[] = [];
  const deleted: Spot[] = [];
  const before = new Set<string>();
  previous.forEach((ref, s) => {
    const dead = new Set(ref.dead);
    for (let p = 0; p < ref.size; p++) {
      if (dead.has(p)) continue;
      const id = idAt(keys[s]!, p);
      before.add(id);
      const after = now.get(id);
      if (!after) {
        deleted.push([s, p]);
        continue;
      }
      const segment = view.manifest.segments[after[0]]!.id;
      if (copies.has(segment) || (segment === ref.id && after[1] === p)) continue;
      changed.push({ before: [s, p], after });
    }
  });
  for (const [id, spot] of now) if (!before.has(id)) added.push(spot);
  return { added, changed, deleted };
}

/** A key record being changed: its ids as an array until it is written. */
type WritableKeys = SegmentKeysRecord & {
  ids: string[];
  revisions: Float64Array;
  dirty: Uint8Array;
};

/**
 * The undo as changes for the backend: added contacts go out as deletions, reverted ones as
 * changes on top of the backend's revision, deleted ones as new contacts under new ids.
 */
async function replicateUndo(
  tx: UndoTx,
  view: BookView,
  keys: SegmentKeysRecord[],
  effect: RunEffect,
  newId: () => string,
  at: number,
): Promise<void> {
  const bases = tx.objectStore('replicaBase');
  // Added by the run: deletions (also when not acknowledged yet: a push may be on its way).
  for (const [s, p] of effect.added)
    void tx
      .objectStore('replicaOutbox')
      .put(deletedDocument(view.keys[s]!, p, view.manifest.bookId, false, at));
  const changed = new Map<number, WritableKeys>();
  const writable = (s: number) => {
    let k = changed.get(s);
    if (!k) {
      const old = keys[s]!;
      const n = sizeOf(old);
      k = {
        ...old,
        ids: idsOf(old),
        revisions: old.revisions ? Float64Array.from(old.revisions) : new Float64Array(n),
        dirty: old.dirty ? Uint8Array.from(old.dirty) : new Uint8Array(n).fill(1),
      };
      changed.set(s, k);
    }
    return k;
  };
  for (const [s, p] of effect.deleted) {
    // Deleted by the run: the backend may already hold the deletion, so a new id.
    const k = writable(s);
    k.ids[p] = newId();
    k.revisions[p] = 0;
    k.dirty[p] = 1;
  }
  for (const {
    before: [s, p],
    after: [ns, np],
  } of effect.changed) {
    // Changed by the run: the earlier values become a change on top of the run's revision.
    const runKeys = view.keys[ns]!;
    const revision = revisionAt(runKeys, np);
    if (!dirtyAt(runKeys, np) && revision > 0) {
      const record = await tx.objectStore('segments').get(view.manifest.segments[ns]!.id);
      if (record) void bases.put(contactDocument(contactAt(runKeys, record, np), revision));
    }
    const k = writable(s);
    k.revisions[p] = revision;
    k.dirty[p] = 1;
  }
  for (const k of changed.values())
    void tx.objectStore('segmentKeys').put({ ...k, ids: packColumn(k.ids) });
}
