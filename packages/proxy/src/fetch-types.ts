import type { Readable } from 'node:stream';
import type { AddressPolicy } from './address-guard.ts';
import type { Credential } from './credentials.ts';
import type { FetchLimits } from './limits.ts';
import type { RemoteLocation } from './url-rules.ts';

/** What the browser last saw of the file; a match means "not modified". */
export interface SinceMeta {
  readonly etag?: string | null;
  readonly lastModified?: string | null;
  readonly size?: number | null;
  readonly mtime?: string | null;
}

/** What the proxy reports about a file, as the protocol gives it. */
export interface FileMeta {
  readonly etag: string | null;
  readonly lastModified: string | null;
  readonly size: number | null;
  readonly mtime: string | null;
  /** SFTP: the server's host key, "SHA256:<base64>", to pin in the profile. */
  readonly hostKey: string | null;
}

export type FetchOutcome =
  | { readonly notModified: true; readonly meta: FileMeta }
  | { readonly notModified: false; readonly meta: FileMeta; readonly body: Readable };

export interface FetchContext {
  readonly location: RemoteLocation;
  readonly credential: Credential | null;
  readonly since: SinceMeta | null;
  /** SFTP: the pinned host key; a different key fails closed. */
  readonly hostKey: string | null;
  readonly policy: AddressPolicy;
  /** The host allow-list, checked again at every redirect; null allows any public host. */
  readonly allowedHosts: readonly string[] | null;
  readonly limits: FetchLimits;
  /** Extra trusted CA certificates (PEM) for HTTPS and FTPS. */
  readonly ca: readonly string[] | undefined;
  readonly signal: AbortSignal;
}

export const emptyMeta: FileMeta = {
  etag: null,
  lastModified: null,
  size: null,
  mtime: null,
  hostKey: null,
};
