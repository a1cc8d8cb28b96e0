import {
  createMailer,
  createRemoteFetcher,
  type RemoteFetcherOptions,
  type SmtpOptions,
} from '@contactsync/proxy';
import type { NotificationOutcome, RunRecord, SyncProfile } from '@contactsync/core';
import type { Kysely } from 'kysely';
import type { ServerDatabase } from '../db/schema.ts';
import { recoverDeadRuns, runOnServer, type ServerRunRequest } from './run-on-server.ts';
import { claimDue, nextDue } from './server-scheduler.ts';
import { putRecords, readRecord } from './server-records.ts';

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
}

const NEEDS_ATTENTION = new Set(['warnings', 'failed', 'refused']);

/**
 * Remote imports and their schedules, run by the server: with no browser open, on one process
 * or several sharing one database.
 */
export function createServerImports(
  db: Kysely<ServerDatabase>,
  options: ServerImportOptions,
  changed: (userId: string, collections: readonly string[]) => void,
) {
  const now = options.now ?? Date.now;
  const fetchFile = createRemoteFetcher(options.fetch);
  const sendMail = options.smtp ? createMailer(options.smtp) : null;
  const deps = { db, fetchFile, now, changed, heartbeatMs: 10_000 };
  const pendingMail = new Set<Promise<void>>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;

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

  async function run(userId: string, profileId: string, request: ServerRunRequest) {
    const { record, profile } = await runOnServer(deps, userId, profileId, request);
    const mail = notify(userId, profile, record).catch(() => undefined);
    pendingMail.add(mail);
    void mail.finally(() => pendingMail.delete(mail));
    return record;
  }

  /** Runs every occurrence due at `at` that no process has taken; resolves with the runs. */
  async function tick(at = now()): Promise<RunRecord[]> {
    const records: RunRecord[] = [];
    for (const due of await claimDue(db, at)) {
      records.push(
        await run(due.userId, due.profileId, { trigger: 'scheduled', notes: due.notes }),
      );
    }
    return records;
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
    runNow: (userId: string, profileId: string, confirmMassDelete = false) =>
      run(userId, profileId, { trigger: 'manual', confirmMassDelete }),
    tick,
    /** Marks runs that died with a process interrupted, then starts the schedule timer. */
    async start(): Promise<RunRecord[]> {
      const dead = await recoverDeadRuns(deps, options.staleRunAfterMs ?? 60_000);
      await arm();
      return dead;
    },
    /** Error emails still being sent (tests wait for them). */
    settled: () => Promise.all([...pendingMail]).then(() => undefined),
    stop(): void {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}

export type ServerImports = ReturnType<typeof createServerImports>;
