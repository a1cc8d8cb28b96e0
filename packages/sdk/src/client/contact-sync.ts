import type {
  AddressBook,
  Contact,
  DeviceContact,
  FieldDef,
  FieldRules,
  FieldType,
  FilePreview,
  Folder,
  ParseOptions,
  ProfileInput,
  RemoteSource,
  RowIssue,
  RunRecord,
  Schedule,
  SyncProfile,
  VCardResult,
} from '@contactsync/core';
import type { ContactSyncEvent } from '../events.ts';
import type { ReplicationStatus } from '../replication/replication-status.ts';
import type { RunOptions } from './contact-sync-options.ts';
import type {
  ContactPage,
  ContactQuery,
  SuggestQuery,
  DeletedContact,
  ExportOptions,
} from '../api/contact-queries.ts';
import type { DeviceOptions, DevicePreview, DeviceSyncState } from '../api/device-types.ts';
import type {
  HistoryQuery,
  ImportFileSettings,
  PlanResult,
  ProfileListOptions,
} from '../api/import-types.ts';

/*
 * The public client, declared here rather than inferred from its implementation, so that the
 * API a host codes against changes only on purpose.
 */

/** Address books: each holds contacts, folders and its own fields. */
export interface BooksApi {
  list(): Promise<AddressBook[]>;
  get(bookId: string): Promise<AddressBook>;
  create(input: { name: string }): Promise<AddressBook>;
  rename(bookId: string, name: string): Promise<AddressBook>;
  /** Deletes the book with its contacts, folders, imports and history. */
  delete(bookId: string): Promise<void>;
  /**
   * A custom field ("New field…" in the mapping), with its own rules if any: `required`,
   * `options` (the only values allowed), `check` (the name of one of your `fieldChecks`).
   */
  addField(
    bookId: string,
    field: { label: string; type: FieldType } & FieldRules,
  ): Promise<FieldDef>;
  removeField(bookId: string, fieldId: string): Promise<void>;
  renameField(bookId: string, fieldId: string, label: string): Promise<FieldDef>;
  /**
   * Replaces a field's rules (built-in fields too); the next import of an unchanged file
   * applies them, since the rules are part of what an import checks.
   */
  setFieldRules(bookId: string, fieldId: string, rules: FieldRules): Promise<FieldDef>;
}

/** Folders inside a book (phone contacts land in their own, "From iOS"). */
export interface FoldersApi {
  list(bookId: string): Promise<Folder[]>;
  create(bookId: string, name: string): Promise<Folder>;
  rename(folderId: string, name: string): Promise<Folder>;
  delete(folderId: string): Promise<void>;
}

export interface ContactsApi {
  /** A page of a book's contacts (search, folder, sort, offset; `limit` at most 1,000). */
  list(bookId: string, query?: ContactQuery): Promise<ContactPage>;
  /**
   * The first contacts a text (or folder, or field) matches, in the order they came in, as a
   * recipient picker offers them while a person types: nothing is counted, so the search stops
   * once it has `limit` (default 8). `list` counts every match for its `total`.
   */
  suggest(bookId: string, query?: SuggestQuery): Promise<Contact[]>;
  get(bookId: string, contactId: string): Promise<Contact>;
  create(
    bookId: string,
    input: { values: Record<string, string>; folderId?: string | null },
  ): Promise<Contact>;
  update(
    bookId: string,
    contactId: string,
    patch: { values?: Record<string, string>; folderId?: string | null },
  ): Promise<Contact>;
  /** Deletes on the web only; no import into the book brings a synced contact back. */
  delete(bookId: string, contactId: string): Promise<void>;
  /** Synced contacts deleted on the web (which imports keep out), newest first. */
  deleted(bookId: string): Promise<DeletedContact[]>;
  /**
   * Puts a deleted contact back, in its folder, and gives its key back to imports: the next
   * import holding the key updates it again. Resolves with the restored contact.
   */
  restore(bookId: string, key: string): Promise<Contact>;
  /**
   * The book's contacts (or a folder's, or a search's) as a CSV file (a header in the
   * book's field order; formula cells neutralised unless `neutraliseFormulas: false`) or a
   * vCard 4.0 file. Passwords are never exported.
   */
  export(bookId: string, options: ExportOptions): Promise<File>;
}

/** Saved imports ("profiles"): source, options, mapping, schedule. */
export interface ProfilesApi {
  /** Saved imports (of a book); `{ oneOff: true }` adds the records of one-off imports. */
  list(bookId?: string, options?: ProfileListOptions): Promise<SyncProfile[]>;
  get(profileId: string): Promise<SyncProfile>;
  create(input: ProfileInput): Promise<SyncProfile>;
  update(profileId: string, patch: Partial<ProfileInput>): Promise<SyncProfile>;
  delete(profileId: string): Promise<void>;
}

/** The history of runs, and undo of the latest import. */
export interface HistoryApi {
  list(query?: HistoryQuery): Promise<RunRecord[]>;
  get(runId: string): Promise<RunRecord>;
  /**
   * The run that `undo` can take back in the book: its latest import that changed it, while
   * nothing else (an edit, a deletion, a change from the backend) has changed it since; null
   * otherwise (also while a backend that ran the book's latest import cannot be asked).
   */
  undoable(bookId: string): Promise<string | null>;
  /**
   * Puts the book back exactly as it was before the run: the contacts it added go, those it
   * changed or deleted come back, and the import forgets the file (so the next run applies
   * it again). Resolves with the undo's history record (`undoOf`; counts: `deleted` removed,
   * `updated` reverted, `created` restored); `undo-unavailable` once the book moved on.
   */
  undo(runId: string): Promise<RunRecord>;
}

/** A remote file downloaded once through the proxy. */
export interface RemoteFile {
  readonly blob: Blob;
  readonly fileName: string;
  /** The SFTP server's key, to pin in the profile's source; null for other protocols. */
  readonly hostKey: string | null;
}

/** The phone's address book: consent, the only-new preview, syncs, vCard files, the picker. */
export interface DeviceApi {
  /** Whether the user agreed to sync this source into this address book, and the last sync. */
  status(bookId: string, source?: string): Promise<DeviceSyncState>;
  /** Stores the user's choice ("Auto export"); off keeps what was synced. */
  setEnabled(bookId: string, enabled: boolean, options?: DeviceOptions): Promise<DeviceSyncState>;
  /** The contacts a sync would add (only new ones, never those deleted on the web). */
  preview(
    bookId: string,
    contacts: DeviceContact[],
    options?: DeviceOptions,
  ): Promise<DevicePreview>;
  /**
   * Syncs a snapshot of the device's address book into the source's folder; `leaveOut`
   * lists contact ids the user chose not to import (they are not offered again). Refused
   * (`consent-required`) while Auto export is off, unless `manual`: the user chose these
   * contacts in the only-new preview and pressed Import.
   */
  sync(
    bookId: string,
    contacts: DeviceContact[],
    options?: DeviceOptions & { leaveOut?: readonly string[]; manual?: boolean },
  ): Promise<RunRecord>;
  /** Reads a .vcf file (vCard 2.1, 3.0, 4.0) into device contacts. */
  readVCard(file: Blob): Promise<VCardResult>;
  /** True where the browser offers the Contact Picker API. */
  pickerSupported(): boolean;
  /** Opens the Contact Picker; resolves with the chosen contacts. */
  pick(): Promise<DeviceContact[]>;
}

export interface SchedulerApi {
  /** Runs the scheduled imports due at `now` (default: now) that no tab has run yet. */
  tick(now?: number): Promise<RunRecord[]>;
  /**
   * The next `count` (default 3) times a schedule would run after `after` (default: now),
   * saved or not: what a schedule editor shows while the user edits it.
   */
  upcoming(schedule: Schedule, options?: { after?: number; count?: number }): Promise<number[]>;
  /** When a profile's schedule runs next (ms since the epoch), for the history's "Next import". */
  next(profileId: string, now?: number): Promise<number | null>;
}

/** Replication with the backend (`status().state` is "off" without one). */
export interface ReplicationApi {
  status(): Promise<ReplicationStatus>;
  /** Exchanges changes now; resolves with the status after that exchange. */
  syncNow(): Promise<ReplicationStatus>;
}

/** The browser's persistent-storage grant: a persisted store is not evicted under pressure. */
export interface StorageApi {
  persist(): Promise<boolean>;
  persisted(): Promise<boolean>;
}

/** A client of the sync engine (`createContactSync`). Every method is safe to call from any tab. */
export interface ContactSync {
  /** The IndexedDB database this client works on. */
  readonly dbName: string;
  readonly books: BooksApi;
  readonly folders: FoldersApi;
  readonly contacts: ContactsApi;
  readonly profiles: ProfilesApi;
  readonly history: HistoryApi;
  /**
   * Detected settings, first rows (`rowLimit`, default 20, at most 1000, from the file's first
   * megabyte), column samples and a suggested mapping for a file.
   */
  preview(
    bookId: string,
    file: Blob,
    parse?: Partial<ParseOptions>,
    options?: { rowLimit?: number },
  ): Promise<FilePreview>;
  /**
   * A dry run: the counts and samples a run would produce, with nothing written. Remote
   * profiles fetch their file when none is given.
   */
  plan(profileId: string, file?: Blob | null, fileName?: string): Promise<PlanResult>;
  /**
   * The problem report: a CSV of every row of the file a run would not import as it stands
   * (its cells, then row number, columns and problems), to fix and import again. Passwords
   * are left empty. `describe` words each problem (default: the English message).
   */
  problemReport(
    profileId: string,
    file?: Blob | null,
    options?: { describe?: (issue: RowIssue) => string; fileName?: string },
  ): Promise<File>;
  readonly credentials: {
    /**
     * Seals a login for a remote file through the proxy. Keep the returned token in the
     * profile's source; the password itself is never stored.
     */
    seal(input: {
      url: string;
      username: string;
      password: string;
      implicitTls?: boolean;
    }): Promise<string>;
  };
  /** Downloads a remote file through the proxy once, e.g. to preview it before saving. */
  fetchRemote(source: RemoteSource): Promise<RemoteFile>;
  /**
   * Runs an import and resolves with its history record, whatever the outcome. Local
   * profiles need the file; remote profiles fetch theirs ("Import now").
   */
  run(profileId: string, file?: Blob | null, options?: RunOptions): Promise<RunRecord>;
  /**
   * Imports a file once, without a saved import: by default with the preview's suggested
   * mapping, updating existing contacts and deleting none. Resolves with the history record,
   * whatever the outcome, like `run`; `profiles.list` does not show such imports.
   */
  importFile(
    bookId: string,
    file: Blob,
    options?: ImportFileSettings & Omit<RunOptions, 'trigger'>,
  ): Promise<RunRecord>;
  readonly device: DeviceApi;
  readonly scheduler: SchedulerApi;
  /**
   * Calls `listener` when any run ends (in this tab or another), with its history record:
   * the same event an error email is sent for, for hosts that notify in their own way.
   * Returns an unsubscribe.
   */
  onRunFinished(listener: (run: RunRecord) => void): () => void;
  /** Calls `listener` for every change, made in this tab or any other. Returns an unsubscribe. */
  subscribe(listener: (event: ContactSyncEvent) => void): () => void;
  readonly replication: ReplicationApi;
  readonly storage: StorageApi;
  /**
   * Wipes everything stored under this `dbName` (sign-out on a shared computer), in every
   * tab: the others hear `destroyed` and their calls fail with "reload". This client closes.
   */
  destroy(): Promise<void>;
  /** Stops the worker at once. A run in progress is rolled back the next time the book is opened. */
  close(): void;
}
