import { ContactSyncError } from '../errors.ts';
import type { ByteSource, Hasher } from '../ports.ts';
import type { Encoding } from '../model/profile-constants.ts';
import { sniffEncoding, Utf8Validator, type ConcreteEncoding } from '../csv/decode.ts';

export interface ScanResult {
  readonly fingerprint: string;
  readonly bytes: number;
  readonly encoding: ConcreteEncoding;
  /** True when "auto" found invalid UTF-8 and fell back to Windows-1252. */
  readonly fellBack: boolean;
}

const HEAD_BYTES = 1024;

/**
 * The first pass over the bytes: SHA-256 fingerprint, a refusal of binary files, and the
 * encoding (an "auto" file that is not valid UTF-8 is read as Windows-1252).
 */
export async function scanSource(
  source: ByteSource,
  requested: Encoding,
  hasher: Hasher,
  signal: AbortSignal | undefined,
  onBytes: (bytes: number) => void,
): Promise<ScanResult> {
  const hash = hasher.create();
  // Chunks held back until the first HEAD_BYTES decide the encoding.
  let held: Uint8Array[] | null = [];
  let encoding: ConcreteEncoding = 'utf-8';
  let validator: Utf8Validator | null = null;
  let bytes = 0;
  const decide = (chunks: Uint8Array[]): void => {
    encoding = sniffEncoding(joinHead(chunks), requested);
    if (encoding === 'utf-8' && requested === 'auto') {
      validator = new Utf8Validator();
      for (const c of chunks) validator.push(c);
    }
  };
  for await (const chunk of source.open(signal)) {
    signal?.throwIfAborted();
    hash.update(chunk);
    bytes += chunk.length;
    onBytes(bytes);
    if (held === null) {
      (validator as Utf8Validator | null)?.push(chunk);
      continue;
    }
    held.push(chunk);
    if (bytes >= HEAD_BYTES) {
      decide(held);
      held = null;
    }
  }
  if (bytes === 0)
    throw new ContactSyncError('empty-file', 'The file is empty; nothing was changed.');
  if (held !== null) decide(held);
  const fellBack = validator !== null && !(validator as Utf8Validator).end();
  return {
    fingerprint: await hash.digestHex(),
    bytes,
    encoding: fellBack ? 'windows-1252' : encoding,
    fellBack,
  };
}

function joinHead(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(
    Math.min(
      HEAD_BYTES,
      chunks.reduce((n, c) => n + c.length, 0),
    ),
  );
  let at = 0;
  for (const c of chunks) {
    if (at >= out.length) break;
    const part = c.subarray(0, out.length - at);
    out.set(part, at);
    at += part.length;
  }
  return out;
}
