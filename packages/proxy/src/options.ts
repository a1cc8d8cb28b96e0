import type { IncomingMessage } from 'node:http';
import { DEFAULT_LIMITS, type FetchLimits } from './limits.ts';
import type { SealKeys } from './credentials.ts';

export interface ProxyOptions {
  /** At least 32 characters; seals credentials. */
  readonly secret: string;
  /**
   * Secrets used before `secret`: tokens they sealed still open, and new tokens are sealed with
   * `secret`. Rotate by moving the old secret here; drop it once its tokens were re-sealed.
   */
  readonly previousSecrets?: readonly string[];
  /** Sealed logins older than this are refused ("enter the password again"). Default: no limit. */
  readonly credentialMaxAgeMs?: number;
  /** Origins allowed to call from a browser (CORS); none by default. "*" allows any. */
  readonly allowedOrigins?: readonly string[];
  /**
   * Private or reserved addresses (CIDR) the proxy may contact anyway, e.g. "127.0.0.1/32"
   * for tests or "10.1.2.0/24" for an intranet file server. Public addresses are always allowed.
   */
  readonly allowPrivate?: readonly string[];
  /** When set, only these host names (exact, or ".example.com" for subdomains) may be fetched. */
  readonly allowedHosts?: readonly string[];
  readonly limits?: Partial<FetchLimits>;
  /** Extra trusted CA certificates (PEM) for HTTPS and FTPS servers with private CAs. */
  readonly ca?: readonly string[];
  /** Concurrent fetches one caller may run. Default 2. */
  readonly maxConcurrentPerCaller?: number;
  /**
   * Decides who may call. Return a caller id (used for the concurrency and mail limits) or
   * false to refuse with 401. Default: nobody — the proxy is closed until the host says who may
   * use it (its own session check, `bearerAuthorizer(token)`, or `allowAnyCaller` behind a
   * gate of its own).
   */
  readonly authorize?: (request: IncomingMessage) => string | false | Promise<string | false>;
  /** Receives one line per request, never with credentials or file contents. */
  readonly log?: (entry: Record<string, unknown>) => void;
  /**
   * Where error reports are mailed from (`POST /v1/notify`): an SMTP URL such as
   * "smtps://user:pass@mail.example.com" and the sender address. Without it, /v1/notify
   * answers "not-configured".
   */
  readonly smtp?: SmtpOptions;
}

export interface SmtpOptions {
  readonly url: string;
  readonly from: string;
  /**
   * Who may receive reports: addresses ("it@portal.example") or whole domains
   * ("@portal.example"). Any other recipient is refused, so /v1/notify is no open relay.
   */
  readonly recipients: readonly string[];
  /** Reports one caller may send per hour. Default 20. */
  readonly perCallerPerHour?: number;
}

export interface ResolvedOptions {
  readonly secret: string;
  readonly keys: SealKeys;
  readonly allowedOrigins: readonly string[];
  readonly allowPrivate: readonly string[];
  readonly allowedHosts: readonly string[] | null;
  readonly limits: FetchLimits;
  readonly ca: readonly string[] | undefined;
  readonly maxConcurrentPerCaller: number;
  readonly authorize: (request: IncomingMessage) => string | false | Promise<string | false>;
  readonly log: (entry: Record<string, unknown>) => void;
  readonly smtp: SmtpOptions | null;
}

export function resolveOptions(options: ProxyOptions): ResolvedOptions {
  if (typeof options.secret !== 'string' || options.secret.length < 32) {
    throw new Error('createProxyHandler: `secret` must be a string of at least 32 characters.');
  }
  for (const old of options.previousSecrets ?? []) {
    if (typeof old !== 'string' || old.length < 32)
      throw new Error('createProxyHandler: every previous secret must be at least 32 characters.');
  }
  return {
    secret: options.secret,
    keys: {
      secret: options.secret,
      previousSecrets: options.previousSecrets ?? [],
      maxAgeMs: options.credentialMaxAgeMs ?? null,
      now: Date.now,
    },
    allowedOrigins: options.allowedOrigins ?? [],
    allowPrivate: options.allowPrivate ?? [],
    allowedHosts: options.allowedHosts ?? null,
    limits: { ...DEFAULT_LIMITS, ...options.limits },
    ca: options.ca,
    maxConcurrentPerCaller: options.maxConcurrentPerCaller ?? 2,
    authorize: options.authorize ?? (() => false),
    log: options.log ?? (() => undefined),
    smtp: options.smtp ?? null,
  };
}

/** Lets every caller in, identified by IP address: only for a proxy the host guards otherwise. */
export const allowAnyCaller = (request: IncomingMessage): string =>
  request.socket.remoteAddress ?? 'unknown';
