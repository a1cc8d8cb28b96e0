/**
 * A fast 53-bit hash of a record's raw cells. Equal hashes for the same key mean the row is as
 * it was at the last import, so it needs no validation or comparison. Not cryptographic.
 */
export function rowHash(fields: readonly string[]): number {
  let a = 0x9e3779b9 ^ fields.length;
  let b = 0x85ebca6b ^ fields.length;
  for (const field of fields) {
    for (let i = 0; i < field.length; i++) {
      const c = field.charCodeAt(i);
      a = Math.imul(a ^ c, 0x9e3779b1);
      b = Math.imul(b ^ c, 0x5bd1e995);
    }
    // A separator, so ["ab", "c"] and ["a", "bc"] differ.
    a = Math.imul(a ^ 0x1f, 0x9e3779b1);
    b = Math.imul(b ^ 0x1f, 0x5bd1e995);
  }
  a = Math.imul(a ^ (a >>> 16), 0x85ebca6b) ^ Math.imul(b ^ (b >>> 13), 0xc2b2ae35);
  b = Math.imul(b ^ (b >>> 16), 0x85ebca6b) ^ Math.imul(a ^ (a >>> 13), 0xc2b2ae35);
  return (b & 0x1fffff) * 0x100000000 + (a >>> 0);
}
