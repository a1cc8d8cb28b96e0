import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { bindingOf, sealCredential } from './credentials.ts';
import { ProxyError } from './errors.ts';
import type { FetchOutcome } from './fetch-types.ts';
import { fetcherFor } from './remote-fetcher.ts';
import { resolveOptions, type ProxyOptions, type ResolvedOptions } from './options.ts';
import { readJson } from './read-json.ts';
import { assertHostAllowed } from './host-rules.ts';
import { parseSince } from './since.ts';
import { createMailer } from './mailer.ts';
import { parseReport } from './notify.ts';
import { parseLocation, type RemoteLocation } from './url-rules.ts';

export const META_HEADER = 'x-contactsync-meta';
export const STATUS_HEADER = 'x-contactsync-status';

function str(body: Record<string, unknown>, key: string, required = true): string | null {
  const value = body[key];
  if (value === undefined || value === null) {
    if (required) throw new ProxyError('invalid-request', `"${key}" is required.`);
    return null;
  }
  if (typeof value !== 'string')
    throw new ProxyError('invalid-request', `"${key}" must be a string.`);
  return value;
}

function corsHeaders(
  request: IncomingMessage,
  options: ResolvedOptions,
): Record<string, string> | null {
  const origin = request.headers.origin;
  if (!origin) return {};
  if (!options.allowedOrigins.includes('*') && !options.allowedOrigins.includes(origin))
    return null;
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-methods': 'POST, OPTIONS',
    'access-control-allow-headers': 'content-type, authorization',
    'access-control-expose-headers': `${META_HEADER}, ${STATUS_HEADER}`,
    'access-control-max-age': '600',
    vary: 'origin',
  };
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(JSON.stringify(body));
}

function locate(body: Record<string, unknown>, options: ResolvedOptions): RemoteLocation {
  const location = parseLocation(str(body, 'url')!, body.implicitTls === true);
  assertHostAllowed(location.host, options.allowedHosts);
  return location;
}

/**
 * The proxy as a `node:http` request handler: `POST /v1/credentials` seals a login,
 * `POST /v1/fetch` streams a remote file. Mount it in any Node server; requests for other
 * paths go to `next` (or get a 404).
 */
export function createProxyHandler(options: ProxyOptions) {
  const config = resolveOptions(options);
  const active = new Map<string, number>();
  const sendMail = createMailer(config.smtp);
  const fetchRemoteFile = fetcherFor(config);

  async function fetchRoute(
    request: IncomingMessage,
    res: ServerResponse,
    caller: string,
    cors: Record<string, string>,
    log: Record<string, unknown>,
  ) {
    const body = await readJson(request);
    const location = locate(body, config);
    Object.assign(log, { protocol: location.protocol, host: location.host });
    const since = parseSince(body.since);
    const running = active.get(caller) ?? 0;
    if (running >= config.maxConcurrentPerCaller) {
      throw new ProxyError(
        'too-many-requests',
        `At most ${config.maxConcurrentPerCaller} fetches may run at once; wait for one to finish.`,
      );
    }
    active.set(caller, running + 1);
    const signal = AbortSignal.timeout(config.limits.totalTimeoutMs);
    try {
      const outcome: FetchOutcome = await fetchRemoteFile({
        url: str(body, 'url')!,
        implicitTls: body.implicitTls === true,
        credential: str(body, 'credential', false),
        hostKey: str(body, 'hostKey', false),
        since,
        signal,
      });
      const meta = JSON.stringify(outcome.meta);
      if (outcome.notModified) {
        log.status = 'not-modified';
        sendJson(
          res,
          200,
          { notModified: true, meta: outcome.meta },
          { ...cors, [STATUS_HEADER]: 'not-modified', [META_HEADER]: meta },
        );
        return;
      }
      res.writeHead(200, {
        ...cors,
        'content-type': 'application/octet-stream',
        'cache-control': 'no-store',
        [STATUS_HEADER]: 'ok',
        [META_HEADER]: meta,
      });
      let bytes = 0;
      outcome.body.on('data', (chunk: Buffer) => (bytes += chunk.length));
      // The total time limit covers the transfer too, whatever the protocol.
      const overtime = () =>
        outcome.body.destroy(
          new ProxyError('timeout', 'The download took longer than the proxy allows.'),
        );
      signal.addEventListener('abort', overtime, { once: true });
      try {
        await pipeline(outcome.body, res);
        signal.removeEventListener('abort', overtime);
        log.bytes = bytes;
      } catch (error) {
        // Headers are gone: cutting the connection is how the browser learns the file is incomplete.
        log.bytes = bytes;
        log.error = error instanceof ProxyError ? error.code : 'upstream-failed';
        res.destroy();
      }
    } finally {
      active.set(caller, (active.get(caller) ?? 1) - 1);
    }
  }

  return async function handle(
    request: IncomingMessage,
    res: ServerResponse,
    next?: () => void,
  ): Promise<void> {
    const path = new URL(request.url ?? '/', 'http://proxy').pathname;
    if (path !== '/v1/fetch' && path !== '/v1/credentials' && path !== '/v1/notify') {
      if (next) next();
      else sendJson(res, 404, { error: { code: 'not-found', message: 'No such endpoint.' } });
      return;
    }
    const started = Date.now();
    const log: Record<string, unknown> = { route: path };
    const cors = corsHeaders(request, config);
    try {
      if (cors === null)
        throw new ProxyError('origin-not-allowed', 'This origin may not use the proxy.');
      if (request.method === 'OPTIONS') {
        res.writeHead(204, cors).end();
        return;
      }
      if (request.method !== 'POST') throw new ProxyError('invalid-request', 'Use POST.');
      const caller = await config.authorize(request);
      if (caller === false)
        throw new ProxyError('unauthorized', 'You are not allowed to use this proxy.');
      if (path === '/v1/credentials') {
        const body = await readJson(request);
        const location = locate(body, config);
        const username = str(body, 'username')!;
        const password = str(body, 'password')!;
        const binding = bindingOf(location.protocol, location.host, location.port);
        Object.assign(log, { protocol: location.protocol, host: location.host });
        sendJson(
          res,
          200,
          { token: sealCredential(config.keys, binding, { username, password }), binding },
          cors,
        );
      } else if (path === '/v1/notify') {
        const report = parseReport(await readJson(request));
        await sendMail(report, caller);
        sendJson(res, 200, { sent: true }, cors);
      } else {
        await fetchRoute(request, res, caller, cors, log);
      }
      log.status ??= res.statusCode;
    } catch (error) {
      const failure =
        error instanceof ProxyError
          ? error
          : new ProxyError('internal', 'The proxy failed unexpectedly.');
      log.status = failure.status;
      log.error = failure.code;
      if (!res.headersSent) sendJson(res, failure.status, { error: failure.toJSON() }, cors ?? {});
      else res.destroy();
    } finally {
      log.ms = Date.now() - started;
      config.log(log);
    }
  };
}
