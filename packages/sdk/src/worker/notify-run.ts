import type { NotificationOutcome, RunRecord, SyncProfile } from '@contactsync/core';
import type { WorkerContext } from './context.ts';

const NEEDS_ATTENTION = new Set(['warnings', 'failed', 'refused']);

/**
 * Mails the profile's notify address about a run that needs attention, through the proxy,
 * retrying with the configured delays; the outcome lands in the run's history entry. It never
 * throws: a mail problem must not turn a finished import into a failed one.
 */
export async function notifyAboutRun(
  ctx: WorkerContext,
  profile: SyncProfile,
  run: RunRecord,
): Promise<void> {
  if (!profile.notifyEmail || !NEEDS_ATTENTION.has(run.status) || !ctx.proxy) return;
  const report = {
    to: profile.notifyEmail,
    profileName: profile.name,
    status: run.status,
    startedAt: run.startedAt,
    fileName: run.fileName,
    counts: run.counts,
    issueCount: run.issueCount,
    issues: run.issues.slice(0, 10).map((i) => i.message),
    error: run.error?.message ?? null,
  };
  const delays = [0, ...ctx.notifyRetryDelaysMs];
  let outcome: NotificationOutcome = { to: report.to, status: 'failed', attempts: 0, error: null };
  for (const delay of delays) {
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    outcome = { ...outcome, attempts: outcome.attempts + 1 };
    try {
      const res = await fetch(`${ctx.proxy.url}/notify`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...ctx.proxy.headers },
        body: JSON.stringify(report),
      });
      if (res.ok) {
        outcome = { ...outcome, status: 'sent', error: null };
        break;
      }
      const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
      outcome = {
        ...outcome,
        error: body?.error?.message ?? `The proxy answered HTTP ${res.status}.`,
      };
    } catch {
      outcome = { ...outcome, error: 'The ContactSync proxy could not be reached.' };
    }
  }
  try {
    const db = await ctx.db();
    const stored = await db.get('runs', run.id);
    if (!stored) return;
    const updated = { ...stored, notification: outcome };
    await db.put('runs', updated);
    ctx.emit({ type: 'run-updated', run: updated });
  } catch {
    // The history could not take the note; the import itself is unaffected.
  }
}
