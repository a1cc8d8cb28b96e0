import type { IDBPDatabase } from 'idb';
import {
  ContactSyncError,
  type Clock,
  type FieldChecks,
  type Random,
  type RunRecord,
} from '@contactsync/core';
import type { ContactSyncEvent } from '../events.ts';
import { channelName } from '../events.ts';
import { BookView } from '../store/book-view.ts';
import { storageError } from '../store/storage-error.ts';
import { StoreConnection } from '../store/open-store.ts';
import type { ContactSyncDB } from '../store/schema.ts';
import { withBookLock } from '../platform/book-lock.ts';
import { recoverBook } from '../store/recovery.ts';
import type { ProxyConfig } from './proxy-client.ts';
import { REPLICATION_OFF, type ReplicationStatus } from '../replication/replication-status.ts';
import { SearchIndex } from '../store/search-index.ts';
import { persistLegacySearch } from '../store/legacy-search.ts';

/** What every worker operation shares: the connection, cached book views, clock and events. */
export class WorkerContext {
  private readonly connection: StoreConnection;
  private readonly views = new Map<string, BookView>();
  private readonly channel: BroadcastChannel;
  /** Where remote files come from; set by the client when it has a proxy. */
  proxy: ProxyConfig | null = null;
  /** Pauses between attempts to send an error email (after the first attempt). */
  notifyRetryDelaysMs: readonly number[] = [5_000, 30_000, 120_000];
  /** Storage an import must leave free for the rest of the portal (createContactSync option). */
  storageReserveBytes = 0;
  /** The host's checks that fields name (createContactSync's `fieldChecks`). */
  fieldChecks: FieldChecks | null = null;
  /** What searches read instead of contacts, per book searched in this worker. */
  readonly search = new SearchIndex((bookId, built) => {
    // Off the search's path, and only if no import holds the book now: the next search builds
    // again what this misses.
    void this.writeBook(bookId, 'brief', async (db) => persistLegacySearch(db, built)).catch(
      () => undefined,
    );
  });

  constructor(
    readonly dbName: string,
    readonly clock: Clock,
    readonly random: Random,
    readonly newId: () => string,
  ) {
    this.connection = new StoreConnection(dbName);
    this.channel = new BroadcastChannel(channelName(dbName));
    this.channel.onmessage = (message: MessageEvent<ContactSyncEvent>) => {
      if (message.data.type === 'run-started') this.watchRun(message.data.run.bookId);
      if (message.data.type === 'destroyed') this.connection.destroyed();
      if (message.data.type === 'replication-status') this.replicationStatus = message.data.status;
      this.onChange?.(message.data);
      for (const listener of this.progressListeners) listener(message.data);
    };
  }

  /** The latest replication status, this tab's own or the replicating tab's. */
  replicationStatus: ReplicationStatus = REPLICATION_OFF;
  /** Set when the backend runs remote imports: "Import now" asks it instead of the proxy. */
  serverRun: {
    start(profileId: string, runId: string, confirmMassDelete: boolean): Promise<RunRecord>;
    cancel(runId: string): Promise<void>;
    undoable(bookId: string): Promise<string | null>;
    undo(runId: string): Promise<RunRecord>;
  } | null = null;
  /** Told of every event, from this tab or another (the replicator wakes on changes). */
  onChange: ((event: ContactSyncEvent) => void) | null = null;

  private readonly watching = new Set<string>();

  /**
   * A run started in another tab: wait for the book's lock, which its tab releases when the
   * run ends or the tab dies. If the run's record still says "running" then, it died with its
   * tab; it is marked interrupted and every tab is told, within moments of the tab closing.
   */
  private watchRun(bookId: string): void {
    if (this.watching.has(bookId)) return;
    this.watching.add(bookId);
    void withBookLock(this.dbName, bookId, 'wait', async () =>
      this.recover(await this.db(), bookId),
    )
      .catch(() => undefined)
      .finally(() => this.watching.delete(bookId));
  }

  db(): Promise<IDBPDatabase<ContactSyncDB>> {
    return this.connection.get();
  }

  emit(event: ContactSyncEvent): void {
    this.channel.postMessage(event);
    this.onChange?.(event);
    for (const listener of this.progressListeners) listener(event);
  }

  /** Runs of this tab following their progress (server runs report it through events). */
  readonly progressListeners = new Set<(event: ContactSyncEvent) => void>();

  /** The book's current view, reused while its manifest version is unchanged. */
  async view(bookId: string): Promise<BookView> {
    const db = await this.db();
    const manifest = await db.get('manifests', bookId);
    if (!manifest)
      throw new ContactSyncError('not-found', 'This address book does not exist.', { bookId });
    const cached = this.views.get(bookId);
    if (cached && cached.version === manifest.version) return cached;
    const view = await BookView.load(db, bookId, cached);
    this.views.set(bookId, view);
    return view;
  }

  /** Keeps the view of the version this tab has just written (see applyManifestChange). */
  adoptView(view: BookView | null): void {
    if (view) this.views.set(view.manifest.bookId, view);
  }

  /** Under the book's lock: finishes off runs that died, and tells every tab they ended. */
  private async recover(db: IDBPDatabase<ContactSyncDB>, bookId: string, thorough = false) {
    for (const run of await recoverBook(db, bookId, this.clock.now(), thorough))
      this.emit({ type: 'run-finished', run });
  }

  /** Runs `fn` under the book's lock, after cleaning up any run that died holding it. */
  async writeBook<T>(
    bookId: string,
    mode: 'wait' | 'brief',
    fn: (db: IDBPDatabase<ContactSyncDB>) => Promise<T>,
  ): Promise<T> {
    return withBookLock(this.dbName, bookId, mode, async () => {
      const db = await this.db();
      await this.recover(db, bookId);
      try {
        return await fn(db);
      } catch (error) {
        throw error instanceof ContactSyncError ? error : storageError(error);
      }
    });
  }

  /**
   * Finishes off runs that died with a previous worker (tab closed, crash): for each book,
   * once no live run holds its lock, staged data is dropped and the run marked interrupted.
   */
  async recoverAll(): Promise<void> {
    const db = await this.db();
    const books = await db.getAllKeys('books');
    await Promise.all(
      books.map((bookId) =>
        withBookLock(this.dbName, bookId, 'wait', () => this.recover(db, bookId, true)),
      ),
    );
  }

  /** Deletes everything under this database name (the client has told the other tabs). */
  async destroy(): Promise<void> {
    this.connection.destroyed();
    // Other tabs' connections close when the deletion asks them to (versionchange).
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.deleteDatabase(this.dbName);
      request.onsuccess = () => resolve();
      request.onerror = () =>
        reject(new ContactSyncError('storage-failed', 'The stored contacts could not be removed.'));
    });
  }

  close(): void {
    this.channel.close();
    this.connection.close();
  }
}
