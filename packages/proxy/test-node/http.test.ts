import assert from 'node:assert/strict';
import { createServer as createHttp, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttps } from 'node:https';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { testCerts } from './fixtures/certs.ts';
import {
  errorOf,
  metaOf,
  PASSWORD,
  startProxy,
  USER,
  type RunningProxy,
} from './fixtures/proxy.ts';

const CSV = 'email,name\nann@x.io,Ann\n';
const ETAG = '"v1"';
const MODIFIED = 'Tue, 03 Nov 2026 10:00:00 GMT';
let seenAuth: (string | undefined)[] = [];

function app(port: () => number) {
  return (req: IncomingMessage, res: ServerResponse) => {
    seenAuth.push(req.headers.authorization);
    const url = new URL(req.url ?? '/', 'http://x');
    switch (url.pathname) {
      case '/contacts.csv':
        if (req.headers['if-none-match'] === ETAG) return res.writeHead(304, { etag: ETAG }).end();
        return res
          .writeHead(200, { etag: ETAG, 'last-modified': MODIFIED, 'content-type': 'text/csv' })
          .end(CSV);
      case '/private.csv': {
        const expected = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;
        if (req.headers.authorization !== expected) return res.writeHead(401).end();
        return res.writeHead(200).end(CSV);
      }
      case '/slow.csv':
        return; // never answers
      case '/big.csv':
        return res.writeHead(200, { 'content-length': '5000' }).end('x'.repeat(5000));
      case '/big-chunked.csv':
        res.writeHead(200);
        res.write('x'.repeat(3000));
        return setTimeout(() => res.end('x'.repeat(3000)), 20);
      case '/to-private':
        return res.writeHead(302, { location: `http://10.0.0.1:${port()}/contacts.csv` }).end();
      case '/to-loopback-2':
        return res.writeHead(302, { location: `http://127.0.0.2:${port()}/contacts.csv` }).end();
      case '/to-other-origin':
        return res.writeHead(302, { location: `http://localhost:${port()}/contacts.csv` }).end();
      case '/loop':
        return res.writeHead(302, { location: '/loop' }).end();
      default:
        return res.writeHead(404).end();
    }
  };
}

describe('HTTP and HTTPS', () => {
  let http: ReturnType<typeof createHttp>;
  let https: ReturnType<typeof createHttps>;
  let proxy: RunningProxy;
  let base: string;
  let secure: string;

  before(async () => {
    http = createHttp(app(() => (http.address() as AddressInfo).port));
    await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    const { key, cert, ca } = testCerts();
    https = createHttps(
      { key, cert },
      app(() => (https.address() as AddressInfo).port),
    );
    await new Promise<void>((r) => https.listen(0, '127.0.0.1', r));
    secure = `https://127.0.0.1:${(https.address() as AddressInfo).port}`;
    proxy = await startProxy({
      ca: [ca],
      limits: { maxBytes: 4096, connectTimeoutMs: 1000, idleTimeoutMs: 500 },
      allowPrivate: ['127.0.0.1/32', '::1/128'],
    });
  });
  after(async () => {
    await proxy.close();
    http.closeAllConnections();
    https.closeAllConnections();
    http.close();
    https.close();
  });

  it('downloads a file with its ETag and Last-Modified', async () => {
    const res = await proxy.post('/v1/fetch', { url: `${base}/contacts.csv` });
    assert.equal(res.status, 200);
    assert.equal(await res.text(), CSV);
    assert.deepEqual([metaOf(res).etag, metaOf(res).lastModified], [ETAG, MODIFIED]);
  });

  it('answers "not modified" from a conditional request, without the body', async () => {
    const res = await proxy.post('/v1/fetch', {
      url: `${base}/contacts.csv`,
      since: { etag: ETAG },
    });
    assert.equal(res.headers.get('x-contactsync-status'), 'not-modified');
    assert.deepEqual(await res.json(), {
      notModified: true,
      meta: { etag: ETAG, lastModified: null, size: null, mtime: null, hostKey: null },
    });
  });

  it('logs in with a sealed credential, and says so when the login is wrong', async () => {
    const token = await proxy.seal(`${base}/private.csv`);
    const ok = await proxy.post('/v1/fetch', { url: `${base}/private.csv`, credential: token });
    assert.equal(await ok.text(), CSV);
    const wrong = await proxy.seal(`${base}/private.csv`, USER, 'not-the-password');
    const refused = await errorOf(
      await proxy.post('/v1/fetch', { url: `${base}/private.csv`, credential: wrong }),
    );
    assert.deepEqual([refused.status, refused.code], [401, 'login-failed']);
  });

  it('refuses a sealed credential made for another server', async () => {
    const token = await proxy.seal(`${base}/private.csv`);
    const other = await errorOf(
      await proxy.post('/v1/fetch', { url: `${secure}/private.csv`, credential: token }),
    );
    assert.equal(other.code, 'forbidden');
  });

  it('reports a missing file, a timeout and the size cap', async () => {
    assert.equal(
      (await errorOf(await proxy.post('/v1/fetch', { url: `${base}/nope.csv` }))).code,
      'not-found',
    );
    assert.equal(
      (await errorOf(await proxy.post('/v1/fetch', { url: `${base}/slow.csv` }))).code,
      'timeout',
    );
    assert.equal(
      (await errorOf(await proxy.post('/v1/fetch', { url: `${base}/big.csv` }))).code,
      'too-large',
    );
    // Without a length up front the cap cuts the stream: the client sees an incomplete body.
    const chunked = await proxy.post('/v1/fetch', { url: `${base}/big-chunked.csv` });
    await assert.rejects(chunked.text());
  });

  it('verifies certificates against the configured CA, and rejects them without it', async () => {
    const ok = await proxy.post('/v1/fetch', { url: `${secure}/contacts.csv` });
    assert.equal(await ok.text(), CSV);
    const strict = await startProxy({ allowPrivate: ['127.0.0.1/32'] });
    try {
      const refused = await errorOf(
        await strict.post('/v1/fetch', { url: `${secure}/contacts.csv` }),
      );
      assert.equal(refused.code, 'certificate-rejected');
    } finally {
      await strict.close();
    }
  });

  it('checks every redirect hop and drops the login across origins', async () => {
    assert.equal(
      (await errorOf(await proxy.post('/v1/fetch', { url: `${base}/to-private` }))).code,
      'blocked-address',
    );
    assert.equal(
      (await errorOf(await proxy.post('/v1/fetch', { url: `${base}/to-loopback-2` }))).code,
      'blocked-address',
    );
    assert.equal(
      (await errorOf(await proxy.post('/v1/fetch', { url: `${base}/loop` }))).code,
      'too-many-redirects',
    );
    const token = await proxy.seal(`${base}/to-other-origin`);
    seenAuth = [];
    const res = await proxy.post('/v1/fetch', {
      url: `${base}/to-other-origin`,
      credential: token,
    });
    assert.equal(await res.text(), CSV);
    assert.equal(seenAuth.length, 2);
    assert.ok(seenAuth[0]?.startsWith('Basic '));
    assert.equal(seenAuth[1], undefined);
  });

  it('refuses loopback, private, link-local, CGNAT, multicast and metadata addresses in every spelling', async () => {
    const strict = await startProxy({ allowPrivate: [] });
    try {
      const port = (http.address() as AddressInfo).port;
      const hosts = [
        '127.0.0.1',
        '2130706433',
        '0177.0.0.1',
        '0x7f.1',
        '127.1',
        '[::ffff:127.0.0.1]',
        '[::1]',
        '10.1.2.3',
        '192.168.0.10',
        '172.16.5.4',
        '169.254.169.254',
        '100.64.0.1',
        '224.0.0.1',
        '0.0.0.0',
        'localhost',
      ];
      for (const host of hosts) {
        const failure = await errorOf(
          await strict.post('/v1/fetch', { url: `http://${host}:${port}/contacts.csv` }),
        );
        assert.equal(failure.code, 'blocked-address', host);
      }
    } finally {
      await strict.close();
    }
  });

  it('refuses a backslash path, and callers that are not allowed', async () => {
    const bad = await errorOf(
      await proxy.post('/v1/fetch', { url: 'http://127.0.0.1/exports\\contacts.csv' }),
    );
    assert.deepEqual([bad.status, bad.code], [400, 'invalid-url']);
    const guarded = await startProxy({
      authorize: (req) => (req.headers.authorization === 'Bearer t0ken' ? 'host-app' : false),
      allowedOrigins: ['https://portal.example'],
    });
    try {
      assert.equal(
        (await errorOf(await guarded.post('/v1/fetch', { url: `${base}/contacts.csv` }))).code,
        'unauthorized',
      );
      const foreign = await guarded.post(
        '/v1/fetch',
        { url: `${base}/contacts.csv` },
        { origin: 'https://evil.example', authorization: 'Bearer t0ken' },
      );
      assert.equal((await errorOf(foreign)).code, 'origin-not-allowed');
      const ok = await guarded.post(
        '/v1/fetch',
        { url: `${base}/contacts.csv` },
        { origin: 'https://portal.example', authorization: 'Bearer t0ken' },
      );
      assert.equal(ok.headers.get('access-control-allow-origin'), 'https://portal.example');
      assert.equal(await ok.text(), CSV);
    } finally {
      await guarded.close();
    }
  });

  it('never writes a password into its logs or answers', async () => {
    const token = await proxy.seal(`${base}/private.csv`);
    await (await proxy.post('/v1/fetch', { url: `${base}/private.csv`, credential: token })).text();
    await (await proxy.post('/v1/fetch', { url: `${base}/nope.csv`, credential: token })).text();
    assert.ok(!JSON.stringify(proxy.logs).includes(PASSWORD));
    assert.ok(
      !token.includes(PASSWORD) &&
        !Buffer.from(token.split('.')[1]!, 'base64url').toString('latin1').includes(PASSWORD),
    );
  });
});
