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
  const backends = await referenceServers();
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

  // A second origin, as a CDN would be: the single-file build (`npm run build` writes it).
  const cdn = await cdnServer();

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
    if (ctx.path === '/__test/cdn') {
      ctx.body = { url: cdn.url };
      return;
    }
    const backend = /^\/v1\/(sqlite|postgres)(\/replication\/.*)$/.exec(ctx.path);
    if (backend) {
      ctx.respond = false;
      ctx.req.url = ctx.req.url.replace(`/v1/${backend[1]}`, '/v1');
      await backends[backend[1]].handle(ctx.req, ctx.res);
      return;
    }
    const control = /^\/__test\/backend\/(sqlite|postgres)\/(down|up|count|tick)$/.exec(ctx.path);
    if (control) {
      const server = backends[control[1]];
      if (control[2] === 'count') ctx.body = await server.count(ctx.query.user);
      else if (control[2] === 'tick') {
        // The server's clock moved to `now`: run what is due then (no test sleeps for hours).
        const runs = await server.imports.tick(Number(ctx.query.now));
        ctx.body = {
          runs: runs.map((r) => ({ id: r.id, status: r.status, profileId: r.profileId })),
        };
      } else if (ctx.query.device) {
        if (control[2] === 'down') server.downDevices.add(ctx.query.device);
        else server.downDevices.delete(ctx.query.device);
        ctx.body = { device: ctx.query.device, down: control[2] === 'down' };
      } else {
        server.down = control[2] === 'down';
        ctx.body = { down: server.down };
      }
      return;
    }
    if (ctx.path.startsWith('/v1/')) {
      ctx.respond = false;
      await proxy(ctx.req, ctx.res);
      return;
    }
    await next();
  };
  return {
    middleware,
    close: () => {
      fileServer.close();
      cdn.close();
      backends.stop();
    },
  };
}

/**
 * The reference server (packages/server) on a SQLite file and on a real PostgreSQL cluster, for
 * replication tests. A request names its user in "x-test-user" (a test's own id, so tests never
 * share data). "Down" answers every request with a dropped connection, as a stopped server would;
 * `?device=` takes down one device only (its "x-test-device" header).
 */
async function referenceServers() {
  const { createServerHandler, openDatabase } = await import('../../packages/server/src/index.ts');
  const { startPostgres } = await import('../../packages/server/test-node/fixtures/postgres.ts');
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { sql } = await import('kysely');
  const cluster = await startPostgres();
  process.once('exit', () => cluster.stop());
  const make = async (location) => {
    const db = await openDatabase(location);
    const handler = createServerHandler({
      db,
      authenticate: (req) => req.headers['x-test-user'] ?? null,
      // Remote imports and schedules run here too; the file server is on 127.0.0.1.
      imports: {
        fetch: { secret: 'wtr-test-proxy-secret-0123456789abcdef', allowPrivate: ['127.0.0.1/32'] },
        autoSchedule: false,
      },
    });
    const server = {
      imports: handler.imports,
      down: false,
      // One device offline: its requests (named by "x-test-device") fail, the others' go through.
      downDevices: new Set(),
      handle: (req, res) =>
        server.down || server.downDevices.has(req.headers['x-test-device'])
          ? res.socket.destroy()
          : handler(req, res),
      count: async (user) => {
        const row = await db
          .selectFrom('contacts')
          .select([
            sql`count(*)`.as('rows'),
            sql`sum(case when deleted = 1 then 1 else 0 end)`.as('deleted'),
            sql`max(revision)`.as('maxRevision'),
          ])
          .where('user_id', '=', String(user))
          .executeTakeFirstOrThrow();
        return {
          rows: Number(row.rows),
          deleted: Number(row.deleted ?? 0),
          maxRevision: Number(row.maxRevision ?? 0),
        };
      },
    };
    return server;
  };
  const dir = mkdtempSync(join(tmpdir(), 'contactsync-wtr-'));
  const servers = {
    sqlite: await make(join(dir, 'contacts.db')),
    postgres: await make(cluster.url),
    stop: () => cluster.stop(),
  };
  return servers;
}

/** packages/elements/dist/cdn on 127.0.0.1 (another origin than the test page's), with CORS. */
async function cdnServer() {
  const { join, normalize } = await import('node:path');
  const dir = join(import.meta.dirname, '../../packages/elements/dist/cdn');
  const server = createServer((req, res) => {
    const name = normalize(decodeURIComponent(new URL(req.url, 'http://cdn').pathname));
    let body;
    try {
      body = readFileSync(join(dir, name));
    } catch {
      return void res.writeHead(404, { 'access-control-allow-origin': '*' }).end();
    }
    res
      .writeHead(200, {
        'content-type': name.endsWith('.js') ? 'text/javascript' : 'application/json',
        'access-control-allow-origin': '*',
      })
      .end(body);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}
