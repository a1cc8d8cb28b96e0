import {
  ContactSyncError,
  undoRecord,
  type ProfileState,
  type RunRecord,
  type SyncProfile,
} from '@contactsync/core';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { ServerDatabase, UndoRunsTable } from '../db/schema.ts';
import { lockSequence } from '../replication/replicated-store.ts';
import { contactOfRow, writeContacts } from './contact-writes.ts';
import { readRecord, writeRecords } from './server-records.ts';
import { dropUndoLog } from './undo-log.ts';

type Db = Kysely<ServerDatabase> | Transaction<ServerDatabase>;

/** Rows an undo reads and writes at a time. */
const BATCH = 1000;

export interface ServerUndoDeps {
  readonly db: Kysely<ServerDatabase>;
  readonly now: () => number;
  readonly newId: () => string;
  /** Told which of a user's collections changed (the live stream). */
  readonly changed: (userId: string, collections: readonly string[]) => void;
}

const logOf = (db: Db, userId: string, bookId: string) =>
  db
    .selectFrom('undo_runs')
    .selectAll()
    .where('user_id', '=', userId)
    .where('book_id', '=', bookId)
    .executeTakeFirst();

/**
 * Whether the book is still exactly as the logged run left it: no contact of the book written
 * since, and every contact the run wrote still at the run's revision (an edit, a deletion or a
 * move to another book writes it again, out of the run's range).
 */
async function unchangedSince(db: Db, userId: string, log: UndoRunsTable): Promise<boolean> {
  const later = await db
    .selectFrom('contacts')
    .select('id')
    .where('user_id', '=', userId)
    .where('seq', '>', log.last_seq)
    .where('book_id', '=', log.book_id)
    .limit(1)
    .executeTakeFirst();
  if (later) return false;
  const row = await db
    .selectFrom('contacts')
    .select(sql<number>`count(*)`.as('n'))
    .where('user_id', '=', userId)
    .where('seq', '>=', log.first_seq)
    .where('seq', '<=', log.last_seq)
    .executeTakeFirstOrThrow();
  return Number(row.n) === Number(log.written);
}

/** The server run whose undo is on offer in the book, or null. */
export async function undoableServerRun(
  db: Kysely<ServerDatabase>,
  userId: string,
  bookId: string,
): Promise<string | null> {
  const log = await logOf(db, userId, bookId);
  return log && (await unchangedSince(db, userId, log)) ? log.run_id : null;
}

/**
 * Puts the book back as it was before its latest server import, in one transaction, as new
 * revisions every browser pulls: contacts the run added are deleted (without keeping their
 * keys, so the file can bring them again), changed ones get their earlier values, deleted ones
 * come back under new ids (a deleted document never returns in the protocol). The import
 * forgets the run's file, and the history records the undo.
 */
export async function undoServerRun(
  deps: ServerUndoDeps,
  userId: string,
  runId: string,
): Promise<RunRecord> {
  const undone = (await readRecord<RunRecord>(deps.db, userId, 'runs', runId))?.data;
  if (!undone) throw new ContactSyncError('not-found', 'There is no such import.', { runId });
  const unavailable = () =>
    new ContactSyncError(
      'undo-unavailable',
      'Only the latest import into an address book can be undone, while nothing else has changed it since.',
      { runId },
    );
  const record = await deps.db.transaction().execute(async (trx) => {
    await lockSequence(trx, userId);
    const running = await trx
      .selectFrom('server_runs')
      .select('id')
      .where('user_id', '=', userId)
      .where('book_id', '=', undone.bookId)
      .executeTakeFirst();
    if (running)
      throw new ContactSyncError('busy', 'An import into this address book is running.', {
        runId,
      });
    const log = await logOf(trx, userId, undone.bookId);
    if (!log || log.run_id !== runId || !(await unchangedSince(trx, userId, log)))
      throw unavailable();
    const now = deps.now();
    const effect = {
      removed: await removeAdded(trx, userId, log, now),
      ...(await revertLogged(trx, userId, log, deps.newId, now)),
    };
    const record = undoRecord(undone, { id: deps.newId(), at: now }, effect);
    const profile = await readRecord<SyncProfile>(trx, userId, 'profiles', log.profile_id);
    if (profile && log.profile_state_json)
      await writeRecords(
        trx,
        userId,
        'profiles',
        [
          {
            id: log.profile_id,
            data: { ...profile.data, state: JSON.parse(log.profile_state_json) as ProfileState },
          },
        ],
        now,
      );
    await writeRecords(
      trx,
      userId,
      'runs',
      [
        { id: undone.id, data: { ...undone, undoneBy: record.id } },
        { id: record.id, data: record },
      ],
      now,
    );
    await dropUndoLog(trx, userId, undone.bookId, runId);
    return record;
  });
  deps.changed(userId, ['contacts', 'runs', 'profiles']);
  return record;
}

/** Deletes the contacts the run added: its range's live rows with no earlier version kept. */
async function removeAdded(
  trx: Transaction<ServerDatabase>,
  userId: string,
  log: UndoRunsTable,
  now: number,
): Promise<number> {
  const kept = await trx
    .selectFrom('undo_contacts')
    .select('id')
    .where('user_id', '=', userId)
    .where('run_id', '=', log.run_id)
    .execute();
  const logged = new Set(kept.map((r) => r.id));
  let removed = 0;
  // In sequence order from where the last batch ended (a plain range read of the sequence
  // index, whatever the table's statistics say): each row of the range is read once.
  let after = Number(log.first_seq) - 1;
  for (;;) {
    const rows = await trx
      .selectFrom('contacts')
      .selectAll()
      .where('user_id', '=', userId)
      .where('seq', '>', after)
      .where('seq', '<=', log.last_seq)
      .orderBy('seq')
      .limit(BATCH)
      .execute();
    if (rows.length === 0) return removed;
    after = Number(rows[rows.length - 1]!.seq);
    const added = rows.filter((r) => Number(r.deleted) === 0 && !logged.has(r.id));
    await writeContacts(trx, userId, added.map(contactOfRow), true, now);
    removed += added.length;
  }
}

/** Gives changed contacts their earlier values, and deleted ones back under new ids. */
async function revertLogged(
  trx: Transaction<ServerDatabase>,
  userId: string,
  log: UndoRunsTable,
  newId: () => string,
  now: number,
): Promise<{ reverted: number; restored: number }> {
  let reverted = 0;
  let restored = 0;
  let after = '';
  for (;;) {
    const rows = await trx
      .selectFrom('undo_contacts as u')
      .innerJoin('contacts as c', (join) =>
        join.onRef('c.user_id', '=', 'u.user_id').onRef('c.id', '=', 'u.id'),
      )
      .selectAll('u')
      .select('c.deleted as now_deleted')
      .where('u.user_id', '=', userId)
      .where('u.run_id', '=', log.run_id)
      .where('u.id', '>', after)
      .orderBy('u.id')
      .limit(BATCH)
      .execute();
    if (rows.length === 0) return { reverted, restored };
    after = rows[rows.length - 1]!.id;
    const changed = rows.filter((r) => Number(r.now_deleted) === 0).map(contactOfRow);
    const deleted = rows
      .filter((r) => Number(r.now_deleted) === 1)
      .map((r) => ({ ...contactOfRow(r), id: newId(), updatedAt: now }));
    await writeContacts(trx, userId, changed, false, now);
    await writeContacts(trx, userId, deleted, false, now);
    reverted += changed.length;
    restored += deleted.length;
  }
}
