import { bindingOf, openCredential } from './credentials.ts';
import { fetchFtp } from './fetch-ftp.ts';
import { fetchHttp } from './fetch-http.ts';
import { fetchSftp } from './fetch-sftp.ts';
import type { FetchOutcome, SinceMeta } from './fetch-types.ts';
import { assertHostAllowed } from './host-rules.ts';
import { resolveOptions, type ProxyOptions, type ResolvedOptions } from './options.ts';
import { parseLocation } from './url-rules.ts';

/** One remote file to fetch, as a profile describes it. */
export interface RemoteFileRequest {
  /** "https://…", "ftp://…", "sftp://…"; a bare host path is refused. */
  readonly url: string;
  /** FTPS with TLS from the first byte (port 990) instead of AUTH TLS. */
  readonly implicitTls?: boolean;
  /** The login as the proxy sealed it (`POST /v1/credentials`), or null. */
  readonly credential: string | null;
  /** SFTP: the pinned host key; a different key fails closed. */
  readonly hostKey?: string | null;
  /** What was seen of the file last time; a match answers "not modified". */
  readonly since?: SinceMeta | null;
  readonly signal?: AbortSignal;
}

const FETCHERS = {
  http: fetchHttp,
  https: fetchHttp,
  ftp: fetchFtp,
  ftps: fetchFtp,
  'ftps-implicit': fetchFtp,
  sftp: fetchSftp,
} as const;

/** What a fetcher needs of the proxy's options (its secret opens sealed logins). */
export type RemoteFetcherOptions = Pick<
  ProxyOptions,
  | 'secret'
  | 'previousSecrets'
  | 'credentialMaxAgeMs'
  | 'allowPrivate'
  | 'allowedHosts'
  | 'limits'
  | 'ca'
>;

/**
 * The proxy's fetchers as a library, for a server that imports remote files itself: the same
 * address guard (private addresses refused unless allowed), host allow-list at every hop, size
 * and time limits, sealed-login opening and SFTP host-key pinning as `POST /v1/fetch`.
 */
export function createRemoteFetcher(options: RemoteFetcherOptions) {
  return fetcherFor(resolveOptions({ ...options, authorize: () => false }));
}

/** The fetcher over options already resolved (the proxy's handler shares it). */
export function fetcherFor(config: ResolvedOptions) {
  return async function fetchRemoteFile(request: RemoteFileRequest): Promise<FetchOutcome> {
    const location = parseLocation(request.url, request.implicitTls === true);
    assertHostAllowed(location.host, config.allowedHosts);
    const credential = request.credential
      ? openCredential(
          config.keys,
          bindingOf(location.protocol, location.host, location.port),
          request.credential,
        )
      : null;
    const timeout = AbortSignal.timeout(config.limits.totalTimeoutMs);
    return FETCHERS[location.protocol]({
      location,
      credential,
      since: request.since ?? null,
      hostKey: request.hostKey ?? null,
      policy: { allow: config.allowPrivate },
      allowedHosts: config.allowedHosts,
      limits: config.limits,
      ca: config.ca,
      signal: request.signal ? AbortSignal.any([request.signal, timeout]) : timeout,
    });
  };
}
