import { ProxyError } from './errors.ts';
import type { SinceMeta } from './fetch-types.ts';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

function text(value: unknown, name: string): string | null {
  if (value === undefined || value === null) return null;
  // These go into request headers (If-None-Match, If-Modified-Since): no line breaks, ever.
  if (typeof value !== 'string' || value.length > 1024 || CONTROL.test(value))
    throw new ProxyError('invalid-request', `"since.${name}" must be a short single-line string.`);
  return value;
}

/** What the browser last saw of the file, checked before any of it reaches a server. */
export function parseSince(value: unknown): SinceMeta | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'object' || Array.isArray(value))
    throw new ProxyError('invalid-request', '"since" must be an object.');
  const v = value as Record<string, unknown>;
  const size = v.size;
  if (size !== undefined && size !== null && (typeof size !== 'number' || !(size >= 0)))
    throw new ProxyError('invalid-request', '"since.size" must be a number.');
  return {
    etag: text(v.etag, 'etag'),
    lastModified: text(v.lastModified, 'lastModified'),
    mtime: text(v.mtime, 'mtime'),
    size: typeof size === 'number' ? size : null,
  };
}
