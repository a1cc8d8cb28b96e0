import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { register } from 'tsx/esm/api';

/**
 * What browser tests need from Node: msw's service worker served at "/", and for the end-to-end
 * test the real fetch proxy mounted at /v1 next to a real HTTP file server on 127.0.0.1.
 */
export async function testServers() {
  register();
  const { allowAnyCaller, createProxyHandler } = await import('../../packages/proxy/src/index.ts');
  const require = createRequire(import.meta.url);
  const mswWorker = readFileSync(require.resolve('msw/mockServiceWorker.js'), 'utf8');

  // The remote file an end-to-end test imports; POST /set replaces it.
  let file = { body: 'email,name\nann@example.com,Ann\n', etag: '"1"' };
  // Requests for the file, so a test can count how many times it was fetched.
  let downloads = 0;
  const fileServer = createServer((req, res) => {
    if (req.method === 'POST' && req.url === '/set') {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        file = { body, etag: `"${Date.now()}"` };
        res.writeHead(204).end();
      });
      return;
    }
    if (req.url === '/count') {
      return void res.writeHead(200, { 'access-control-allow-origin': '*' }).end(String(downloads));
    }
    if (req.url !== '/exports/contacts.csv') return void res.writeHead(404).end();
    downloads++;
    if (req.headers['if-none-match'] === file.etag)
      return void res.writeHead(304, { etag: file.etag }).end();
    res.writeHead(200, { etag: file.etag, 'content-type': 'text/csv' }).end(file.body);
  });
  await new Promise((r) => fileServer.listen(0, '127.0.0.1', r));
  const fileServerUrl = `http://127.0.0.1:${fileServer.address().port}`;

  const proxy = createProxyHandler({
    secret: 'wtr-test-proxy-secret-0123456789abcdef',
    allowedOrigins: ['*'],
    allowPrivate: ['127.0.0.1/32'],
    authorize: allowAnyCaller,
  });

  const middleware = async (ctx, next) => {
    if (ctx.path === '/mockServiceWorker.js') {
      ctx.type = 'application/javascript';
      ctx.body = mswWorker;
      return;
    }
    if (ctx.path === '/__test/file-server') {
      ctx.body = { url: fileServerUrl };
      return;
    }
    if (ctx.path.startsWith('/v1/')) {
      ctx.respond = false;
      await proxy(ctx.req, ctx.res);
      return;
    }
    await next();
  };
  return { middleware, close: () => fileServer.close() };
}
