import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import { ProxyError } from './errors.ts';
import type { Protocol } from './url-rules.ts';

export interface Credential {
  readonly username: string;
  readonly password: string;
}

/** The secrets that open tokens: the current one seals; earlier ones still open (rotation). */
export interface SealKeys {
  readonly secret: string;
  readonly previousSecrets: readonly string[];
  /** Tokens older than this are refused; null keeps them valid until the secret is retired. */
  readonly maxAgeMs: number | null;
  readonly now: () => number;
}

function keyFrom(secret: string): Buffer {
  if (secret.length < 32) throw new Error('The proxy secret must be at least 32 characters.');
  return Buffer.from(hkdfSync('sha256', secret, 'contactsync-proxy', 'credential-seal-v1', 32));
}

/** A short public id of a secret, so a token names the key that sealed it. */
export const keyIdOf = (secret: string) =>
  createHash('sha256').update(`contactsync-key-id\0${secret}`).digest('base64url').slice(0, 8);

/** What a sealed credential is bound to: it opens only for the same protocol, host and port. */
export function bindingOf(protocol: Protocol, host: string, port: number): string {
  return `${protocol}://${host.toLowerCase()}:${port}`;
}

/**
 * Seals a login with AES-256-GCM under a key derived from the proxy secret:
 * `v2.<key id>.<issued at>.<iv|tag|ciphertext>`. The binding, key id and issue time are
 * authenticated, so a token cannot be replayed against another server or made younger.
 */
export function sealCredential(keys: SealKeys, binding: string, credential: Credential): string {
  const kid = keyIdOf(keys.secret);
  const issued = Math.floor(keys.now()).toString(36);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFrom(keys.secret), iv);
  cipher.setAAD(Buffer.from(`${binding}\0${kid}\0${issued}`));
  const body = Buffer.concat([
    cipher.update(JSON.stringify([credential.username, credential.password]), 'utf8'),
    cipher.final(),
  ]);
  return `v2.${kid}.${issued}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
}

const foreign = () =>
  new ProxyError(
    'forbidden',
    'The credential token does not belong to this server (or the proxy secret changed). Enter the login again.',
  );

function decrypt(secret: string, aad: string, data: string): Credential {
  const raw = Buffer.from(data, 'base64url');
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyFrom(secret), raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(aad));
    decipher.setAuthTag(raw.subarray(12, 28));
    const plain = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString(
      'utf8',
    );
    const [username, password] = JSON.parse(plain) as [string, string];
    return { username, password };
  } catch {
    throw foreign();
  }
}

export function openCredential(keys: SealKeys, binding: string, token: string): Credential {
  const parts = typeof token === 'string' ? token.split('.') : [];
  // v1 tokens (no key id, no issue time) open with the current secret until it is rotated.
  if (parts[0] === 'v1' && parts.length === 2 && parts[1]) {
    return decrypt(keys.secret, binding, parts[1]);
  }
  const [version, kid, issued, data] = parts;
  if (version !== 'v2' || parts.length !== 4 || !kid || !issued || !data)
    throw new ProxyError('invalid-request', 'The credential token is malformed.');
  const secret = [keys.secret, ...keys.previousSecrets].find((s) => keyIdOf(s) === kid);
  if (!secret) throw foreign();
  const credential = decrypt(secret, `${binding}\0${kid}\0${issued}`, data);
  const age = keys.now() - parseInt(issued, 36);
  if (keys.maxAgeMs !== null && age > keys.maxAgeMs)
    throw new ProxyError(
      'forbidden',
      'The saved login has expired. Enter the password again to renew it.',
      { expired: true },
    );
  return credential;
}
