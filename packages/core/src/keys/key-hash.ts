import type { Random } from '../ports.ts';

/**
 * A 32-bit hash of a key, seeded so that a file cannot be written to collide in every table:
 * FNV-1a over the UTF-16 code units, then MurmurHash3's finaliser, whose low bits (the ones a
 * table of 2^k slots uses) depend on every bit of the key.
 */
export function keyHash(key: string, seed: number): number {
  let h = (seed ^ 0x811c9dc5) | 0;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** A seed for `keyHash`, drawn afresh for each table so that no file can aim at it. */
export const hashSeed = (random: Random): number => random.int(2 ** 31);
