import type { IDBPDatabase } from 'idb';
import { noteFields, runNote, runNotes, type RunRecord } from '@contactsync/core';
import type { ContactSyncDB } from './schema.ts';
import { SEGMENT_STORES } from './segment-writes.ts';

/**
 * Cleans up after a run that never finished (tab closed, worker killed): its staged segments
 * are deleted and its history entry says "interrupted". Callers hold the book's lock, so no
 * run of this book is in progress.
 *
 * `thorough` also sweeps segments no manifest names even without an unfinished run (left by a
 * discard that itself failed); it lists every segment of the book, so it runs when a worker
 * starts, while every write only pays for a look at the runs still marked "running".
 */
export async function recoverBook(
  db: IDBPDatabase<ContactSyncDB>,
  bookId: string,
  now: number,
  thorough = false,
): Promise<RunRecord[]> {
  const tx = db.transaction(
    ['manifests', ...SEGMENT_STORES, 'runs', 'profiles', 'undo'] as const,
    'readwrite',
  );
  const unfinished = (await tx.objectStore('runs').index('status').getAll('running')).filter(
    (run) => run.bookId === bookId,
  );
  if (!thorough && unfinished.length === 0) {
    await tx.done;
    return [];
  }
  const manifest = await tx.objectStore('manifests').get(bookId);
  const live = new Set(manifest?.segments.map((r) => r.id) ?? []);
  // The book as it was before its latest run, kept for undo.
  const undo = await tx.objectStore('undo').get(bookId);
  for (const ref of undo?.previous.segments ?? []) live.add(ref.id);
  for (const name of SEGMENT_STORES) {
    const store = tx.objectStore(name);
    for (const id of await store.index('bookId').getAllKeys(bookId)) {
      if (!live.has(id)) void store.delete(id);
    }
  }
  const runs = tx.objectStore('runs');
  const profiles = tx.objectStore('profiles');
  const interrupted: RunRecord[] = [];
  for (const run of unfinished) {
    const notes = runNotes(run);
    if (run.trigger === 'scheduled') {
      // The schedule's cursor was moved to this occurrence when it started: moving it back a
      // moment makes the occurrence due again, once (a second interruption waits for the next).
      const profile = await profiles.get(run.profileId);
      const occurrence = profile?.state.scheduleCursor ?? null;
      if (profile && occurrence !== null && profile.state.retriedOccurrence !== occurrence) {
        void profiles.put({
          ...profile,
          state: {
            ...profile.state,
            scheduleCursor: occurrence - 1,
            retriedOccurrence: occurrence,
          },
        });
        notes.push(
          runNote('catch-up-next', 'This scheduled import will run again once, as a catch-up.'),
        );
      } else if (profile) {
        notes.push(
          runNote(
            'catch-up-done',
            'It was already run again once; the next scheduled import will try again.',
          ),
        );
      }
    }
    const record: RunRecord = {
      ...run,
      ...noteFields(notes),
      status: 'interrupted',
      finishedAt: now,
      error: {
        code: 'interrupted',
        message:
          'The import stopped before it finished (the page was closed, reloaded or crashed). Nothing was changed; run it again.',
      },
    };
    interrupted.push(record);
    void runs.put(record);
  }
  await tx.done;
  return interrupted;
}
