import type { RunProgress, RunTrigger } from '@contactsync/core';
import type { FieldCheck } from '../api/field-check.ts';
import type { ContactConflictResolver } from '../api/conflict-types.ts';

export interface ContactSyncOptions {
  /** IndexedDB database name: separate names keep separate data. Default "contactsync". */
  readonly dbName?: string;
  /** Where the worker script lives; defaults to the one shipped beside this module. */
  readonly workerUrl?: string | URL | TrustedScriptURLLike;
  /** The fetch proxy's API, e.g. "/v1" or "https://proxy.example/v1"; needed for remote files. */
  readonly proxyUrl?: string | URL;
  /** Headers for every proxy request, e.g. `{ authorization: 'Bearer …' }`. */
  readonly proxyHeaders?: Record<string, string>;
  /** Pauses (ms) between further attempts to send an error email. Default 5 s, 30 s, 2 min. */
  readonly notifyRetryDelaysMs?: readonly number[];
  /**
   * "auto" (default): scheduled imports start on time while this tab is open. "manual": nothing
   * starts by itself; call `scheduler.tick(now)` to run what is due, e.g. to drive time in tests.
   */
  readonly scheduler?: 'auto' | 'manual';
  /**
   * Bytes of the site's storage an import must leave free (for the rest of the portal). An
   * import is refused, before it writes, unless twice the file, 16 MB and this much are free.
   */
  readonly storageReserveBytes?: number;
  /**
   * The portal's contact server (docs/replication.md). With it, the backend is the source of
   * truth and this browser a fast local replica; without it, everything stays in this browser.
   */
  readonly backend?: BackendOptions;
  /**
   * Your checks of field values, by the name a field's `check` gives (`books.addField(id,
   * { label: 'IBAN', type: 'text', check: 'iban' })`), sync or async (a server's answer): each
   * value an import brings is kept as the check returns it (a transform), or its row is left out
   * with `{ problem }`, shown in the review and the history like a built-in problem. They run
   * in this page for imports in this browser; the reference server's own runs refuse a field
   * whose check it does not have.
   */
  readonly fieldChecks?: Readonly<Record<string, FieldCheck>>;
}

export interface BackendOptions {
  /** Its replication API, e.g. "/v1/replication/". */
  readonly url: string | URL;
  /** Sent with every request, e.g. `{ authorization: 'Bearer …' }`; cookies go as usual. */
  readonly headers?: Record<string, string>;
  /** Pauses (ms) before further attempts after a failure. Default 1 s, 3 s, 10 s, 30 s, 60 s. */
  readonly retryDelaysMs?: readonly number[];
  /**
   * The backend runs remote imports and their schedules (the reference server with
   * `imports`): this browser starts no scheduled runs, and "Import now" asks the backend.
   */
  readonly serverImports?: boolean;
  /** Contacts per push and per pulled page (at most 1,000, the default). */
  readonly batchSize?: number;
  /** Your own rule for a contact changed on two devices (default: docs/replication.md). */
  readonly resolveConflict?: ContactConflictResolver;
}

export interface RunOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: RunProgress) => void;
  /** Lets a manual run delete more than the mass-deletion guard allows, after the user agreed. */
  readonly confirmMassDelete?: boolean;
  readonly trigger?: RunTrigger;
  /** The name shown in the history; defaults to the File's name. */
  readonly fileName?: string;
}

/**
 * A Trusted Types script URL (`policy.createScriptURL(…)`), for pages that enforce
 * `require-trusted-types-for 'script'`: handed to `new Worker` as it is.
 */
export interface TrustedScriptURLLike {
  toString(): string;
  toJSON(): string;
}
