import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { literalAddress, parseLocation, ProxyError } from '../src/index.ts';

describe('file locations', () => {
  it('accepts the protocols and infers implicit FTPS from port 990', () => {
    assert.equal(parseLocation('https://example.com/export/contacts.csv').protocol, 'https');
    assert.equal(parseLocation('ftps://files.example.com/a/contacts.csv').protocol, 'ftps');
    assert.equal(
      parseLocation('ftps://files.example.com:990/a/contacts.csv').protocol,
      'ftps-implicit',
    );
    assert.equal(
      parseLocation('ftps://files.example.com/a/contacts.csv', true).protocol,
      'ftps-implicit',
    );
    const sftp = parseLocation('sftp://files.example.com/home/me/contacts.csv');
    assert.deepEqual([sftp.protocol, sftp.port, sftp.path], ['sftp', 22, '/home/me/contacts.csv']);
  });

  it('refuses backslashes, dot segments, control characters and logins in the URL', () => {
    const refused = [
      'ftp://example.com\\exports\\contacts.csv',
      'ftp://example.com/exports\\contacts.csv',
      'sftp://example.com/home/../etc/passwd',
      'sftp://example.com/home/%2e%2e/etc/passwd',
      'http://example.com/a\u0000b.csv',
      'ftp://user:pw@example.com/contacts.csv',
      'gopher://example.com/x',
      'ftp://example.com/folder/',
    ];
    for (const url of refused) {
      assert.throws(
        () => parseLocation(url),
        (e: unknown) => e instanceof ProxyError && e.code === 'invalid-url',
        url,
      );
    }
    assert.throws(() => parseLocation('ftp://example.com\\x.csv'), /backslash/);
  });
});

describe('literal addresses', () => {
  it('reads every IPv4 spelling a resolver accepts, and IPv4-mapped IPv6', () => {
    for (const form of [
      '127.0.0.1',
      '2130706433',
      '0177.0.0.1',
      '0x7f.1',
      '127.1',
      '0x7f000001',
      '[::ffff:127.0.0.1]',
      '::ffff:7f00:1',
    ]) {
      assert.equal(literalAddress(form)?.toString(), '127.0.0.1', form);
    }
    assert.equal(literalAddress('example.com'), null);
  });
});
