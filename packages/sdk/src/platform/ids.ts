import type { Clock, Random } from '@contactsync/core';

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';
const ID_LENGTH = 16;

// Random bytes are drawn in blocks: an import makes an id per contact.
const pool = new Uint8Array(4096);
let poolAt = pool.length;
const codes = new Array<number>(ID_LENGTH);

/** A random id of 16 base-36 characters (about 80 bits; bytes ≥ 252 are redrawn for uniformity). */
export function randomId(): string {
  let n = 0;
  while (n < ID_LENGTH) {
    if (poolAt >= pool.length) {
      crypto.getRandomValues(pool);
      poolAt = 0;
    }
    const b = pool[poolAt++]!;
    if (b < 252) codes[n++] = ALPHABET.charCodeAt(b % 36);
  }
  // One flat string: built by `+=`, an id was a chain of five heap objects (about 170 bytes,
  // against 40), and a book keeps an id per contact in memory.
  return String.fromCharCode(...codes);
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
