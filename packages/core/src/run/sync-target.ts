import type { Contact } from '../model/contact.ts';
import type { ProfileState } from '../model/profile.ts';
import type { RunRecord } from '../model/run.ts';
import type { KeyIndex } from '../keys/key-index.ts';

/**
 * The storage side of one run against one address book. Staged contacts stay invisible until
 * `commit`, which applies them, the deletions, the run record and the profile state at once.
 */
export interface SyncTarget {
  loadIndex(): Promise<KeyIndex>;
  /**
   * Keys of contacts deleted by hand in this address book. They belong to the book, not to an
   * import: no import, however often it is set up again, brings them back.
   */
  loadTombstones(): Promise<ReadonlySet<string>>;
  /** The contacts behind entries of the index `loadIndex` returned. */
  getContacts(entries: readonly number[]): Promise<Contact[]>;
  /** New or replacement versions of contacts (a replacement keeps the contact's id). */
  stage(contacts: readonly Contact[]): Promise<void>;
  /** Applies everything staged, deletes the given index entries, and records the run. */
  commit(deleteEntries: readonly number[], record: RunRecord, state: ProfileState): Promise<void>;
  /** Forgets everything staged; the address book stays as it was. */
  discard(): Promise<void>;
  /** Writes the history record and profile state of a run that changed no contact. */
  recordOutcome(record: RunRecord, state: ProfileState): Promise<void>;
}
