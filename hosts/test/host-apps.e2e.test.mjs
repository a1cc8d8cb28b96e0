// Host apps as teams build them, on the packed tarballs (not workspace links): each is installed
// from the npm registry into a scratch directory, built for production and served, and run on
// its dev server, then driven in Debian's Chromium (playwright-core).
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { utils, write } from '@e965/xlsx';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../scripts/wtr/chromium.js';

const root = join(import.meta.dirname, '../..');
const scratch = mkdtempSync(join(tmpdir(), 'contactsync-hosts-'));
const CSV = 'Email,First Name\nann@example.com,Ann\nbob@example.com,Bob\n';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** A workbook whose first sheet holds one more person. */
const XLSX = (() => {
  const book = utils.book_new();
  utils.book_append_sheet(
    book,
    utils.aoa_to_sheet([
      ['Email', 'First Name'],
      ['cara@example.com', 'Cara'],
    ]),
    'People',
  );
  return Buffer.from(write(book, { type: 'buffer', bookType: 'xlsx' }));
})();

/** Dev servers still running, stopped after the tests whatever happened. */
const running = new Set();
/** The app the current test installed: removed after it, so that one app's packages are on disk at a time. */
let installed = null;

/** The packages as npm would publish them (`npm run build` wrote their dist first). */
function packAll() {
  const dir = join(scratch, 'packs');
  mkdirSync(dir);
  const tarballs = {};
  for (const name of ['core', 'sdk', 'elements']) {
    const [packed] = JSON.parse(
      execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], {
        cwd: join(root, 'packages', name),
        encoding: 'utf8',
      }),
    );
    tarballs[`@contactsync/${name}`] = `file:${join(dir, packed.filename)}`;
  }
  return tarballs;
}

/** Copies a host app into the scratch directory and installs it with the tarballs. */
function install(app, dependencies, as = app) {
  const dir = join(scratch, as);
  cpSync(join(root, 'hosts', app), dir, { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: `host-${app}`, private: true, type: 'module', dependencies }, null, 2),
  );
  installed = dir;
  // npm's cache goes with the app too: the next app downloads what it needs itself.
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: dir,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, npm_config_cache: join(dir, '.npm-cache') },
  });
  return dir;
}

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

/**
 * A plain static server for a production build, with extra response headers and `%CDN%` in text
 * files written as the given address.
 */
async function serveStatic(dir, { headers = {}, cdn = '' } = {}) {
  const server = createServer((req, res) => {
    const path = normalize(new URL(req.url, 'http://host').pathname);
    let file = join(dir, path === '/' ? 'index.html' : path);
    let body;
    try {
      body = readFileSync(file);
    } catch {
      file = join(dir, 'index.html');
      body = readFileSync(file);
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    if (cdn && type.startsWith('text/')) body = String(body).replaceAll('%CDN%', cdn);
    res.writeHead(200, { 'content-type': type, ...headers });
    res.end(body);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() };
}

/** Starts a dev server (`npx vite …`) and resolves with the URL it prints. */
function startDev(dir, command, args) {
  // Its own process group, so that closing it stops npx and the server npx started.
  const child = spawn(command, args, {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
    detached: true,
  });
  const close = () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  };
  running.add(close);
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      close();
      reject(new Error(`no dev server: ${output}`));
    }, 60_000);
    const read = (chunk) => {
      // eslint-disable-next-line no-control-regex
      output += String(chunk).replace(/\x1b\[[0-9;]*m/g, '');
      const url = /(http:\/\/(?:127\.0\.0\.1|localhost):\d+\/)/.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ url, close });
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => reject(new Error(`dev server exited ${code}: ${output}`)));
  });
}

/** Imports a small file through the wizard and checks what the host and the elements show. */
async function importThroughWizard(browser, url) {
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('response', (r) => r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`));
  try {
    await page.goto(url);
    await drive(page);
  } catch (error) {
    // What the page said and showed is the useful part of a failure.
    const shown = await page
      .locator('body')
      .innerText()
      .catch(() => '');
    throw new Error(
      `${error.message}\nThe page reported: ${problems.join(' | ') || 'nothing'}\nIt showed: ${shown}`,
    );
  } finally {
    await page.close();
  }
  assert.deepEqual(problems, []);
}

/** From the wizard's first step to its result, with one file. */
async function importFile(page, file) {
  const wizard = page.locator('cs-import-wizard');
  await wizard.getByRole('heading', { name: 'Where is the file?' }).waitFor();
  await wizard.locator('input[type=file]').setInputFiles(file);
  for (const heading of [
    'How is the file written?',
    'Does this look right?',
    'Which column goes where?',
    'What will change',
  ]) {
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await page.getByRole('heading', { name: heading }).waitFor();
  }
  await page.getByRole('button', { name: 'Import now' }).click();
  await page.getByRole('heading', { name: 'Finished' }).waitFor();
  await page.locator('cs-history-grid').getByRole('rowheader', { name: file.name }).waitFor();
}

async function drive(page) {
  await importFile(page, { name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
  // The host's state, set from the element's `cs-run-finished` event.
  await page.getByTestId('finished').filter({ hasText: 'success' }).waitFor();
  const list = page.locator('cs-contact-list');
  await list.getByText('bob@example.com').first().waitFor();
  // An Excel workbook: the worker loads the spreadsheet reader from where the bundler put it.
  await page.getByRole('button', { name: 'Close' }).click();
  await importFile(page, { name: 'people.xlsx', mimeType: XLSX_TYPE, buffer: XLSX });
  await list.getByText('cara@example.com').first().waitFor();
  // Where the host listens through a React component: a deletion reaches it.
  if ((await page.getByTestId('deleted').count()) === 0) return;
  await list.getByRole('option', { name: /bob@example.com/ }).click();
  await list.getByRole('button', { name: 'Delete contact' }).click();
  await list.locator('dialog').getByRole('button', { name: 'Delete contact' }).click();
  await page.getByTestId('deleted').filter({ hasText: 'A contact was deleted.' }).waitFor();
}

/** Serves a production build and imports through it. */
async function importFromBuild(browser, dir) {
  const built = await serveStatic(dir);
  try {
    await importThroughWizard(browser, built.url);
  } finally {
    built.close();
  }
}

/** An app's production build (`npx …build`), served, then its dev server: the same import in each. */
async function buildAndDev(browser, dir, build, dev) {
  const env = { ...process.env, NG_CLI_ANALYTICS: 'false' };
  execFileSync('npx', build, { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'], env });
  await importFromBuild(browser, join(dir, 'dist'));
  const server = await startDev(dir, 'npx', [...dev, '--host', '127.0.0.1', '--port', '0']);
  try {
    await importThroughWizard(browser, server.url);
  } finally {
    server.close();
  }
}

const VITE = [['vite', 'build', '--logLevel', 'error'], ['vite']];

describe('host apps built from the packed packages', () => {
  let browser;
  let tarballs;
  before(async () => {
    tarballs = packAll();
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  });
  afterEach(() => {
    if (installed) rmSync(installed, { recursive: true, force: true });
    installed = null;
  });
  after(async () => {
    for (const close of running) close();
    await browser?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  for (const [vite, plugin] of [
    ['5', '4'],
    ['6', '4'],
    ['7', '5'],
    ['8', '6'],
  ])
    test(`Vite ${vite} + React 19: production build and dev server, with no ContactSync configuration`, async () => {
      const dir = install(
        'vite-react',
        {
          ...tarballs,
          vite: `^${vite}.0.0`,
          '@vitejs/plugin-react': `^${plugin}.0.0`,
          react: '^19.0.0',
          'react-dom': '^19.0.0',
        },
        `vite-${vite}-react`,
      );
      await buildAndDev(browser, dir, ...VITE);
    });

  test('Vite 7 + Vue 3: production build and dev server, with one line for custom elements', async () => {
    const dir = install('vite-vue', {
      ...tarballs,
      vite: '^7.0.0',
      '@vitejs/plugin-vue': '^6.0.0',
      vue: '^3.5.0',
    });
    await buildAndDev(browser, dir, ...VITE);
  });

  test('Angular 21 (esbuild builder): production build and dev server, with one line for the worker', async () => {
    const angular = '^21.0.0';
    const dir = install('angular', {
      ...tarballs,
      '@angular/build': angular,
      '@angular/cli': angular,
      '@angular/common': angular,
      '@angular/compiler': angular,
      '@angular/compiler-cli': angular,
      '@angular/core': angular,
      '@angular/platform-browser': angular,
      rxjs: '^7.8.0',
      tslib: '^2.8.0',
      typescript: '~5.9.0',
    });
    await buildAndDev(browser, dir, ['ng', 'build'], ['ng', 'serve']);
  });

  test('plain HTML under a strict CSP with Trusted Types, the single-file build from a second origin', async () => {
    const dir = install('cdn-csp', tarballs);
    const cdn = await serveStatic(join(dir, 'node_modules/@contactsync/elements/dist/cdn'), {
      headers: { 'access-control-allow-origin': '*' },
    });
    const origin = cdn.url.replace(/\/$/, '');
    // What the README gives for such a page: Lit's policy and the SDK's, and the worker's
    // same-origin module (blob:) with the CDN for the modules a worker imports statically.
    const csp = `default-src 'none'; script-src 'self' ${origin}; worker-src blob: ${origin}; style-src 'self'; img-src 'self' data:; require-trusted-types-for 'script'; trusted-types lit-html contactsync`;
    const site = await serveStatic(dir, {
      headers: { 'content-security-policy': csp },
      cdn: origin,
    });
    try {
      const page = await browser.newPage();
      await page.goto(site.url);
      // The policy is in force: markup from a string is refused.
      const sink = await page.evaluate(() => {
        try {
          globalThis.document.createElement('div').innerHTML = '<b>x</b>';
          return 'allowed';
        } catch {
          return 'refused';
        }
      });
      await page.close();
      assert.equal(sink, 'refused');
      await importThroughWizard(browser, site.url);
    } finally {
      site.close();
      cdn.close();
    }
  });

  test("Vitest 4 + jsdom: a host's component test on the in-memory mode (no Worker, no IndexedDB)", () => {
    const dir = install('vitest-jsdom', { ...tarballs, vitest: '^4.0.0', jsdom: '^27.0.0' });
    // Fails (and says why) when any of the host's tests fails.
    execFileSync('npx', ['vitest', 'run', '--reporter=dot'], {
      cwd: dir,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, CI: 'true' },
    });
  });

  test('webpack 5, production and development builds, with no ContactSync configuration', async () => {
    const dir = install('webpack', { ...tarballs, webpack: '^5.0.0', 'webpack-cli': '^6.0.0' });
    for (const mode of ['production', 'development']) {
      execFileSync('npx', ['webpack', '--no-stats', '--mode', mode], {
        cwd: dir,
        stdio: 'inherit',
      });
      cpSync(join(dir, 'index.html'), join(dir, 'dist/index.html'));
      await importFromBuild(browser, join(dir, 'dist'));
    }
  });
});
