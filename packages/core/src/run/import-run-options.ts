import type { ByteSource, Clock, FieldChecks, Hasher, Random } from '../ports.ts';
import type { AddressBook } from '../model/address-book.ts';
import type { SyncProfile } from '../model/profile.ts';
import type { RunProgress, RunTrigger } from '../model/run.ts';
import type { RunNote } from '../model/run-note.ts';
import type { ProblemRow } from '../plan/planner.ts';
import type { SyncTarget } from './sync-target.ts';

export interface ImportRunOptions {
  readonly runId: string;
  readonly trigger: RunTrigger;
  readonly profile: SyncProfile;
  readonly book: AddressBook;
  readonly source: ByteSource;
  /** Plan only: nothing is written, not even the history. */
  readonly dryRun: boolean;
  /** A manual run may pass the mass-deletion guard once the user confirmed; scheduled runs never. */
  readonly confirmMassDelete: boolean;
  readonly target: SyncTarget;
  readonly hasher: Hasher;
  readonly clock: Clock;
  readonly random: Random;
  readonly newId: () => string;
  readonly digestPassword: (contactId: string, plain: string) => string;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: RunProgress) => void;
  /** What the proxy reported about a remote file; remembered only when the run applies. */
  readonly sourceMeta?: Record<string, unknown> | null;
  /** Remarks known before the run starts, e.g. why a scheduled run is late. */
  readonly notes?: readonly RunNote[];
  /**
   * Throws (e.g. `storage-full`) when the store has no room for a file of this many bytes;
   * asked once the file's size is known and before anything is written.
   */
  readonly ensureSpace?: (fileBytes: number) => Promise<void>;
  /** Told of every row with a problem, with its cells (the problem report). */
  readonly problemRows?: ProblemRowSink;
  /** The host's checks that the book's fields name (`FieldDef.check`). */
  readonly fieldChecks?: FieldChecks;
}

/** Collects problem rows; `begin` starts each pass over the file (a second pass starts over). */
export interface ProblemRowSink {
  /** `blanked`: the columns mapped to password fields, never written to a report. */
  begin(headers: readonly string[] | null, columnCount: number, blanked: number[]): void;
  add(row: ProblemRow): void;
}
