import type { Contact } from '@contactsync/core';
import { sql, type Transaction } from 'kysely';
import type { ContactsTable, ServerDatabase } from '../db/schema.ts';
import { advanceSequence } from '../replication/replicated-store.ts';

/** Rows per statement: below the bound-parameter limits of SQLite and PostgreSQL. */
export const CHUNK = 200;

/** The columns a contact's values live in (what an undo log keeps of a row). */
export type ContactValueColumns = Pick<
  ContactsTable,
  | 'id'
  | 'book_id'
  | 'folder_id'
  | 'key'
  | 'source_id'
  | 'row_hash'
  | 'values_json'
  | 'created_at'
  | 'updated_at'
>;

export const contactOfRow = (row: ContactValueColumns): Contact => ({
  id: row.id,
  bookId: row.book_id,
  folderId: row.folder_id,
  key: row.key,
  values: JSON.parse(row.values_json) as Record<string, string>,
  origin:
    row.source_id === null ? null : { sourceId: row.source_id, rowHash: Number(row.row_hash ?? 0) },
  createdAt: Number(row.created_at),
  updatedAt: Number(row.updated_at),
});

/**
 * New versions (or, `deleted`, deletions by an import: no values, no key, so the key may come
 * back) of a user's contacts, each with the next revision and sequence number, in one upsert
 * per chunk (no read of the current revisions). Runs inside the caller's locked transaction.
 */
export async function writeContacts(
  trx: Transaction<ServerDatabase>,
  userId: string,
  contacts: readonly Contact[],
  deleted: boolean,
  now: number,
): Promise<void> {
  if (contacts.length === 0) return;
  const end = await advanceSequence(trx, userId, contacts.length);
  const rows: ContactsTable[] = contacts.map((c, i) => ({
    user_id: userId,
    id: c.id,
    seq: end - contacts.length + i + 1,
    // A new contact's first revision; an existing one's next (set by the upsert below).
    revision: 1,
    updated_at: deleted ? now : c.updatedAt,
    deleted: deleted ? 1 : 0,
    book_id: c.bookId,
    folder_id: deleted ? null : c.folderId,
    key: deleted ? null : c.key,
    source_id: c.origin?.sourceId ?? null,
    row_hash: deleted ? null : (c.origin?.rowHash ?? null),
    values_json: deleted ? '{}' : JSON.stringify(c.values),
    created_at: deleted ? 0 : c.createdAt,
  }));
  for (let i = 0; i < rows.length; i += CHUNK) {
    await trx
      .insertInto('contacts')
      .values(rows.slice(i, i + CHUNK))
      .onConflict((oc) =>
        oc.columns(['user_id', 'id']).doUpdateSet((eb) => ({
          seq: eb.ref('excluded.seq'),
          revision: sql<number>`contacts.revision + 1`,
          updated_at: eb.ref('excluded.updated_at'),
          deleted: eb.ref('excluded.deleted'),
          book_id: eb.ref('excluded.book_id'),
          folder_id: eb.ref('excluded.folder_id'),
          key: eb.ref('excluded.key'),
          source_id: eb.ref('excluded.source_id'),
          row_hash: eb.ref('excluded.row_hash'),
          values_json: eb.ref('excluded.values_json'),
          created_at: eb.ref('excluded.created_at'),
        })),
      )
      .execute();
  }
}
