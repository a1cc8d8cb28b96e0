import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { ProxyError } from './errors.ts';
import type { Protocol } from './url-rules.ts';

export interface Credential {
  readonly username: string;
  readonly password: string;
}

const VERSION = 'v1';

function keyFrom(secret: string): Buffer {
  if (secret.length < 32) throw new Error('The proxy secret must be at least 32 characters.');
  return Buffer.from(hkdfSync('sha256', secret, 'contactsync-proxy', 'credential-seal-v1', 32));
}

/** What a sealed credential is bound to: it opens only for the same protocol, host and port. */
export function bindingOf(protocol: Protocol, host: string, port: number): string {
  return `${protocol}://${host.toLowerCase()}:${port}`;
}

/**
 * Seals a login with AES-256-GCM under a key derived from the proxy secret. The token is
 * opaque to the browser, and the binding is authenticated, so a token cannot be replayed
 * against another server.
 */
export function sealCredential(secret: string, binding: string, credential: Credential): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFrom(secret), iv);
  cipher.setAAD(Buffer.from(binding));
  const body = Buffer.concat([
    cipher.update(JSON.stringify([credential.username, credential.password]), 'utf8'),
    cipher.final(),
  ]);
  return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
}

export function openCredential(secret: string, binding: string, token: string): Credential {
  const [version, data] = typeof token === 'string' ? token.split('.') : [];
  if (version !== VERSION || !data)
    throw new ProxyError('invalid-request', 'The credential token is malformed.');
  const raw = Buffer.from(data, 'base64url');
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyFrom(secret), raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(binding));
    decipher.setAuthTag(raw.subarray(12, 28));
    const plain = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString(
      'utf8',
    );
    const [username, password] = JSON.parse(plain) as [string, string];
    return { username, password };
  } catch {
    throw new ProxyError(
      'forbidden',
      'The credential token does not belong to this server (or the proxy secret changed). Enter the login again.',
    );
  }
}
