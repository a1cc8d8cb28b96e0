import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { Hasher, HashState } from '@contactsync/core';

/** Files up to this size are hashed natively in one go; larger ones stream through JS. */
const NATIVE_LIMIT = 256 * 1024 * 1024;

/**
 * SHA-256 for file fingerprints. WebCrypto is native and many times faster than JS, but has
 * no streaming digest: chunks are kept until the end (up to NATIVE_LIMIT bytes, outside the JS
 * heap), past which hashing switches to an incremental JS implementation.
 */
export const sha256Hasher: Hasher = {
  create(): HashState {
    let chunks: Uint8Array[] | null = [];
    let size = 0;
    let incremental: ReturnType<typeof sha256.create> | null = null;
    return {
      update(bytes) {
        if (incremental) {
          incremental.update(bytes);
          return;
        }
        chunks!.push(bytes);
        size += bytes.length;
        if (size > NATIVE_LIMIT) {
          incremental = sha256.create();
          for (const c of chunks!) incremental.update(c);
          chunks = null;
        }
      },
      async digestHex() {
        if (incremental) return bytesToHex(incremental.digest());
        const all = new Uint8Array(size);
        let at = 0;
        for (const c of chunks!) {
          all.set(c, at);
          at += c.length;
        }
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
