import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { configFromEnv } from '../src/index.ts';
import { errorOf, startProxy, type RunningProxy } from './fixtures/proxy.ts';

describe('standalone configuration', () => {
  it('reads CONTACTSYNC_PROXY_* variables and refuses a short secret', () => {
    const config = configFromEnv({
      CONTACTSYNC_PROXY_SECRET: 'x'.repeat(40),
      CONTACTSYNC_PROXY_PORT: '9999',
      CONTACTSYNC_PROXY_ORIGINS: 'https://a.example, https://b.example',
      CONTACTSYNC_PROXY_ALLOW_PRIVATE: '10.1.0.0/16',
      CONTACTSYNC_PROXY_MAX_BYTES: '1000',
    });
    assert.equal(config.port, 9999);
    assert.deepEqual(config.options.allowedOrigins, ['https://a.example', 'https://b.example']);
    assert.deepEqual(config.options.allowPrivate, ['10.1.0.0/16']);
    assert.deepEqual(config.options.limits, { maxBytes: 1000 });
    assert.throws(
      () => configFromEnv({ CONTACTSYNC_PROXY_SECRET: 'short' }),
      /at least 32 characters/,
    );
    assert.throws(
      () =>
        configFromEnv({
          CONTACTSYNC_PROXY_SECRET: 'x'.repeat(40),
          CONTACTSYNC_PROXY_MAX_BYTES: 'lots',
        }),
      /positive number/,
    );
  });

  it('requires the bearer token when one is configured', async () => {
    const { options } = configFromEnv({
      CONTACTSYNC_PROXY_SECRET: 'x'.repeat(40),
      CONTACTSYNC_PROXY_TOKEN: 's3cr3t-token',
    });
    const proxy = await startProxy({ authorize: options.authorize });
    try {
      const body = { url: 'http://127.0.0.1/x.csv', username: 'a', password: 'b' };
      assert.equal((await errorOf(await proxy.post('/v1/credentials', body))).code, 'unauthorized');
      assert.equal(
        (
          await errorOf(
            await proxy.post('/v1/credentials', body, { authorization: 'Bearer wrong-token!' }),
          )
        ).code,
        'unauthorized',
      );
      assert.equal(
        (await proxy.post('/v1/credentials', body, { authorization: 'Bearer s3cr3t-token' }))
          .status,
        200,
      );
    } finally {
      await proxy.close();
    }
  });
});

describe('per-caller limits', () => {
  let slow: ReturnType<typeof createServer>;
  let proxy: RunningProxy;
  before(async () => {
    slow = createServer((_req, res) => setTimeout(() => res.writeHead(200).end('a,b\n'), 300));
    await new Promise<void>((r) => slow.listen(0, '127.0.0.1', r));
    proxy = await startProxy({ maxConcurrentPerCaller: 1 });
  });
  after(async () => {
    await proxy.close();
    slow.close();
  });

  it('refuses a caller its second concurrent fetch, and serves it once the first is done', async () => {
    const url = `http://127.0.0.1:${(slow.address() as AddressInfo).port}/x.csv`;
    const first = proxy.post('/v1/fetch', { url });
    await new Promise((r) => setTimeout(r, 50));
    const second = await errorOf(await proxy.post('/v1/fetch', { url }));
    assert.deepEqual([second.status, second.code], [429, 'too-many-requests']);
    assert.equal(await (await first).text(), 'a,b\n');
    assert.equal(await (await proxy.post('/v1/fetch', { url })).text(), 'a,b\n');
  });
});
