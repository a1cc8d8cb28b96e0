import { PassThrough } from 'node:stream';
import { rootCertificates } from 'node:tls';
import { Client, FTPError } from 'basic-ftp';
import { resolveAllowed } from './address-guard.ts';
import { ProxyError } from './errors.ts';
import type { FetchContext, FetchOutcome, FileMeta } from './fetch-types.ts';
import { emptyMeta } from './fetch-types.ts';
import { capSize, networkError } from './stream-limits.ts';

/** 550 is the standard "file unavailable"; some servers (ftp-srv among them) answer 551. */
const NO_SUCH_FILE = new Set([550, 551]);

function ftpError(error: unknown, host: string, path: string): ProxyError {
  if (error instanceof FTPError) {
    if (error.code === 530)
      return new ProxyError(
        'login-failed',
        `${host} refused the login. Check the user name and password.`,
      );
    if (NO_SUCH_FILE.has(error.code))
      return new ProxyError('not-found', `There is no file at ${path} on ${host}.`);
    return new ProxyError('upstream-failed', `${host} answered: ${error.message}`);
  }
  // basic-ftp's own socket timeouts: the server went quiet.
  if (error instanceof Error && /^Timeout/.test(error.message))
    return new ProxyError('timeout', `${host} stopped answering.`);
  return networkError(error, host);
}

/**
 * FTP, and FTPS with explicit (AUTH TLS) or implicit TLS. Data connections always go to the
 * control connection's (checked) address: a PASV answer naming another host is ignored.
 */
export async function fetchFtp(ctx: FetchContext): Promise<FetchOutcome> {
  const { location, limits } = ctx;
  const address = await resolveAllowed(location.host, ctx.policy);
  const client = new Client(limits.idleTimeoutMs, { allowSeparateTransferHost: false });
  const abort = () => client.close();
  ctx.signal.addEventListener('abort', abort, { once: true });
  const secure =
    location.protocol === 'ftps'
      ? true
      : location.protocol === 'ftps-implicit'
        ? 'implicit'
        : false;
  try {
    const login = client.access({
      host: address,
      port: location.port,
      user: ctx.credential?.username ?? 'anonymous',
      password: ctx.credential?.password ?? 'anonymous@',
      secure,
      secureOptions: {
        servername: location.host,
        ...(ctx.ca ? { ca: [...rootCertificates, ...ctx.ca] } : {}),
      },
    });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new ProxyError('timeout', `${location.host} did not answer in time.`)),
        limits.connectTimeoutMs,
      );
    });
    await Promise.race([login, timeout]).finally(() => clearTimeout(timer));
    // "No such file" ends the fetch; other failures only mean the server lacks SIZE or MDTM.
    const optional = (error: unknown): null => {
      if (error instanceof FTPError && NO_SUCH_FILE.has(error.code)) throw error;
      // A timeout or a closed connection is the server failing, not a missing command.
      if (!(error instanceof FTPError)) throw error;
      return null;
    };
    const size = await client.size(location.path).catch(optional);
    const mtime = await client
      .lastMod(location.path)
      .then((d) => d.toISOString())
      .catch(optional);
    const meta: FileMeta = { ...emptyMeta, size, mtime };
    if (size === null && mtime === null) {
      // Neither SIZE nor MDTM: the file may not exist; the download below says so.
    } else if (
      ctx.since &&
      ctx.since.size === size &&
      ctx.since.mtime === mtime &&
      mtime !== null
    ) {
      client.close();
      return { notModified: true, meta };
    }
    if (size !== null && size > limits.maxBytes) {
      throw new ProxyError(
        'too-large',
        `The file is ${size} bytes, more than the proxy's limit of ${limits.maxBytes}.`,
      );
    }
    const body = new PassThrough();
    // A body cut by a limit or abandoned by the client closes control and data connections at once.
    body.on('close', () => client.close());
    const started = client.downloadTo(body, location.path);
    // Surface "no such file" before answering, when the server says so at once.
    const early = await Promise.race([
      started.then(
        () => null,
        (e: unknown) => e,
      ),
      new Promise((r) => setTimeout(r, 50, null)),
    ]);
    if (early) throw early;
    // From here capSize watches for silence, without counting a slow reader's time as the
    // server's; the library's socket timeouts would cut a client that reads slowly.
    client.ftp.socket.setTimeout(0);
    client.ftp.dataSocket?.setTimeout(0);
    started.then(
      () => client.close(),
      (error: unknown) => {
        client.close();
        body.destroy(ftpError(error, location.host, location.path));
      },
    );
    return {
      notModified: false,
      meta,
      body: capSize(body, limits.maxBytes, limits.idleTimeoutMs, location.host),
    };
  } catch (error) {
    client.close();
    throw ftpError(error, location.host, location.path);
  } finally {
    ctx.signal.removeEventListener('abort', abort);
  }
}
