import { runNote, type RunNote } from '../model/run-note.ts';
import type { SyncProfile } from '../model/profile.ts';
import { isoUtc } from './civil-date.ts';

/** A scheduled run that starts this long after its time is "late", and says why. */
export const LATE_AFTER_MS = 60_000;

/** Whether the profile's schedule starts runs: set, not paused, and for a file on a server. */
export const isScheduled = (p: SyncProfile): boolean =>
  Boolean(p.schedule) && !p.schedulePaused && p.source.kind === 'remote';

/** The last occurrence run (or passed over); a new schedule counts from the profile's last edit. */
export const scheduleCursor = (p: SyncProfile): number => p.state.scheduleCursor ?? p.updatedAt;

const LATE_BECAUSE = {
  server: 'when the server was next running',
  browser:
    'when a portal tab was next open (scheduled imports run only while the portal is open in a tab)',
} as const;

/**
 * The history notes of a scheduled run that started late (none when on time): when it was due,
 * that it ran when the server (or a portal tab, `by`) next could, and how many missed
 * occurrences it caught up.
 */
export function lateRunNotes(
  due: number,
  now: number,
  missed: number,
  by: 'server' | 'browser',
): RunNote[] {
  if (now - due <= LATE_AFTER_MS) return [];
  const notes = [
    runNote('late', `This run was due at ${isoUtc(due)} and ran late, ${LATE_BECAUSE[by]}.`, {
      due,
      by,
    }),
  ];
  if (missed > 0)
    notes.push(
      runNote(
        'missed-caught-up',
        `${missed} earlier missed ${missed === 1 ? 'run was' : 'runs were'} caught up by this one.`,
        { count: missed },
      ),
    );
  return notes;
}
