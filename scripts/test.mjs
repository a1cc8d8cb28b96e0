// Runs every suite (browser tests in Chromium through wtr; Node suites when a package has them)
// and ends with one line CI can read: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const totals = { passed: 0, failed: 0 };
// Names of failed browser tests, repeated beside the last line: CI keeps only a log's end.
let browserFailures = [];
let exitCode = 0;

// Every password the tests use contains this mark; it must never reach any output.
const SECRET_MARK = 'Pw-9f3Kq-SECRET';
let allOutput = '';

/** Runs a suite, echoing its output live enough for CI logs, and keeps it for the secret scan. */
function run(command, args, env = {}) {
  const result = spawnSync(command, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  process.stdout.write(result.stdout ?? '');
  process.stderr.write(result.stderr ?? '');
  allOutput += `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.status !== 0) exitCode = 1;
  return result.stdout ?? '';
}

/** Runs Node's test runner and adds its counts; a run that died before counting is a failure. */
function nodeTests(args) {
  const out = run('node', ['--test', '--test-reporter=spec', ...args]);
  const passed = /^ℹ pass (\d+)/m.exec(out);
  const failed = /^ℹ fail (\d+)/m.exec(out);
  totals.passed += Number(passed?.[1] ?? 0);
  totals.failed += failed ? Number(failed[1]) : 1;
}

rmSync('.wtr-summary.json', { force: true });
run('npx', ['wtr']);
if (existsSync('.wtr-summary.json')) {
  const browser = JSON.parse(readFileSync('.wtr-summary.json', 'utf8'));
  totals.passed += browser.passed;
  totals.failed += browser.failed;
  browserFailures = browser.failures ?? [];
} else {
  totals.failed += 1;
  console.error('The browser test run ended without a summary.');
}

const nodeSuites = readdirSync('packages')
  .map((p) => join('packages', p, 'test-node'))
  .filter((dir) => existsSync(dir));
if (nodeSuites.length > 0) {
  const files = nodeSuites.flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.test.ts'))
      .map((f) => join(dir, f)),
  );
  // TypeScript runs through tsx; files one at a time, since each starts its own servers.
  // `@contactsync/source`: workspace packages (core, for the server) load from their sources.
  nodeTests([
    '--conditions=@contactsync/source',
    '--import',
    'tsx',
    '--test-concurrency=1',
    ...files,
  ]);
}

// The demo portal end to end (needs the build, which `npm test` runs first).
nodeTests(['demo/test/portal.e2e.test.mjs']);

// Host apps (Vite + React, webpack) installed from the packed tarballs, built and driven.
nodeTests(['hosts/test/host-apps.e2e.test.mjs']);

if (allOutput.includes(SECRET_MARK)) {
  console.error(
    'A test password appeared in the test output: a secret leaked into logs or errors.',
  );
  totals.failed += 1;
}

if (totals.failed > 0) exitCode = 1;
if (browserFailures.length > 0)
  console.log(`\nbrowser failures:\n  ${browserFailures.join('\n  ')}`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
process.exit(exitCode);
