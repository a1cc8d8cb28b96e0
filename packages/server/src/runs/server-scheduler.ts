import {
  dueRun,
  isScheduled,
  lateRunNotes,
  nextRuns,
  scheduleCursor as cursorOf,
  type RunRecord,
  type SyncProfile,
  type RunNote,
} from '@contactsync/core';
import type { Kysely } from 'kysely';
import type { ServerDatabase } from '../db/schema.ts';
import { newId } from './node-ports.ts';
import { allRecords, putRecords, readRecord } from './server-records.ts';

export interface DueOccurrence {
  readonly userId: string;
  readonly profileId: string;
  readonly due: number;
  readonly notes: readonly RunNote[];
}

/**
 * Takes every scheduled occurrence due at `now` that no server process has taken yet. The
 * claim is a row keyed by (user, profile, occurrence), so with several processes on one
 * database each occurrence is taken once; missed occurrences are caught up once, "late".
 */
export async function claimDue(db: Kysely<ServerDatabase>, now: number): Promise<DueOccurrence[]> {
  const claimed: DueOccurrence[] = [];
  for (const { userId, data: profile } of await allRecords<SyncProfile>(db, 'profiles')) {
    if (!isScheduled(profile)) continue;
    const { due, missed } = dueRun(profile.schedule!, cursorOf(profile), now);
    if (due === null) continue;
    const result = await db
      .insertInto('occurrences')
      .values({ user_id: userId, profile_id: profile.id, due_at: due, run_id: newId() })
      .onConflict((oc) => oc.columns(['user_id', 'profile_id', 'due_at']).doNothing())
      .executeTakeFirst();
    if (Number(result.numInsertedOrUpdatedRows ?? 0) === 0) continue;
    // The cursor moves on in the profile itself, so every browser shows the next time.
    const fresh = await readRecord<SyncProfile>(db, userId, 'profiles', profile.id);
    if (fresh)
      await putRecords(
        db,
        userId,
        'profiles',
        [
          {
            id: profile.id,
            data: { ...fresh.data, state: { ...fresh.data.state, scheduleCursor: due } },
          },
        ],
        now,
      );
    claimed.push({
      userId,
      profileId: profile.id,
      due,
      notes: lateRunNotes(due, now, missed, 'server'),
    });
  }
  return claimed;
}

/** When any schedule is next due after `now`, or null. */
export async function nextDue(db: Kysely<ServerDatabase>, now: number): Promise<number | null> {
  let next = Infinity;
  for (const { data: profile } of await allRecords<SyncProfile>(db, 'profiles')) {
    if (!isScheduled(profile)) continue;
    next = Math.min(
      next,
      nextRuns(profile.schedule!, Math.max(now, cursorOf(profile)), 1)[0] ?? Infinity,
    );
  }
  return Number.isFinite(next) ? next : null;
}

export type { RunRecord };
