import type { Clock, Random } from '@contactsync/core';

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** A random id of 16 base-36 characters (about 82 bits). */
export function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let id = '';
  for (const b of bytes) id += ALPHABET[b % 36];
  return id;
}

export const cryptoRandom: Random = {
  int(maxExclusive) {
    // Rejection sampling keeps the distribution uniform.
    const limit = Math.floor(0x100000000 / maxExclusive) * maxExclusive;
    const buf = new Uint32Array(1);
    for (;;) {
      crypto.getRandomValues(buf);
      if (buf[0]! < limit) return buf[0]! % maxExclusive;
    }
  },
};

export const systemClock: Clock = { now: () => Date.now() };
