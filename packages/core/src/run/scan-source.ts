import { ContactSyncError } from '../errors.ts';
import type { ByteSource, Hasher } from '../ports.ts';
import type { Encoding } from '../model/profile-constants.ts';
import { sniffEncoding, type ConcreteEncoding } from '../csv/decode.ts';

export interface ScanResult {
  readonly fingerprint: string;
  readonly bytes: number;
  readonly encoding: ConcreteEncoding;
  /**
   * True when the encoding is only presumed UTF-8 ("auto" without a BOM): the parse pass then
   * decodes strictly and falls back to Windows-1252 if the bytes say otherwise.
   */
  readonly presumedUtf8: boolean;
}

const HEAD_BYTES = 1024;

/**
 * The first pass over the bytes: the SHA-256 fingerprint, a refusal of binary files, and the
 * encoding from the first bytes. Nothing else, so an unchanged file costs about one hash.
 */
export async function scanSource(
  source: ByteSource,
  requested: Encoding,
  hasher: Hasher,
  signal: AbortSignal | undefined,
  onBytes: (bytes: number) => void,
): Promise<ScanResult> {
  const hash = hasher.create(source.size);
  const head = new Uint8Array(HEAD_BYTES);
  let headLength = 0;
  let bytes = 0;
  for await (const chunk of source.open(signal)) {
    signal?.throwIfAborted();
    hash.update(chunk);
    if (headLength < HEAD_BYTES) {
      const part = chunk.subarray(0, HEAD_BYTES - headLength);
      head.set(part, headLength);
      headLength += part.length;
    }
    bytes += chunk.length;
    onBytes(bytes);
  }
  if (bytes === 0)
    throw new ContactSyncError('empty-file', 'The file is empty; nothing was changed.');
  const sample = head.subarray(0, headLength);
  const encoding = sniffEncoding(sample, requested);
  const bom = sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf;
  return {
    fingerprint: await hash.digestHex(),
    bytes,
    encoding,
    presumedUtf8: encoding === 'utf-8' && requested === 'auto' && !bom,
  };
}
