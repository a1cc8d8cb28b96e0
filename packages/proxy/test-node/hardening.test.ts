import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { startMailSink, type ReceivedMail } from './fixtures/mail-sink.ts';
import {
  configFromEnv,
  createProxyHandler,
  literalAddress,
  parseLocation,
  ProxyError,
} from '../src/index.ts';
import {
  errorOf,
  PASSWORD,
  startProxy,
  TEST_SECRET,
  USER,
  type RunningProxy,
} from './fixtures/proxy.ts';

const CSV = 'email,name\nann@x.io,Ann\n';

describe('every hop meets every rule', () => {
  let server: Server;
  let port = 0;
  const requests: string[] = [];

  before(async () => {
    server = createServer((req, res) => {
      requests.push(`${req.headers.host}${req.url}`);
      if (req.url === '/private.csv') {
        const expected = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;
        if (req.headers.authorization !== expected) return void res.writeHead(401).end();
      }
      if (req.url === '/to-localhost')
        return void res.writeHead(302, { location: `http://localhost:${port}/contacts.csv` }).end();
      res.writeHead(200).end(CSV);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });
  after(() => {
    server.closeAllConnections();
    server.close();
  });

  it('refuses a redirect to a host outside ALLOWED_HOSTS, without contacting it', async () => {
    const proxy = await startProxy({ allowedHosts: ['127.0.0.1'] });
    try {
      requests.length = 0;
      const failure = await errorOf(
        await proxy.post('/v1/fetch', { url: `http://127.0.0.1:${port}/to-localhost` }),
      );
      assert.deepEqual([failure.status, failure.code], [403, 'forbidden']);
      assert.match(failure.message, /localhost/);
      assert.deepEqual(requests, [`127.0.0.1:${port}/to-localhost`]);
    } finally {
      await proxy.close();
    }
  });

  it('refuses a since.etag with a line break as a bad request', async () => {
    const proxy = await startProxy();
    try {
      const failure = await errorOf(
        await proxy.post('/v1/fetch', {
          url: `http://127.0.0.1:${port}/contacts.csv`,
          since: { etag: '"v1"\r\nX-Injected: 1' },
        }),
      );
      assert.deepEqual([failure.status, failure.code], [400, 'invalid-request']);
    } finally {
      await proxy.close();
    }
  });
});

describe('sealed logins: key rotation and expiry', () => {
  let server: Server;
  let url = '';
  const NEW_SECRET = 'rotated-proxy-secret-9876543210-zyxwvuts';
  before(async () => {
    server = createServer((req, res) => {
      const expected = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;
      if (req.headers.authorization !== expected) return void res.writeHead(401).end();
      res.writeHead(200).end(CSV);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/private.csv`;
  });
  after(() => server.close());

  it('opens tokens of a previous secret after rotation, and names the key in the token', async () => {
    const before = await startProxy();
    const token = await before.seal(url);
    await before.close();
    assert.match(token, /^v2\.[A-Za-z0-9_-]{8}\.[0-9a-z]+\./);

    const rotated = await startProxy({ secret: NEW_SECRET, previousSecrets: [TEST_SECRET] });
    const retired = await startProxy({ secret: NEW_SECRET });
    try {
      const res = await rotated.post('/v1/fetch', { url, credential: token });
      assert.equal(await res.text(), CSV);
      assert.equal(
        (await errorOf(await retired.post('/v1/fetch', { url, credential: token }))).code,
        'forbidden',
      );
      // New tokens are sealed with the new secret.
      const fresh = await rotated.seal(url);
      assert.equal((await retired.post('/v1/fetch', { url, credential: fresh })).status, 200);
    } finally {
      await rotated.close();
      await retired.close();
    }
  });

  it('refuses a sealed login older than the configured age', async () => {
    const proxy = await startProxy({ credentialMaxAgeMs: 500 });
    try {
      const token = await proxy.seal(url);
      assert.equal((await proxy.post('/v1/fetch', { url, credential: token })).status, 200);
      await new Promise((r) => setTimeout(r, 1600));
      const failure = await errorOf(await proxy.post('/v1/fetch', { url, credential: token }));
      assert.equal(failure.code, 'forbidden');
      assert.match(failure.message, /expired/);
    } finally {
      await proxy.close();
    }
  });
});

describe('locations and addresses', () => {
  it('refuses encoded control characters in a path before connecting', () => {
    for (const url of [
      'ftp://example.com/a%0D%0ADELE%20x/contacts.csv',
      'sftp://example.com/a%00b/contacts.csv',
      'ftp://example.com/contacts%0a.csv',
    ]) {
      assert.throws(
        () => parseLocation(url),
        (e: unknown) => e instanceof ProxyError && e.code === 'invalid-url',
        url,
      );
    }
  });

  it('never repeats a login from an unparsable URL', () => {
    try {
      parseLocation(`ftp://mary:${PASSWORD}@exa mple.com/contacts.csv`);
      assert.fail('the URL should be refused');
    } catch (error) {
      assert.ok(error instanceof ProxyError);
      assert.ok(!error.message.includes(PASSWORD), error.message);
      assert.ok(!error.message.includes('mary'), error.message);
      assert.match(error.message, /exa mple\.com/);
    }
  });

  it('refuses IPv4-compatible IPv6 addresses such as [::127.0.0.1]', async () => {
    const proxy = await startProxy({ allowPrivate: [] });
    try {
      for (const host of ['[::127.0.0.1]', '[::7f00:1]', '[::8.8.8.8]']) {
        assert.ok(literalAddress(host), host);
        const failure = await errorOf(
          await proxy.post('/v1/fetch', { url: `http://${host}:8080/contacts.csv` }),
        );
        assert.equal(failure.code, 'blocked-address', host);
      }
    } finally {
      await proxy.close();
    }
  });
});

describe('closed by default', () => {
  it('denies every caller when mounted without an authorize hook', async () => {
    const handler = createProxyHandler({ secret: TEST_SECRET, allowPrivate: ['127.0.0.1/32'] });
    const server = createServer((req, res) => void handler(req, res));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      for (const path of ['/v1/credentials', '/v1/fetch', '/v1/notify']) {
        const res = await fetch(`${base}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ url: 'https://example.com/a.csv', username: 'u', password: 'p' }),
        });
        assert.equal(res.status, 401, path);
      }
    } finally {
      server.close();
    }
  });

  it('the CLI refuses a public address without a token, unless the opt-out is named', () => {
    const base = { CONTACTSYNC_PROXY_SECRET: 'x'.repeat(40) };
    assert.throws(
      () => configFromEnv({ ...base, CONTACTSYNC_PROXY_HOST: '0.0.0.0' }),
      /without CONTACTSYNC_PROXY_TOKEN/,
    );
    assert.equal(configFromEnv({ ...base }).host, '127.0.0.1');
    assert.equal(
      configFromEnv({ ...base, CONTACTSYNC_PROXY_HOST: '0.0.0.0', CONTACTSYNC_PROXY_TOKEN: 't' })
        .host,
      '0.0.0.0',
    );
    assert.equal(
      configFromEnv({
        ...base,
        CONTACTSYNC_PROXY_HOST: '0.0.0.0',
        CONTACTSYNC_PROXY_INSECURE_NO_TOKEN: '1',
      }).host,
      '0.0.0.0',
    );
  });
});

describe('/v1/notify is no open relay', () => {
  let sink: Awaited<ReturnType<typeof startMailSink>>;
  let received: ReceivedMail[];
  let proxy: RunningProxy;
  const report = (to: string) => ({
    to,
    status: 'failed',
    profileName: 'Your account is locked: log in at evil.example',
    error: 'x',
  });

  before(async () => {
    sink = await startMailSink();
    received = sink.received;
    proxy = await startProxy({
      smtp: {
        url: sink.url,
        from: 'contactsync@portal.example',
        recipients: ['@portal.example', 'it@partner.example'],
        perCallerPerHour: 3,
      },
    });
  });
  after(async () => {
    await proxy.close();
    await sink.close();
  });

  it('mails only allowed recipients, with a subject no caller wrote, at a limited rate', async () => {
    const refused = await errorOf(
      await proxy.post('/v1/notify', report('victim@elsewhere.example')),
    );
    assert.deepEqual([refused.status, refused.code], [403, 'forbidden']);
    const lookalike = await errorOf(
      await proxy.post('/v1/notify', report('boss@portal.example.evil.example')),
    );
    assert.equal(lookalike.code, 'forbidden');
    assert.equal(received.length, 0);

    for (const to of ['admin@portal.example', 'IT@partner.example', 'ops@portal.example']) {
      const res = await proxy.post('/v1/notify', report(to));
      assert.equal(res.status, 200, await res.clone().text());
    }
    assert.equal(received.length, 3);
    const subject = /^Subject: (.*)$/m.exec(received[0]!.data)?.[1];
    assert.equal(subject, 'Contact import failed');
    assert.match(received[0]!.data, /quoted as received/);

    const limited = await errorOf(await proxy.post('/v1/notify', report('admin@portal.example')));
    assert.deepEqual([limited.status, limited.code], [429, 'too-many-requests']);
    assert.equal(received.length, 3);
  });
});
