import {
  ContactSyncError,
  dueRun,
  isScheduled,
  lateRunNotes,
  nextRuns,
  scheduleCursor as cursorOf,
  ScheduleSchema,
  type RunRecord,
  type Schedule,
  type SyncProfile,
} from '@contactsync/core';
import { parseInput } from './parse-input.ts';
import { channelName, type ContactSyncEvent } from '../events.ts';
import type { WorkerContext } from './context.ts';
import type { Runner } from './run-profile.ts';

/** Even with nothing due, look again this often (profiles may change in other tabs). */
const MAX_SLEEP_MS = 60_000;

const lateNotes = (due: number, now: number, missed: number) =>
  lateRunNotes(due, now, missed, 'browser');

/**
 * Starts scheduled imports that are due while a tab of the portal is open. Every tab runs a
 * scheduler; the book's Web Lock and the profile's schedule cursor, both checked under that
 * lock, make exactly one of them run each occurrence. Missed occurrences are caught up once.
 */
export function schedulerOps(ctx: WorkerContext, runner: Runner) {
  let auto = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let listening: BroadcastChannel | null = null;

  async function runIfDue(profile: SyncProfile, now: number): Promise<RunRecord | null> {
    const { due } = dueRun(profile.schedule!, cursorOf(profile), now);
    if (due === null) return null;
    try {
      return await ctx.writeBook(profile.bookId, 'brief', async (db) => {
        // Decide again under the lock: another tab may have run this occurrence already.
        const fresh = await db.get('profiles', profile.id);
        if (!fresh || !isScheduled(fresh)) return null;
        const { due: stillDue, missed } = dueRun(fresh.schedule!, cursorOf(fresh), now);
        if (stillDue === null) return null;
        await db.put('profiles', { ...fresh, state: { ...fresh.state, scheduleCursor: stillDue } });
        return runner(
          db,
          fresh.id,
          {
            runId: crypto.randomUUID(),
            trigger: 'scheduled',
            notes: lateNotes(stillDue, now, missed),
          },
          new AbortController().signal,
        );
      });
    } catch (error) {
      // Busy: another tab holds the book, running this occurrence or another import.
      if (error instanceof ContactSyncError && error.code === 'busy') return null;
      throw error;
    }
  }

  async function tick(now = ctx.clock.now()): Promise<RunRecord[]> {
    const profiles = (await (await ctx.db()).getAll('profiles')).filter(isScheduled);
    const records: RunRecord[] = [];
    for (const profile of profiles) {
      const record = await runIfDue(profile, now).catch(() => null);
      if (record) records.push(record);
    }
    return records;
  }

  async function arm(): Promise<void> {
    if (!auto) return;
    if (timer) clearTimeout(timer);
    const now = ctx.clock.now();
    const profiles = (await (await ctx.db()).getAll('profiles')).filter(isScheduled);
    const next = Math.min(
      ...profiles.map((p) => nextRuns(p.schedule!, Math.max(now, cursorOf(p)), 1)[0] ?? Infinity),
    );
    const sleep = Math.max(1_000, Math.min(MAX_SLEEP_MS, next - now));
    timer = setTimeout(() => void tick().finally(() => void arm()), sleep);
  }

  return {
    /**
     * Runs every scheduled import due at `now` (default: the clock) that no other tab has run
     * yet; resolves with the runs it started. Hosts and tests may drive time through it.
     */
    tick: (now?: number) => tick(now),

    /** Starts the automatic scheduler of this tab: due runs start on time while the tab is open. */
    async startScheduler(): Promise<void> {
      auto = true;
      listening ??= new BroadcastChannel(channelName(ctx.dbName));
      // A schedule paused, resumed, edited or deleted in any tab takes effect at once.
      listening.onmessage = (message: MessageEvent<ContactSyncEvent>) => {
        if (message.data.type === 'profiles-changed') void arm();
      };
      await tick().catch(() => []);
      await arm();
    },

    stopScheduler(): void {
      auto = false;
      if (timer) clearTimeout(timer);
      listening?.close();
      listening = null;
    },

    /** The next `count` times a schedule (saved or not) would run after `after`. */
    upcomingRuns(schedule: Schedule, after?: number, count = 3): number[] {
      const checked = parseInput(ScheduleSchema, schedule, 'schedule');
      return nextRuns(checked, after ?? ctx.clock.now(), Math.max(0, Math.min(count, 20)));
    },

    /** When the profile's schedule runs next (ms since the epoch), or null. */
    async nextRun(profileId: string, now?: number): Promise<number | null> {
      const profile = await (await ctx.db()).get('profiles', profileId);
      if (!profile || !isScheduled(profile)) return null;
      const after = Math.max(now ?? ctx.clock.now(), cursorOf(profile));
      return nextRuns(profile.schedule!, after, 1)[0] ?? null;
    },
  };
}
