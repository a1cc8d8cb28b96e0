import commonjs from '@rollup/plugin-commonjs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';
import { sizeBudget } from './scripts/rollup/size-budget.js';
import { copyBeside } from './scripts/rollup/copy-beside.js';
import { readerImport, workerUrl } from './scripts/rollup/worker-url.js';

const WORKER_BUNDLE = 'contactsync-worker.js';
const READER_BUNDLE = 'contactsync-workbook.js';

/** The elements, each also its own entry point. */
const ELEMENTS = [
  'contact-list',
  'device-sync',
  'history-grid',
  'import-wizard',
  'mapping-table',
  'recipient-picker',
  'schedule-editor',
  'sync-status',
];

/** zod's sources carry comments rollup cannot place, and a harmless internal cycle. */
function onwarn(warning, warn) {
  if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('/zod/')) return;
  if (warning.code === 'CIRCULAR_DEPENDENCY' && warning.ids?.every((id) => id.includes('/zod/')))
    return;
  warn(warning);
}

/** Browser bundles: source TypeScript, papaparse's browser build, minified. */
const browserPlugins = (budgets) => [
  nodeResolve({
    browser: true,
    exportConditions: ['@contactsync/source', 'browser', 'production'],
  }),
  commonjs(),
  esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' }),
  // CONTACTSYNC_UNMINIFIED=1 keeps names readable for profiling (bench/profile.mjs).
  ...(process.env.CONTACTSYNC_UNMINIFIED ? [] : [terser({ format: { comments: false } })]),
  sizeBudget(process.env.CONTACTSYNC_UNMINIFIED ? {} : budgets),
];

export default [
  {
    // The pure core as a library; its dependencies stay external for the host's bundler.
    input: { index: 'packages/core/src/index.ts', workbook: 'packages/core/src/workbook/index.ts' },
    external: (id) => /^(papaparse|zod|libphonenumber-js|@e965\/xlsx)(\/|$)/.test(id),
    output: { dir: 'packages/core/dist', format: 'es', sourcemap: true },
    plugins: [
      nodeResolve({ exportConditions: ['@contactsync/source'] }),
      esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' }),
    ],
  },
  {
    // The reference server for Node; core and the database drivers stay external.
    input: { index: 'packages/server/src/index.ts', cli: 'packages/server/src/cli.ts' },
    external: (id) =>
      id.startsWith('node:') ||
      /^(@contactsync\/(core|proxy)|better-sqlite3|kysely|pg|pg-boss|zod)(\/|$)/.test(id),
    output: { dir: 'packages/server/dist', format: 'es', sourcemap: true },
    onwarn,
    plugins: [
      nodeResolve({ exportConditions: ['@contactsync/source', 'node'] }),
      esbuild({ target: 'node20', tsconfig: 'tsconfig.json' }),
    ],
  },
  {
    // The proxy for Node: a library and the `contactsync-proxy` command; dependencies stay external.
    input: { index: 'packages/proxy/src/index.ts', cli: 'packages/proxy/src/cli.ts' },
    external: (id) =>
      id.startsWith('node:') || /^(basic-ftp|ssh2|ipaddr\.js|nodemailer)(\/|$)/.test(id),
    output: { dir: 'packages/proxy/dist', format: 'es', sourcemap: true },
    plugins: [
      nodeResolve({ exportConditions: ['@contactsync/source', 'node'] }),
      esbuild({ target: 'node20', tsconfig: 'tsconfig.json' }),
    ],
  },
  {
    // The web components; Lit stays external (hosts share one copy), the budget is for ours.
    // Latvian is its own entry (`@contactsync/elements/lv`): pages in English do not load it.
    // Each element is an entry too (`@contactsync/elements/contact-list`…): a page that uses one
    // loads it and the shared chunks it needs, not the other seven.
    input: {
      index: 'packages/elements/src/index.ts',
      lv: 'packages/elements/src/i18n/lv.ts',
      ...Object.fromEntries(ELEMENTS.map((e) => [e, `packages/elements/src/entries/${e}.ts`])),
      // React components of every element (@lit/react); React and @lit/react stay the host's.
      react: 'packages/elements/src/entries/react.ts',
    },
    onwarn,
    external: (id) =>
      /^(lit|@lit\/reactive-element|@lit\/react|lit-html|lit-element|react)(\/|$)/.test(id) ||
      id.startsWith('@contactsync/'),
    output: {
      dir: 'packages/elements/dist',
      format: 'es',
      sourcemap: true,
      chunkFileNames: 'chunks/[name]-[hash].js',
    },
    // 31 KB: raised from 30 KB for <cs-sync-status> (about 1 KB with its en and lv strings);
    // 32 KB for the wizard's encoding chooser (thirteen encodings named in en and lv); 33 KB for
    // its generated-keys notice, the offer to update an import of the same file, and vCard hand-over;
    // 37.5 KB for row problems, refusals and run notes worded in en and lv, the problem report, the
    // contact list's Deleted view, automatic phone sync and the grid's new parts. Down to 33 KB
    // when Latvian moved to its own entry, which keeps a budget of its own (9 KB, with every
    // error worded: fetch failures by the proxy's code, columns, backend, undo).
    // 34.5 KB with the workbook's sheet chooser, "Review and import", progress through the run;
    // 36 KB for validation at each field, time zones by city and the schedule's next runs.
    // 39 KB (from 38.5 KB) for the mapping table's phone layout and the wording of field rules
    // and checks (three row problems, a failure, the required field in en and lv).
    // 38.5 KB when each element became an entry of its own: the boundaries between the chunks
    // they share cost about 2 KB gzip for pages that load them all, the price of a page with one
    // element loading a third to two thirds of that. Each element's budget counts what its page
    // loads: itself, the shared base (CsElement, the English catalogue) and any element inside.
    // The mapping table 14.8 KB (from 14.4 KB) for its phone layout and required fields.
    // 39.5 KB, the wizard 28 KB, the mapping table 15.3 KB and Latvian 9.2 KB for the rules of
    // a new field (required, allowed values) in the mapping table's "New field…" form. The
    // mapping table 15.4 KB for naming the line of an allowed value that is too long.
    plugins: browserPlugins({
      'index.js': 39_500,
      'lv.js': 9_200,
      'contact-list.js': 17_300,
      'device-sync.js': 14_400,
      'history-grid.js': 15_200,
      'import-wizard.js': 28_000,
      'mapping-table.js': 15_400,
      'recipient-picker.js': 14_300,
      'schedule-editor.js': 15_000,
      'sync-status.js': 11_900,
      'react.js': 39_500,
    }),
  },
  {
    // The same with Lit inside, for pages without a bundler (the demo portal loads this one).
    input: 'packages/elements/src/index.ts',
    onwarn,
    external: (id) => id.startsWith('@contactsync/'),
    output: {
      file: 'packages/elements/dist/contactsync-elements.js',
      format: 'es',
      sourcemap: true,
    },
    // 39 KB: down from 45 KB when Latvian moved out (pages load `lv.js` beside it when needed);
    // 40.5 KB for undo, the sheet chooser, "Review and import" and progress through the run;
    // 42 KB for validation at each field, time zones by city and the schedule's next runs;
    // 42.5 KB for the mapping table's phone layout and the wording of field rules and checks;
    // 43 KB for the rules of a new field in the mapping table's form.
    plugins: browserPlugins({ 'contactsync-elements.js': 43_000 }),
  },
  {
    // The SDK's main-thread client: small, self-contained, loads the worker beside it.
    input: 'packages/sdk/src/index.ts',
    onwarn,
    output: { file: 'packages/sdk/dist/index.js', format: 'es', sourcemap: true },
    // 6.2 KB: raised from 6 KB for the backend option and `replication` (status, syncNow);
    // 6.7 KB for the header synonyms of real exports and four languages (`suggestMapping`);
    // 7.3 KB for `importFile` and the problem report (its CSV is built beside the caller's wording);
    // 7.7 KB for the worker handshake (database by message, versions), Trusted Types and clear
    // errors when the worker cannot start; 8.5 KB for `ContactSyncClient` (the client a framework
    // creates synchronously: about 0.8 KB, every method of the API waiting for the worker) and
    // the cross-origin worker start; 8.7 KB for the line to add when a bundler (Vite's dev
    // pre-bundling) leaves the worker behind; 9 KB for the SDK's own Trusted Types policy (a
    // strict-CSP page starts the default worker with no policy of its own) and Angular's line;
    // 9.3 KB for the host's field checks (per-value checks answered a batch at a time across the
    // worker) and `books.setFieldRules`.
    plugins: [workerUrl(WORKER_BUNDLE, READER_BUNDLE), ...browserPlugins({ 'index.js': 9_300 })],
  },
  {
    // The in-memory mode (`@contactsync/sdk/memory`): client and engine on one thread, for host
    // tests in jsdom/Vitest and server-side rendering. The core and fake-indexeddb stay the
    // host's dependencies; not minified, no budget: no browser page loads it.
    input: { memory: 'packages/sdk/src/memory/index.ts' },
    onwarn,
    external: (id) => /^(@contactsync\/core|fake-indexeddb)(\/|$)/.test(id),
    output: { dir: 'packages/sdk/dist', format: 'es', sourcemap: true },
    plugins: [
      nodeResolve({ exportConditions: ['@contactsync/source'] }),
      esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' }),
    ],
  },
  {
    // The engine itself, in its Web Worker: core, papaparse, idb, comlink, zod, phone metadata.
    input: 'packages/sdk/src/worker/worker.ts',
    onwarn,
    // The spreadsheet reader is a script of its own (below), imported by URL when a workbook
    // arrives.
    output: { file: `packages/sdk/dist/${WORKER_BUNDLE}`, format: 'es', sourcemap: true },
    // Raised from 72 KB for phone sync (vCard reader, device rows): about 3 KB gzip, on purpose.
    // 78 KB: raised from 76 KB for the data-safety checks (columns by header name, UTF-8 evidence,
    // reads at one version, row accounting); 80 KB for export (the CSV and vCard writers);
    // 86 KB for replication with a backend (push, pull, stream, conflicts): about 3 KB;
    // 88 KB for undo of the latest import (kept segments, the undo as replicated changes);
    // 89 KB for the contact list's name order, phone search by digits and upcoming runs;
    // 91 KB for field rules (required, allowed values) with the host's checks, and what the
    // in-memory mode needs of the engine (thread locks, jsdom's Blob, no WebCrypto digest);
    // 92 KB for search text kept beside each segment (search without reading contacts);
    // 93.5 KB for carrying the name order and where pages showed contacts over to the version
    // a change writes (after an edit at 1M, the list by name in 40 ms instead of 0.6 s);
    // 94 KB for ids and keys packed in key records (a view of 1M contacts holds two strings
    // per segment instead of two per contact, and loads that much faster);
    // 94.6 KB for keys found through a hash table of typed arrays (a run's new keys and the
    // index's lookup hold no string per key: at 1M, 30 MB less for new keys, 45 MB less for a file
    // in another order);
    // 95.3 KB for suggestions that stop at their first matches and read a new tab's search records
    // a few segments at a time, and a version keeping its latest searches' matches (at 1M the
    // recipient picker's query in milliseconds instead of 0.1 s, the list's later pages of a
    // search from memory instead of a scan of the book each).
    // The workbook reader (SheetJS) is its own budget: only Excel users load it.
    plugins: [readerImport(), ...browserPlugins({ [WORKER_BUNDLE]: 95_300 })],
  },
  {
    // The spreadsheet reader (SheetJS with the core's workbook entry), self-contained: a host's
    // bundler copies it as an asset, and the worker imports it from wherever that put it.
    input: 'packages/core/src/workbook/index.ts',
    onwarn,
    output: { file: `packages/sdk/dist/${READER_BUNDLE}`, format: 'es', sourcemap: true },
    plugins: browserPlugins({ [READER_BUNDLE]: 120_000 }),
  },
  {
    // One module for pages without a bundler, from any origin (a CDN): elements, Lit and the
    // SDK's client together, Latvian beside it, and the worker (built above) copied next to it.
    input: {
      contactsync: 'packages/elements/src/entries/cdn.ts',
      'contactsync-lv': 'packages/elements/src/i18n/lv.ts',
    },
    onwarn,
    output: { dir: 'packages/elements/dist/cdn', format: 'es', sourcemap: true },
    // 48 KB: the elements with Lit (40.7 KB) and the SDK's client (8.6 KB), less what they share
    // (raised from 47 KB with the client's Trusted Types policy; to 48.5 KB with the client's
    // clear refusal of a relative address where there is no page; to 49 KB with the rules of a
    // new field in the mapping table's form, which left it 10 bytes from its budget).
    plugins: [
      workerUrl(WORKER_BUNDLE, READER_BUNDLE),
      ...browserPlugins({ 'contactsync.js': 49_000, 'contactsync-lv.js': 9_200 }),
      copyBeside('packages/sdk/dist', [
        WORKER_BUNDLE,
        `${WORKER_BUNDLE}.map`,
        'contactsync-workbook.js',
        'contactsync-workbook.js.map',
      ]),
    ],
  },
];
