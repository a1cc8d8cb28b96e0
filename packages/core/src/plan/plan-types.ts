import type { RowIssue, RunCounts } from '../model/run.ts';

export interface CreateSample {
  readonly row: number;
  readonly key: string;
  readonly values: Record<string, string>;
}

export interface FieldChange {
  readonly field: string;
  readonly from: string | null;
  readonly to: string | null;
}

export interface UpdateSample {
  readonly row: number;
  readonly key: string;
  readonly contactId: string;
  readonly changes: readonly FieldChange[];
}

export interface DeleteSample {
  readonly key: string;
  readonly contactId: string;
}

/** What a dry run shows before anything is written. */
export interface PlanSamples {
  readonly create: CreateSample[];
  readonly update: UpdateSample[];
  readonly delete: DeleteSample[];
}

export interface PlanSummary {
  readonly counts: RunCounts;
  readonly issues: readonly RowIssue[];
  readonly issueCount: number;
  readonly samples: PlanSamples;
  /** Contacts this sync manages before the run, and how many of them the file still holds. */
  readonly existing: number;
  readonly matchedExisting: number;
  /** True when the mass-deletion guard would stop this run. */
  readonly massDeletion: boolean;
}

export const MAX_SAMPLES = 50;
export const MASKED = '••••••';
