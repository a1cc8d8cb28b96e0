import { proxy, releaseProxy, wrap, type Remote } from 'comlink';
import {
  ContactSyncError,
  problemRowsCsv,
  type RowIssue,
  type FieldType,
  type ParseOptions,
  type DeviceContact,
  type ProfileInput,
  type RemoteSource,
  type RunProgress,
  type RunRecord,
  type Schedule,
} from '@contactsync/core';
import { installErrorTransfer } from '../comlink-errors.ts';
import { pickerSupported, type ContactPicker } from '../platform/contact-picker.ts';
import { SDK_VERSION, type WorkerInit } from '../version.ts';
import { channelName, type ContactSyncEvent } from '../events.ts';
import type { Engine } from '../worker/engine.ts';
import type { RunRequest } from '../worker/run-profile.ts';
import type { ContactSync } from './contact-sync.ts';
import type {
  ContactSyncOptions,
  RunOptions,
  TrustedScriptURLLike,
} from './contact-sync-options.ts';
import type { ContactQuery, ExportOptions } from '../api/contact-queries.ts';
import type { HistoryQuery, ImportFileSettings, ProfileListOptions } from '../api/import-types.ts';
import type { DeviceOptions } from '../api/device-types.ts';

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
      'ContactSync runs its engine in a Web Worker over IndexedDB, which this environment does not have (Node, server-side rendering, jsdom). Create the client in the browser, for example after the first render.',
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
  if (options.proxyUrl !== undefined) {
    const proxy = new URL(options.proxyUrl, globalThis.location?.href).href.replace(/\/$/, '');
    await engine.configureProxy(
      { url: proxy, headers: { ...options.proxyHeaders } },
      options.notifyRetryDelaysMs,
    );
  }
  if (options.storageReserveBytes) await engine.configureStorage(options.storageReserveBytes);
  if (options.backend) {
    const { url, resolveConflict, ...rest } = options.backend;
    await engine.configureBackend(
      { ...rest, url: new URL(url, globalThis.location?.href).href },
      resolveConflict && proxy(resolveConflict),
    );
  }
  const channels = new Set<BroadcastChannel>();

  // With a backend that runs imports, schedules are its job, with or without a tab open.
  if (options.scheduler !== 'manual' && !options.backend?.serverImports)
    await engine.startScheduler();

  /** Gives a run its id, and turns the caller's signal and progress callback into the worker's. */
  async function startRun(
    runOptions: RunOptions,
    file: Blob | null | undefined,
    start: (
      request: RunRequest,
      onProgress: ((p: RunProgress) => void) | undefined,
    ) => Promise<RunRecord>,
  ): Promise<RunRecord> {
    const runId = crypto.randomUUID();
    const { signal, onProgress } = runOptions;
    if (signal?.aborted)
      throw new ContactSyncError('aborted', 'The import was cancelled before it started.');
    const onAbort = () => {
      // A client closed meanwhile has no run left to cancel (its worker is gone).
      try {
        engine.cancel(runId).catch(() => undefined);
      } catch {
        /* released */
      }
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      return await start(
        {
          runId,
          ...(file ? { file } : {}),
          fileName: runOptions.fileName ?? (file instanceof File ? file.name : undefined),
          trigger: runOptions.trigger ?? 'manual',
          confirmMassDelete: runOptions.confirmMassDelete ?? false,
        },
        onProgress ? proxy(onProgress) : undefined,
      );
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }

  let closed = false;
  /** Ends the worker; calling it again does nothing. */
  function close(): void {
    if (closed) return;
    closed = true;
    for (const channel of channels) channel.close();
    channels.clear();
    engine[releaseProxy]();
    worker.terminate();
  }

  return {
    dbName,

    books: {
      list: () => engine.listBooks(),
      get: (bookId: string) => engine.getBook(bookId),
      create: (input: { name: string }) => engine.createBook(input),
      rename: (bookId: string, name: string) => engine.renameBook(bookId, name),
      delete: (bookId: string) => engine.deleteBook(bookId),
      addField: (bookId: string, field: { label: string; type: FieldType }) =>
        engine.addField(bookId, field),
      removeField: (bookId: string, fieldId: string) => engine.removeField(bookId, fieldId),
      renameField: (bookId: string, fieldId: string, label: string) =>
        engine.renameField(bookId, fieldId, label),
    },

    folders: {
      list: (bookId: string) => engine.listFolders(bookId),
      create: (bookId: string, name: string) => engine.createFolder(bookId, name),
      rename: (folderId: string, name: string) => engine.renameFolder(folderId, name),
      delete: (folderId: string) => engine.deleteFolder(folderId),
    },

    contacts: {
      list: (bookId: string, query?: ContactQuery) => engine.listContacts(bookId, query),
      get: (bookId: string, contactId: string) => engine.getContact(bookId, contactId),
      create: (
        bookId: string,
        input: { values: Record<string, string>; folderId?: string | null },
      ) => engine.createContact(bookId, input),
      update: (
        bookId: string,
        contactId: string,
        patch: { values?: Record<string, string>; folderId?: string | null },
      ) => engine.updateContact(bookId, contactId, patch),
      delete: (bookId: string, contactId: string) => engine.deleteContact(bookId, contactId),
      deleted: (bookId: string) => engine.listDeletedContacts(bookId),
      restore: (bookId: string, key: string) => engine.restoreContact(bookId, key),
      export: (bookId: string, options: ExportOptions) => engine.exportContacts(bookId, options),
    },

    profiles: {
      list: (bookId?: string, options?: ProfileListOptions) => engine.listProfiles(bookId, options),
      get: (profileId: string) => engine.getProfile(profileId),
      create: (input: ProfileInput) => engine.createProfile(input),
      update: (profileId: string, patch: Partial<ProfileInput>) =>
        engine.updateProfile(profileId, patch),
      delete: (profileId: string) => engine.deleteProfile(profileId),
    },

    history: {
      list: (query?: HistoryQuery) => engine.listRuns(query),
      get: (runId: string) => engine.getRun(runId),
      undoable: (bookId: string) => engine.undoableRun(bookId),
      undo: (runId: string) => engine.undoRun(runId),
    },

    preview: (
      bookId: string,
      file: Blob,
      parse?: Partial<ParseOptions>,
      options: { rowLimit?: number } = {},
    ) => engine.preview(bookId, file, parse, options.rowLimit),

    plan: (profileId: string, file?: Blob | null, fileName?: string) =>
      engine.plan(profileId, file ?? undefined, fileName),

    async problemReport(
      profileId: string,
      file?: Blob | null,
      options: { describe?: (issue: RowIssue) => string; fileName?: string } = {},
    ): Promise<File> {
      const name = options.fileName ?? (file instanceof File ? file.name : undefined);
      const report = await engine.problemRows(profileId, file ?? undefined, name);
      const base = (name ?? (await engine.getProfile(profileId)).name).replace(/\.[^.]*$/, '');
      return new File([problemRowsCsv(report, options.describe)], `${base} - problems.csv`, {
        type: 'text/csv',
      });
    },

    credentials: {
      seal: (input: { url: string; username: string; password: string; implicitTls?: boolean }) =>
        engine.sealCredential(input),
    },

    fetchRemote: (source: RemoteSource) => engine.fetchRemoteFile(source),

    run: (profileId: string, file?: Blob | null, runOptions: RunOptions = {}) =>
      startRun(runOptions, file, (request, onProgress) =>
        engine.run(profileId, request, onProgress),
      ),

    importFile: (
      bookId: string,
      file: Blob,
      options: ImportFileSettings & Omit<RunOptions, 'trigger'> = {},
    ) => {
      const { signal, onProgress, confirmMassDelete, fileName, ...settings } = options;
      return startRun(
        { signal, onProgress, confirmMassDelete, fileName },
        file,
        (request, report) => engine.importFile(bookId, file, settings, request, report),
      );
    },

    device: {
      status: (bookId: string, source?: string) => engine.deviceStatus(bookId, source),
      setEnabled: (bookId: string, enabled: boolean, options?: DeviceOptions) =>
        engine.setDeviceSync(bookId, enabled, options),
      preview: (bookId: string, contacts: DeviceContact[], options?: DeviceOptions) =>
        engine.previewDeviceContacts(bookId, contacts, options),
      sync: (
        bookId: string,
        contacts: DeviceContact[],
        options: DeviceOptions & { leaveOut?: readonly string[]; manual?: boolean } = {},
      ) => engine.syncDeviceContacts(bookId, contacts, { ...options, runId: crypto.randomUUID() }),
      readVCard: (file: Blob) => engine.readVCard(file),
      pickerSupported,
      async pick(): Promise<DeviceContact[]> {
        const picker = (navigator as unknown as { contacts: ContactPicker }).contacts;
        const picked = await picker.select(['name', 'email', 'tel'], { multiple: true });
        return engine.fromPicker(picked);
      },
    },

    scheduler: {
      tick: (now?: number) => engine.tick(now),
      upcoming: (schedule: Schedule, options: { after?: number; count?: number } = {}) =>
        engine.upcomingRuns(schedule, options.after, options.count),
      next: (profileId: string, now?: number) => engine.nextRun(profileId, now),
    },

    onRunFinished(listener: (run: RunRecord) => void): () => void {
      const channel = new BroadcastChannel(channelName(dbName));
      channel.onmessage = (message: MessageEvent<ContactSyncEvent>) => {
        if (message.data.type === 'run-finished') listener(message.data.run);
      };
      channels.add(channel);
      return () => {
        channel.close();
        channels.delete(channel);
      };
    },

    subscribe(listener: (event: ContactSyncEvent) => void): () => void {
      const channel = new BroadcastChannel(channelName(dbName));
      channel.onmessage = (message: MessageEvent<ContactSyncEvent>) => listener(message.data);
      channels.add(channel);
      return () => {
        channel.close();
        channels.delete(channel);
      };
    },

    replication: {
      status: () => engine.replicationStatus(),
      syncNow: () => engine.syncNow(),
    },

    storage: {
      persist: (): Promise<boolean> => navigator.storage?.persist?.() ?? Promise.resolve(false),
      persisted: (): Promise<boolean> => navigator.storage?.persisted?.() ?? Promise.resolve(false),
    },

    async destroy(): Promise<void> {
      try {
        await engine.destroy();
      } finally {
        close();
      }
    },

    close,
  };
}
