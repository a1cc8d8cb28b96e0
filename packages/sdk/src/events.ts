import type { RunProgress, RunRecord } from '@contactsync/core';
import type { ReplicationStatus } from './replication/replication-status.ts';

/** What changed, told to every tab of the same origin and database. */
export type ContactSyncEvent =
  | { readonly type: 'books-changed' }
  | { readonly type: 'contacts-changed'; readonly bookId: string }
  | { readonly type: 'profiles-changed'; readonly bookId: string }
  | { readonly type: 'run-started'; readonly run: RunRecord }
  | {
      readonly type: 'run-progress';
      readonly runId: string;
      readonly profileId: string;
      readonly bookId: string;
      readonly progress: RunProgress;
    }
  | { readonly type: 'run-finished'; readonly run: RunRecord }
  /** A finished run's record changed later, e.g. its error email went out. */
  | { readonly type: 'run-updated'; readonly run: RunRecord }
  /** Everything stored under this database name was wiped (`destroy()`, e.g. at sign-out). */
  | { readonly type: 'destroyed' }
  /** Replication with the backend moved on: synced, waiting changes, a failure and its retry. */
  | { readonly type: 'replication-status'; readonly status: ReplicationStatus };

export const channelName = (dbName: string) => `contactsync:${dbName}`;
