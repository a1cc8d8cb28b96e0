import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { allowAnyCaller, type ProxyOptions, type SmtpOptions } from './options.ts';

const isLoopback = (host: string) =>
  host === 'localhost' || host === '::1' || host === '[::1]' || /^127\./.test(host);

export interface CliConfig {
  readonly port: number;
  readonly host: string;
  readonly options: ProxyOptions;
}

const list = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

function number(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number.`);
  return value;
}

/** Bearer-token check that does not leak the token's length or content through timing. */
export function bearerAuthorizer(token: string) {
  const expected = Buffer.from(`Bearer ${token}`);
  return (request: IncomingMessage): string | false => {
    const given = Buffer.from(String(request.headers.authorization ?? ''));
    return given.length === expected.length && timingSafeEqual(given, expected) ? 'bearer' : false;
  };
}

/** The standalone proxy's configuration, from CONTACTSYNC_PROXY_* variables (docs/proxy.md). */
export function configFromEnv(env: NodeJS.ProcessEnv): CliConfig {
  const secret = env.CONTACTSYNC_PROXY_SECRET ?? '';
  if (secret.length < 32) {
    throw new Error(
      'Set CONTACTSYNC_PROXY_SECRET to a random string of at least 32 characters (it seals stored logins).',
    );
  }
  const token = env.CONTACTSYNC_PROXY_TOKEN;
  const caFile = env.CONTACTSYNC_PROXY_CA_FILE;
  const limits = {
    maxBytes: number(env, 'CONTACTSYNC_PROXY_MAX_BYTES'),
    connectTimeoutMs: number(env, 'CONTACTSYNC_PROXY_CONNECT_TIMEOUT_MS'),
    idleTimeoutMs: number(env, 'CONTACTSYNC_PROXY_IDLE_TIMEOUT_MS'),
    totalTimeoutMs: number(env, 'CONTACTSYNC_PROXY_TOTAL_TIMEOUT_MS'),
  };
  const host = env.CONTACTSYNC_PROXY_HOST ?? '127.0.0.1';
  const openToAll = env.CONTACTSYNC_PROXY_INSECURE_NO_TOKEN === '1';
  if (!token && !isLoopback(host) && !openToAll) {
    throw new Error(
      `Refusing to listen on ${host} without CONTACTSYNC_PROXY_TOKEN: anyone who can reach it could seal logins, fetch files and send mail. Set a token, listen on 127.0.0.1, or set CONTACTSYNC_PROXY_INSECURE_NO_TOKEN=1 if another gate guards it.`,
    );
  }
  return {
    port: number(env, 'CONTACTSYNC_PROXY_PORT') ?? 8787,
    host,
    options: {
      secret,
      previousSecrets: list(env.CONTACTSYNC_PROXY_PREVIOUS_SECRETS),
      ...(number(env, 'CONTACTSYNC_PROXY_CREDENTIAL_MAX_AGE_DAYS')
        ? {
            credentialMaxAgeMs:
              number(env, 'CONTACTSYNC_PROXY_CREDENTIAL_MAX_AGE_DAYS')! * 24 * 60 * 60 * 1000,
          }
        : {}),
      allowedOrigins: list(env.CONTACTSYNC_PROXY_ORIGINS),
      allowPrivate: list(env.CONTACTSYNC_PROXY_ALLOW_PRIVATE),
      ...(env.CONTACTSYNC_PROXY_ALLOWED_HOSTS
        ? { allowedHosts: list(env.CONTACTSYNC_PROXY_ALLOWED_HOSTS) }
        : {}),
      limits: Object.fromEntries(Object.entries(limits).filter(([, v]) => v !== undefined)),
      ...(caFile ? { ca: [readFileSync(caFile, 'utf8')] } : {}),
      maxConcurrentPerCaller: number(env, 'CONTACTSYNC_PROXY_MAX_CONCURRENT') ?? 2,
      // Without a token only this machine can reach the proxy (or the operator opted out, loudly).
      authorize: token ? bearerAuthorizer(token) : allowAnyCaller,
      ...smtpFromEnv(env),
      log: (entry) => console.log(JSON.stringify({ time: new Date().toISOString(), ...entry })),
    },
  };
}

/**
 * Where error reports are mailed from, by CONTACTSYNC_PROXY_SMTP_URL, _MAIL_FROM, _NOTIFY_TO and
 * _MAILS_PER_HOUR: `{ smtp }`, or nothing when no SMTP URL is set. Shared with the server's runs.
 */
export function smtpFromEnv(env: NodeJS.ProcessEnv): { smtp?: SmtpOptions } {
  if (!env.CONTACTSYNC_PROXY_SMTP_URL) return {};
  const perHour = number(env, 'CONTACTSYNC_PROXY_MAILS_PER_HOUR');
  return {
    smtp: {
      url: env.CONTACTSYNC_PROXY_SMTP_URL,
      from: env.CONTACTSYNC_PROXY_MAIL_FROM ?? 'contactsync@localhost',
      recipients: list(env.CONTACTSYNC_PROXY_NOTIFY_TO),
      ...(perHour ? { perCallerPerHour: perHour } : {}),
    },
  };
}
