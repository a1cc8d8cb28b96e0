import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import ssh2 from 'ssh2';
import { fingerprintOf } from '../src/index.ts';
import { errorOf, metaOf, startProxy, USER, type RunningProxy } from './fixtures/proxy.ts';
import { publicBlob, sessions, startSftp as startSftpServer } from './fixtures/sftp-server.ts';

const { utils } = ssh2;
const CSV = 'email,name\nann@x.io,Ann\n';
const FILES: Record<string, Buffer> = {
  '/home/importer/contacts.csv': Buffer.from(CSV),
  '/home/importer/big.csv': Buffer.alloc(10_000, 120),
  // Answers its first read, then goes silent: a server that stopped mid-file.
  '/home/importer/stall.csv': Buffer.alloc(1024 * 1024, 120),
  '/home/importer/huge.csv': Buffer.alloc(20 * 1024 * 1024, 120),
};
const startSftp = (hostKey: string) =>
  startSftpServer(hostKey, FILES, ['/home/importer/stall.csv']);

describe('SFTP', () => {
  const key = utils.generateKeyPairSync('ed25519');
  const other = utils.generateKeyPairSync('ed25519');
  const fingerprint = fingerprintOf(publicBlob(key.public));
  let server: ReturnType<typeof startSftp>;
  let base: string;
  let proxy: RunningProxy;

  before(async () => {
    server = startSftp(key.private);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    base = `sftp://127.0.0.1:${(server.address() as AddressInfo).port}`;
    proxy = await startProxy({ limits: { maxBytes: 4096, connectTimeoutMs: 3000 } });
  });
  after(async () => {
    await proxy.close();
    server.close();
  });

  it('downloads, reports the host key to pin, then answers "not modified" from stat', async () => {
    const url = `${base}/home/importer/contacts.csv`;
    const token = await proxy.seal(url);
    const res = await proxy.post('/v1/fetch', { url, credential: token });
    assert.equal(await res.text(), CSV);
    const meta = metaOf(res);
    assert.equal(meta.hostKey, fingerprint);
    assert.equal(meta.size, CSV.length);
    const again = await proxy.post('/v1/fetch', {
      url,
      credential: token,
      hostKey: fingerprint,
      since: { size: meta.size, mtime: meta.mtime },
    });
    assert.equal(again.headers.get('x-contactsync-status'), 'not-modified');
  });

  it('fails closed when the host key differs from the pinned one', async () => {
    const url = `${base}/home/importer/contacts.csv`;
    const pinned = fingerprintOf(publicBlob(other.public));
    const failure = await errorOf(
      await proxy.post('/v1/fetch', { url, credential: await proxy.seal(url), hostKey: pinned }),
    );
    assert.equal(failure.code, 'host-key-mismatch');
    assert.match(failure.message, /different host key/);
  });

  it('reports a wrong password, a missing file and the size cap', async () => {
    const url = `${base}/home/importer/contacts.csv`;
    assert.equal(
      (
        await errorOf(
          await proxy.post('/v1/fetch', { url, credential: await proxy.seal(url, USER, 'wrong') }),
        )
      ).code,
      'login-failed',
    );
    const missing = `${base}/home/importer/missing.csv`;
    assert.equal(
      (
        await errorOf(
          await proxy.post('/v1/fetch', { url: missing, credential: await proxy.seal(missing) }),
        )
      ).code,
      'not-found',
    );
    const big = `${base}/home/importer/big.csv`;
    assert.equal(
      (
        await errorOf(
          await proxy.post('/v1/fetch', { url: big, credential: await proxy.seal(big) }),
        )
      ).code,
      'too-large',
    );
  });

  it('cuts a server that stops sending after the idle time, not the total time', async () => {
    const idle = await startProxy({
      limits: { connectTimeoutMs: 3000, idleTimeoutMs: 400, totalTimeoutMs: 60_000 },
    });
    try {
      const url = `${base}/home/importer/stall.csv`;
      const started = Date.now();
      // Headers may or may not have left before the cut; either way the download fails.
      const outcome = await idle
        .post('/v1/fetch', { url, credential: await idle.seal(url) })
        .then((res) => res.arrayBuffer())
        .then(
          () => 'complete',
          () => 'cut',
        );
      assert.equal(outcome, 'cut');
      assert.ok(Date.now() - started < 5000, `cut after ${Date.now() - started} ms`);
      for (let i = 0; i < 50 && !idle.logs.some((l) => l.error); i++)
        await new Promise((r) => setTimeout(r, 20));
      assert.equal(idle.logs.find((l) => l.route === '/v1/fetch')?.error, 'timeout');
    } finally {
      await idle.close();
    }
  });

  it('closes the SSH session within a second when the client abandons the download', async () => {
    const roomy = await startProxy({
      limits: { connectTimeoutMs: 3000, maxBytes: 64 * 1024 * 1024 },
    });
    try {
      const url = `${base}/home/importer/huge.csv`;
      const controller = new AbortController();
      const res = await roomy.post(
        '/v1/fetch',
        { url, credential: await roomy.seal(url) },
        {},
        controller.signal,
      );
      const reader = res.body!.getReader();
      await reader.read();
      assert.ok(sessions.open >= 1, 'the transfer is under way');
      controller.abort();
      const end = Date.now() + 1000;
      while (sessions.open > 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
      assert.equal(sessions.open, 0);
    } finally {
      await roomy.close();
    }
  });
});
