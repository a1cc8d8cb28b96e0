import {
  decidePush,
  decodeCheckpoint,
  encodeCheckpoint,
  type ContactDocument,
  type PullResult,
  type PushRow,
} from '@contactsync/core';
import type { Kysely, Transaction } from 'kysely';
import type { ServerDatabase } from '../db/schema.ts';
import { documentOf, rowOf } from './contact-rows.ts';

export const MAX_PULL = 1000;

/** What one accepted push changed, for the live stream. */
export interface PushOutcome {
  readonly conflicts: ContactDocument[];
  readonly written: PullResult<ContactDocument>;
}

/** The next number of the user's change sequence, taken inside the write's transaction. */
async function nextSeq(trx: Transaction<ServerDatabase>, userId: string): Promise<number> {
  await trx
    .insertInto('change_sequence')
    .values({ user_id: userId, seq: 0 })
    .onConflict((oc) => oc.column('user_id').doNothing())
    .execute();
  const row = await trx
    .updateTable('change_sequence')
    .set((eb) => ({ seq: eb('seq', '+', 1) }))
    .where('user_id', '=', userId)
    .returning('seq')
    .executeTakeFirstOrThrow();
  return Number(row.seq);
}

/** Contacts of every user in one database; each call is scoped to the user it names. */
export class ContactStore {
  constructor(private readonly db: Kysely<ServerDatabase>) {}

  async pull(
    userId: string,
    checkpoint: string | null,
    limit: number,
  ): Promise<PullResult<ContactDocument>> {
    const from = decodeCheckpoint(checkpoint);
    let query = this.db.selectFrom('contacts').selectAll().where('user_id', '=', userId);
    if (from)
      query = query.where((eb) =>
        eb.or([
          eb('seq', '>', from.seq),
          eb.and([eb('seq', '=', from.seq), eb('id', '>', from.id)]),
        ]),
      );
    const rows = await query
      .orderBy('seq')
      .orderBy('id')
      .limit(Math.max(1, Math.min(limit, MAX_PULL)))
      .execute();
    const last = rows.at(-1);
    return {
      documents: rows.map(documentOf),
      checkpoint: last
        ? encodeCheckpoint({ seq: Number(last.seq), id: last.id })
        : (checkpoint ?? null),
    };
  }

  /** Applies a batch in one transaction, row by row under the protocol's rule. */
  async push(userId: string, rows: readonly PushRow<ContactDocument>[]): Promise<PushOutcome> {
    return this.db.transaction().execute(async (trx) => {
      const conflicts: ContactDocument[] = [];
      const written: ContactDocument[] = [];
      let lastSeq = 0;
      let lastId = '';
      for (const row of rows) {
        const stored = await trx
          .selectFrom('contacts')
          .selectAll()
          .where('user_id', '=', userId)
          .where('id', '=', row.newDocumentState.id)
          .executeTakeFirst();
        const decision = decidePush(stored ? documentOf(stored) : null, row);
        if (decision.kind === 'conflict') conflicts.push(decision.master);
        if (decision.kind !== 'write') continue;
        const seq = await nextSeq(trx, userId);
        const values = rowOf(userId, seq, decision.document);
        await trx
          .insertInto('contacts')
          .values(values)
          .onConflict((oc) =>
            oc.columns(['user_id', 'id']).doUpdateSet({
              seq: values.seq,
              revision: values.revision,
              updated_at: values.updated_at,
              deleted: values.deleted,
              book_id: values.book_id,
              folder_id: values.folder_id,
              key: values.key,
              source_id: values.source_id,
              values_json: values.values_json,
            }),
          )
          .execute();
        written.push(decision.document);
        lastSeq = seq;
        lastId = decision.document.id;
      }
      return {
        conflicts,
        written: {
          documents: written,
          checkpoint: written.length ? encodeCheckpoint({ seq: lastSeq, id: lastId }) : null,
        },
      };
    });
  }
}
