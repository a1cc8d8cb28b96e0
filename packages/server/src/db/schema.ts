import type { Generated } from 'kysely';

/** Contacts as rows a portal's own code can query with SQL (docs/replication.md). */
export interface ContactsTable {
  user_id: string;
  id: string;
  /** The user's change sequence at this row's last write: the pull order. */
  seq: number;
  revision: number;
  updated_at: number;
  /** 0 or 1: deletions stay as rows, so every replica learns of them. */
  deleted: number;
  book_id: string;
  folder_id: string | null;
  key: string | null;
  source_id: string | null;
  /** The hash of the file row that last wrote the contact (see ContactDocument.rowHash). */
  row_hash: number | null;
  /** Field id → value, as JSON; password fields hold digests only. */
  values_json: string;
  created_at: number;
}

/** One counter per user, advanced in the transaction of every accepted write. */
export interface ChangeSequenceTable {
  user_id: string;
  seq: Generated<number>;
}

/**
 * Books, folders, import profiles and runs: few per user, stored whole as JSON (they are the
 * SDK's records; a portal rarely queries them).
 */
export interface DocumentsTable {
  user_id: string;
  /** `books`, `folders`, `profiles` or `runs`. */
  collection: string;
  id: string;
  seq: number;
  revision: number;
  updated_at: number;
  deleted: number;
  /** The document without its replication fields. */
  data_json: string;
}

/** Contacts a server run staged: invisible until its commit copies them into `contacts`. */
export interface StagedContactsTable {
  run_id: string;
  position: number;
  contact_json: string;
}

/** Imports the server runs, so that one killed mid-run is marked interrupted at restart. */
export interface ServerRunsTable {
  id: string;
  user_id: string;
  profile_id: string;
  book_id: string;
  started_at: number;
  /** The run record as first written (status "running"). */
  record_json: string;
  /** Renewed while the run is alive; a run whose heartbeat stopped died with its process. */
  heartbeat_at: number;
}

/** Scheduled occurrences taken by a server process: the primary key makes each run once. */
export interface OccurrencesTable {
  user_id: string;
  profile_id: string;
  due_at: number;
  run_id: string;
}

/**
 * The latest import of each book, while it may be undone: the change sequence it wrote its
 * contacts in (every contact with a sequence number in that range is the run's), and the
 * import's memory of its file before the run.
 */
export interface UndoRunsTable {
  user_id: string;
  book_id: string;
  run_id: string;
  profile_id: string;
  first_seq: number;
  last_seq: number;
  /** Contacts the run wrote: fewer in its range later means one was written again since. */
  written: number;
  profile_state_json: string | null;
}

/** A contact as it was before the undoable run changed or deleted it. */
export interface UndoContactsTable {
  user_id: string;
  run_id: string;
  id: string;
  book_id: string;
  folder_id: string | null;
  key: string | null;
  source_id: string | null;
  row_hash: number | null;
  values_json: string;
  created_at: number;
  updated_at: number;
}

export interface ServerDatabase {
  contacts: ContactsTable;
  documents: DocumentsTable;
  staged_contacts: StagedContactsTable;
  server_runs: ServerRunsTable;
  occurrences: OccurrencesTable;
  change_sequence: ChangeSequenceTable;
  undo_runs: UndoRunsTable;
  undo_contacts: UndoContactsTable;
}
