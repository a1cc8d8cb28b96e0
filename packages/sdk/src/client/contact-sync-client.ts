import type {
  BooksApi,
  ContactSync,
  ContactsApi,
  DeviceApi,
  FoldersApi,
  HistoryApi,
  ProfilesApi,
  ReplicationApi,
  SchedulerApi,
  StorageApi,
} from './contact-sync.ts';
import type { ContactSyncOptions } from './contact-sync-options.ts';
import { pickerSupported } from '../platform/contact-picker.ts';
import { createContactSync } from './create-contact-sync.ts';

type Started = Promise<ContactSync>;

/** A method that waits for the engine, then calls it. */
const later =
  <A extends unknown[], R>(started: Started, call: (sync: ContactSync, ...args: A) => Promise<R>) =>
  (...args: A): Promise<R> =>
    started.then((sync) => call(sync, ...args));

/** A listener registered once the engine is up; unsubscribing before that cancels it. */
function listenLater<L>(
  started: Started,
  register: (sync: ContactSync, listener: L) => () => void,
): (listener: L) => () => void {
  return (listener) => {
    let stop: (() => void) | null = null;
    let cancelled = false;
    void started.then(
      (sync) => {
        if (!cancelled) stop = register(sync, listener);
      },
      () => undefined,
    );
    return () => {
      cancelled = true;
      stop?.();
    };
  };
}

/**
 * The client created synchronously, as a framework creates its stores (`new QueryClient()`):
 * the worker starts in the background and every call waits for it, so a host need not gate its
 * first render on a promise. `ready` settles when the engine is up; if it cannot start (no
 * Worker here, a worker that fails to load), `ready` and every call reject with that error.
 * Constructing one never throws, also during server-side rendering.
 */
export class ContactSyncClient implements ContactSync {
  /** Resolves when the engine is up; rejects with why it could not start. */
  readonly ready: Promise<void>;
  readonly books: BooksApi;
  readonly folders: FoldersApi;
  readonly contacts: ContactsApi;
  readonly profiles: ProfilesApi;
  readonly history: HistoryApi;
  readonly device: DeviceApi;
  readonly scheduler: SchedulerApi;
  readonly replication: ReplicationApi;
  readonly storage: StorageApi;
  readonly credentials: ContactSync['credentials'];
  readonly preview: ContactSync['preview'];
  readonly plan: ContactSync['plan'];
  readonly problemReport: ContactSync['problemReport'];
  readonly fetchRemote: ContactSync['fetchRemote'];
  readonly run: ContactSync['run'];
  readonly importFile: ContactSync['importFile'];
  readonly destroy: ContactSync['destroy'];
  readonly onRunFinished: ContactSync['onRunFinished'];
  readonly subscribe: ContactSync['subscribe'];
  private readonly started: Started;
  private readonly namedDb: string;
  private engine: ContactSync | null = null;

  /**
   * The database's name: the option, else "contactsync"; once started, the engine's own (the
   * in-memory mode names a store of its own when given none).
   */
  get dbName(): string {
    return this.engine?.dbName ?? this.namedDb;
  }

  /**
   * @param start What starts the engine: `createContactSync` (a Web Worker), or
   *   `createMemoryContactSync` from `@contactsync/sdk/memory` in a host's component tests.
   */
  constructor(
    options: ContactSyncOptions = {},
    start: (options: ContactSyncOptions) => Promise<ContactSync> = createContactSync,
  ) {
    this.namedDb = options.dbName ?? 'contactsync';
    // Started after this constructor returns: it never throws, even where there is no Worker.
    const started = (this.started = Promise.resolve()
      .then(() => start(options))
      .then((sync) => (this.engine = sync)));
    this.ready = started.then(() => undefined);
    // A host that never awaits `ready` hears of a failure from the calls it makes.
    this.ready.catch(() => undefined);
    const at = <A extends unknown[], R>(call: (sync: ContactSync, ...args: A) => Promise<R>) =>
      later(started, call);

    this.books = {
      list: at((s) => s.books.list()),
      get: at((s, bookId) => s.books.get(bookId)),
      create: at((s, input) => s.books.create(input)),
      rename: at((s, bookId, name) => s.books.rename(bookId, name)),
      delete: at((s, bookId) => s.books.delete(bookId)),
      addField: at((s, bookId, field) => s.books.addField(bookId, field)),
      removeField: at((s, bookId, fieldId) => s.books.removeField(bookId, fieldId)),
      renameField: at((s, bookId, fieldId, label) => s.books.renameField(bookId, fieldId, label)),
      setFieldRules: at((s, bookId, fieldId, rules) =>
        s.books.setFieldRules(bookId, fieldId, rules),
      ),
    };
    this.folders = {
      list: at((s, bookId) => s.folders.list(bookId)),
      create: at((s, bookId, name) => s.folders.create(bookId, name)),
      rename: at((s, folderId, name) => s.folders.rename(folderId, name)),
      delete: at((s, folderId) => s.folders.delete(folderId)),
    };
    this.contacts = {
      list: at((s, bookId, query) => s.contacts.list(bookId, query)),
      suggest: at((s, bookId, query) => s.contacts.suggest(bookId, query)),
      get: at((s, bookId, contactId) => s.contacts.get(bookId, contactId)),
      create: at((s, bookId, input) => s.contacts.create(bookId, input)),
      update: at((s, bookId, contactId, patch) => s.contacts.update(bookId, contactId, patch)),
      delete: at((s, bookId, contactId) => s.contacts.delete(bookId, contactId)),
      deleted: at((s, bookId) => s.contacts.deleted(bookId)),
      restore: at((s, bookId, key) => s.contacts.restore(bookId, key)),
      export: at((s, bookId, options) => s.contacts.export(bookId, options)),
    };
    this.profiles = {
      list: at((s, bookId, options) => s.profiles.list(bookId, options)),
      get: at((s, profileId) => s.profiles.get(profileId)),
      create: at((s, input) => s.profiles.create(input)),
      update: at((s, profileId, patch) => s.profiles.update(profileId, patch)),
      delete: at((s, profileId) => s.profiles.delete(profileId)),
    };
    this.history = {
      list: at((s, query) => s.history.list(query)),
      get: at((s, runId) => s.history.get(runId)),
      undoable: at((s, bookId) => s.history.undoable(bookId)),
      undo: at((s, runId) => s.history.undo(runId)),
    };
    this.device = {
      status: at((s, bookId, source) => s.device.status(bookId, source)),
      setEnabled: at((s, bookId, enabled, options) =>
        s.device.setEnabled(bookId, enabled, options),
      ),
      preview: at((s, bookId, contacts, options) => s.device.preview(bookId, contacts, options)),
      sync: at((s, bookId, contacts, options) => s.device.sync(bookId, contacts, options)),
      readVCard: at((s, file) => s.device.readVCard(file)),
      pickerSupported,
      pick: at((s) => s.device.pick()),
    };
    this.scheduler = {
      tick: at((s, now) => s.scheduler.tick(now)),
      upcoming: at((s, schedule, options) => s.scheduler.upcoming(schedule, options)),
      next: at((s, profileId, now) => s.scheduler.next(profileId, now)),
    };
    this.replication = {
      status: at((s) => s.replication.status()),
      syncNow: at((s) => s.replication.syncNow()),
    };
    this.storage = {
      persist: at((s) => s.storage.persist()),
      persisted: at((s) => s.storage.persisted()),
    };
    this.credentials = { seal: at((s, input) => s.credentials.seal(input)) };
    this.preview = at((s, bookId, file, parse, options) => s.preview(bookId, file, parse, options));
    this.plan = at((s, profileId, file, fileName) => s.plan(profileId, file, fileName));
    this.problemReport = at((s, profileId, file, options) =>
      s.problemReport(profileId, file, options),
    );
    this.fetchRemote = at((s, source) => s.fetchRemote(source));
    this.run = at((s, profileId, file, options) => s.run(profileId, file, options));
    this.importFile = at((s, bookId, file, options) => s.importFile(bookId, file, options));
    this.destroy = at((s) => s.destroy());
    this.onRunFinished = listenLater(started, (s, listener) => s.onRunFinished(listener));
    this.subscribe = listenLater(started, (s, listener) => s.subscribe(listener));
  }

  /** Stops the worker (at once, or as soon as it is up). */
  close(): void {
    void this.started.then(
      (sync) => sync.close(),
      () => undefined,
    );
  }
}
