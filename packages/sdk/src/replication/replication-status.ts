import type { ErrorPayload } from '@contactsync/core';

/**
 * Where replication with the backend stands, as every tab sees it:
 * - `off`: no backend configured (browser-only);
 * - `standby`: another tab of this browser replicates for this one;
 * - `syncing`, then `synced`: changes going out and coming in, then nothing left to do;
 * - `retrying`: the last attempt failed (see `error`); changes wait here and nothing is lost.
 */
export interface ReplicationStatus {
  readonly state: 'off' | 'standby' | 'syncing' | 'synced' | 'retrying';
  /** When this browser last finished a full exchange with the backend. */
  readonly lastSyncedAt: number | null;
  /** Contacts and records changed here that the backend has not acknowledged yet. */
  readonly pending: number;
  readonly error: ErrorPayload | null;
  /** When the next attempt starts, while `retrying`. */
  readonly retryAt: number | null;
}

export const REPLICATION_OFF: ReplicationStatus = {
  state: 'off',
  lastSyncedAt: null,
  pending: 0,
  error: null,
  retryAt: null,
};
