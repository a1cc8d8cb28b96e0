import { openDB, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { ContactSyncError } from '@contactsync/core';
import type { ContactSyncDB } from './schema.ts';
import { storageError } from './storage-error.ts';

type Upgrade = (
  db: IDBPDatabase<ContactSyncDB>,
  tx: IDBPTransaction<ContactSyncDB, StoreNames<ContactSyncDB>[], 'versionchange'>,
) => void;

/** Migrations by the version they lead to; never edit one that has shipped, add the next. */
const MIGRATIONS: readonly Upgrade[] = [
  (db) => {
    db.createObjectStore('books', { keyPath: 'id' });
    db.createObjectStore('folders', { keyPath: 'id' }).createIndex('bookId', 'bookId');
    db.createObjectStore('profiles', { keyPath: 'id' }).createIndex('bookId', 'bookId');
    const runs = db.createObjectStore('runs', { keyPath: 'id' });
    runs.createIndex('profileId', ['profileId', 'startedAt']);
    runs.createIndex('bookId', ['bookId', 'startedAt']);
    runs.createIndex('status', 'status');
    db.createObjectStore('manifests', { keyPath: 'bookId' });
    db.createObjectStore('segments', { keyPath: 'id' }).createIndex('bookId', 'bookId');
    db.createObjectStore('segmentKeys', { keyPath: 'id' }).createIndex('bookId', 'bookId');
    db.createObjectStore('tombstones', { keyPath: ['bookId', 'sourceId', 'key'] });
  },
  // Tombstones belong to the book and the key, not to the import that brought the contact in.
  (db, tx) => {
    const old = tx.objectStore('tombstones');
    void old.getAll().then((all) => {
      db.deleteObjectStore('tombstones');
      const store = db.createObjectStore('tombstones', { keyPath: ['bookId', 'key'] });
      for (const t of all) void store.put(t);
    });
  },
  // Replication with a backend: pull positions, deletions to send, merge bases, record states.
  (db) => {
    db.createObjectStore('replicaCheckpoints', { keyPath: 'collection' });
    db.createObjectStore('replicaOutbox', { keyPath: 'id' });
    db.createObjectStore('replicaBase', { keyPath: 'id' });
    db.createObjectStore('recordReplicas', { keyPath: ['collection', 'id'] });
  },
  // Undo of a book's latest run.
  (db) => {
    db.createObjectStore('undo', { keyPath: 'bookId' });
  },
  // Search text beside each segment; older segments get theirs when first searched.
  (db) => {
    db.createObjectStore('segmentSearch', { keyPath: 'id' }).createIndex('bookId', 'bookId');
  },
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** A connection that closes itself when another tab upgrades the database. */
export class StoreConnection {
  private db: IDBPDatabase<ContactSyncDB> | null = null;
  private outdated: 'upgraded' | 'destroyed' | null = null;

  constructor(private readonly name: string) {}

  /** Another tab wiped the store (sign-out): close now, and say so instead of "updated". */
  destroyed(): void {
    this.close();
    this.outdated = 'destroyed';
  }

  async get(): Promise<IDBPDatabase<ContactSyncDB>> {
    if (this.outdated) {
      throw new ContactSyncError(
        'database-outdated',
        this.outdated === 'destroyed'
          ? 'The contacts stored in this browser were removed in another tab (for example at sign-out). Reload this page to continue.'
          : 'ContactSync was updated in another tab. Reload this page to continue.',
        { reason: this.outdated },
      );
    }
    try {
      this.db ??= await openDB<ContactSyncDB>(this.name, SCHEMA_VERSION, {
        upgrade(db, oldVersion, _newVersion, tx) {
          for (let v = oldVersion; v < MIGRATIONS.length; v++) MIGRATIONS[v]!(db, tx);
        },
        blocking: () => {
          // Let the newer tab upgrade; this one stops using the old schema.
          this.db?.close();
          this.db = null;
          this.outdated ??= 'upgraded';
        },
        terminated: () => {
          this.db = null;
        },
      });
    } catch (error) {
      // "Internal error opening backing store": what a full disk looks like at open time.
      throw error instanceof ContactSyncError ? error : storageError(error);
    }
    return this.db;
  }

  close(): void {
    this.db?.close();
    this.db = null;
  }
}
