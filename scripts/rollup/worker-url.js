/**
 * In source, the client starts `../worker/worker.ts`; in the bundle it starts the worker
 * bundle that sits beside it.
 */
export function workerUrl(bundleName) {
  const pattern = /new URL\((['"])\.\.\/worker\/worker\.ts\1, import\.meta\.url\)/g;
  return {
    name: 'worker-url',
    transform(code, id) {
      if (!id.endsWith('create-contact-sync.ts') || !pattern.test(code)) return null;
      return {
        code: code.replace(pattern, `new URL('./${bundleName}', import.meta.url)`),
        map: null,
      };
    },
  };
}
