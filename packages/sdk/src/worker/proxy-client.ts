import { ContactSyncError, type RemoteSource, type RunProgress } from '@contactsync/core';

export interface ProxyConfig {
  /** Absolute base URL of the proxy's API, e.g. "https://portal.example/v1". */
  readonly url: string;
  /** Sent with every proxy request, e.g. an Authorization header the host's proxy expects. */
  readonly headers: Record<string, string>;
}

export type RemoteMeta = Record<string, unknown>;

/** The SFTP server's host key the proxy reported, if any. */
export const hostKeyOf = (meta: RemoteMeta): string | null =>
  typeof meta.hostKey === 'string' ? meta.hostKey : null;

export type RemoteFile =
  | { readonly notModified: true; readonly meta: RemoteMeta }
  | { readonly notModified: false; readonly meta: RemoteMeta; readonly blob: Blob };

function requireProxy(proxy: ProxyConfig | null): ProxyConfig {
  if (!proxy) {
    throw new ContactSyncError(
      'invalid-argument',
      'Remote files are fetched through the ContactSync proxy: pass `proxyUrl` to createContactSync.',
    );
  }
  return proxy;
}

async function post(
  proxy: ProxyConfig,
  path: string,
  body: unknown,
  signal?: AbortSignal,
): Promise<Response> {
  try {
    return await fetch(`${proxy.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...proxy.headers },
      body: JSON.stringify(body),
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ContactSyncError(
      'source-failed',
      'The ContactSync proxy could not be reached. Check the connection and try again.',
      { reason: 'proxy-unreachable' },
    );
  }
}

/** The proxy's error answer, as a ContactSyncError whose message a person can act on. */
async function failure(res: Response): Promise<ContactSyncError> {
  const body = (await res.json().catch(() => null)) as {
    error?: { code?: string; message?: string };
  } | null;
  const message = body?.error?.message ?? `The proxy answered HTTP ${res.status}.`;
  return new ContactSyncError('source-failed', message, {
    proxyCode: body?.error?.code ?? 'unknown',
    status: res.status,
  });
}

/** Seals a login for one server; the password goes to the proxy once and is never stored. */
export async function sealCredential(
  proxy: ProxyConfig | null,
  input: { url: string; username: string; password: string; implicitTls?: boolean },
): Promise<string> {
  const res = await post(requireProxy(proxy), '/credentials', input);
  if (!res.ok) throw await failure(res);
  return ((await res.json()) as { token: string }).token;
}

/**
 * Downloads a remote file through the proxy, or learns that it has not changed since `since`.
 * The whole file is collected (the run reads it twice); a cut connection or a short body is an
 * error, never a partial import.
 */
export async function fetchRemote(
  proxy: ProxyConfig | null,
  source: RemoteSource,
  since: RemoteMeta | null,
  signal: AbortSignal,
  onProgress: (progress: RunProgress) => void,
): Promise<RemoteFile> {
  const res = await post(
    requireProxy(proxy),
    '/fetch',
    {
      url: source.url,
      credential: source.credential,
      hostKey: source.hostKey,
      implicitTls: source.implicitTls,
      since,
    },
    signal,
  );
  if (!res.ok) throw await failure(res);
  const meta = JSON.parse(res.headers.get('x-contactsync-meta') ?? '{}') as RemoteMeta;
  if (res.headers.get('x-contactsync-status') === 'not-modified')
    return { notModified: true, meta };
  const expected = typeof meta.size === 'number' ? meta.size : null;
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  try {
    const reader = res.body!.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      bytes += value.length;
      onProgress({ stage: 'downloading', bytesRead: bytes, totalBytes: expected, rows: 0 });
    }
  } catch (error) {
    if (signal.aborted) throw error;
    throw new ContactSyncError(
      'source-failed',
      'The download stopped before the whole file arrived (the server or the proxy ended it). Nothing was changed.',
      { reason: 'cut-off' },
    );
  }
  if (expected !== null && bytes !== expected) {
    throw new ContactSyncError(
      'source-failed',
      `The download ended after ${bytes} of ${expected} bytes. Nothing was changed.`,
      { reason: 'cut-off', received: bytes, expected },
    );
  }
  return { notModified: false, meta, blob: new Blob(chunks as BlobPart[]) };
}
