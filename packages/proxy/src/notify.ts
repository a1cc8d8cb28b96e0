import { ProxyError } from './errors.ts';

/** What the browser reports about a run that needs someone's attention. */
export interface RunReport {
  readonly to: string;
  readonly profileName: string;
  readonly status: 'warnings' | 'failed' | 'refused';
  readonly startedAt: number;
  readonly fileName: string;
  readonly counts: Readonly<Record<string, number>>;
  readonly issueCount: number;
  /** The first problems, as plain messages. */
  readonly issues: readonly string[];
  readonly error: string | null;
}

const EMAIL = /^[^\s@"<>(),;:\\[\]]+@[^\s@"<>(),;:\\[\]]+\.[^\s@"<>(),;:\\[\]]{2,}$/;
const MAX_ISSUES = 10;
const clip = (text: unknown, max: number) =>
  String(text ?? '')
    .replace(/[\r\n]+/g, ' ')
    .slice(0, max);

const ADVICE: Record<RunReport['status'], string> = {
  warnings: 'Some rows were skipped. Correct them in the file; the next import picks them up.',
  failed:
    'Nothing was changed. Fix the cause above, then use "Import now" or wait for the next scheduled run.',
  refused:
    'Nothing was changed, to prevent an accidental mass deletion. If the deletion is intended, turn off "Delete contacts not found in the file" or delete the contacts by hand, then import again.',
};

/** Checks and trims a report from the browser; nothing in it is trusted beyond its shape. */
export function parseReport(body: Record<string, unknown>): RunReport {
  const to = String(body.to ?? '');
  if (!EMAIL.test(to) || to.length > 254)
    throw new ProxyError('invalid-request', '"to" must be one email address.');
  const status = body.status;
  if (status !== 'warnings' && status !== 'failed' && status !== 'refused') {
    throw new ProxyError('invalid-request', '"status" must be warnings, failed or refused.');
  }
  const counts: Record<string, number> = {};
  for (const key of ['rows', 'created', 'updated', 'unchanged', 'deleted', 'skipped', 'invalid']) {
    const value = (body.counts as Record<string, unknown> | undefined)?.[key];
    counts[key] =
      typeof value === 'number' && Number.isFinite(value) ? Math.max(0, Math.floor(value)) : 0;
  }
  return {
    to,
    profileName: clip(body.profileName, 200) || 'Contact import',
    status,
    startedAt: typeof body.startedAt === 'number' ? body.startedAt : Date.now(),
    fileName: clip(body.fileName, 200),
    counts,
    issueCount: typeof body.issueCount === 'number' ? Math.max(0, Math.floor(body.issueCount)) : 0,
    issues: (Array.isArray(body.issues) ? body.issues : [])
      .slice(0, MAX_ISSUES)
      .map((i) => clip(i, 300)),
    error: body.error ? clip(body.error, 1000) : null,
  };
}

/** The email: which import, when, what happened, counts, the first problems, what to do. */
export function renderReport(report: RunReport): { subject: string; text: string } {
  const what = { warnings: 'finished with problems', failed: 'failed', refused: 'was refused' }[
    report.status
  ];
  const c = report.counts;
  const lines = [
    `The contact import "${report.profileName}" ${what}.`,
    '',
    `When: ${new Date(report.startedAt).toUTCString()}`,
    `File: ${report.fileName || '(unknown)'}`,
    `Rows: ${c.rows}; new ${c.created}, updated ${c.updated}, unchanged ${c.unchanged}, deleted ${c.deleted}, skipped ${c.skipped}, invalid ${c.invalid}.`,
  ];
  if (report.error) lines.push('', `What happened: ${report.error}`);
  if (report.issues.length > 0) {
    lines.push('', `Problems (${report.issueCount} in all; the first ${report.issues.length}):`);
    for (const issue of report.issues) lines.push(`- ${issue}`);
  }
  lines.push('', `What to do: ${ADVICE[report.status]}`);
  lines.push(
    '',
    '--',
    'The import name, file name and problems above were reported by the portal page and are quoted as received. ContactSync never asks for passwords by email.',
  );
  // The subject holds no text a caller chose: a phishing line cannot ride on the portal's sender.
  return { subject: `Contact import ${what}`, text: lines.join('\n') };
}
