import {
  createMailer,
  createRemoteFetcher,
  type RemoteFetcherOptions,
  type SmtpOptions,
} from '@contactsync/proxy';
import type {
  NotificationOutcome,
  RunProgress,
  RunRecord,
  SyncProfile,
  RunNote,
} from '@contactsync/core';
import type { Kysely } from 'kysely';
import PgBoss from 'pg-boss';
import type { ServerDatabase } from '../db/schema.ts';
import { recoverDeadRuns, runOnServer, type ServerRunRequest } from './run-on-server.ts';
import { claimDue, nextDue } from './server-scheduler.ts';
import { putRecords, readRecord } from './server-records.ts';
import { newId } from './node-ports.ts';
import { undoableServerRun, undoServerRun } from './undo-server-run.ts';

export interface ServerImportOptions {
  /**
   * The proxy's fetch settings (its `secret` opens the logins the proxy sealed for profiles;
   * `allowPrivate`, `allowedHosts`, `limits`, `ca` as for the proxy).
   */
  readonly fetch: RemoteFetcherOptions;
  /** Where error emails go out; recipients as for the proxy (an allow-list). */
  readonly smtp?: SmtpOptions;
  /** The server's clock (tests move it); default Date.now. */
  readonly now?: () => number;
  /** Pauses before further attempts to send an error email. Default 5 s, 30 s, 2 min. */
  readonly mailRetryDelaysMs?: readonly number[];
  /** A run without a heartbeat this long died with its process. Default 60 s. */
  readonly staleRunAfterMs?: number;
  /** Starts the timer that runs schedules on time (default); false: call `tick(now)`. */
  readonly autoSchedule?: boolean;
  /**
   * At scale on PostgreSQL: due runs go through a pg-boss queue in that database, and every
   * server process works on it, so many processes share the nightly load. Without it, the
   * process that takes an occurrence runs it (the embedded default).
   */
  readonly queue?: { readonly connectionString: string; readonly schema?: string };
}

const QUEUE = 'contactsync-import';

interface QueuedRun {
  readonly userId: string;
  readonly profileId: string;
  readonly notes: readonly RunNote[];
}

const NEEDS_ATTENTION = new Set(['warnings', 'failed', 'refused']);

/**
 * Runs `work` again when PostgreSQL chose it as a deadlock victim: processes starting at once
 * all create the queue (pg-boss inserts it with ON CONFLICT DO NOTHING, so a retry is safe).
 */
async function onDeadlockRetry(work: () => Promise<void>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if ((error as { code?: string }).code !== '40P01' || attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt + Math.random() * 100));
    }
  }
}

/** A server run's progress, as the live stream tells it. */
export interface ServerRunProgress {
  readonly runId: string;
  readonly profileId: string;
  readonly bookId: string;
  readonly progress: RunProgress;
}

/**
 * Remote imports and their schedules, run by the server: with no browser open, on one process
 * or several sharing one database.
 */
export function createServerImports(
  db: Kysely<ServerDatabase>,
  options: ServerImportOptions,
  changed: (userId: string, collections: readonly string[]) => void,
  /** Told of a run's progress (at most every 100 ms), for the live stream. */
  progressed: (userId: string, progress: ServerRunProgress) => void = () => undefined,
) {
  const now = options.now ?? Date.now;
  const fetchFile = createRemoteFetcher(options.fetch);
  const sendMail = options.smtp ? createMailer(options.smtp) : null;
  const deps = { db, fetchFile, now, changed, heartbeatMs: 10_000 };
  const pendingMail = new Set<Promise<void>>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  let boss: PgBoss | null = null;
  /** Queued runs this process has run (tests count them). */
  let worked = 0;

  async function notify(userId: string, profile: SyncProfile, run: RunRecord): Promise<void> {
    if (!sendMail || !profile.notifyEmail || !NEEDS_ATTENTION.has(run.status)) return;
    const delays = [0, ...(options.mailRetryDelaysMs ?? [5_000, 30_000, 120_000])];
    let outcome: NotificationOutcome = {
      to: profile.notifyEmail,
      status: 'failed',
      attempts: 0,
      error: null,
    };
    for (const delay of delays) {
      if (delay > 0) await new Promise((r) => setTimeout(r, delay));
      outcome = { ...outcome, attempts: outcome.attempts + 1 };
      try {
        await sendMail(
          {
            // Always the address stored in the profile: never one a request supplies.
            to: profile.notifyEmail,
            profileName: profile.name,
            status: run.status as 'warnings' | 'failed' | 'refused',
            startedAt: run.startedAt,
            fileName: run.fileName,
            counts: { ...run.counts },
            issueCount: run.issueCount,
            issues: run.issues.slice(0, 10).map((i) => i.message),
            error: run.error?.message ?? null,
          },
          userId,
        );
        outcome = { ...outcome, status: 'sent', error: null };
        break;
      } catch (error) {
        outcome = { ...outcome, error: (error as Error).message };
      }
    }
    const stored = await readRecord<RunRecord>(db, userId, 'runs', run.id);
    if (stored)
      await putRecords(
        db,
        userId,
        'runs',
        [{ id: run.id, data: { ...stored.data, notification: outcome } }],
        now(),
      );
    changed(userId, ['runs']);
  }

  /** Runs of this process that a caller may cancel, by user and run id. */
  const cancels = new Map<string, AbortController>();

  async function run(userId: string, profileId: string, request: ServerRunRequest) {
    const controller = new AbortController();
    const key = `${userId} ${request.runId ?? ''}`;
    if (request.runId) cancels.set(key, controller);
    let last = 0;
    const bookId =
      (await readRecord<SyncProfile>(db, userId, 'profiles', profileId))?.data.bookId ?? '';
    const { record, profile } = await runOnServer(deps, userId, profileId, {
      ...request,
      signal: controller.signal,
      onProgress: (progress) => {
        const at = Date.now();
        if (at - last < 100 || !request.runId) return;
        last = at;
        progressed(userId, { runId: request.runId, profileId, bookId, progress });
      },
    }).finally(() => cancels.delete(key));
    const mail = notify(userId, profile, record).catch(() => undefined);
    pendingMail.add(mail);
    void mail.finally(() => pendingMail.delete(mail));
    return record;
  }

  /**
   * Takes every occurrence due at `at` that no process has taken, and runs it: here, resolving
   * with the runs; or, with a queue, through pg-boss (resolving with [] once queued).
   */
  async function tick(at = now()): Promise<RunRecord[]> {
    const records: RunRecord[] = [];
    for (const due of await claimDue(db, at)) {
      if (boss) {
        const job: QueuedRun = { userId: due.userId, profileId: due.profileId, notes: due.notes };
        await boss.send(QUEUE, job, {
          singletonKey: `${due.userId}:${due.profileId}:${due.due}`,
          retryLimit: 1,
        });
        continue;
      }
      records.push(
        await run(due.userId, due.profileId, { trigger: 'scheduled', notes: due.notes }),
      );
    }
    return records;
  }

  async function startQueue(queue: NonNullable<ServerImportOptions['queue']>): Promise<void> {
    boss = new PgBoss({
      connectionString: queue.connectionString,
      schema: queue.schema ?? 'contactsync_jobs',
      max: 4,
    });
    // The queue reports its own connection trouble; runs record theirs in the history.
    boss.on('error', () => undefined);
    await boss.start();
    await onDeadlockRetry(() => boss!.createQueue(QUEUE));
    await boss.work<QueuedRun>(
      QUEUE,
      { batchSize: 1, pollingIntervalSeconds: 0.5 },
      async ([job]) => {
        if (!job) return;
        await run(job.data.userId, job.data.profileId, {
          trigger: 'scheduled',
          notes: job.data.notes,
        });
        worked++;
      },
    );
  }

  async function arm(): Promise<void> {
    if (stopped || options.autoSchedule === false) return;
    const at = now();
    const next = await nextDue(db, at).catch(() => null);
    const sleep = Math.max(1_000, Math.min(60_000, (next ?? Infinity) - at));
    timer = setTimeout(
      () =>
        void tick()
          .catch(() => [])
          .finally(() => void arm()),
      sleep,
    );
  }

  return {
    /** "Import now" for a remote profile: runs it on the server and resolves with its record. */
    runNow: (
      userId: string,
      profileId: string,
      confirmMassDelete = false,
      runId: string | undefined = undefined,
    ) => run(userId, profileId, { trigger: 'manual', confirmMassDelete, runId }),
    /** The latest server import of the book while it can still be undone, or null. */
    undoable: (userId: string, bookId: string) => undoableServerRun(db, userId, bookId),
    /**
     * Undoes the book's latest server import (see `undoServerRun`); `undo-unavailable` once
     * anything else changed the book, `busy` while an import into it runs.
     */
    undo: (userId: string, runId: string) =>
      undoServerRun({ db, now, newId, changed }, userId, runId),
    /** Stops a run of this user that this process is running; it ends "cancelled". */
    cancel(userId: string, runId: string): boolean {
      const controller = cancels.get(`${userId} ${runId}`);
      controller?.abort();
      return !!controller;
    },
    /** A profile changed: a new or moved schedule is looked at now, not at the next minute. */
    rearm(): void {
      if (!timer) return;
      clearTimeout(timer);
      void arm();
    },
    tick,
    /** Marks runs that died with a process interrupted, then starts the schedule timer. */
    async start(): Promise<RunRecord[]> {
      const dead = await recoverDeadRuns(deps, options.staleRunAfterMs ?? 60_000);
      if (options.queue) await startQueue(options.queue);
      await arm();
      return dead;
    },
    /** With a queue: how many queued runs this process has run. */
    worked: () => worked,
    /** Error emails still being sent (tests wait for them). */
    settled: () => Promise.all([...pendingMail]).then(() => undefined),
    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearTimeout(timer);
      await boss?.stop({ graceful: true, wait: true });
      boss = null;
    },
  };
}

export type ServerImports = ReturnType<typeof createServerImports>;
