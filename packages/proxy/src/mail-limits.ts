import { ProxyError } from './errors.ts';

/** Does `to` match one of the allowed addresses or "@domain" entries? */
export function assertRecipientAllowed(to: string, recipients: readonly string[]): void {
  const address = to.toLowerCase();
  const domain = address.slice(address.lastIndexOf('@'));
  const ok = recipients.some((r) => {
    const allowed = r.trim().toLowerCase();
    return allowed.startsWith('@') ? domain === allowed : address === allowed;
  });
  if (!ok)
    throw new ProxyError(
      'forbidden',
      'This address may not receive import reports from this portal. Ask its administrator to allow it.',
    );
}

const HOUR = 60 * 60 * 1000;

/** A sliding one-hour window of sends per caller. */
export function mailRateLimit(perHour: number, now: () => number = Date.now) {
  const sent = new Map<string, number[]>();
  return (caller: string): void => {
    const t = now();
    const recent = (sent.get(caller) ?? []).filter((at) => t - at < HOUR);
    if (recent.length >= perHour)
      throw new ProxyError(
        'too-many-requests',
        `At most ${perHour} import reports may be sent per hour; try again later.`,
      );
    recent.push(t);
    sent.set(caller, recent);
  };
}
