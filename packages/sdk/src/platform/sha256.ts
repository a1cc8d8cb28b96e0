import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { Hasher, HashState } from '@contactsync/core';

/** Files up to this size are hashed natively in one go; larger ones stream through JS. */
const NATIVE_LIMIT = 256 * 1024 * 1024;

/**
 * SHA-256 for file fingerprints. WebCrypto is native and many times faster than JS, but has
 * no streaming digest: the bytes are gathered until the end (up to NATIVE_LIMIT bytes, outside
 * the JS heap), past which hashing switches to an incremental JS implementation. Given the
 * size, they are gathered into one buffer as they come, while the next are read, instead of
 * joined at the end (a copy of the whole file: about 60 ms at 100 MB).
 */
export const sha256Hasher: Hasher = {
  create(expected?: number | null): HashState {
    let gathered: Uint8Array<ArrayBuffer> | null =
      expected && expected <= NATIVE_LIMIT ? new Uint8Array(expected) : null;
    let chunks: Uint8Array[] = [];
    let size = 0;
    let incremental: ReturnType<typeof sha256.create> | null = null;
    return {
      update(bytes) {
        if (incremental) {
          incremental.update(bytes);
          return;
        }
        if (gathered && size + bytes.length <= gathered.length) gathered.set(bytes, size);
        else {
          // More than the size said (or no size): gather by chunks.
          if (gathered) chunks = [gathered.subarray(0, size)];
          gathered = null;
          chunks.push(bytes);
        }
        size += bytes.length;
        if (size > NATIVE_LIMIT) {
          incremental = sha256.create();
          for (const c of gathered ? [gathered.subarray(0, size)] : chunks) incremental.update(c);
          gathered = null;
          chunks = [];
        }
      },
      async digestHex() {
        if (incremental) return bytesToHex(incremental.digest());
        let all: Uint8Array<ArrayBuffer> | undefined = gathered?.subarray(0, size);
        if (!all) {
          all = new Uint8Array(size);
          let at = 0;
          for (const c of chunks) {
            all.set(c, at);
            at += c.length;
          }
        }
        gathered = null;
        chunks = [];
        // jsdom has no WebCrypto digest (memory mode in a host's tests): the JS one then.
        if (!globalThis.crypto?.subtle) return bytesToHex(sha256(all));
        return bytesToHex(new Uint8Array(await crypto.subtle.digest('SHA-256', all)));
      },
    };
  },
};

const encoder = new TextEncoder();

/** Contact passwords are stored as a digest salted with the contact's id, never as text. */
export function digestPassword(contactId: string, plain: string): string {
  return `sha256:${bytesToHex(sha256(encoder.encode(`${contactId}\u0000${plain}`)))}`;
}
