import {
  hashSeed,
  KeyColumns,
  KeyIndex,
  type Contact,
  type ProfileState,
  type RunRecord,
  type SyncProfile,
  type SyncTarget,
} from '@contactsync/core';
import type { Kysely, Transaction } from 'kysely';
import type { ServerDatabase } from '../db/schema.ts';
import { lockSequence } from '../replication/replicated-store.ts';
import { CHUNK, contactOfRow, writeContacts } from './contact-writes.ts';
import { readRecord, writeRecords } from './server-records.ts';
import { UndoLog } from './undo-log.ts';
import { nodeRandom } from './node-ports.ts';

/**
 * A server run's view of one user's book in SQL (the same port the browser's IndexedDB store
 * implements). Staged contacts wait in `staged_contacts`; `commit` applies them, the
 * deletions, the run record and the profile state in one transaction, each as a new revision
 * in the user's change sequence, so every browser pulls the result; and what the run replaced,
 * so that it can be undone (`undo-server-run.ts`).
 */
export class SqlBookTarget implements SyncTarget {
  private index: KeyIndex | null = null;
  private staged = 0;

  constructor(
    private readonly db: Kysely<ServerDatabase>,
    private readonly userId: string,
    private readonly bookId: string,
    private readonly runId: string,
    private readonly now: () => number,
    /** Told which collections a commit changed (the live stream). */
    private readonly changed: (collections: readonly string[]) => void,
  ) {}

  async loadIndex(): Promise<KeyIndex> {
    const rows = await this.db
      .selectFrom('contacts')
      .select(['id', 'key', 'source_id', 'row_hash'])
      .where('user_id', '=', this.userId)
      .where('book_id', '=', this.bookId)
      .where('deleted', '=', 0)
      .where('key', 'is not', null)
      .execute();
    const columns = new KeyColumns();
    rows.forEach((r, n) => columns.add(r.key!, r.id, r.source_id, Number(r.row_hash ?? 0), n));
    const index = new KeyIndex(columns, hashSeed(nodeRandom));
    this.index = index;
    return index;
  }

  async loadTombstones(): Promise<ReadonlySet<string>> {
    // A contact deleted by a person keeps its key (docs/replication.md): that key stays out.
    const rows = await this.db
      .selectFrom('contacts')
      .select('key')
      .where('user_id', '=', this.userId)
      .where('book_id', '=', this.bookId)
      .where('deleted', '=', 1)
      .where('key', 'is not', null)
      .execute();
    return new Set(rows.map((r) => r.key!));
  }

  async getContacts(entries: readonly number[]): Promise<Contact[]> {
    const index = this.index ?? (await this.loadIndex());
    const ids = entries.map((n) => index.idAt(n));
    const found = new Map<string, Contact>();
    for (let i = 0; i < ids.length; i += CHUNK) {
      const rows = await this.db
        .selectFrom('contacts')
        .selectAll()
        .where('user_id', '=', this.userId)
        .where('id', 'in', ids.slice(i, i + CHUNK))
        .execute();
      for (const row of rows) found.set(row.id, contactOfRow(row));
    }
    // A contact the index names but the database no longer has is the planner's to report.
    return ids.map((id) => found.get(id)).filter((c): c is Contact => c !== undefined);
  }

  async stage(contacts: readonly Contact[]): Promise<void> {
    for (let i = 0; i < contacts.length; i += CHUNK) {
      await this.db
        .insertInto('staged_contacts')
        .values(
          contacts.slice(i, i + CHUNK).map((c) => ({
            run_id: this.runId,
            position: this.staged++,
            contact_json: JSON.stringify(c),
          })),
        )
        .execute();
    }
  }

  async commit(
    deleteEntries: readonly number[],
    record: RunRecord,
    state: ProfileState,
  ): Promise<void> {
    const index = this.index;
    const deleteIds = index ? deleteEntries.map((n) => index.idAt(n)) : [];
    await this.db.transaction().execute(async (trx) => {
      await lockSequence(trx, this.userId);
      const undoLog = new UndoLog(trx, this.userId, this.bookId, this.runId);
      await undoLog.begin();
      for (let from = 0; from < this.staged; from += 1000) {
        const rows = await trx
          .selectFrom('staged_contacts')
          .select('contact_json')
          .where('run_id', '=', this.runId)
          .where('position', '>=', from)
          .where('position', '<', from + 1000)
          .orderBy('position')
          .execute();
        const contacts = rows.map((r) => JSON.parse(r.contact_json) as Contact);
        await undoLog.keep(
          contacts.length,
          contacts.filter((c) => this.existed(c)).map((c) => c.id),
        );
        await writeContacts(trx, this.userId, contacts, false, this.now());
      }
      for (let i = 0; i < deleteIds.length; i += CHUNK) {
        const rows = await trx
          .selectFrom('contacts')
          .selectAll()
          .where('user_id', '=', this.userId)
          .where('id', 'in', deleteIds.slice(i, i + CHUNK))
          .execute();
        await undoLog.keep(
          rows.length,
          rows.map((r) => r.id),
        );
        await writeContacts(trx, this.userId, rows.map(contactOfRow), true, this.now());
      }
      const before = await readRecord<SyncProfile>(trx, this.userId, 'profiles', record.profileId);
      await undoLog.finish(record.profileId, before?.data.state ?? null);
      await this.writeOutcome(trx, record, state);
      await trx.deleteFrom('staged_contacts').where('run_id', '=', this.runId).execute();
    });
    this.changed(['contacts', 'runs', 'profiles']);
  }

  /**
   * Whether a staged contact replaces one the book had (found under its key with its id), so
   * the undo log keeps the earlier row; when unsure, it does (a lookup that finds nothing).
   */
  private existed(contact: Contact): boolean {
    const index = this.index;
    if (!index || contact.key === null) return true;
    const n = index.find(contact.key);
    return n >= 0 && index.idAt(n) === contact.id;
  }

  async discard(): Promise<void> {
    await this.db.deleteFrom('staged_contacts').where('run_id', '=', this.runId).execute();
    this.staged = 0;
  }

  async recordOutcome(record: RunRecord, state: ProfileState): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await lockSequence(trx, this.userId);
      await this.writeOutcome(trx, record, state);
    });
    this.changed(['runs', 'profiles']);
  }

  private async writeOutcome(
    trx: Transaction<ServerDatabase>,
    record: RunRecord,
    state: ProfileState,
  ): Promise<void> {
    const now = this.now();
    await writeRecords(trx, this.userId, 'runs', [{ id: record.id, data: record }], now);
    const profile = await readRecord<SyncProfile>(trx, this.userId, 'profiles', record.profileId);
    if (profile)
      await writeRecords(
        trx,
        this.userId,
        'profiles',
        [{ id: record.profileId, data: { ...profile.data, state } }],
        now,
      );
  }
}
