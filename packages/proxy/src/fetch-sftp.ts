import { createHash } from 'node:crypto';
import { Client, type SFTPWrapper } from 'ssh2';
import { resolveAllowed } from './address-guard.ts';
import { ProxyError } from './errors.ts';
import type { FetchContext, FetchOutcome, FileMeta } from './fetch-types.ts';
import { emptyMeta } from './fetch-types.ts';
import { capSize, networkError } from './stream-limits.ts';

/** "SHA256:<base64>" as OpenSSH prints host key fingerprints. */
export function fingerprintOf(key: Buffer): string {
  return `SHA256:${createHash('sha256').update(key).digest('base64').replace(/=+$/, '')}`;
}

/**
 * SFTP with a password. The host key is pinned: the first fetch reports its fingerprint for
 * the profile to keep; a later fetch with a different key fails closed.
 */
export async function fetchSftp(ctx: FetchContext): Promise<FetchOutcome> {
  const { location, limits } = ctx;
  const address = await resolveAllowed(location.host, ctx.policy);
  const conn = new Client();
  let seenKey: string | null = null;
  const sftp = await new Promise<SFTPWrapper>((resolve, reject) => {
    const fail = (error: unknown) => {
      conn.end();
      reject(error);
    };
    ctx.signal.addEventListener(
      'abort',
      () => fail(new ProxyError('timeout', `${location.host} did not answer in time.`)),
      { once: true },
    );
    conn.on('ready', () =>
      conn.sftp((error, channel) =>
        error ? fail(networkError(error, location.host)) : resolve(channel),
      ),
    );
    conn.on('error', (error: Error & { level?: string }) => {
      if (ctx.hostKey && seenKey && seenKey !== ctx.hostKey) {
        fail(
          new ProxyError(
            'host-key-mismatch',
            `The SFTP server ${location.host} presented a different host key (${seenKey}) than the one pinned (${ctx.hostKey}). This may be an attack, or the server was reinstalled; check with its administrator before trusting the new key.`,
            { hostKey: seenKey },
          ),
        );
      } else if (error.level === 'client-authentication') {
        fail(
          new ProxyError(
            'login-failed',
            `${location.host} refused the login. Check the user name and password.`,
          ),
        );
      } else if (error.level === 'client-timeout') {
        fail(new ProxyError('timeout', `${location.host} did not answer in time.`));
      } else {
        fail(networkError(error, location.host));
      }
    });
    conn.connect({
      host: address,
      port: location.port,
      username: ctx.credential?.username ?? '',
      password: ctx.credential?.password ?? '',
      readyTimeout: limits.connectTimeoutMs,
      hostVerifier: (key: Buffer) => {
        seenKey = fingerprintOf(key);
        return ctx.hostKey === null || seenKey === ctx.hostKey;
      },
    });
  });
  try {
    const stats = await new Promise<{ size: number; mtime: number }>((resolve, reject) =>
      sftp.stat(location.path, (error, s) => (error ? reject(error) : resolve(s))),
    ).catch(() => {
      throw new ProxyError(
        'not-found',
        `There is no file at ${location.path} on ${location.host}.`,
      );
    });
    const meta: FileMeta = {
      ...emptyMeta,
      size: stats.size,
      mtime: new Date(stats.mtime * 1000).toISOString(),
      hostKey: seenKey,
    };
    if (ctx.since && ctx.since.size === meta.size && ctx.since.mtime === meta.mtime) {
      conn.end();
      return { notModified: true, meta };
    }
    if (stats.size > limits.maxBytes) {
      throw new ProxyError(
        'too-large',
        `The file is ${stats.size} bytes, more than the proxy's limit of ${limits.maxBytes}.`,
      );
    }
    const stream = sftp.createReadStream(location.path);
    // Whether the file ended, failed, or the body was cut or abandoned: the session goes at once.
    stream.on('close', () => conn.destroy());
    stream.on('error', () => conn.destroy());
    ctx.signal.addEventListener('abort', () => stream.destroy(), { once: true });
    return {
      notModified: false,
      meta,
      body: capSize(stream, limits.maxBytes, limits.idleTimeoutMs, location.host),
    };
  } catch (error) {
    conn.end();
    throw error;
  }
}
