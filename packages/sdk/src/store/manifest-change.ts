import type { IDBPDatabase } from 'idb';
import {
  ContactSyncError,
  type Contact,
  type ProfileState,
  type RunRecord,
  type Tombstone,
} from '@contactsync/core';
import type { BookView, Location } from './book-view.ts';
import { SEGMENT_SIZE, type ContactSyncDB, type SegmentRef } from './schema.ts';
import { contactsOf, segmentRecords } from './segment-records.ts';

export interface ManifestChange {
  /** Contact ids whose current versions stop being live. */
  readonly retire?: readonly string[];
  /** The same, by location (a run knows these without an id lookup). */
  readonly retireAt?: readonly Location[];
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
  readonly newSegmentId?: () => string;
}

const STORES = ['manifests', 'segments', 'segmentKeys', 'runs', 'profiles', 'tombstones'] as const;

/**
 * Moves a book from `view`'s version to the next in one transaction: readers see either the
 * old manifest or the new one, never a mix. Callers hold the book's lock.
 */
export async function applyManifestChange(
  db: IDBPDatabase<ContactSyncDB>,
  view: BookView,
  change: ManifestChange,
): Promise<void> {
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
  const rewrites = new Map<number, Contact[]>();
  for (const contact of change.rewrite ?? []) {
    const loc = view.locate(contact.id);
    if (!loc) throw new ContactSyncError('not-found', 'This contact no longer exists.');
    rewrites.set(loc.segment, [...(rewrites.get(loc.segment) ?? []), contact]);
  }

  // The switch itself must be on disk before the run reports success.
  const tx = db.transaction(STORES, 'readwrite', { durability: 'strict' });
  const segments = tx.objectStore('segments');
  const keyStore = tx.objectStore('segmentKeys');
  const current = await tx.objectStore('manifests').get(bookId);
  if ((current?.version ?? 0) !== view.version) {
    tx.abort();
    throw new ContactSyncError('busy', 'The address book changed meanwhile; try again.');
  }
  const refs: SegmentRef[] = [];
  for (let s = 0; s < view.manifest.segments.length; s++) {
    const ref = view.manifest.segments[s]!;
    const dead = new Set([...ref.dead, ...(retired.get(s) ?? [])]);
    const edits = rewrites.get(s);
    if (dead.size === ref.size) {
      void segments.delete(ref.id);
      void keyStore.delete(ref.id);
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
    const contacts = contactsOf(view.keys[s]!, record);
    for (const edit of edits ?? []) contacts[view.locate(edit.id)!.position] = edit;
    const kept = compact ? contacts.filter((_, p) => !dead.has(p)) : contacts;
    const next = segmentRecords(ref.id, bookId, kept);
    void segments.put(next.segment);
    void keyStore.put(next.keys);
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
        const next = segmentRecords(last.id, bookId, [
          ...contactsOf(keys, record),
          ...contacts.splice(0, SEGMENT_SIZE - last.size),
        ]);
        void segments.put(next.segment);
        void keyStore.put(next.keys);
        refs[refs.length - 1] = next.ref;
      }
    }
    while (contacts.length > 0) {
      const next = segmentRecords(change.newSegmentId!(), bookId, contacts.splice(0, SEGMENT_SIZE));
      void segments.put(next.segment);
      void keyStore.put(next.keys);
      refs.push(next.ref);
    }
  }
  void tx.objectStore('manifests').put({ bookId, version: view.version + 1, segments: refs });
  if (change.record) void tx.objectStore('runs').put(change.record);
  for (const t of change.tombstones ?? []) void tx.objectStore('tombstones').put(t);
  if (change.profileState) {
    const profiles = tx.objectStore('profiles');
    const profile = await profiles.get(change.profileState.profileId);
    if (profile) void profiles.put({ ...profile, state: change.profileState.state });
  }
  await tx.done;
}
