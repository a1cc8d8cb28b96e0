import { ProxyError } from './errors.ts';

export const PROTOCOLS = ['http', 'https', 'ftp', 'ftps', 'ftps-implicit', 'sftp'] as const;
export type Protocol = (typeof PROTOCOLS)[number];

export interface RemoteLocation {
  readonly protocol: Protocol;
  readonly host: string;
  readonly port: number;
  /** Decoded path, always starting with "/". */
  readonly path: string;
  /** The URL as given, for http(s). */
  readonly url: URL;
}

const DEFAULT_PORTS: Record<Protocol, number> = {
  http: 80,
  https: 443,
  ftp: 21,
  ftps: 21,
  'ftps-implicit': 990,
  sftp: 22,
};

/**
 * Checks a file location the way the seeds demand: "/" only (a backslash is an error), no
 * ".." segments, no control characters, no credentials in the URL (they travel sealed).
 * `ftps://` is explicit TLS on port 21 unless the port is 990 or `implicit` is set.
 */
export function parseLocation(raw: string, implicitTls = false): RemoteLocation {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 2048) {
    throw new ProxyError('invalid-url', 'Give the file location as a URL.');
  }
  if (raw.includes('\\')) {
    throw new ProxyError(
      'invalid-url',
      'Use "/" in file locations; a backslash ("\\") is not allowed.',
    );
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(raw)) {
    throw new ProxyError('invalid-url', 'The file location contains control characters.');
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    // Messages reach history and emails: never repeat a login someone typed into the URL.
    throw new ProxyError('invalid-url', `"${withoutLogin(raw).slice(0, 200)}" is not a valid URL.`);
  }
  const scheme = url.protocol.slice(0, -1);
  if (!['http', 'https', 'ftp', 'ftps', 'sftp'].includes(scheme)) {
    throw new ProxyError(
      'invalid-url',
      `The protocol "${scheme}" is not supported; use http, https, ftp, ftps or sftp.`,
    );
  }
  if (url.username || url.password) {
    throw new ProxyError(
      'invalid-url',
      'Do not put a login in the URL; send it as a sealed credential.',
    );
  }
  const rawPath = raw.replace(/^[a-z]+:\/\/[^/?#]*/i, '').split(/[?#]/)[0] ?? '';
  const segments = rawPath.split('/').map((s) => {
    try {
      return decodeURIComponent(s);
    } catch {
      throw new ProxyError('invalid-url', 'The file location has a broken %-escape.');
    }
  });
  if (segments.some((s) => s === '..' || s === '.' || s.includes('\\') || s.includes('/'))) {
    throw new ProxyError('invalid-url', 'The file location may not contain "." or ".." segments.');
  }
  // %0D%0A would become a second FTP command; refused before any connection is made.
  // eslint-disable-next-line no-control-regex
  if (segments.some((s) => /[\u0000-\u001f\u007f]/.test(s))) {
    throw new ProxyError('invalid-url', 'The file location contains control characters.');
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!host) throw new ProxyError('invalid-url', 'The URL has no host.');
  const port = url.port ? Number(url.port) : 0;
  const protocol: Protocol =
    scheme === 'ftps' && (implicitTls || port === 990) ? 'ftps-implicit' : (scheme as Protocol);
  const path = segments.join('/') || '/';
  if (protocol !== 'http' && protocol !== 'https' && (path === '/' || path.endsWith('/'))) {
    throw new ProxyError('invalid-url', 'The location must name a file: folder/filename.csv.');
  }
  return { protocol, host, port: port || DEFAULT_PORTS[protocol], path, url };
}

/** The URL text with anything between "//" and "@" of its authority removed. */
export function withoutLogin(raw: string): string {
  return raw.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#]*@/i, '$1');
}
