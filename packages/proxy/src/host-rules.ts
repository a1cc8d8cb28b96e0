import { ProxyError } from './errors.ts';

/** Refuses a host outside `allowed` (exact names, or ".example.com" for a domain and its subdomains). */
export function assertHostAllowed(host: string, allowed: readonly string[] | null): void {
  if (!allowed) return;
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  const ok = allowed.some((a) =>
    a.startsWith('.')
      ? h.endsWith(a.toLowerCase()) || h === a.slice(1).toLowerCase()
      : h === a.toLowerCase(),
  );
  if (!ok) throw new ProxyError('forbidden', `This proxy is not allowed to fetch from ${h}.`);
}
