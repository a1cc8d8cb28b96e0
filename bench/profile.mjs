// `node bench/profile.mjs [file] [second-file | --edit | --browse]`: CPU profile of the engine
// worker during an import of `file` (or, given a second file, during its re-import after `file`;
// with `--edit`, during the bench's five edits and five deletions after it; with `--browse`,
// during the bench's browsing after it), summarised by self time, with the worker's heap over
// time. With HEAP_SAMPLE=<MB>, also what the heap holds by allocating function when it is highest
// above that many MB (V8's sampling heap profiler: objects allocated during the step and not yet
// collected). A tool for finding hot spots, not a benchmark; build with CONTACTSYNC_UNMINIFIED=1 first.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, chromiumPath } from '../scripts/wtr/chromium.js';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const file = join(root, 'bench/out', process.argv[2] ?? 'rows-100k.csv');
const editing = process.argv[3] === '--edit';
const browsing = process.argv[3] === '--browse';
const second =
  process.argv[3] && !editing && !browsing ? join(root, 'bench/out', process.argv[3]) : null;
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
if (second || editing || browsing)
  await page.evaluate((n) => window.bench.run(n), file.split('/').pop());
// As in the bench: the edits come after browsing (search text and name order in memory).
if (editing) await page.evaluate(() => window.bench.browse());
// As in the bench, whose steps after the first follow a full collection.
await worker.client.send('HeapProfiler.collectGarbage');
let peakHeap = 0;
const started = Date.now();
const timeline = [];
const heapPoll = setInterval(async () => {
  try {
    const used = (await worker.client.send('Runtime.getHeapUsage')).usedSize;
    peakHeap = Math.max(peakHeap, used);
    timeline.push([Date.now() - started, used]);
  } catch {
    /* the worker is busy or gone */
  }
}, 50);
const heapSampleFrom = Number(process.env.HEAP_SAMPLE ?? 0) * 1e6;
let atPeak = null;
let sampling = false;
let samplePoll;
if (heapSampleFrom > 0) {
  await worker.client.send('HeapProfiler.enable');
  await worker.client.send('HeapProfiler.startSampling', { samplingInterval: 65536 });
  samplePoll = setInterval(async () => {
    if (sampling) return;
    sampling = true;
    try {
      const used = (await worker.client.send('Runtime.getHeapUsage')).usedSize;
      if (used > (atPeak?.used ?? heapSampleFrom)) {
        const { profile } = await worker.client.send('HeapProfiler.getSamplingProfile');
        atPeak = { used, profile };
      }
    } catch {
      /* the worker is busy or gone */
    }
    sampling = false;
  }, 100);
}
await worker.client.send('Profiler.enable');
await worker.client.send('Profiler.setSamplingInterval', { interval: 200 });
await worker.client.send('Profiler.start');
const name = (second ?? file).split('/').pop();
const result = editing
  ? await page.evaluate((n) => window.bench.editFive(n), name.includes('1M') ? 1e6 : 1e5)
  : browsing
    ? await page.evaluate(() => window.bench.browse())
    : await page.evaluate((n) => window.bench.run(n), name);
const { profile } = await worker.client.send('Profiler.stop');
clearInterval(heapPoll);
clearInterval(samplePoll);
const heap = `peak worker heap during it ${(peakHeap / 1e6).toFixed(0)} MB`;
console.log(
  editing || browsing
    ? `${editing ? 'edits' : 'browsing'}: ${JSON.stringify(result)}; ${heap}`
    : `import: ${result.ms.toFixed(0)} ms, ${result.status}; ${heap}`,
);
// The heap's highest sample in each second: where in the step the peak comes.
const bySecond = new Map();
for (const [ms, used] of timeline)
  bySecond.set(Math.floor(ms / 1000), Math.max(bySecond.get(Math.floor(ms / 1000)) ?? 0, used));
console.log(
  `heap by second (MB): ${[...bySecond].map(([s, used]) => `${s}:${(used / 1e6).toFixed(0)}`).join(' ')}`,
);
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
profile.samples.forEach((id, i) => {
  const n = byId.get(id);
  const key = `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
  self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0));
});
if (atPeak) {
  // Bytes still held by allocating function (and its caller) when the heap was highest.
  const held = new Map();
  const walk = (node, caller) => {
    const name = `${node.callFrame.functionName || '(anonymous)'}:${node.callFrame.lineNumber}`;
    const key = `${name} <- ${caller}`;
    if (node.selfSize) held.set(key, (held.get(key) ?? 0) + node.selfSize);
    for (const child of node.children) walk(child, name);
  };
  walk(atPeak.profile.head, '');
  const sampled = [...held.values()].reduce((a, b) => a + b, 0);
  console.log(
    `at ${(atPeak.used / 1e6).toFixed(0)} MB used, ${(sampled / 1e6).toFixed(0)} MB allocated during the step and held:`,
  );
  for (const [key, bytes] of [...held].sort((a, b) => b[1] - a[1]).slice(0, 12))
    console.log(`${(bytes / 1e6).toFixed(1).padStart(7)} MB  ${key}`);
}
for (const [key, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25))
  console.log(`${(us / 1000).toFixed(0).padStart(7)} ms  ${key}`);
await browser.close();
server.close();
