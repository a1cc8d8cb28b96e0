// `node bench/profile.mjs [file] [second-file | --edit]`: CPU profile of the engine worker during
// an import of `file` (or, given a second file, during its re-import after `file`; or, with
// `--edit`, during the bench's five edits and five deletions after it), summarised by self time.
// A tool for finding hot spots, not a benchmark; build with CONTACTSYNC_UNMINIFIED=1 first.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, chromiumPath } from '../scripts/wtr/chromium.js';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const file = join(root, 'bench/out', process.argv[2] ?? 'rows-100k.csv');
const editing = process.argv[3] === '--edit';
const second = process.argv[3] && !editing ? join(root, 'bench/out', process.argv[3]) : null;
const mounts = [
  ['/sdk/', join(root, 'packages/sdk/dist')],
  ['/bench/', join(root, 'bench/page')],
];
const server = createServer((req, res) => {
  const path = new URL(req.url, 'http://x').pathname;
  for (const [prefix, dir] of mounts) {
    const target = join(dir, path.slice(prefix.length) || 'index.html');
    if (
      path.startsWith(prefix) &&
      target.startsWith(dir) &&
      existsSync(target) &&
      statSync(target).isFile()
    ) {
      res.writeHead(200, {
        'content-type': extname(target) === '.js' ? 'text/javascript' : 'text/html',
      });
      return createReadStream(target).pipe(res);
    }
  }
  res.writeHead(404).end();
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const browser = await puppeteer.launch({
  executablePath: chromiumPath,
  headless: true,
  args: chromiumArgs,
});
const page = await browser.newPage();
const engine = new Promise((r) =>
  page.on('workercreated', (w) => w.url().includes('contactsync-worker') && r(w)),
);
await page.goto(`http://127.0.0.1:${server.address().port}/bench/`);
await page.waitForFunction('window.benchReady === true');
await (await page.$('#files')).uploadFile(...[file, second].filter(Boolean));
await page.evaluate(() => window.bench.setup());
const worker = await engine;
if (second || editing) await page.evaluate((n) => window.bench.run(n), file.split('/').pop());
// As in the bench: the edits come after browsing (search text and name order in memory).
if (editing) await page.evaluate(() => window.bench.browse());
let peakHeap = 0;
const heapPoll = setInterval(async () => {
  try {
    peakHeap = Math.max(peakHeap, (await worker.client.send('Runtime.getHeapUsage')).usedSize);
  } catch {
    /* the worker is busy or gone */
  }
}, 50);
await worker.client.send('Profiler.enable');
await worker.client.send('Profiler.setSamplingInterval', { interval: 200 });
await worker.client.send('Profiler.start');
const name = (second ?? file).split('/').pop();
const result = editing
  ? await page.evaluate((n) => window.bench.editFive(n), name.includes('1M') ? 1e6 : 1e5)
  : await page.evaluate((n) => window.bench.run(n), name);
const { profile } = await worker.client.send('Profiler.stop');
clearInterval(heapPoll);
const heap = `peak worker heap during it ${(peakHeap / 1e6).toFixed(0)} MB`;
console.log(
  editing
    ? `edits: ${JSON.stringify(result)}; ${heap}`
    : `import: ${result.ms.toFixed(0)} ms, ${result.status}; ${heap}`,
);
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
profile.samples.forEach((id, i) => {
  const n = byId.get(id);
  const key = `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
  self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0));
});
for (const [key, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25))
  console.log(`${(us / 1000).toFixed(0).padStart(7)} ms  ${key}`);
await browser.close();
server.close();
