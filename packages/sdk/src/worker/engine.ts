import type { WorkerContext } from './context.ts';
import type { ProxyConfig } from './proxy-client.ts';
import { bookOps } from './books.ts';
import { contactOps } from './contacts.ts';
import { deviceOps } from './device.ts';
import { exportOps } from './export-contacts.ts';
import { importOps } from './imports.ts';
import { createRunner } from './run-profile.ts';
import { schedulerOps } from './scheduler.ts';
import { profileOps } from './profiles.ts';

/** Everything the worker offers, as one flat object for comlink. */
export function createEngine(ctx: WorkerContext) {
  const runner = createRunner(ctx);
  return {
    ...bookOps(ctx),
    ...profileOps(ctx),
    ...contactOps(ctx),
    ...importOps(ctx, runner),
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
    /** Wipes the whole database; other tabs hear `destroyed` and stop using it. */
    destroy: () => ctx.destroy(),
    close(): void {
      ctx.close();
    },
  };
}

export type Engine = ReturnType<typeof createEngine>;
