import { proxy, releaseProxy, type Remote } from 'comlink';
import {
  ContactSyncError,
  problemRowsCsv,
  type RowIssue,
  type FieldRules,
  type FieldType,
  type ParseOptions,
  type DeviceContact,
  type ProfileInput,
  type RemoteSource,
  type RunProgress,
  type RunRecord,
  type Schedule,
} from '@contactsync/core';
import { pickerSupported, type ContactPicker } from '../platform/contact-picker.ts';
import { channelName, type ContactSyncEvent } from '../events.ts';
import type { Engine } from '../worker/engine.ts';
import type { RunRequest } from '../worker/run-profile.ts';
import type { ContactSync } from './contact-sync.ts';
import { batchFieldChecks } from './field-checks.ts';
import type { ContactSyncOptions, RunOptions } from './contact-sync-options.ts';
import type { ContactQuery, ExportOptions, SuggestQuery } from '../api/contact-queries.ts';
import type { HistoryQuery, ImportFileSettings, ProfileListOptions } from '../api/import-types.ts';
import type { DeviceOptions } from '../api/device-types.ts';

/** How callbacks reach the engine: through a MessagePort to a worker, as they are in-process. */
export type CallbackPassing = <F extends (...args: never[]) => unknown>(fn: F) => F;

/** An address from the options, made absolute against the page; a clear error with no page. */
function absolute(url: string | URL, option: string): string {
  try {
    return new URL(url, globalThis.location?.href).href;
  } catch {
    throw new ContactSyncError(
      'invalid-argument',
      `${option} "${url}" is not an absolute address, and there is no page here to resolve it against: pass one such as "https://portal.example/${String(url).replace(/^\/+/, '')}".`,
      { option },
    );
  }
}

/** Hands the engine what the options say: the proxy, storage reserve, field checks, backend. */
async function configure(
  engine: Remote<Engine>,
  options: ContactSyncOptions,
  callback: CallbackPassing,
): Promise<void> {
  const proxyUrl =
    options.proxyUrl === undefined
      ? null
      : absolute(options.proxyUrl, 'proxyUrl').replace(/\/$/, '');
  // Both addresses are checked before anything is configured.
  const backend = options.backend && {
    ...options.backend,
    url: absolute(options.backend.url, 'backend.url'),
  };
  if (proxyUrl !== null)
    await engine.configureProxy(
      { url: proxyUrl, headers: { ...options.proxyHeaders } },
      options.notifyRetryDelaysMs,
    );
  if (options.storageReserveBytes) await engine.configureStorage(options.storageReserveBytes);
  if (options.fieldChecks)
    await engine.configureFieldChecks(
      Object.keys(options.fieldChecks),
      callback(batchFieldChecks(options.fieldChecks)),
    );
  if (backend) {
    const { resolveConflict, ...rest } = backend;
    await engine.configureBackend(rest, resolveConflict && callback(resolveConflict));
  }
}

/**
 * The typed client over an engine, wherever it runs (its Web Worker, or in-process in memory
 * mode): configures it from the options, then forwards each call. `end` stops what runs it.
 */
export async function connectEngine(
  engine: Remote<Engine>,
  end: () => void,
  dbName: string,
  options: ContactSyncOptions,
  callback: CallbackPassing = proxy,
): Promise<ContactSync> {
  try {
    await configure(engine, options, callback);
  } catch (error) {
    end(); // a client that never existed leaves no engine running
    throw error;
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
        onProgress ? callback(onProgress) : undefined,
      );
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }

  let closed = false;
  /** Ends the engine (its worker); calling it again does nothing. */
  function close(): void {
    if (closed) return;
    closed = true;
    for (const channel of channels) channel.close();
    channels.clear();
    engine[releaseProxy]();
    end();
  }

  return {
    dbName,

    books: {
      list: () => engine.listBooks(),
      get: (bookId: string) => engine.getBook(bookId),
      create: (input: { name: string }) => engine.createBook(input),
      rename: (bookId: string, name: string) => engine.renameBook(bookId, name),
      delete: (bookId: string) => engine.deleteBook(bookId),
      addField: (bookId: string, field: { label: string; type: FieldType } & FieldRules) =>
        engine.addField(bookId, field),
      removeField: (bookId: string, fieldId: string) => engine.removeField(bookId, fieldId),
      renameField: (bookId: string, fieldId: string, label: string) =>
        engine.renameField(bookId, fieldId, label),
      setFieldRules: (bookId: string, fieldId: string, rules: FieldRules) =>
        engine.setFieldRules(bookId, fieldId, rules),
    },

    folders: {
      list: (bookId: string) => engine.listFolders(bookId),
      create: (bookId: string, name: string) => engine.createFolder(bookId, name),
      rename: (folderId: string, name: string) => engine.renameFolder(folderId, name),
      delete: (folderId: string) => engine.deleteFolder(folderId),
    },

    contacts: {
      list: (bookId: string, query?: ContactQuery) => engine.listContacts(bookId, query),
      suggest: (bookId: string, query?: SuggestQuery) => engine.suggestContacts(bookId, query),
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
      // Announced from the page, not by the worker: what a worker broadcasts just before it is
      // stopped (as this client's is, once the wipe is done) may never be delivered.
      const channel = new BroadcastChannel(channelName(dbName));
      try {
        channel.postMessage({ type: 'destroyed' } satisfies ContactSyncEvent);
        await engine.destroy();
      } finally {
        channel.close();
        close();
      }
    },

    close,
  };
}
