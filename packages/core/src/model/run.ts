import type { ErrorPayload } from '../errors.ts';
import { noteFields, type NoteCodeRecord, type RunNote } from './run-note.ts';

export const RUN_STATUSES = [
  'running',
  'success',
  'warnings',
  'failed',
  'refused',
  'unchanged',
  'interrupted',
  'cancelled',
] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export const RUN_TRIGGERS = ['manual', 'scheduled'] as const;
export type RunTrigger = (typeof RUN_TRIGGERS)[number];

export const ISSUE_CODES = [
  'invalid-email',
  'invalid-phone',
  'invalid-date',
  'invalid-number',
  'invalid-url',
  'missing-key',
  'duplicate-key',
  'ragged-row',
  'unbalanced-quote',
  'empty-row',
  'value-too-long',
  'invalid-encoding',
  'missing-required',
  'not-an-option',
  'failed-check',
] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];

/** A problem with one row of the file. Rows are numbered as a spreadsheet shows them (header = 1). */
export interface RowIssue {
  readonly row: number;
  readonly column: string | null;
  readonly code: IssueCode;
  /** English, for hosts that show it as it is; components word `code` and `params` instead. */
  readonly message: string;
  /**
   * What a wording of `code` needs beyond row and column: `value` (the cell), `firstRow`
   * (duplicate-key), `found`/`expected` (ragged-row), `length`/`max` (value-too-long), `region`
   * (invalid-phone in national form), `field` (missing-required), `options` (not-an-option: the
   * allowed values, one per line), `reason` (failed-check: the host check's words). Absent in
   * records written before version 0.2.
   */
  readonly params?: Readonly<Record<string, string | number>>;
}

export interface RunCounts {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  deleted: number;
  skipped: number;
  invalid: number;
}

export const emptyCounts = (): RunCounts => ({
  rows: 0,
  created: 0,
  updated: 0,
  unchanged: 0,
  deleted: 0,
  skipped: 0,
  invalid: 0,
});

/** The history record of a run as it starts (status "running", nothing counted yet). */
export function startedRun(run: {
  readonly id: string;
  readonly profileId: string;
  readonly bookId: string;
  readonly trigger: RunTrigger;
  readonly startedAt: number;
  readonly fileName: string;
  readonly notes?: readonly RunNote[];
}): RunRecord {
  return {
    ...run,
    ...noteFields(run.notes ?? []),
    status: 'running',
    finishedAt: null,
    fingerprint: null,
    encoding: null,
    delimiter: null,
    counts: emptyCounts(),
    issues: [],
    issueCount: 0,
    error: null,
  };
}

export interface RunRecord {
  readonly id: string;
  readonly profileId: string;
  readonly bookId: string;
  readonly trigger: RunTrigger;
  readonly status: RunStatus;
  readonly startedAt: number;
  readonly finishedAt: number | null;
  readonly fileName: string;
  readonly fingerprint: string | null;
  readonly encoding: string | null;
  readonly delimiter: string | null;
  readonly counts: RunCounts;
  /** The first issues found (at most MAX_RECORDED_ISSUES); `issueCount` says how many there were. */
  readonly issues: readonly RowIssue[];
  readonly issueCount: number;
  readonly error: ErrorPayload | null;
  /** Plain-language remarks such as "Decoded as Windows-1252", in English. */
  readonly notes: readonly string[];
  /**
   * The code and parameters of each note, in the same order (absent in records written before
   * 0.2); components word notes from these. Build both with `noteFields`, read with `runNotes`.
   */
  readonly noteCodes?: readonly NoteCodeRecord[];
  /** The error email about this run, when one was due. */
  readonly notification?: NotificationOutcome | null;
  /**
   * Set on the record of an undo: the run it undid. Its counts are the undo's own changes
   * (`created`: contacts the run had deleted, back again; `updated`: reverted; `deleted`: the
   * run's new contacts, removed).
   */
  readonly undoOf?: string;
  /** Set on a run that was undone: the undo's record. */
  readonly undoneBy?: string;
}

export interface NotificationOutcome {
  readonly to: string;
  readonly status: 'sent' | 'failed';
  readonly attempts: number;
  /** Why the last attempt failed. */
  readonly error: string | null;
}

export const MAX_RECORDED_ISSUES = 200;

export type RunStage =
  'downloading' | 'hashing' | 'parsing' | 'planning' | 'writing' | 'committing';

export interface RunProgress {
  readonly stage: RunStage;
  readonly bytesRead: number;
  readonly totalBytes: number | null;
  readonly rows: number;
}
