import { proxy, releaseProxy, wrap, type Remote } from 'comlink';
import {
  ContactSyncError,
  problemRowsCsv,
  type RowIssue,
  type FieldType,
  type ParseOptions,
  type DeviceContact,
  type PickedContact,
  type ProfileInput,
  type RemoteSource,
  type RunProgress,
  type RunRecord,
  type RunTrigger,
  type Schedule,
} from '@contactsync/core';
import { installErrorTransfer } from '../comlink-errors.ts';
import { SDK_VERSION, type WorkerInit } from '../version.ts';
import { channelName, type ContactSyncEvent } from '../events.ts';
import type { Engine } from '../worker/engine.ts';
import type { ContactQuery } from '../worker/contacts.ts';
import type { HistoryQuery, ProfileListOptions } from '../worker/profiles.ts';
import type { DeviceOptions } from '../worker/device.ts';
import type { ExportOptions } from '../worker/export-contacts.ts';
import type { ImportFileSettings } from '../worker/import-file.ts';
import type { RunRequest } from '../worker/run-profile.ts';
import type { ContactConflictResolver } from '../replication/contact-conflicts.ts';

export interface ContactSyncOptions {
  /** IndexedDB database name: separate names keep separate data. Default "contactsync". */
  readonly dbName?: string;
  /** Where the worker script lives; defaults to the one shipped beside this module. */
  readonly workerUrl?: string | URL | TrustedScriptURLLike;
  /** The fetch proxy's API, e.g. "/v1" or "https://proxy.example/v1"; needed for remote files. */
  readonly proxyUrl?: string | URL;
  /** Headers for every proxy request, e.g. `{ authorization: 'Bearer …' }`. */
  readonly proxyHeaders?: Record<string, string>;
  /** Pauses (ms) between further attempts to send an error email. Default 5 s, 30 s, 2 min. */
  readonly notifyRetryDelaysMs?: readonly number[];
  /**
   * "auto" (default): scheduled imports start on time while this tab is open. "manual": nothing
   * starts by itself; call `scheduler.tick(now)` to run what is due, e.g. to drive time in tests.
   */
  readonly scheduler?: 'auto' | 'manual';
  /**
   * Bytes of the site's storage an import must leave free (for the rest of the portal). An
   * import is refused, before it writes, unless twice the file, 16 MB and this much are free.
   */
  readonly storageReserveBytes?: number;
  /**
   * The portal's contact server (docs/replication.md). With it, the backend is the source of
   * truth and this browser a fast local replica; without it, everything stays in this browser.
   */
  readonly backend?: BackendOptions;
}

export interface BackendOptions {
  /** Its replication API, e.g. "/v1/replication/". */
  readonly url: string | URL;
  /** Sent with every request, e.g. `{ authorization: 'Bearer …' }`; cookies go as usual. */
  readonly headers?: Record<string, string>;
  /** Pauses (ms) before further attempts after a failure. Default 1 s, 3 s, 10 s, 30 s, 60 s. */
  readonly retryDelaysMs?: readonly number[];
  /**
   * The backend runs remote imports and their schedules (the reference server with
   * `imports`): this browser starts no scheduled runs, and "Import now" asks the backend.
   */
  readonly serverImports?: boolean;
  /** Contacts per push and per pulled page (at most 1,000, the default). */
  readonly batchSize?: number;
  /** Your own rule for a contact changed on two devices (default: docs/replication.md). */
  readonly resolveConflict?: ContactConflictResolver;
}

export interface RunOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: RunProgress) => void;
  /** Lets a manual run delete more than the mass-deletion guard allows, after the user agreed. */
  readonly confirmMassDelete?: boolean;
  readonly trigger?: RunTrigger;
  /** The name shown in the history; defaults to the File's name. */
  readonly fileName?: string;
}

/** The Contact Picker API, where the browser has it. */
interface ContactPicker {
  select(properties: string[], options: { multiple: boolean }): Promise<PickedContact[]>;
}

/** The worker script, resolved next to this module (the build rewrites this to the bundle). */
function defaultWorkerUrl(): URL {
  return new URL('../worker/worker.ts', import.meta.url);
}

/**
 * A Trusted Types script URL (`policy.createScriptURL(…)`), for pages that enforce
 * `require-trusted-types-for 'script'`: handed to `new Worker` as it is.
 */
export interface TrustedScriptURLLike {
  toString(): string;
  toJSON(): string;
}

const isTrusted = (url: unknown): url is TrustedScriptURLLike =>
  typeof url === 'object' &&
  url !== null &&
  !(url instanceof URL) &&
  !!(
    globalThis as { trustedTypes?: { isScriptURL(v: unknown): boolean } }
  ).trustedTypes?.isScriptURL(url);

function loadWorker(
  url: URL | TrustedScriptURLLike,
  dbName: string,
): Promise<{ worker: Worker; engine: Remote<Engine> }> {
  let worker: Worker;
  try {
    worker = new Worker(url as URL, { type: 'module', name: 'contactsync' });
  } catch (error) {
    // A page enforcing Trusted Types refuses plain URLs; a cross-origin URL is refused too.
    const message = error instanceof Error ? error.message : String(error);
    return Promise.reject(
      new ContactSyncError(
        'unsupported',
        /trusted/i.test(message)
          ? `This page enforces Trusted Types, so the ContactSync worker needs a trusted URL: pass workerUrl: policy.createScriptURL(…) (${message}).`
          : `The ContactSync worker could not be started from ${String(url)}: ${message}`,
      ),
    );
  }
  const init: WorkerInit = { contactsync: 'init', dbName, version: SDK_VERSION };
  worker.postMessage(init);
  const engine = wrap<Engine>(worker);
  // A module worker that fails to load never answers; its "error" event is the only sign.
  return new Promise((resolve, reject) => {
    const onError = (event: ErrorEvent | Event) => {
      worker.terminate();
      const detail = event instanceof ErrorEvent && event.message ? `: ${event.message}` : '';
      reject(
        new ContactSyncError(
          'internal',
          `The ContactSync worker failed to load from ${String(url)}${detail}.`,
        ),
      );
    };
    worker.addEventListener('error', onError, { once: true });
    engine.ready().then(
      () => {
        worker.removeEventListener('error', onError);
        resolve({ worker, engine });
      },
      (error: unknown) => {
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
export async function createContactSync(options: ContactSyncOptions = {}) {
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
  const { worker, engine } = await loadWorker(url, dbName);
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
      /** Deletes on the web only; no import into the book brings a synced contact back. */
      delete: (bookId: string, contactId: string) => engine.deleteContact(bookId, contactId),
      /** Synced contacts deleted on the web (which imports keep out), newest first. */
      deleted: (bookId: string) => engine.listDeletedContacts(bookId),
      /**
       * Puts a deleted contact back, in its folder, and gives its key back to imports: the next
       * import holding the key updates it again. Resolves with the restored contact.
       */
      restore: (bookId: string, key: string) => engine.restoreContact(bookId, key),
      /**
       * The book's contacts (or a folder's, or a search's) as a CSV file (a header in the
       * book's field order; formula cells neutralised unless `neutraliseFormulas: false`) or a
       * vCard 4.0 file. Passwords are never exported.
       */
      export: (bookId: string, options: ExportOptions) => engine.exportContacts(bookId, options),
    },

    profiles: {
      /** Saved imports (of a book); `{ oneOff: true }` adds the records of one-off imports. */
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
      /**
       * The run that `undo` can take back in the book: its latest import that changed it, while
       * nothing else (an edit, a deletion, a change from the backend) has changed it since.
       */
      undoable: (bookId: string) => engine.undoableRun(bookId),
      /**
       * Puts the book back exactly as it was before the run: the contacts it added go, those it
       * changed or deleted come back, and the import forgets the file (so the next run applies
       * it again). Resolves with the undo's history record (`undoOf`; counts: `deleted` removed,
       * `updated` reverted, `created` restored); `undo-unavailable` once the book moved on.
       */
      undo: (runId: string) => engine.undoRun(runId),
    },

    /**
     * Detected settings, first rows (`rowLimit`, default 20, at most 1000, from the file's first
     * megabyte), column samples and a suggested mapping for a file.
     */
    preview: (
      bookId: string,
      file: Blob,
      parse?: Partial<ParseOptions>,
      options: { rowLimit?: number } = {},
    ) => engine.preview(bookId, file, parse, options.rowLimit),

    /**
     * A dry run: the counts and samples a run would produce, with nothing written. Remote
     * profiles fetch their file when none is given.
     */
    plan: (profileId: string, file?: Blob | null, fileName?: string) =>
      engine.plan(profileId, file ?? undefined, fileName),

    /**
     * The problem report: a CSV of every row of the file a run would not import as it stands
     * (its cells, then row number, columns and problems), to fix and import again. Passwords
     * are left empty. `describe` words each problem (default: the English message).
     */
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
      /**
       * Seals a login for a remote file through the proxy. Keep the returned token in the
       * profile's source; the password itself is never stored.
       */
      seal: (input: { url: string; username: string; password: string; implicitTls?: boolean }) =>
        engine.sealCredential(input),
    },

    /**
     * Downloads a remote file through the proxy once, e.g. to preview it before the profile is
     * saved. `hostKey` is the SFTP server's key, to pin in the profile's source.
     */
    fetchRemote: (source: RemoteSource) => engine.fetchRemoteFile(source),

    /**
     * Runs an import and resolves with its history record, whatever the outcome. Local
     * profiles need the file; remote profiles fetch theirs ("Import now").
     */
    run: (profileId: string, file?: Blob | null, runOptions: RunOptions = {}) =>
      startRun(runOptions, file, (request, onProgress) =>
        engine.run(profileId, request, onProgress),
      ),

    /**
     * Imports a file once, without a saved import: by default with the preview's suggested
     * mapping, updating existing contacts and deleting none. Resolves with the history record,
     * whatever the outcome, like `run`; `profiles.list` does not show such imports.
     */
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

    /** The phone's address book: consent, the only-new preview, syncs, vCard files, the picker. */
    device: {
      /** Whether the user agreed to sync this source into this address book, and the last sync. */
      status: (bookId: string, source?: string) => engine.deviceStatus(bookId, source),
      /** Stores the user's choice ("Auto export"); off keeps what was synced. */
      setEnabled: (bookId: string, enabled: boolean, options?: DeviceOptions) =>
        engine.setDeviceSync(bookId, enabled, options),
      /** The contacts a sync would add (only new ones, never those deleted on the web). */
      preview: (bookId: string, contacts: DeviceContact[], options?: DeviceOptions) =>
        engine.previewDeviceContacts(bookId, contacts, options),
      /**
       * Syncs a snapshot of the device's address book into the source's folder; `leaveOut`
       * lists contact ids the user chose not to import (they are not offered again). Refused
       * (`consent-required`) while Auto export is off, unless `manual`: the user chose these
       * contacts in the only-new preview and pressed Import.
       */
      sync: (
        bookId: string,
        contacts: DeviceContact[],
        options: DeviceOptions & { leaveOut?: readonly string[]; manual?: boolean } = {},
      ) => engine.syncDeviceContacts(bookId, contacts, { ...options, runId: crypto.randomUUID() }),
      /** Reads a .vcf file (vCard 2.1, 3.0, 4.0) into device contacts. */
      readVCard: (file: Blob) => engine.readVCard(file),
      /** True where the browser offers the Contact Picker API. */
      pickerSupported: () =>
        typeof navigator !== 'undefined' &&
        typeof (navigator as { contacts?: { select?: unknown } }).contacts?.select === 'function',
      /** Opens the Contact Picker; resolves with the chosen contacts. */
      async pick(): Promise<DeviceContact[]> {
        const picker = (navigator as unknown as { contacts: ContactPicker }).contacts;
        const picked = await picker.select(['name', 'email', 'tel'], { multiple: true });
        return engine.fromPicker(picked);
      },
    },

    scheduler: {
      /** Runs the scheduled imports due at `now` (default: now) that no tab has run yet. */
      tick: (now?: number) => engine.tick(now),
      /**
       * The next `count` (default 3) times a schedule would run after `after` (default: now),
       * saved or not: what a schedule editor shows while the user edits it.
       */
      upcoming: (schedule: Schedule, options: { after?: number; count?: number } = {}) =>
        engine.upcomingRuns(schedule, options.after, options.count),
      /** When a profile's schedule runs next (ms since the epoch), for the history's "Next import". */
      next: (profileId: string, now?: number) => engine.nextRun(profileId, now),
    },

    /**
     * Calls `listener` when any run ends (in this tab or another), with its history record:
     * the same event an error email is sent for, for hosts that notify in their own way.
     */
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

    /** Calls `listener` for every change, made in this tab or any other. Returns an unsubscribe. */
    subscribe(listener: (event: ContactSyncEvent) => void): () => void {
      const channel = new BroadcastChannel(channelName(dbName));
      channel.onmessage = (message: MessageEvent<ContactSyncEvent>) => listener(message.data);
      channels.add(channel);
      return () => {
        channel.close();
        channels.delete(channel);
      };
    },

    /** The browser's persistent-storage grant: a persisted store is not evicted under pressure. */
    /** Replication with the backend (`status().state` is "off" without one). */
    replication: {
      status: () => engine.replicationStatus(),
      /** Exchanges changes now; resolves with the status after that exchange. */
      syncNow: () => engine.syncNow(),
    },

    storage: {
      persist: (): Promise<boolean> => navigator.storage?.persist?.() ?? Promise.resolve(false),
      persisted: (): Promise<boolean> => navigator.storage?.persisted?.() ?? Promise.resolve(false),
    },

    /**
     * Wipes everything stored under this `dbName` (sign-out on a shared computer), in every
     * tab: the others hear `destroyed` and their calls fail with "reload". This client closes.
     */
    async destroy(): Promise<void> {
      try {
        await engine.destroy();
      } finally {
        close();
      }
    },

    /** Stops the worker at once. A run in progress is rolled back the next time the book is opened. */
    close,
  };
}

export type ContactSync = Awaited<ReturnType<typeof createContactSync>>;
