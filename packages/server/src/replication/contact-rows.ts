import type { ContactDocument } from '@contactsync/core';
import type { ContactsTable } from '../db/schema.ts';
import type { TableAdapter } from './replicated-store.ts';

/** A stored row as the protocol's document. */
function documentOf(row: ContactsTable): ContactDocument {
  return {
    id: row.id,
    revision: Number(row.revision),
    updatedAt: Number(row.updated_at),
    deleted: Number(row.deleted) === 1,
    bookId: row.book_id,
    folderId: row.folder_id,
    key: row.key,
    sourceId: row.source_id,
    rowHash: row.row_hash === null || row.row_hash === undefined ? null : Number(row.row_hash),
    values: JSON.parse(row.values_json) as Record<string, string>,
    createdAt: Number(row.created_at),
  };
}

/** A document as the row stored for `userId` at change `seq`. */
function rowOf(userId: string, seq: number, d: ContactDocument): ContactsTable {
  return {
    user_id: userId,
    id: d.id,
    seq,
    revision: d.revision,
    updated_at: d.updatedAt,
    deleted: d.deleted ? 1 : 0,
    book_id: d.bookId,
    folder_id: d.folderId,
    key: d.key,
    source_id: d.sourceId,
    row_hash: d.rowHash,
    values_json: JSON.stringify(d.values),
    created_at: d.createdAt,
  };
}

/** Contacts: one queryable row each in `contacts`. */
export const contactAdapter: TableAdapter<ContactDocument> = {
  table: 'contacts',
  columns: [
    'seq',
    'revision',
    'updated_at',
    'deleted',
    'book_id',
    'folder_id',
    'key',
    'source_id',
    'row_hash',
    'values_json',
    'created_at',
  ],
  rowOf,
  documentOf: (row) => documentOf(row as unknown as ContactsTable),
};
