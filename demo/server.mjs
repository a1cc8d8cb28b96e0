// Serves the demo portal, the built SDK and the fetch proxy (/v1/*) on one port.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { allowAnyCaller, createProxyHandler, smtpFromEnv } from '../packages/proxy/dist/index.js';
import { createServerHandler, openSqlite } from '../packages/server/dist/index.js';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';

const MOUNTS = [
  ['/sdk/', join(root, 'packages/sdk/dist')],
  ['/elements/', join(root, 'packages/elements/dist')],
  ['/', join(root, 'demo')],
];
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.map': 'application/json',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

function resolvePath(urlPath) {
  for (const [prefix, dir] of MOUNTS) {
    if (!urlPath.startsWith(prefix)) continue;
    const rel = normalize(decodeURIComponent(urlPath.slice(prefix.length)) || 'index.html');
    const file = join(dir, rel);
    // Never serve anything outside the mounted folder.
    if (!file.startsWith(dir + '/') && file !== dir) return null;
    return file;
  }
  return null;
}

// The page's inline import map is allowed by its hash; no other inline script runs.
const importMap = /<script type="importmap">([\s\S]*?)<\/script>/.exec(
  readFileSync(join(root, 'demo/index.html'), 'utf8'),
)?.[1];
const importMapHash = importMap
  ? `'sha256-${createHash('sha256').update(importMap).digest('base64')}'`
  : '';

// e.g. CONTACTSYNC_PROXY_ALLOW_PRIVATE=127.0.0.1/32 to pull from a file server on this machine.
const allowPrivate = (process.env.CONTACTSYNC_PROXY_ALLOW_PRIVATE ?? '').split(',').filter(Boolean);

// Without a configured secret, logins sealed by this run stop opening after a restart.
const secret = process.env.CONTACTSYNC_PROXY_SECRET ?? randomBytes(32).toString('base64url');

/** The proxy, made once the port is known: only this portal's own pages may call it. */
function makeProxy(actualPort) {
  const origins = [
    `http://${host}:${actualPort}`,
    `http://localhost:${actualPort}`,
    `http://127.0.0.1:${actualPort}`,
  ];
  return createProxyHandler({
    secret,
    allowedOrigins: origins,
    allowPrivate,
    // e.g. CONTACTSYNC_PROXY_SMTP_URL=smtp://127.0.0.1:2525 and CONTACTSYNC_PROXY_NOTIFY_TO=
    // @portal.example (only these may receive reports) to receive error emails.
    ...smtpFromEnv(process.env),
    // The demo's own pages are the only allowed origin; a real portal checks its session here.
    authorize: allowAnyCaller,
    log: (entry) => console.log(JSON.stringify(entry)),
  });
}
let proxy = null;

// The portal's contact server on its embedded database: contacts survive a browser wipe and
// show in every browser. The demo has one user; a real portal names the signed-in user here.
const databaseFile =
  process.env.CONTACTSYNC_SERVER_DATABASE ?? join(root, 'demo/.data/contactsync.db');
mkdirSync(dirname(databaseFile), { recursive: true });
const contactServer = createServerHandler({
  db: await openSqlite(databaseFile),
  // Only the portal's own pages (browsers mark their requests same-origin) are the demo user.
  authenticate: (req) => (req.headers['sec-fetch-site'] === 'same-origin' ? 'demo' : null),
  // Remote imports and their schedules run here, with no browser open; the proxy's secret opens
  // the logins it sealed, and the same address rules apply.
  imports: {
    fetch: { secret, allowPrivate },
    ...smtpFromEnv(process.env),
  },
});
await contactServer.imports.start();

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname.startsWith('/v1/replication/')) {
    void contactServer(req, res);
    return;
  }
  if (url.pathname.startsWith('/v1/')) {
    void proxy(req, res);
    return;
  }
  let file = resolvePath(url.pathname);
  try {
    if (file && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!file || !statSync(file).isFile()) throw new Error('missing');
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    return;
  }
  res.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': 'no-cache',
    'x-content-type-options': 'nosniff',
    // As strict as a careful portal: no inline styles or scripts (but the hashed import map),
    // and Trusted Types enforced (Lit's own policy, and the portal's for the SDK's worker).
    'content-security-policy': `default-src 'self'; script-src 'self' ${importMapHash}; style-src 'self'; img-src 'self' data:; require-trusted-types-for 'script'; trusted-types contactsync-demo lit-html`,
  });
  createReadStream(file).pipe(res);
});

server.listen(port, host, () => {
  // PORT=0 picks a free port; print the one actually used.
  const { port: actual } = server.address();
  proxy = makeProxy(actual);
  console.log(
    `ContactSync demo portal: http://${host === '0.0.0.0' ? 'localhost' : host}:${actual}/`,
  );
});
