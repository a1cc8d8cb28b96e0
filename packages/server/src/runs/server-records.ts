import type { RecordDocument } from '@contactsync/core';
import type { Kysely, Transaction } from 'kysely';
import type { ServerDatabase } from '../db/schema.ts';
import { advanceSequence, lockSequence } from '../replication/replicated-store.ts';

type Db = Kysely<ServerDatabase> | Transaction<ServerDatabase>;

/** A user's record (book, profile, run) as the SDK stored it, or null. */
export async function readRecord<T>(
  db: Db,
  userId: string,
  collection: string,
  id: string,
): Promise<{ data: T; revision: number } | null> {
  const row = await db
    .selectFrom('documents')
    .select(['data_json', 'revision', 'deleted'])
    .where('user_id', '=', userId)
    .where('collection', '=', collection)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row || Number(row.deleted) === 1) return null;
  return { data: JSON.parse(row.data_json) as T, revision: Number(row.revision) };
}

/** Every live record of a collection, of every user (the scheduler's view). */
export async function allRecords<T>(
  db: Db,
  collection: string,
): Promise<{ userId: string; data: T }[]> {
  const rows = await db
    .selectFrom('documents')
    .select(['user_id', 'data_json'])
    .where('collection', '=', collection)
    .where('deleted', '=', 0)
    .execute();
  return rows.map((r) => ({ userId: r.user_id, data: JSON.parse(r.data_json) as T }));
}

/**
 * Writes records as the backend itself (the master): each gets the next revision and a new
 * place in the user's change sequence, so every replica pulls it. Inside the caller's
 * transaction, which must have taken the user's sequence lock.
 */
export async function writeRecords(
  trx: Transaction<ServerDatabase>,
  userId: string,
  collection: string,
  records: readonly { id: string; data: unknown }[],
  now: number,
): Promise<RecordDocument[]> {
  const end = await advanceSequence(trx, userId, records.length);
  const out: RecordDocument[] = [];
  for (const [i, record] of records.entries()) {
    const current = await trx
      .selectFrom('documents')
      .select('revision')
      .where('user_id', '=', userId)
      .where('collection', '=', collection)
      .where('id', '=', record.id)
      .executeTakeFirst();
    const revision = Number(current?.revision ?? 0) + 1;
    const row = {
      user_id: userId,
      collection,
      id: record.id,
      seq: end - records.length + i + 1,
      revision,
      updated_at: now,
      deleted: 0,
      data_json: JSON.stringify(record.data),
    };
    await trx
      .insertInto('documents')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['user_id', 'collection', 'id']).doUpdateSet({
          seq: row.seq,
          revision: row.revision,
          updated_at: row.updated_at,
          deleted: 0,
          data_json: row.data_json,
        }),
      )
      .execute();
    out.push({ id: record.id, revision, updatedAt: now, deleted: false, data: record.data });
  }
  return out;
}

/** writeRecords in a transaction of its own. */
export async function putRecords(
  db: Kysely<ServerDatabase>,
  userId: string,
  collection: string,
  records: readonly { id: string; data: unknown }[],
  now: number,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await lockSequence(trx, userId);
    await writeRecords(trx, userId, collection, records, now);
  });
}
