import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import ssh2 from 'ssh2';
import { fingerprintOf } from '../src/index.ts';
import {
  errorOf,
  metaOf,
  PASSWORD,
  startProxy,
  USER,
  type RunningProxy,
} from './fixtures/proxy.ts';

const { Server, utils } = ssh2;
const STATUS = utils.sftp.STATUS_CODE;
const CSV = 'email,name\nann@x.io,Ann\n';
const MTIME = Date.parse('2026-11-01T10:00:00Z') / 1000;
const FILES: Record<string, Buffer> = {
  '/home/importer/contacts.csv': Buffer.from(CSV),
  '/home/importer/big.csv': Buffer.alloc(10_000, 120),
  // Answers its first read, then goes silent: a server that stopped mid-file.
  '/home/importer/stall.csv': Buffer.alloc(1024 * 1024, 120),
  '/home/importer/huge.csv': Buffer.alloc(20 * 1024 * 1024, 120),
};

/**
 * The wire form of an OpenSSH public key line ("ssh-ed25519 AAAA…"), which host key fingerprints
 * hash. (ssh2's parseKey now and then fails on a freshly generated ed25519 key.)
 */
const publicBlob = (line: string) => Buffer.from(line.split(' ')[1]!, 'base64');

/** SSH sessions the test server holds open right now. */
let openSessions = 0;

/** A minimal SFTP server (ssh2) with password login and read-only files. */
function startSftp(hostKey: string) {
  const server = new Server({ hostKeys: [hostKey] }, (client) => {
    openSessions++;
    client.on('close', () => openSessions--);
    client.on('authentication', (ctx) => {
      if (ctx.method === 'password' && ctx.username === USER && ctx.password === PASSWORD)
        ctx.accept();
      else ctx.reject(['password']);
    });
    client.on('error', () => undefined);
    client.on('ready', () => {
      client.on('session', (accept) => {
        accept().on('sftp', (acceptSftp) => {
          const sftp = acceptSftp();
          const open = new Map<number, Buffer>();
          let next = 0;
          const attrs = (data: Buffer) => ({
            mode: 0o100644,
            uid: 0,
            gid: 0,
            size: data.length,
            atime: MTIME,
            mtime: MTIME,
          });
          const byHandle = (handle: Buffer) => open.get(handle.readUInt32BE(0));
          sftp.on('OPEN', (id, path) => {
            const data = FILES[path];
            if (!data) return sftp.status(id, STATUS.NO_SUCH_FILE);
            const handle = Buffer.alloc(4);
            handle.writeUInt32BE(++next, 0);
            open.set(next, data);
            return sftp.handle(id, handle);
          });
          sftp.on('READ', (id, handle, offset, length) => {
            const data = byHandle(handle);
            if (!data) return sftp.status(id, STATUS.FAILURE);
            if (data === FILES['/home/importer/stall.csv'] && offset > 0) return;
            if (offset >= data.length) return sftp.status(id, STATUS.EOF);
            return sftp.data(id, data.subarray(offset, offset + length));
          });
          sftp.on('FSTAT', (id, handle) => {
            const data = byHandle(handle);
            return data ? sftp.attrs(id, attrs(data)) : sftp.status(id, STATUS.FAILURE);
          });
          const stat = (id: number, path: string) =>
            FILES[path]
              ? sftp.attrs(id, attrs(FILES[path]!))
              : sftp.status(id, STATUS.NO_SUCH_FILE);
          sftp.on('STAT', stat);
          sftp.on('LSTAT', stat);
          sftp.on('CLOSE', (id, handle) => {
            open.delete(handle.readUInt32BE(0));
            sftp.status(id, STATUS.OK);
          });
        });
      });
    });
  });
  return server;
}

describe('SFTP', () => {
  const key = utils.generateKeyPairSync('ed25519');
  const other = utils.generateKeyPairSync('ed25519');
  const fingerprint = fingerprintOf(publicBlob(key.public));
  let server: ReturnType<typeof Server.prototype.listen>;
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
      assert.ok(openSessions >= 1, 'the transfer is under way');
      controller.abort();
      const end = Date.now() + 1000;
      while (openSessions > 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
      assert.equal(openSessions, 0);
    } finally {
      await roomy.close();
    }
  });
});
