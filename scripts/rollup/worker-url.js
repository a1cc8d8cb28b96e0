/**
 * In source, the client starts `../worker/worker.ts` and names no spreadsheet reader; in the
 * bundle it starts the worker bundle beside it and tells it where the reader bundle is (both
 * as `new URL('./…', import.meta.url)`, which bundlers emit as assets). A marker that has gone
 * missing fails the build: a bundle that quietly lost its worker or reader would ship.
 */
export function workerUrl(bundleName, readerName) {
  const worker = /new URL\((['"])\.\.\/worker\/worker\.ts\1, import\.meta\.url\)/;
  const reader = 'null; // contactsync:reader-url';
  return {
    name: 'worker-url',
    transform(code, id) {
      if (!id.endsWith('create-contact-sync.ts')) return null;
      if (!worker.test(code) || !code.includes(reader))
        this.error(
          'create-contact-sync.ts no longer names its worker and reader as the build expects.',
        );
      return {
        code: code
          .replace(worker, `new URL('./${bundleName}', import.meta.url)`)
          .replace(reader, `besideSdk(new URL('./${readerName}', import.meta.url));`),
        map: null,
      };
    },
  };
}

/**
 * In source, the worker imports the core's spreadsheet reader; in the bundle it imports the
 * self-contained reader script by URL (beside it, or where the client said), so no bundler has
 * to keep a chunk and its importer together.
 */
export function readerImport() {
  // The runtime import only (`await import(…)`), not the type (`typeof import(…)`).
  const literal = /await import\((['"])@contactsync\/core\/workbook\1\)/;
  return {
    name: 'reader-import',
    transform(code, id) {
      if (!id.endsWith('workbook-as-csv.ts')) return null;
      if (!literal.test(code))
        this.error('workbook-as-csv.ts no longer imports the reader as the build expects.');
      return {
        code:
          `import { readerUrl } from './reader-url.ts';\n` +
          code.replace(
            literal,
            'await import(/* @vite-ignore */ /* webpackIgnore: true */ readerUrl())',
          ),
        map: null,
      };
    },
  };
}
