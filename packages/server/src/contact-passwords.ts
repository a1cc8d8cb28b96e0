import { createHash, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Contact passwords reach the backend only as the browser's digest (docs/replication.md):
 * `sha256:` + hex of SHA-256(contactId + NUL + password). A backend that lets contacts sign in
 * keeps a slow, salted hash of that digest, never the digest itself, and at sign-in recomputes
 * the digest from what was typed. scrypt is Node's own; argon2 or bcrypt would do as well.
 */
const PARAMS = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;
const KEY_LENGTH = 32;

function derive(secret: string, salt: Buffer, params: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(secret, salt, KEY_LENGTH, params, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/** The digest the browser stores for a contact's password (for sign-in and for tests). */
export function contactPasswordDigest(contactId: string, password: string): string {
  return `sha256:${createHash('sha256').update(`${contactId}\u0000${password}`).digest('hex')}`;
}

/** A slow hash of a received digest, to store: `scrypt$N$r$p$salt$key` (base64url). */
export async function hashContactPassword(digest: string): Promise<string> {
  if (!/^sha256:[0-9a-f]{64}$/.test(digest))
    throw new Error('A contact password arrives as the browser digest "sha256:<64 hex>".');
  const salt = randomBytes(16);
  const key = await derive(digest, salt, PARAMS);
  return [
    'scrypt',
    PARAMS.N,
    PARAMS.r,
    PARAMS.p,
    salt.toString('base64url'),
    key.toString('base64url'),
  ].join('$');
}

/** Whether `password`, typed at sign-in for `contactId`, matches the stored hash. */
export async function verifyContactPassword(
  stored: string,
  contactId: string,
  password: string,
): Promise<boolean> {
  const [kind, n, r, p, salt, key] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await derive(
    contactPasswordDigest(contactId, password),
    Buffer.from(salt, 'base64url'),
    {
      N: Number(n),
      r: Number(r),
      p: Number(p),
      maxmem: PARAMS.maxmem,
    },
  );
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
