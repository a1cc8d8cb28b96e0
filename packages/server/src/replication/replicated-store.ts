import {
  decidePush,
  decodeCheckpoint,
  encodeCheckpoint,
  type PullResult,
  type PushRow,
  type ReplicationMeta,
} from '@contactsync/core';
import type { Kysely, Transaction } from 'kysely';
import type { ServerDatabase } from '../db/schema.ts';

export const MAX_PULL = 1000;
/** Rows per INSERT: far below the bound-parameter limits of SQLite and PostgreSQL. */
const INSERT_CHUNK = 200;

/** The columns every replicated table has; `collection` only where one table holds several. */
export interface ReplicatedRow {
  user_id: string;
  id: string;
  seq: number;
  revision: number;
  updated_at: number;
  deleted: number;
  collection: string;
}

/** How one collection's documents become rows of its table, and back. */
export interface TableAdapter<D extends ReplicationMeta> {
  readonly table: 'contacts' | 'documents';
  /** Set for the shared `documents` table. */
  readonly collection?: string;
  rowOf(userId: string, seq: number, document: D): object;
  documentOf(row: Record<string, unknown>): D;
  /** Columns a write replaces. */
  readonly columns: readonly string[];
}

/** What one accepted push changed. */
export interface PushOutcome<D extends ReplicationMeta> {
  readonly conflicts: D[];
  readonly revisions: Record<string, number>;
  /** See PushResult.checkpoint. */
  readonly checkpoint?: string;
  /** For the live stream. */
  readonly written: PullResult<D>;
}

// One generic body for every table: the typed schema stays in ServerDatabase, this view only
// names the columns all replicated tables share.
type Generic = Kysely<{ replicated: ReplicatedRow }>;
type GenericTrx = Transaction<{ replicated: ReplicatedRow }>;

/** One collection of every user in one database; each call is scoped to the user it names. */
export class ReplicatedStore<D extends ReplicationMeta> {
  private readonly db: Generic;

  constructor(
    db: Kysely<ServerDatabase>,
    private readonly adapter: TableAdapter<D>,
  ) {
    this.db = db as unknown as Generic;
  }

  private from(db: Generic | GenericTrx, userId: string) {
    let query = db
      .selectFrom(this.adapter.table as 'replicated')
      .selectAll()
      .where('user_id', '=', userId);
    if (this.adapter.collection) query = query.where('collection', '=', this.adapter.collection);
    return query;
  }

  async pull(userId: string, checkpoint: string | null, limit: number): Promise<PullResult<D>> {
    const from = decodeCheckpoint(checkpoint);
    let query = this.from(this.db, userId);
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
      documents: rows.map((r) => this.adapter.documentOf(r as unknown as Record<string, unknown>)),
      checkpoint: last
        ? encodeCheckpoint({ seq: Number(last.seq), id: last.id })
        : (checkpoint ?? null),
    };
  }

  /**
   * Applies a batch in one transaction under the protocol's rule. The user's sequence row is
   * locked first, so one user's writes commit in sequence order and a pull never skips one.
   */
  async push(
    userId: string,
    rows: readonly PushRow<D>[],
    clientCheckpoint?: string | null,
  ): Promise<PushOutcome<D>> {
    const since = clientCheckpoint === undefined ? undefined : decodeCheckpoint(clientCheckpoint);
    return this.db.transaction().execute(async (trx) => {
      await lockSequence(trx, userId);
      // Nothing after the client's position yet: its pull would bring back only these writes.
      const alone =
        since !== undefined &&
        !(await this.from(trx, userId)
          .where('seq', '>', since?.seq ?? -1)
          .select('id')
          .limit(1)
          .executeTakeFirst());
      const ids = [...new Set(rows.map((r) => r.newDocumentState.id))];
      const current = new Map<string, D>();
      for (let i = 0; i < ids.length; i += INSERT_CHUNK) {
        const found = await this.from(trx, userId)
          .where('id', 'in', ids.slice(i, i + INSERT_CHUNK))
          .execute();
        for (const row of found)
          current.set(row.id, this.adapter.documentOf(row as unknown as Record<string, unknown>));
      }
      const conflicts: D[] = [];
      const revisions: Record<string, number> = {};
      // The last write of each id in this batch; a repeated id inside one batch sees the first.
      const writes = new Map<string, D>();
      for (const row of rows) {
        const id = row.newDocumentState.id;
        const decision = decidePush(current.get(id) ?? null, row);
        if (decision.kind === 'conflict') {
          conflicts.push(decision.master);
          delete revisions[id];
          continue;
        }
        if (decision.kind === 'write') {
          current.set(id, decision.document);
          writes.delete(id);
          writes.set(id, decision.document);
        }
        revisions[id] = current.get(id)!.revision;
      }
      const written = [...writes.values()];
      const end = await advanceSequence(trx, userId, written.length);
      const first = end - written.length + 1;
      const values = written.map((d, i) => this.adapter.rowOf(userId, first + i, d));
      for (let i = 0; i < values.length; i += INSERT_CHUNK) {
        await trx
          .insertInto(this.adapter.table as 'replicated')
          .values(values.slice(i, i + INSERT_CHUNK) as ReplicatedRow[])
          .onConflict((oc) =>
            oc
              .columns(
                this.adapter.collection ? ['user_id', 'collection', 'id'] : ['user_id', 'id'],
              )
              .doUpdateSet((eb) =>
                Object.fromEntries(
                  this.adapter.columns.map((c) => [
                    c,
                    eb.ref(`excluded.${c}` as `excluded.${keyof ReplicatedRow}`),
                  ]),
                ),
              ),
          )
          .execute();
      }
      const last = written.at(-1);
      return {
        conflicts,
        revisions,
        ...(alone && last ? { checkpoint: encodeCheckpoint({ seq: end, id: last.id }) } : {}),
        written: {
          documents: written,
          checkpoint: last ? encodeCheckpoint({ seq: end, id: last.id }) : null,
        },
      };
    });
  }
}

/** Takes the user's sequence row for this transaction (created on first use). */
export async function lockSequence(
  trx: GenericTrx | Transaction<ServerDatabase>,
  userId: string,
): Promise<void> {
  const db = trx as unknown as Transaction<ServerDatabase>;
  await db
    .insertInto('change_sequence')
    .values({ user_id: userId, seq: 0 })
    .onConflict((oc) => oc.column('user_id').doNothing())
    .execute();
  await db
    .updateTable('change_sequence')
    .set((eb) => ({ seq: eb.ref('seq') }))
    .where('user_id', '=', userId)
    .execute();
}

/** Reserves `n` sequence numbers; returns the last one (the current one when n is 0). */
export async function advanceSequence(
  trx: GenericTrx | Transaction<ServerDatabase>,
  userId: string,
  n: number,
): Promise<number> {
  const db = trx as unknown as Transaction<ServerDatabase>;
  const row = await db
    .updateTable('change_sequence')
    .set((eb) => ({ seq: eb('seq', '+', n) }))
    .where('user_id', '=', userId)
    .returning('seq')
    .executeTakeFirstOrThrow();
  return Number(row.seq);
}
