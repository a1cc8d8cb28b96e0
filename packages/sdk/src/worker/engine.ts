import type { FieldChecks } from '@contactsync/core';
import type { WorkerContext } from './context.ts';
import type { ProxyConfig } from './proxy-client.ts';
import { bookOps } from './books.ts';
import { contactOps } from './contacts.ts';
import { deviceOps } from './device.ts';
import { exportOps } from './export-contacts.ts';
import { importOps } from './imports.ts';
import { importFileOp } from './import-file.ts';
import { deletedContactOps } from './deleted-contacts.ts';
import { undoOps } from './undo-run.ts';
import { createRunner } from './run-profile.ts';
import { schedulerOps } from './scheduler.ts';
import { profileOps } from './profiles.ts';
import { Replicator, type ReplicatorOptions } from '../replication/replicator.ts';
import { REPLICATION_OFF, type ReplicationStatus } from '../replication/replication-status.ts';
import type { ContactConflictResolver } from '../api/conflict-types.ts';

/** Events after which the backend has something new to hear. */
const LOCAL_CHANGES = new Set([
  'books-changed',
  'contacts-changed',
  'profiles-changed',
  'run-finished',
  'run-updated',
]);

/** Everything the worker offers, as one flat object for comlink. */
export function createEngine(ctx: WorkerContext) {
  const runner = createRunner(ctx);
  let replicator: Replicator | null = null;
  const profiles = profileOps(ctx);
  const imports = importOps(ctx, runner);
  return {
    ...bookOps(ctx),
    ...profiles,
    ...contactOps(ctx),
    ...deletedContactOps(ctx),
    ...undoOps(ctx),
    ...imports,
    ...importFileOp(profiles, imports),
    ...schedulerOps(ctx, runner),
    ...deviceOps(ctx, runner),
    ...exportOps(ctx),
    /** Resolves once the database is open (and upgraded), so start-up errors surface early. */
    async ready(): Promise<void> {
      await ctx.db();
      // In the background: a book whose run is live in another tab waits for that run.
      void ctx.recoverAll().catch(() => undefined);
    },
    /** Points remote imports at the fetch proxy (an absolute URL of its /v1 API). */
    configureProxy(config: ProxyConfig | null, notifyRetryDelaysMs?: readonly number[]): void {
      ctx.proxy = config;
      if (notifyRetryDelaysMs) ctx.notifyRetryDelaysMs = notifyRetryDelaysMs;
    },
    /** Storage an import must leave free, beyond what it needs itself. */
    configureStorage(reserveBytes: number): void {
      ctx.storageReserveBytes = Math.max(0, Number(reserveBytes) || 0);
    },
    /** The host's checks of field values, by name (a function from the page: one call a batch). */
    configureFieldChecks(names: readonly string[], check: FieldChecks['check']): void {
      const known = new Set(names);
      ctx.fieldChecks = { has: (name) => known.has(name), check };
    },
    /** Wipes the whole database; the client has told the other tabs, which stop using it. */
    async destroy(): Promise<void> {
      replicator?.close();
      await ctx.destroy();
    },
    /** Replicates with a backend from now on (see docs/replication.md); null: browser-only. */
    async configureBackend(
      options: ReplicatorOptions | null,
      resolveConflict?: ContactConflictResolver,
    ): Promise<void> {
      replicator?.close();
      replicator = null;
      ctx.onChange = null;
      ctx.serverRun = null;
      ctx.replicationStatus = REPLICATION_OFF;
      if (!options) return;
      const next = new Replicator(ctx, options, resolveConflict);
      replicator = next;
      ctx.onChange = (event) => {
        if (LOCAL_CHANGES.has(event.type)) next.poke();
      };
      if (options.serverImports)
        ctx.serverRun = {
          start: (profileId, runId, confirm) => next.runOnServer(profileId, runId, confirm),
          cancel: (runId) => next.cancelOnServer(runId),
          undoable: (bookId) => next.undoableOnServer(bookId),
          undo: (runId) => next.undoOnServer(runId),
        };
      await next.start();
    },
    replicationStatus: (): ReplicationStatus => ctx.replicationStatus,
    /** Exchanges changes with the backend now (in the tab that replicates). */
    async syncNow(): Promise<ReplicationStatus> {
      if (!replicator) return ctx.replicationStatus;
      return replicator.syncNow();
    },
    close(): void {
      replicator?.close();
      ctx.close();
    },
  };
}

export type Engine = ReturnType<typeof createEngine>;
