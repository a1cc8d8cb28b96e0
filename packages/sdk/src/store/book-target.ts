import type { IDBPDatabase } from 'idb';
import type {
  Contact,
  ContactDocument,
  KeyIndex,
  ProfileState,
  RunRecord,
  SyncTarget,
  Tombstone,
} from '@contactsync/core';
import { ContactSyncError } from '@contactsync/core';
import { unpackLocator, type BookView, type Location } from './book-view.ts';
import { SEGMENT_SIZE, type ContactSyncDB, type SegmentRecord, type SegmentRef } from './schema.ts';
import { contactAt, dirtyAt, revisionAt, segmentRecords } from './segment-records.ts';
import { contactDocument } from './contact-documents.ts';
import { applyManifestChange } from './manifest-change.ts';
import { storageError } from './storage-error.ts';
import { deleteSegment, putSegment, SEGMENT_STORES } from './segment-writes.ts';

const CACHE_SEGMENTS = 32;

/**
 * A run's view of one book. New and changed contacts go to fresh segments that no manifest
 * names yet; `commit` names them and retires what they replace in one transaction.
 */
export class BookTarget implements SyncTarget {
  private pending: Contact[] = [];
  private readonly staged: SegmentRef[] = [];
  /** Where the old versions of staged contacts live; they are retired at commit. */
  private readonly replaced: Location[] = [];
  /** Contacts read for updating, by id. */
  private readonly fetched = new Map<string, Location>();
  private index: KeyIndex | null = null;
  private inflight: Promise<void> = Promise.resolve();
  /** The writes queued by the previous `stage` call. */
  private previousBatch: Promise<void> = Promise.resolve();
  private readonly cache = new Map<string, SegmentRecord>();

  /** Loaded on first need: a run that ends as "unchanged" never reads the book at all. */
  private view: BookView | null = null;

  constructor(
    private readonly db: IDBPDatabase<ContactSyncDB>,
    private readonly bookId: string,
    private readonly loadView: () => Promise<BookView>,
    private readonly newSegmentId: () => string,
  ) {}

  private async currentView(): Promise<BookView> {
    this.view ??= await this.loadView();
    return this.view;
  }

  async loadIndex(): Promise<KeyIndex> {
    this.index = (await this.currentView()).keyIndex();
    return this.index;
  }

  async loadTombstones(): Promise<ReadonlySet<string>> {
    return tombstoneKeys(this.db, this.bookId);
  }

  async getContacts(entries: readonly number[]): Promise<Contact[]> {
    const view = await this.currentView();
    const index = this.index ?? (await this.loadIndex());
    const wanted = new Map<number, number[]>();
    for (const n of entries) {
      const loc = unpackLocator(index.locatorAt(n));
      // Remembered so that staging this contact's new version retires the old one.
      this.fetched.set(index.idAt(n), loc);
      const list = wanted.get(loc.segment) ?? [];
      list.push(loc.position);
      wanted.set(loc.segment, list);
    }
    const refs = view.manifest.segments;
    // Records of this call are held here, not only in the cache: one call may need more segments
    // than the cache keeps, and an evicted record must never turn into a missing contact.
    const records = new Map<string, SegmentRecord>();
    const missing: string[] = [];
    for (const s of wanted.keys()) {
      const id = refs[s]!.id;
      const cached = this.cache.get(id);
      if (cached) records.set(id, cached);
      else missing.push(id);
    }
    if (missing.length > 0) {
      const tx = this.db.transaction(['manifests', 'segments'], 'readonly');
      // A dry run holds no lock: a book edited meanwhile must not pair old positions with new records.
      const manifest = await tx.objectStore('manifests').get(this.bookId);
      if ((manifest?.version ?? 0) !== view.version)
        throw new ContactSyncError('busy', 'The address book changed meanwhile; try again.');
      const segments = tx.objectStore('segments');
      const read = await Promise.all(missing.map((id) => segments.get(id)));
      for (const r of read) {
        if (!r) continue;
        records.set(r.id, r);
        this.remember(r);
      }
    }
    const out: Contact[] = [];
    const bases: ContactDocument[] = [];
    for (const [s, positions] of wanted) {
      const record = records.get(refs[s]!.id);
      if (!record)
        throw new ContactSyncError(
          'internal',
          `Segment ${refs[s]!.id} of the address book could not be read; nothing was changed.`,
        );
      const keys = view.keys[s]!;
      for (const p of positions) {
        const contact = contactAt(keys, record, p);
        out.push(contact);
        if (!dirtyAt(keys, p) && revisionAt(keys, p) > 0)
          bases.push(contactDocument(contact, revisionAt(keys, p)));
      }
    }
    if (bases.length > 0 && (await this.replicating())) this.keepBases(bases);
    return out;
  }

  async stage(contacts: readonly Contact[]): Promise<void> {
    this.pending.push(...contacts);
    const full: Contact[][] = [];
    while (this.pending.length >= SEGMENT_SIZE) full.push(this.pending.splice(0, SEGMENT_SIZE));
    this.flush(full);
    // This batch's writes proceed while the next batch is parsed; only the batch before must be
    // done, which bounds memory to two batches.
    const previous = this.previousBatch;
    this.previousBatch = this.inflight;
    await previous;
  }

  async commit(
    deleteEntries: readonly number[],
    record: RunRecord,
    state: ProfileState,
  ): Promise<void> {
    if (this.pending.length > 0) this.flush([this.pending.splice(0)]);
    await this.inflight;
    const index = this.index;
    const deleted = index ? deleteEntries.map((n) => unpackLocator(index.locatorAt(n))) : [];
    await applyManifestChange(this.db, await this.currentView(), {
      retireAt: this.replaced,
      deleteAt: deleted,
      add: this.staged,
      record,
      profileState: { profileId: record.profileId, state },
      now: record.finishedAt ?? record.startedAt,
      undoable: true,
      newSegmentId: this.newSegmentId,
    });
  }

  async discard(): Promise<void> {
    this.pending = [];
    await this.inflight.catch(() => undefined);
    if (this.staged.length === 0) return;
    const tx = this.db.transaction(SEGMENT_STORES, 'readwrite');
    for (const ref of this.staged.splice(0)) deleteSegment(tx, ref.id);
    await tx.done;
  }

  async recordOutcome(record: RunRecord, state: ProfileState): Promise<void> {
    const tx = this.db.transaction(['runs', 'profiles'], 'readwrite');
    void tx.objectStore('runs').put(record);
    const profile = await tx.objectStore('profiles').get(record.profileId);
    if (profile) void tx.objectStore('profiles').put({ ...profile, state });
    await tx.done;
  }

  /**
   * Writes full segments in one transaction. Staged data need not survive a power cut (the
   * manifest does not name it yet), so these writes skip the flush to disk ("relaxed").
   */
  private flush(chunks: Contact[][]): void {
    if (chunks.length === 0) return;
    const keys = this.view?.keys ?? [];
    // When the planner read no contact (a first import), every staged one is new: no lookup of
    // its id, whose first hashing alone costs about 0.4 s at a million.
    const read = this.fetched.size > 0;
    // A changed contact keeps the backend revision its old version derived from.
    const records = chunks.map((chunk) =>
      segmentRecords(
        this.newSegmentId(),
        this.bookId,
        chunk,
        read
          ? (i) => {
              const old = this.fetched.get(chunk[i]!.id);
              const revision = old ? revisionAt(keys[old.segment]!, old.position) : 0;
              return { revision, dirty: true };
            }
          : undefined,
      ),
    );
    // A staged contact replaces an existing one only if the planner read it first.
    for (const chunk of read ? chunks : []) {
      for (const c of chunk) {
        const old = this.fetched.get(c.id);
        if (old) this.replaced.push(old);
      }
    }
    // Known before writing, so that discard() also removes a half-written batch.
    this.staged.push(...records.map((r) => r.ref));
    const previous = this.inflight;
    this.inflight = (async () => {
      await previous;
      const tx = this.db.transaction(SEGMENT_STORES, 'readwrite', { durability: 'relaxed' });
      for (const record of records) putSegment(tx, record);
      await tx.done;
    })().catch((error: unknown) => {
      throw error instanceof ContactSyncError ? error : storageError(error);
    });
  }

  private replicatingNow: Promise<boolean> | null = null;

  private replicating(): Promise<boolean> {
    this.replicatingNow ??= this.db.get('replicaCheckpoints', 'contacts').then((found) => !!found);
    return this.replicatingNow;
  }

  /**
   * What the backend holds of contacts this run may change: the base of a three-way merge if
   * another device changed them too. Kept for contacts the run leaves alone as well: a base is
   * read only while its contact is changed here, and replaced when it next starts to be.
   */
  private keepBases(bases: readonly ContactDocument[]): void {
    const previous = this.inflight;
    this.inflight = (async () => {
      await previous;
      const tx = this.db.transaction('replicaBase', 'readwrite', { durability: 'relaxed' });
      for (const base of bases) void tx.store.put(base);
      await tx.done;
    })().catch((error: unknown) => {
      throw error instanceof ContactSyncError ? error : storageError(error);
    });
  }

  private remember(record: SegmentRecord): void {
    if (this.cache.size >= CACHE_SEGMENTS) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(record.id, record);
  }
}

/** The book's tombstones: contacts deleted by hand, whichever import brought them in. */
export function bookTombstones(
  db: IDBPDatabase<ContactSyncDB>,
  bookId: string,
): Promise<Tombstone[]> {
  // Arrays sort after strings in IndexedDB, so [book, []] bounds every string key.
  return db.getAll('tombstones', IDBKeyRange.bound([bookId, ''], [bookId, []]));
}

/** Keys deleted by hand in the book. */
export async function tombstoneKeys(
  db: IDBPDatabase<ContactSyncDB>,
  bookId: string,
): Promise<Set<string>> {
  return new Set((await bookTombstones(db, bookId)).map((t) => t.key));
}
