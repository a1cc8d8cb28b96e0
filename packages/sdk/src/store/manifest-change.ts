import type { IDBPDatabase, IDBPTransaction } from 'idb';
import {
  ContactSyncError,
  type Contact,
  type ProfileState,
  type RunRecord,
  type Tombstone,
} from '@contactsync/core';
import type { BookView, Location } from './book-view.ts';
import {
  SEGMENT_SIZE,
  type ContactSyncDB,
  type SegmentKeysRecord,
  type SegmentRef,
} from './schema.ts';
import { contactDocument, deletedDocument } from './contact-documents.ts';
import { contactsOf, flagsAt, segmentRecords, type ReplicaFlags } from './segment-records.ts';
import { deleteSegment, putSegment, SEGMENT_STORES } from './segment-writes.ts';

export interface ManifestChange {
  /** Contacts deleted by hand, by id (their keys go to `tombstones`). */
  readonly retire?: readonly string[];
  /** Old versions replaced by the run's new segments, by location. */
  readonly retireAt?: readonly Location[];
  /** Contacts a run deleted (delete-missing), by location. */
  readonly deleteAt?: readonly Location[];
  /**
   * Changes that came from the backend: contacts are written with these replication states
   * and deletions are not sent back. Without it, every written contact is a change to send.
   */
  readonly fromBackend?: ReadonlyMap<string, ReplicaFlags>;
  /** Segments already written (by a run) to add to the book. */
  readonly add?: readonly SegmentRef[];
  /** Contacts changed in place: same id, same position. */
  readonly rewrite?: readonly Contact[];
  /** New contacts to append to the last segment, or to a new one when it is full. */
  readonly append?: readonly Contact[];
  /** Rewrite every touched segment without its dead positions now (removes deleted data). */
  readonly eager?: boolean;
  readonly record?: RunRecord;
  readonly profileState?: { readonly profileId: string; readonly state: ProfileState };
  readonly tombstones?: readonly Tombstone[];
  /** Keys given back to imports (a restored contact): their tombstones go. */
  readonly untombstone?: readonly string[];
  readonly newSegmentId?: () => string;
  /** When the change happens (the time of a deletion sent to the backend). */
  readonly now?: number;
  /**
   * A run's commit that can be undone: the segments of the book as it was stay intact until the
   * book's next change (compaction writes new ones), and an undo record names them.
   */
  readonly undoable?: boolean;
  /**
   * A person's change of a contact or two is `relaxed`: it is kept when the tab closes or the
   * browser crashes, and only the system's buffers (a power cut within seconds) stand between it
   * and the disk, as for any page by default. Waiting for the flush cost an edit more than all
   * its work at 1M (30–60 ms while the disk was busy). A run stays `strict`: its history says
   * "success" of what is on disk.
   */
  readonly durability?: 'strict' | 'relaxed';
}

const STORES = [
  'manifests',
  ...SEGMENT_STORES,
  'runs',
  'profiles',
  'tombstones',
  'replicaCheckpoints',
  'replicaOutbox',
  'replicaBase',
  'undo',
] as const;

/**
 * Moves a book from `view`'s version to the next in one transaction: readers see either the
 * old manifest or the new one, never a mix. Callers hold the book's lock.
 */
export async function applyManifestChange(
  db: IDBPDatabase<ContactSyncDB>,
  view: BookView,
  change: ManifestChange,
): Promise<BookView | null> {
  const bookId = view.manifest.bookId;
  const retired = new Map<number, number[]>();
  const retireAt = (loc: Location) => {
    const list = retired.get(loc.segment) ?? [];
    list.push(loc.position);
    retired.set(loc.segment, list);
  };
  for (const id of change.retire ?? []) {
    const loc = view.locate(id);
    if (loc) retireAt(loc);
  }
  for (const loc of change.retireAt ?? []) retireAt(loc);
  // Deletions the backend must hear of: by hand (key kept, a tombstone) or by a run (no key).
  const deletions: [Location, boolean][] = [];
  for (const id of change.retire ?? []) {
    const loc = view.locate(id);
    if (loc) deletions.push([loc, true]);
  }
  for (const loc of change.deleteAt ?? []) {
    retireAt(loc);
    deletions.push([loc, false]);
  }
  const rewrites = new Map<number, Contact[]>();
  for (const contact of change.rewrite ?? []) {
    const loc = view.locate(contact.id);
    if (!loc) throw new ContactSyncError('not-found', 'This contact no longer exists.');
    rewrites.set(loc.segment, [...(rewrites.get(loc.segment) ?? []), contact]);
  }

  // A run's switch is on disk before the run reports success; a person's change need not wait.
  const tx = db.transaction(STORES, 'readwrite', { durability: change.durability ?? 'strict' });
  const segments = tx.objectStore('segments');
  const keyStore = tx.objectStore('segmentKeys');
  const current = await tx.objectStore('manifests').get(bookId);
  if ((current?.version ?? 0) !== view.version) {
    tx.abort();
    throw new ContactSyncError('busy', 'The address book changed meanwhile; try again.');
  }
  // Any change ends the chance to undo the run before it; its kept segments go now.
  await dropUndo(tx as unknown as UndoTransaction, bookId, view.manifest.segments);
  const undoable = change.undoable ?? false;
  const replicating = !!(await tx.objectStore('replicaCheckpoints').get('contacts'));
  const fromBackend = change.fromBackend;
  if (replicating && !fromBackend) {
    for (const [loc, byHand] of deletions) {
      const keys = view.keys[loc.segment]!;
      const document = deletedDocument(keys, loc.position, bookId, byHand, change.now ?? 0);
      // A deletion by hand carries the contact, so every replica can show and restore it.
      const kept = byHand
        ? change.tombstones?.find((t) => t.key === document.key)?.contact
        : undefined;
      void tx.objectStore('replicaOutbox').put(
        kept
          ? {
              ...document,
              values: kept.values,
              folderId: kept.folderId,
              createdAt: kept.createdAt,
            }
          : document,
      );
    }
  }
  /** Written contacts' replication state: from the backend, or changed here on top of `before`. */
  const flagsFor = (id: string, before: ReplicaFlags | null): ReplicaFlags =>
    fromBackend?.get(id) ?? { revision: before?.revision ?? 0, dirty: true };
  const refs: SegmentRef[] = [];
  const compacted: string[] = [];
  /** Key records this change writes, by segment: with the rest, the next version's view. */
  const written = new Map<string, SegmentKeysRecord>();
  for (let s = 0; s < view.manifest.segments.length; s++) {
    const ref = view.manifest.segments[s]!;
    const dead = new Set([...ref.dead, ...(retired.get(s) ?? [])]);
    const edits = rewrites.get(s);
    if (dead.size === ref.size) {
      if (undoable) continue; // kept for undo
      deleteSegment(tx, ref.id);
      continue;
    }
    const compact = dead.size > ref.dead.length && (change.eager || dead.size * 2 >= ref.size);
    if (!compact && !edits) {
      refs.push(
        dead.size === ref.dead.length ? ref : { ...ref, dead: [...dead].sort((a, b) => a - b) },
      );
      continue;
    }
    const record = await segments.get(ref.id);
    if (!record) throw new ContactSyncError('storage-failed', `Segment ${ref.id} is missing.`);
    const keys = view.keys[s]!;
    const contacts = contactsOf(keys, record);
    const flags = contacts.map((_, p) => flagsAt(keys, p));
    for (const edit of edits ?? []) {
      const p = view.locate(edit.id)!.position;
      // The first change since the backend's state: keep that state as the merge base.
      if (replicating && !fromBackend && !flags[p]!.dirty && flags[p]!.revision > 0)
        void tx.objectStore('replicaBase').put(contactDocument(contacts[p]!, flags[p]!.revision));
      contacts[p] = edit;
      flags[p] = flagsFor(edit.id, flags[p]!);
    }
    const keptAt = contacts.map((_, p) => p).filter((p) => !compact || !dead.has(p));
    // Copy-on-write when the run can be undone: the old segment stays as the earlier version.
    const next = segmentRecords(
      undoable ? change.newSegmentId!() : ref.id,
      bookId,
      keptAt.map((p) => contacts[p]!),
      (i) => flags[keptAt[i]!]!,
    );
    putSegment(tx, next);
    written.set(next.keys.id, next.keys);
    if (next.ref.id !== ref.id) compacted.push(next.ref.id);
    refs.push(compact ? next.ref : { ...next.ref, dead: [...dead].sort((a, b) => a - b) });
  }
  refs.push(...(change.add ?? []));
  if (change.append && change.append.length > 0) {
    const last = refs.at(-1);
    const contacts = [...change.append];
    if (last && last.size < SEGMENT_SIZE && last.dead.length === 0) {
      const record = await segments.get(last.id);
      const keys = await keyStore.get(last.id);
      if (record && keys) {
        const carried = contactsOf(keys, record);
        const added = contacts.splice(0, SEGMENT_SIZE - last.size);
        const next = segmentRecords(last.id, bookId, [...carried, ...added], (i) =>
          i < carried.length ? flagsAt(keys, i) : flagsFor(added[i - carried.length]!.id, null),
        );
        putSegment(tx, next);
        written.set(next.keys.id, next.keys);
        refs[refs.length - 1] = next.ref;
      }
    }
    while (contacts.length > 0) {
      const chunk = contacts.splice(0, SEGMENT_SIZE);
      const next = segmentRecords(change.newSegmentId!(), bookId, chunk, (i) =>
        flagsFor(chunk[i]!.id, null),
      );
      putSegment(tx, next);
      written.set(next.keys.id, next.keys);
      refs.push(next.ref);
    }
  }
  const manifest = { bookId, version: view.version + 1, segments: refs };
  void tx.objectStore('manifests').put(manifest);
  if (change.record) void tx.objectStore('runs').put(change.record);
  for (const t of change.tombstones ?? []) void tx.objectStore('tombstones').put(t);
  for (const key of change.untombstone ?? [])
    void tx.objectStore('tombstones').delete([bookId, key]);
  if (change.profileState) {
    const profiles = tx.objectStore('profiles');
    const profile = await profiles.get(change.profileState.profileId);
    if (profile) void profiles.put({ ...profile, state: change.profileState.state });
    if (undoable && change.record)
      void tx.objectStore('undo').put({
        bookId,
        runId: change.record.id,
        profileId: change.profileState.profileId,
        version: view.version + 1,
        previous: view.manifest,
        compacted,
        profileState: profile?.state ?? null,
      });
  }
  await tx.done;
  // This tab's next read starts from what it has just written, instead of loading every key
  // record again (0.3 s at 1M after each edit). Not with a backend (another tab acknowledges
  // revisions inside key records in place) nor for a run's segments (staged elsewhere).
  if (replicating || (change.add?.length ?? 0) > 0) return null;
  return view.next(manifest, written);
}

/** Any read-write transaction over (at least) these stores. */
export type UndoTransaction = IDBPTransaction<
  ContactSyncDB,
  ('undo' | 'segments' | 'segmentKeys' | 'segmentSearch')[],
  'readwrite'
>;

/**
 * Forgets how to undo the book's latest run, deleting the segments only the book's earlier
 * version used (`current`: the segments the book keeps).
 */
export async function dropUndo(
  tx: UndoTransaction,
  bookId: string,
  current: readonly SegmentRef[],
): Promise<void> {
  const undo = await tx.objectStore('undo').get(bookId);
  if (!undo) return;
  void tx.objectStore('undo').delete(bookId);
  const keep = new Set(current.map((r) => r.id));
  for (const ref of undo.previous.segments) {
    if (keep.has(ref.id)) continue;
    deleteSegment(tx, ref.id);
  }
}
