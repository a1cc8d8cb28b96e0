import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { digestPassword } from '../../sdk/src/platform/sha256.ts';
import { contactPasswordDigest, hashContactPassword, verifyContactPassword } from '../src/index.ts';

describe('contact passwords on the backend', () => {
  it('computes the same digest as the browser, so sign-in can recompute it', () => {
    assert.equal(contactPasswordDigest('c1', 'Pw-9f3Kq'), digestPassword('c1', 'Pw-9f3Kq'));
    assert.notEqual(contactPasswordDigest('c2', 'Pw-9f3Kq'), digestPassword('c1', 'Pw-9f3Kq'));
  });

  it('stores a salted slow hash of the received digest and checks a typed password against it', async () => {
    const received = digestPassword('c1', 'Pw-9f3Kq'); // what a push carries
    const stored = await hashContactPassword(received);
    assert.match(stored, /^scrypt\$32768\$8\$1\$/);
    assert.ok(!stored.includes(received.slice(7)));
    assert.notEqual(stored, await hashContactPassword(received)); // salted
    assert.equal(await verifyContactPassword(stored, 'c1', 'Pw-9f3Kq'), true);
    assert.equal(await verifyContactPassword(stored, 'c1', 'pw-9f3kq'), false);
    assert.equal(await verifyContactPassword(stored, 'c2', 'Pw-9f3Kq'), false);
  });

  it('refuses anything but a digest, so a plain password is never hashed and kept', async () => {
    await assert.rejects(hashContactPassword('Pw-9f3Kq'), /digest/);
  });
});
