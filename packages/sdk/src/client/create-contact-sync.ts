import { wrap, type Remote } from 'comlink';
import { ContactSyncError } from '@contactsync/core';
import { installErrorTransfer } from '../comlink-errors.ts';
import { SDK_VERSION, type WorkerInit } from '../version.ts';
import type { Engine } from '../worker/engine.ts';
import type { ContactSync } from './contact-sync.ts';
import type { ContactSyncOptions, TrustedScriptURLLike } from './contact-sync-options.ts';
import { connectEngine } from './engine-client.ts';

/** The worker script, resolved next to this module (the build rewrites this to the bundle). */
function defaultWorkerUrl(): URL {
  return besideSdk(new URL('../worker/worker.ts', import.meta.url));
}

/**
 * The spreadsheet reader beside this module, for the worker to load when a workbook arrives;
 * the build writes its URL here (bundlers then emit it as an asset, like the worker). From
 * source there is none: the worker imports the core's reader itself.
 */
function defaultReaderUrl(): URL | null {
  return null; // contactsync:reader-url
}

/**
 * Vite's dev server (also inside Angular's) pre-bundles dependencies into node_modules/.vite/deps
 * or .angular/cache/…/vite/deps without the files beside them; those are still where npm
 * installed the package, next to the cache.
 */
function besideSdk(url: URL): URL {
  const deps = /\/(?:node_modules\/\.vite|\.angular\/cache)\//.exec(url.pathname);
  if (!deps) return url;
  const name = url.pathname.slice(url.pathname.lastIndexOf('/') + 1);
  const root = url.pathname.slice(0, deps.index);
  return new URL(`${root}/node_modules/@contactsync/sdk/dist/${name}`, url);
}

const isTrusted = (url: unknown): url is TrustedScriptURLLike =>
  typeof url === 'object' &&
  url !== null &&
  !(url instanceof URL) &&
  !!(
    globalThis as { trustedTypes?: { isScriptURL(v: unknown): boolean } }
  ).trustedTypes?.isScriptURL(url);

/**
 * A worker must come from the page's origin. The SDK served from another one (a CDN) starts it
 * through a same-origin module that imports the real script (CORS applies), so the worker, and
 * the IndexedDB it opens, belong to the page. The page's CSP then needs `worker-src blob:`, and
 * under Trusted Types `trusted-types contactsync` for the policy that vouches for that module.
 */
function sameOriginScript(
  url: URL | TrustedScriptURLLike,
  ours: boolean,
): { script: URL | TrustedScriptURLLike | string; shim?: string } {
  // Under Trusted Types the SDK vouches only for the worker it names itself, never a host's URL.
  const vouch = <T>(script: T, href: string) =>
    (ours && shimPolicy()?.createScriptURL(href)) || script;
  if (!(url instanceof URL)) return { script: url };
  if (!globalThis.location || url.origin === globalThis.location.origin)
    return { script: vouch(url, url.href) };
  const shim = URL.createObjectURL(
    new Blob([`import ${JSON.stringify(url.href)};`], { type: 'text/javascript' }),
  );
  return { script: vouch(shim, shim), shim };
}

type ShimPolicy = { createScriptURL(url: string): TrustedScriptURLLike };
let policy: ShimPolicy | null | undefined;

/** Made on first need, and only by the SDK's own default worker (or its same-origin module). */
function shimPolicy(): ShimPolicy | null {
  const types = (
    globalThis as {
      trustedTypes?: {
        createPolicy(name: string, rules: { createScriptURL(url: string): string }): ShimPolicy;
      };
    }
  ).trustedTypes;
  if (policy === undefined)
    try {
      policy = types?.createPolicy('contactsync', { createScriptURL: (url) => url }) ?? null;
    } catch {
      // The page's CSP names its policies and not this one: the Worker's error will say so.
      policy = null;
    }
  return policy;
}

/** What to change when a bundler moved the SDK away from its worker. */
function loadHint(url: string): string {
  return url.includes('/.vite/deps/')
    ? " Vite pre-bundled the SDK without its worker: add optimizeDeps: { exclude: ['@contactsync/sdk'] } to vite.config, or pass workerUrl from '@contactsync/sdk/worker?url'."
    : ' Serve contactsync-worker.js beside the SDK, or pass workerUrl (@contactsync/sdk/worker). Angular: add { "glob": "contactsync-*.js", "input": "node_modules/@contactsync/sdk/dist", "output": "/" } to the build\'s assets.';
}

function loadWorker(
  url: URL | TrustedScriptURLLike,
  dbName: string,
  ours: boolean,
): Promise<{ worker: Worker; engine: Remote<Engine> }> {
  let worker: Worker;
  const { script, shim } = sameOriginScript(url, ours);
  // The shim's URL is needed until the worker has loaded it.
  const done = () => shim && URL.revokeObjectURL(shim);
  try {
    worker = new Worker(script as URL, { type: 'module', name: 'contactsync' });
  } catch (error) {
    // A page enforcing Trusted Types refuses plain URLs; a cross-origin URL is refused too.
    const message = error instanceof Error ? error.message : String(error);
    return Promise.reject(
      new ContactSyncError(
        'unsupported',
        /trusted/i.test(message)
          ? `This page enforces Trusted Types, so the ContactSync worker needs a trusted URL: allow the SDK's policy (trusted-types contactsync) or pass workerUrl: policy.createScriptURL(…) (${message}).`
          : `The ContactSync worker could not be started from ${String(url)}: ${message}`,
      ),
    );
  }
  const reader = defaultReaderUrl();
  const init: WorkerInit = {
    contactsync: 'init',
    dbName,
    version: SDK_VERSION,
    ...(reader ? { workbookUrl: reader.href } : {}),
  };
  worker.postMessage(init);
  const engine = wrap<Engine>(worker);
  // A module worker that fails to load never answers; its "error" event is the only sign.
  return new Promise((resolve, reject) => {
    const onError = (event: ErrorEvent | Event) => {
      done();
      worker.terminate();
      const detail = event instanceof ErrorEvent && event.message ? `: ${event.message}` : '';
      reject(
        new ContactSyncError(
          'internal',
          `The ContactSync worker failed to load from ${String(url)}${detail}.${loadHint(String(url))}`,
        ),
      );
    };
    worker.addEventListener('error', onError, { once: true });
    engine.ready().then(
      () => {
        done();
        worker.removeEventListener('error', onError);
        resolve({ worker, engine });
      },
      (error: unknown) => {
        done();
        worker.terminate();
        reject(error);
      },
    );
  });
}

/**
 * Starts the sync engine in a Web Worker and returns a typed client for it.
 * Resolves once the database is open; rejects with a clear error if the worker cannot load.
 */
export async function createContactSync(options: ContactSyncOptions = {}): Promise<ContactSync> {
  if (typeof Worker === 'undefined' || typeof indexedDB === 'undefined')
    throw new ContactSyncError(
      'unsupported',
      "ContactSync runs its engine in a Web Worker over IndexedDB, which this environment does not have (Node, server-side rendering, jsdom). Create the client in the browser, for example after the first render; in tests and server-side rendering, use createMemoryContactSync from '@contactsync/sdk/memory'.",
    );
  installErrorTransfer();
  const dbName = options.dbName ?? 'contactsync';
  const url = isTrusted(options.workerUrl)
    ? options.workerUrl
    : new URL(
        (options.workerUrl as string | URL | undefined) ?? defaultWorkerUrl(),
        globalThis.location?.href,
      );
  const { worker, engine } = await loadWorker(url, dbName, options.workerUrl === undefined);
  return connectEngine(engine, () => worker.terminate(), dbName, options);
}
