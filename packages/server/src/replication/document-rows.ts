import type { RecordDocument } from '@contactsync/core';
import type { DocumentsTable } from '../db/schema.ts';
import type { TableAdapter } from './replicated-store.ts';

/** Books, folders, profiles and runs: one row each in `documents`, the record as JSON. */
export function documentAdapter(collection: string): TableAdapter<RecordDocument> {
  return {
    table: 'documents',
    collection,
    columns: ['seq', 'revision', 'updated_at', 'deleted', 'data_json'],
    rowOf: (userId, seq, d): DocumentsTable => ({
      user_id: userId,
      collection,
      id: d.id,
      seq,
      revision: d.revision,
      updated_at: d.updatedAt,
      deleted: d.deleted ? 1 : 0,
      data_json: JSON.stringify(d.deleted ? null : d.data),
    }),
    documentOf: (row) => ({
      id: String(row.id),
      revision: Number(row.revision),
      updatedAt: Number(row.updated_at),
      deleted: Number(row.deleted) === 1,
      data: JSON.parse(String(row.data_json)) as unknown,
    }),
  };
}
