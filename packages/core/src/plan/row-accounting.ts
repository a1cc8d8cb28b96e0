import { ContactSyncError } from '../errors.ts';
import type { RunCounts } from '../model/run.ts';

/**
 * The run's invariant: every row read from the file lands in exactly one count. A run that
 * cannot account for a row fails (nothing applied) instead of reporting success.
 */
export function assertEveryRowCounted(rowsRead: number, counts: RunCounts): void {
  const counted =
    counts.created + counts.updated + counts.unchanged + counts.invalid + counts.skipped;
  if (counts.rows === rowsRead && counted === rowsRead) return;
  throw new ContactSyncError(
    'internal',
    `The import read ${rowsRead} rows but accounted for ${counted}, so it was stopped and nothing was changed. Please report this problem.`,
    { rowsRead, counted, ...counts },
  );
}
