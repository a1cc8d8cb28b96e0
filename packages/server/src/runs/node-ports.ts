import { createHash, randomInt, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { ByteSource, Hasher } from '@contactsync/core';

/** SHA-256 for the core's fingerprints, from Node's crypto. */
export const nodeHasher: Hasher = {
  create() {
    const hash = createHash('sha256');
    return {
      update: (bytes) => void hash.update(bytes),
      digestHex: async () => hash.digest('hex'),
    };
  },
};

export const nodeRandom = { int: (max: number) => randomInt(max) };
export const newId = () => randomUUID();

/** A downloaded file, re-readable from its first byte as the core's runs need. */
export function fileSource(path: string, name: string, size: number): ByteSource {
  return {
    name,
    size,
    open: (signal) => createReadStream(path, { signal }) as AsyncIterable<Uint8Array>,
  };
}
