import { locks } from '../platform/locks.ts';
import { toContactSyncError, type RunRecord } from '@contactsync/core';
import type { WorkerContext } from '../worker/context.ts';
import { BackendClient, type BackendConfig } from './backend-client.ts';
import { startTracking } from './checkpoints.ts';
import { defaultContactResolver } from './contact-conflicts.ts';
import { pendingCount } from './pending-count.ts';
import { pullContacts } from './pull-contacts.ts';
import { pushContacts } from './push-contacts.ts';
import { pullRecords, pushRecords, RECORD_COLLECTIONS } from './records.ts';
import type { ReplicationStatus } from './replication-status.ts';
import type { ContactSyncEvent } from '../events.ts';
import type { ContactConflictResolver } from '../api/conflict-types.ts';

/** The live stream's "progress" event of a server run. */
type ServerRunProgress = Omit<Extract<ContactSyncEvent, { type: 'run-progress' }>, 'type'>;

export interface ReplicatorOptions extends BackendConfig {
  /** Pauses (ms) before each further attempt after a failure; the last one repeats. */
  readonly retryDelaysMs?: readonly number[];
  /** Documents per push and per pulled page. Default 1,000 (the protocol's most). */
  readonly batchSize?: number;
  /** A pull even without news, in case a stream missed something. Default 60 s. */
  readonly pollMs?: number;
  /** The backend runs remote imports and their schedules (see BackendOptions.serverImports). */
  readonly serverImports?: boolean;
}

const DEFAULT_RETRY = [1_000, 3_000, 10_000, 30_000, 60_000];

/**
 * Keeps this browser's store and the backend in step: push what changed here, pull what changed
 * there, then wait for a change on either side (the live stream, a local event, a slow poll).
 * One tab per browser replicates (a Web Lock per database); the others stand by and take over
 * when it closes. Failures are retried with growing pauses; nothing waiting is ever dropped.
 */
export class Replicator {
  private readonly client: BackendClient;
  private readonly stop = new AbortController();
  private wake: (() => void) | null = null;
  private woken = false;
  private attempt = 0;
  private status: ReplicationStatus;

  constructor(
    private readonly ctx: WorkerContext,
    private readonly options: ReplicatorOptions,
    private readonly resolveConflict: ContactConflictResolver = defaultContactResolver,
  ) {
    this.client = new BackendClient(options);
    this.status = { ...ctx.replicationStatus, state: 'standby' };
  }

  /** Starts tracking at once; replicates when this tab holds the lock. */
  async start(): Promise<void> {
    await startTracking(await this.ctx.db());
    this.publish(this.status);
    void locks()
      .request(`contactsync:${this.ctx.dbName}:replication`, { signal: this.stop.signal }, () =>
        this.lead(),
      )
      .catch(() => undefined);
  }

  /** A change here or there: run a cycle soon. */
  poke(): void {
    this.woken = true;
    this.wake?.();
  }

  /** Runs a cycle now and resolves when it is done (or failed: the status says why). */
  async syncNow(): Promise<ReplicationStatus> {
    if (!this.leading) return this.ctx.replicationStatus;
    this.attempt = 0;
    const done = new Promise<ReplicationStatus>((resolve) => this.waiting.push(resolve));
    this.poke();
    return done;
  }

  /** Callers of syncNow, answered after the next cycle that starts. */
  private waiting: ((status: ReplicationStatus) => void)[] = [];
  private leading = false;

  /**
   * "Import now" of a remote profile, run by the backend: the profile goes out first (the
   * server runs what this browser sees), the outcome comes back with the next exchange.
   */
  runOnServer(profileId: string, runId: string, confirmMassDelete: boolean): Promise<RunRecord> {
    return this.exchangedAround(() => this.client.startImport(profileId, runId, confirmMassDelete));
  }

  cancelOnServer(runId: string): Promise<void> {
    return this.client.cancelImport(runId);
  }

  undoableOnServer(bookId: string): Promise<string | null> {
    return this.client.undoableImport(bookId);
  }

  /**
   * Local changes go out first (so the backend sees that the book moved on, if it did), and
   * the result comes back before this resolves.
   */
  undoOnServer(runId: string): Promise<RunRecord> {
    return this.exchangedAround(() => this.client.undoImport(runId));
  }

  /**
   * A request the backend answers from the data it holds: this browser's changes go out
   * before it, and what it changed comes in after it (here, or in the tab that replicates).
   */
  private async exchangedAround<T>(request: () => Promise<T>): Promise<T> {
    if (this.leading) await this.syncNow();
    const answer = await request();
    if (this.leading) await this.syncNow();
    else this.poke();
    return answer;
  }

  close(): void {
    this.stop.abort();
    this.wake?.();
  }

  private async lead(): Promise<void> {
    this.leading = true;
    void this.listen();
    while (!this.stop.signal.aborted) {
      this.woken = false;
      const answered = this.waiting.splice(0);
      let delay = this.options.pollMs ?? 60_000;
      try {
        this.publish({ ...this.status, state: 'syncing', retryAt: null });
        await this.cycle();
        this.attempt = 0;
        this.publish({
          state: 'synced',
          lastSyncedAt: this.ctx.clock.now(),
          pending: await pendingCount(this.ctx),
          error: null,
          retryAt: null,
        });
      } catch (thrown) {
        const delays = this.options.retryDelaysMs ?? DEFAULT_RETRY;
        delay = delays[Math.min(this.attempt++, delays.length - 1)]!;
        this.publish({
          ...this.status,
          state: 'retrying',
          pending: await pendingCount(this.ctx).catch(() => this.status.pending),
          error: toContactSyncError(thrown).toJSON(),
          retryAt: this.ctx.clock.now() + delay,
        });
      }
      for (const resolve of answered) resolve(this.status);
      if (!this.woken) await this.sleep(delay);
    }
  }

  private async cycle(): Promise<void> {
    const batch = this.options.batchSize ?? 1000;
    for (const collection of RECORD_COLLECTIONS)
      await pushRecords(this.ctx, this.client, collection);
    await pushContacts(this.ctx, this.client, this.resolveConflict, batch);
    let booksChanged = false;
    for (const collection of RECORD_COLLECTIONS)
      booksChanged = (await pullRecords(this.ctx, this.client, collection, batch)) || booksChanged;
    if (booksChanged) {
      this.ctx.emit({ type: 'books-changed' });
      for (const bookId of await (await this.ctx.db()).getAllKeys('books'))
        this.ctx.emit({ type: 'profiles-changed', bookId });
    }
    await pullContacts(this.ctx, this.client, batch);
  }

  /** The live stream: every event wakes the loop; a dropped stream reconnects after a pause. */
  private async listen(): Promise<void> {
    let failures = 0;
    while (!this.stop.signal.aborted) {
      try {
        await this.client.listen(this.stop.signal, (event, data) => {
          failures = 0;
          // A server run's progress, for every tab (the wizard and the grid show it).
          if (event === 'progress') this.progress(data);
          else this.poke();
        });
      } catch {
        failures++;
      }
      if (!this.stop.signal.aborted)
        await new Promise((r) => setTimeout(r, Math.min(60_000, 1_000 * 2 ** failures)));
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        this.wake = null;
        done();
      };
    });
  }

  private progress(data: string): void {
    try {
      const p = JSON.parse(data) as ServerRunProgress;
      this.ctx.emit({ type: 'run-progress', ...p });
    } catch {
      // A malformed event is only a missed progress update.
    }
  }

  private publish(status: ReplicationStatus): void {
    this.status = status;
    this.ctx.replicationStatus = status;
    this.ctx.emit({ type: 'replication-status', status });
  }
}
