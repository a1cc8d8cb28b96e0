import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { rootCertificates } from 'node:tls';
import { isIP } from 'node:net';
import { resolveAllowed } from './address-guard.ts';
import { ProxyError } from './errors.ts';
import { assertHostAllowed } from './host-rules.ts';
import type { Credential } from './credentials.ts';
import { emptyMeta, type FetchContext, type FetchOutcome, type FileMeta } from './fetch-types.ts';
import { capSize, networkError } from './stream-limits.ts';
import { parseLocation } from './url-rules.ts';

const MAX_REDIRECTS = 3;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

function header(res: IncomingMessage, name: string): string | null {
  const value = res.headers[name];
  return typeof value === 'string' ? value : null;
}

function metaOf(res: IncomingMessage): FileMeta {
  const length = header(res, 'content-length');
  return {
    ...emptyMeta,
    etag: header(res, 'etag'),
    lastModified: header(res, 'last-modified'),
    size: length === null ? null : Number(length),
  };
}

function send(
  url: URL,
  address: string,
  credential: Credential | null,
  ctx: FetchContext,
): Promise<IncomingMessage> {
  const headers: Record<string, string> = {
    'user-agent': 'contactsync-proxy',
    accept: 'text/csv, text/plain, */*',
  };
  if (ctx.since?.etag) headers['if-none-match'] = ctx.since.etag;
  if (ctx.since?.lastModified) headers['if-modified-since'] = ctx.since.lastModified;
  if (credential)
    headers.authorization = `Basic ${Buffer.from(`${credential.username}:${credential.password}`).toString('base64')}`;
  const family = isIP(address);
  return new Promise((resolve, reject) => {
    const options = {
      method: 'GET',
      hostname: url.hostname.replace(/^\[|\]$/g, ''),
      port: url.port || (url.protocol === 'https:' ? 443 : 80),
      path: `${url.pathname}${url.search}`,
      headers,
      signal: ctx.signal,
      // Connect to the address that was checked, never to a fresh DNS answer.
      lookup: (
        _host: string,
        opts: { all?: boolean },
        done: (
          e: Error | null,
          a: string | { address: string; family: number }[],
          f?: number,
        ) => void,
      ) => (opts.all ? done(null, [{ address, family }]) : done(null, address, family)),
      ...(ctx.ca ? { ca: [...rootCertificates, ...ctx.ca] } : {}),
    };
    const req = url.protocol === 'https:' ? httpsRequest(options) : httpRequest(options);
    const connectTimer = setTimeout(
      () => req.destroy(new ProxyError('timeout', `${url.host} did not answer in time.`)),
      ctx.limits.connectTimeoutMs,
    );
    req.on('response', (res) => {
      clearTimeout(connectTimer);
      // The body's idle time is watched by capSize, which does not count a slow reader's time.
      res.socket.setTimeout(0);
      resolve(res);
    });
    req.on('error', (error) => {
      clearTimeout(connectTimer);
      reject(networkError(error, url.host));
    });
    req.end();
  });
}

/** GET with conditional headers, checked redirects, and the size cap. */
export async function fetchHttp(ctx: FetchContext): Promise<FetchOutcome> {
  let url = ctx.location.url;
  let credential = ctx.credential;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const address = await resolveAllowed(url.hostname, ctx.policy);
    const res = await send(url, address, credential, ctx);
    const status = res.statusCode ?? 0;
    if (REDIRECTS.has(status)) {
      res.resume();
      const target = header(res, 'location');
      if (!target)
        throw new ProxyError('upstream-failed', `${url.host} redirected without a location.`);
      const next = new URL(target, url);
      if (next.protocol !== 'http:' && next.protocol !== 'https:') {
        throw new ProxyError('invalid-url', `${url.host} redirected to an unsupported protocol.`);
      }
      parseLocation(next.href);
      // Every hop meets every rule: a redirect must not lead outside the allowed hosts.
      assertHostAllowed(next.hostname, ctx.allowedHosts);
      // A login is for the server it was given for, never for where that server sends us.
      if (next.origin !== url.origin) credential = null;
      url = next;
      continue;
    }
    if (status === 304) {
      res.resume();
      return {
        notModified: true,
        meta: { ...metaOf(res), etag: header(res, 'etag') ?? ctx.since?.etag ?? null },
      };
    }
    if (status === 401 || status === 403) {
      res.resume();
      throw new ProxyError(
        'login-failed',
        `${url.host} refused the login (HTTP ${status}). Check the user name and password.`,
      );
    }
    if (status === 404 || status === 410) {
      res.resume();
      throw new ProxyError('not-found', `There is no file at ${url.pathname} on ${url.host}.`);
    }
    if (status < 200 || status >= 300) {
      res.resume();
      throw new ProxyError('upstream-failed', `${url.host} answered HTTP ${status}.`);
    }
    const meta = metaOf(res);
    if (meta.size !== null && meta.size > ctx.limits.maxBytes) {
      res.destroy();
      throw new ProxyError(
        'too-large',
        `The file is ${meta.size} bytes, more than the proxy's limit of ${ctx.limits.maxBytes}.`,
      );
    }
    return {
      notModified: false,
      meta,
      body: capSize(res, ctx.limits.maxBytes, ctx.limits.idleTimeoutMs, url.host),
    };
  }
  throw new ProxyError(
    'too-many-redirects',
    `More than ${MAX_REDIRECTS} redirects; the proxy stopped following them.`,
  );
}
