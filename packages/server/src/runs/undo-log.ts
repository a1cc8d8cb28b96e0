import type { ProfileState } from '@contactsync/core';
import { sql, type Transaction } from 'kysely';
import type { ServerDatabase } from '../db/schema.ts';
import { advanceSequence } from '../replication/replicated-store.ts';

type Trx = Transaction<ServerDatabase>;

/** What the log keeps of a contact row: the columns its values live in. */
const KEPT = [
  'id',
  'book_id',
  'folder_id',
  'key',
  'source_id',
  'row_hash',
  'values_json',
  'created_at',
  'updated_at',
] as const;

/**
 * What a server import keeps so that it can be undone (the latest per book), written inside its
 * commit: the rows it is about to change or delete, as they were, and the sequence range of
 * its writes. Contacts it adds need no entry: they are the range's rows with none.
 */
export class UndoLog {
  private firstSeq = 0;
  private written = 0;

  constructor(
    private readonly trx: Trx,
    private readonly userId: string,
    private readonly bookId: string,
    private readonly runId: string,
  ) {}

  /** Drops the book's earlier log (only its latest import can be undone). */
  async begin(): Promise<void> {
    const earlier = await this.trx
      .selectFrom('undo_runs')
      .select('run_id')
      .where('user_id', '=', this.userId)
      .where('book_id', '=', this.bookId)
      .executeTakeFirst();
    if (earlier) await dropUndoLog(this.trx, this.userId, this.bookId, earlier.run_id);
    this.firstSeq = (await advanceSequence(this.trx, this.userId, 0)) + 1;
  }

  /**
   * Before the run writes `count` contacts: keeps the current rows of those among them that
   * exist (`existing`: the caller knows which; a contact the run creates needs no entry).
   */
  async keep(count: number, existing: readonly string[]): Promise<void> {
    this.written += count;
    if (existing.length === 0) return;
    await this.trx
      .insertInto('undo_contacts')
      .columns(['user_id', 'run_id', ...KEPT])
      .expression(
        this.trx
          .selectFrom('contacts')
          .select(['user_id', sql<string>`cast(${this.runId} as text)`.as('run_id'), ...KEPT])
          .where('user_id', '=', this.userId)
          .where('deleted', '=', 0)
          .where('id', 'in', existing),
      )
      .execute();
  }

  /** Records the run's range once its contacts are written, with the profile's earlier state. */
  async finish(profileId: string, before: ProfileState | null): Promise<void> {
    await this.trx
      .insertInto('undo_runs')
      .values({
        user_id: this.userId,
        book_id: this.bookId,
        run_id: this.runId,
        profile_id: profileId,
        first_seq: this.firstSeq,
        last_seq: await advanceSequence(this.trx, this.userId, 0),
        written: this.written,
        profile_state_json: before ? JSON.stringify(before) : null,
      })
      .execute();
  }
}

export async function dropUndoLog(
  trx: Trx,
  userId: string,
  bookId: string,
  runId: string,
): Promise<void> {
  await trx
    .deleteFrom('undo_contacts')
    .where('user_id', '=', userId)
    .where('run_id', '=', runId)
    .execute();
  await trx
    .deleteFrom('undo_runs')
    .where('user_id', '=', userId)
    .where('book_id', '=', bookId)
    .execute();
}
