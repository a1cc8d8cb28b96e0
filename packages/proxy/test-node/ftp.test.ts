import assert from 'node:assert/strict';
import { mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import bunyan from 'bunyan';
import { FtpSrv } from 'ftp-srv';
import { testCerts } from './fixtures/certs.ts';
import { freePort } from './fixtures/free-port.ts';
import {
  errorOf,
  metaOf,
  PASSWORD,
  startProxy,
  USER,
  type RunningProxy,
} from './fixtures/proxy.ts';

const CSV = 'email;name\nann@x.io;Ann\nbob@x.io;Bob\n';

async function startFtp(mode: 'plain' | 'explicit' | 'implicit', root: string) {
  const port = await freePort();
  const { key, cert } = testCerts();
  const server = new FtpSrv({
    url: `${mode === 'implicit' ? 'ftps' : 'ftp'}://127.0.0.1:${port}`,
    pasv_url: '127.0.0.1',
    anonymous: false,
    tls: mode === 'plain' ? false : { key, cert },
    greeting: 'test server',
    // Quiet: nothing the server logs may reach the test output.
    log: bunyan.createLogger({ name: 'ftp-test', level: 'fatal' }),
  });
  server.on('login', ({ username, password }, resolve, reject) => {
    if (username === USER && password === PASSWORD) resolve({ root });
    else reject(new Error('Login incorrect'));
  });
  await server.listen();
  return { port, close: () => server.close() };
}

describe('FTP, FTPS explicit and FTPS implicit', () => {
  const root = mkdtempSync(join(tmpdir(), 'contactsync-ftp-'));
  writeFileSync(join(root, 'contacts.csv'), CSV);
  utimesSync(
    join(root, 'contacts.csv'),
    new Date('2026-11-01T10:00:00Z'),
    new Date('2026-11-01T10:00:00Z'),
  );
  writeFileSync(join(root, 'big.csv'), 'x'.repeat(10_000));
  let servers: { mode: 'plain' | 'explicit' | 'implicit'; port: number; close: () => unknown }[] =
    [];
  let proxy: RunningProxy;

  before(async () => {
    servers = await Promise.all(
      (['plain', 'explicit', 'implicit'] as const).map(async (mode) => ({
        mode,
        ...(await startFtp(mode, root)),
      })),
    );
    proxy = await startProxy({
      ca: [testCerts().ca],
      limits: { maxBytes: 4096, connectTimeoutMs: 3000 },
    });
  });
  after(async () => {
    await proxy.close();
    await Promise.all(servers.map((s) => s.close()));
  });

  const urlFor = (mode: string, port: number, file = 'contacts.csv') =>
    `${mode === 'plain' ? 'ftp' : 'ftps'}://127.0.0.1:${port}/${file}`;

  for (const mode of ['plain', 'explicit', 'implicit'] as const) {
    it(`${mode}: downloads with SIZE and MDTM, then answers "not modified"`, async () => {
      const { port } = servers.find((s) => s.mode === mode)!;
      const implicitTls = mode === 'implicit';
      const url = urlFor(mode, port);
      const token = await proxy.seal(url, USER, PASSWORD, { implicitTls });
      const res = await proxy.post('/v1/fetch', { url, credential: token, implicitTls });
      assert.equal(res.status, 200, await res.clone().text());
      assert.equal(await res.text(), CSV);
      const meta = metaOf(res);
      assert.equal(meta.size, CSV.length);
      assert.equal(meta.mtime, '2026-11-01T10:00:00.000Z');
      const again = await proxy.post('/v1/fetch', {
        url,
        credential: token,
        implicitTls,
        since: { size: meta.size, mtime: meta.mtime },
      });
      assert.equal(again.headers.get('x-contactsync-status'), 'not-modified');
    });
  }

  it('reports a wrong password, a missing file and the size cap', async () => {
    const { port } = servers.find((s) => s.mode === 'explicit')!;
    const url = urlFor('explicit', port);
    const wrong = await proxy.seal(url, USER, 'nope');
    assert.equal(
      (await errorOf(await proxy.post('/v1/fetch', { url, credential: wrong }))).code,
      'login-failed',
    );
    const token = await proxy.seal(urlFor('explicit', port, 'missing.csv'));
    assert.equal(
      (
        await errorOf(
          await proxy.post('/v1/fetch', {
            url: urlFor('explicit', port, 'missing.csv'),
            credential: token,
          }),
        )
      ).code,
      'not-found',
    );
    const bigToken = await proxy.seal(urlFor('explicit', port, 'big.csv'));
    assert.equal(
      (
        await errorOf(
          await proxy.post('/v1/fetch', {
            url: urlFor('explicit', port, 'big.csv'),
            credential: bigToken,
          }),
        )
      ).code,
      'too-large',
    );
  });

  it('rejects an FTPS certificate it cannot verify', async () => {
    const strict = await startProxy({ limits: { connectTimeoutMs: 3000 } });
    try {
      const { port } = servers.find((s) => s.mode === 'explicit')!;
      const url = urlFor('explicit', port);
      const token = await strict.seal(url);
      assert.equal(
        (await errorOf(await strict.post('/v1/fetch', { url, credential: token }))).code,
        'certificate-rejected',
      );
    } finally {
      await strict.close();
    }
  });
});
