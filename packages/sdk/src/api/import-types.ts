import type {
  BehaviourOptions,
  Mapping,
  ParseOptions,
  PlanSummary,
  RunRecord,
} from '@contactsync/core';

/* Options and answers of imports, saved imports and the history (types only). */

/** How to read and apply a file imported once; everything is optional. */
export interface ImportFileSettings {
  /** Shown in the history; defaults to the file's name. */
  readonly name?: string;
  readonly folderId?: string | null;
  readonly parse?: Partial<ParseOptions>;
  /** Defaults: update existing contacts, delete nothing. */
  readonly behaviour?: Partial<Omit<BehaviourOptions, 'importEveryTime'>>;
  /** Defaults to the preview's suggestion (header names matched to fields, a key column). */
  readonly mapping?: Mapping;
}

export interface PlanResult {
  readonly record: RunRecord;
  readonly plan: PlanSummary | null;
}

export interface ProfileListOptions {
  /** Include the records of one-off imports (`importFile`), which are not saved imports. */
  readonly oneOff?: boolean;
}

export interface HistoryQuery {
  readonly profileId?: string;
  readonly bookId?: string;
  readonly limit?: number;
}
