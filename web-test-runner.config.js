import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { cjsToEsmPlugin } from './scripts/wtr/cjs-to-esm-plugin.js';
import { countsReporter } from './scripts/wtr/counts-reporter.js';
import { assertChromium, chromiumArgs, chromiumPath } from './scripts/wtr/chromium.js';
import { testServers } from './scripts/wtr/test-servers.js';

assertChromium();
const servers = await testServers();

export default {
  files: ['packages/*/test/**/*.test.ts', 'packages/elements/src/**/*.test.ts'],
  nodeResolve: { exportConditions: ['@contactsync/source', 'browser', 'production'] },
  middleware: [servers.middleware],
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022' }),
    cjsToEsmPlugin(['papaparse', 'axe-core']),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: chromiumPath, headless: true, args: chromiumArgs },
    }),
  ],
  // One page at a time: msw answers a worker's requests only for a visible page, and IndexedDB-heavy
  // tests measure nothing useful when two compete for the same disk.
  concurrency: 1,
  testFramework: { config: { timeout: 30000 } },
  testsFinishTimeout: 300000,
  browserStartTimeout: 60000,
  reporters: [defaultReporter(), countsReporter({ outFile: '.wtr-summary.json' })],
};
