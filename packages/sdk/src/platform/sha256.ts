import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { Hasher } from '@contactsync/core';

/** Incremental SHA-256: WebCrypto has no streaming digest, and files can be large. */
export const sha256Hasher: Hasher = {
  create() {
    const state = sha256.create();
    return {
      update: (bytes) => void state.update(bytes),
      digestHex: () => bytesToHex(state.digest()),
    };
  },
};

const encoder = new TextEncoder();

/** Contact passwords are stored as a digest salted with the contact's id, never as text. */
export function digestPassword(contactId: string, plain: string): string {
  return `sha256:${bytesToHex(sha256(encoder.encode(`${contactId}\u0000${plain}`)))}`;
}
