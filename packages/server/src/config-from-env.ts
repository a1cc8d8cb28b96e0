import type { IncomingMessage } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { smtpFromEnv } from '@contactsync/proxy';
import type { ServerImportOptions } from './runs/server-imports.ts';

export interface ServerCliConfig {
  readonly port: number;
  readonly host: string;
  /** A SQLite file path, or a postgres:// URL. */
  readonly database: string;
  readonly authenticate: (request: IncomingMessage) => string | null;
  /** Set when CONTACTSYNC_PROXY_SECRET is: the server runs remote imports and schedules. */
  readonly imports: ServerImportOptions | null;
}

const isLoopback = (host: string) => host === 'localhost' || host === '::1' || /^127\./.test(host);

/** "token:user,token:user" → a bearer check that compares in constant time. */
function tokenAuthenticator(spec: string): (request: IncomingMessage) => string | null {
  const entries = spec
    .split(',')
    .map((pair) => pair.trim())
    .filter(Boolean)
    .map((pair) => {
      const at = pair.lastIndexOf(':');
      if (at <= 0 || at === pair.length - 1)
        throw new Error('CONTACTSYNC_SERVER_TOKENS is "token:user" pairs, separated by commas.');
      if (at < 24)
        throw new Error('Each token in CONTACTSYNC_SERVER_TOKENS needs at least 24 characters.');
      return { token: Buffer.from(`Bearer ${pair.slice(0, at)}`), user: pair.slice(at + 1) };
    });
  return (request) => {
    const given = Buffer.from(String(request.headers.authorization ?? ''));
    const match = entries.find(
      (e) => e.token.length === given.length && timingSafeEqual(e.token, given),
    );
    return match?.user ?? null;
  };
}

/** The standalone server's configuration, from CONTACTSYNC_SERVER_* variables. */
export function serverConfigFromEnv(env: NodeJS.ProcessEnv): ServerCliConfig {
  const host = env.CONTACTSYNC_SERVER_HOST ?? '127.0.0.1';
  const tokens = env.CONTACTSYNC_SERVER_TOKENS ?? '';
  if (!tokens)
    throw new Error(
      'Set CONTACTSYNC_SERVER_TOKENS ("token:user,…"): every request names its user with a bearer token. To use your own sessions, mount createServerHandler in your server instead.',
    );
  const port = Number(env.CONTACTSYNC_SERVER_PORT ?? 8788);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error('CONTACTSYNC_SERVER_PORT must be a port number.');
  if (!isLoopback(host) && !env.CONTACTSYNC_SERVER_DATABASE)
    throw new Error('Set CONTACTSYNC_SERVER_DATABASE when the server listens beyond this machine.');
  const list = (value: string | undefined) => (value ?? '').split(',').filter(Boolean);
  const secret = env.CONTACTSYNC_PROXY_SECRET;
  return {
    port,
    host,
    database: env.CONTACTSYNC_SERVER_DATABASE ?? 'contactsync.db',
    authenticate: tokenAuthenticator(tokens),
    // The proxy's secret opens the logins it sealed; the proxy's address rules apply.
    imports: secret
      ? {
          fetch: { secret, allowPrivate: list(env.CONTACTSYNC_PROXY_ALLOW_PRIVATE) },
          ...smtpFromEnv(env),
        }
      : null,
  };
}
