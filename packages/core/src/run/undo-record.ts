import { runNote } from '../model/run-note.ts';
import { startedRun, type RunCounts, type RunRecord } from '../model/run.ts';
import { isoUtc } from '../schedule/civil-date.ts';

/** What an undo did: contacts it removed (the run's new ones), reverted and brought back. */
export interface UndoEffect {
  readonly removed: number;
  readonly reverted: number;
  readonly restored: number;
}

/**
 * The history record of an undo, wherever it ran (browser or server): a finished run of the
 * same import that names the run it took back (`undoOf`). Its counts read as the book saw
 * them: `deleted` what the run had added, `updated` what it had changed, `created` what it had
 * deleted.
 */
export function undoRecord(
  undone: RunRecord,
  run: { readonly id: string; readonly at: number },
  effect: UndoEffect,
): RunRecord {
  const note = runNote('undo-of', `Undid the import of ${isoUtc(undone.startedAt)}.`, {
    startedAt: undone.startedAt,
  });
  const started = startedRun({
    id: run.id,
    profileId: undone.profileId,
    bookId: undone.bookId,
    trigger: 'manual',
    startedAt: run.at,
    fileName: undone.fileName,
    notes: [note],
  });
  const counts: RunCounts = {
    ...started.counts,
    created: effect.restored,
    updated: effect.reverted,
    deleted: effect.removed,
  };
  return { ...started, status: 'success', finishedAt: run.at, undoOf: undone.id, counts };
}
