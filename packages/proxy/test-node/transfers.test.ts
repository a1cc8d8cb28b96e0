import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer as createHttp, type Server } from 'node:http';
import { createServer as createTcp, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import bunyan from 'bunyan';
import { FtpSrv } from 'ftp-srv';
import { freePort } from './fixtures/free-port.ts';
import { errorOf, PASSWORD, startProxy, USER } from './fixtures/proxy.ts';

const BIG = 20 * 1024 * 1024;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits up to `ms` for `ok()`; returns whether it came true. */
async function within(ms: number, ok: () => boolean): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(20)) if (ok()) return true;
  return ok();
}

describe('transfers the proxy cuts or the client abandons', () => {
  const root = mkdtempSync(join(tmpdir(), 'contactsync-transfers-'));
  writeFileSync(join(root, 'big.csv'), Buffer.alloc(BIG, 120));
  let ftp: FtpSrv;
  let ftpUrl = '';
  /** Open TCP connections the FTP server holds, control and data. */
  const open = new Set<Socket>();

  before(async () => {
    const port = await freePort();
    ftp = new FtpSrv({
      url: `ftp://127.0.0.1:${port}`,
      pasv_url: '127.0.0.1',
      anonymous: false,
      log: bunyan.createLogger({ name: 'ftp-transfers', level: 'fatal' }),
    });
    ftp.on('login', ({ connection, username, password }, resolve, reject) => {
      const track = (socket: Socket | undefined) => {
        if (!socket) return;
        open.add(socket);
        socket.once('close', () => open.delete(socket));
      };
      track(connection.commandSocket as Socket);
      const connector = connection as unknown as { connector?: { dataSocket?: Socket } };
      const poll = setInterval(() => track(connector.connector?.dataSocket), 5);
      (connection.commandSocket as Socket).once('close', () => clearInterval(poll));
      if (username === USER && password === PASSWORD) resolve({ root });
      else reject(new Error('Login incorrect'));
    });
    await ftp.listen();
    ftpUrl = `ftp://127.0.0.1:${port}/big.csv`;
  });
  after(() => ftp.close());

  it('closes the FTP connections within a second when the client abandons the download', async () => {
    const proxy = await startProxy({ limits: { maxBytes: 100 * 1024 * 1024 } });
    try {
      const controller = new AbortController();
      const res = await proxy.post(
        '/v1/fetch',
        { url: ftpUrl, credential: await proxy.seal(ftpUrl) },
        {},
        controller.signal,
      );
      assert.equal(res.status, 200);
      const reader = res.body!.getReader();
      await reader.read();
      assert.ok(open.size >= 1, 'the transfer is under way');
      controller.abort();
      assert.ok(await within(1000, () => open.size === 0), `${open.size} still open`);
    } finally {
      await proxy.close();
    }
  });

  it('closes them within a second when the size limit refuses the file', async () => {
    const proxy = await startProxy({ limits: { maxBytes: 1024 * 1024 } });
    try {
      const res = await proxy.post('/v1/fetch', {
        url: ftpUrl,
        credential: await proxy.seal(ftpUrl),
      });
      if (res.status === 200) await assert.rejects(res.arrayBuffer());
      else assert.equal((await errorOf(res)).code, 'too-large');
      assert.ok(await within(1000, () => open.size === 0), `${open.size} still open`);
    } finally {
      await proxy.close();
    }
  });
});

describe('an FTP server that logs in and then says nothing', () => {
  let server: ReturnType<typeof createTcp>;
  let url = '';

  before(async () => {
    server = createTcp((socket) => {
      socket.write('220 quiet server\r\n');
      let loggedIn = false;
      socket.on('data', (chunk) => {
        for (const line of String(chunk).split('\r\n').filter(Boolean)) {
          const command = line.split(' ')[0]!.toUpperCase();
          if (command === 'USER') socket.write('331 password please\r\n');
          else if (command === 'PASS') {
            loggedIn = true;
            socket.write('230 logged in\r\n');
          } else if (!loggedIn) socket.write('530 log in first\r\n');
          else if (command === 'FEAT') socket.write('211 no features\r\n');
          else if (['TYPE', 'STRU', 'OPTS'].includes(command)) socket.write('200 ok\r\n');
          // Everything after the login (SIZE, MDTM, EPSV, PASV, RETR): silence.
        }
      });
      socket.on('error', () => undefined);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `ftp://127.0.0.1:${(server.address() as AddressInfo).port}/contacts.csv`;
  });
  after(() => server.close());

  it('answers a timeout (504) with a plain message', async () => {
    const proxy = await startProxy({
      limits: { connectTimeoutMs: 2000, idleTimeoutMs: 500, totalTimeoutMs: 30_000 },
    });
    try {
      const started = Date.now();
      const failure = await errorOf(
        await proxy.post('/v1/fetch', { url, credential: await proxy.seal(url) }),
      );
      assert.deepEqual([failure.status, failure.code], [504, 'timeout']);
      assert.match(failure.message, /stopped answering|did not answer/);
      assert.ok(Date.now() - started < 10_000);
    } finally {
      await proxy.close();
    }
  });
});

describe('a slow reader', () => {
  let http: Server;
  let base = '';
  before(async () => {
    http = createHttp((_req, res) => res.writeHead(200).end(Buffer.alloc(16 * 1024 * 1024, 120)));
    await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  });
  after(() => {
    http.closeAllConnections();
    http.close();
  });

  it('is not cut by the idle limit while the server waits for it', async () => {
    const proxy = await startProxy({ limits: { idleTimeoutMs: 300, maxBytes: 64 * 1024 * 1024 } });
    try {
      const res = await proxy.post('/v1/fetch', { url: `${base}/big.csv` });
      const reader = res.body!.getReader();
      let bytes = (await reader.read()).value!.length;
      await sleep(1500);
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        bytes += value.length;
      }
      assert.equal(bytes, 16 * 1024 * 1024);
    } finally {
      await proxy.close();
    }
  });
});
