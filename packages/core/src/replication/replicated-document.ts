/**
 * What every replicated document carries besides its own fields (docs/replication.md): a stable
 * id, the revision the backend gave it, when it last changed, and whether it is deleted.
 * Deletions are documents too (`deleted: true`), so every replica learns of them.
 */
export interface ReplicationMeta {
  readonly id: string;
  /** Incremented by the backend with every write it accepts; 0 for a document it never saw. */
  readonly revision: number;
  /** Milliseconds since the epoch, set by whoever made the change. */
  readonly updatedAt: number;
  readonly deleted: boolean;
}

/** A contact as it crosses the wire: values, folder, key and source, never plain passwords. */
export interface ContactDocument extends ReplicationMeta {
  readonly bookId: string;
  readonly folderId: string | null;
  readonly key: string | null;
  /** The import (or phone source) that brought the contact in, or null for one made by hand. */
  readonly sourceId: string | null;
  /**
   * A hash of the file row that last wrote the contact (null when none did): a replica whose
   * import reads the same row again skips it as unchanged.
   */
  readonly rowHash: number | null;
  /** Field id → value; password fields hold the salted digest, never the plain text. */
  readonly values: Readonly<Record<string, string>>;
  readonly createdAt: number;
}

/** One row of a push: what the client last saw of the document, and what it wants it to be. */
export interface PushRow<D extends ReplicationMeta> {
  /** Null for a document the client created. */
  readonly assumedMasterState: D | null;
  readonly newDocumentState: D;
}

/** A page of a pull. */
export interface PullResult<D extends ReplicationMeta> {
  readonly documents: readonly D[];
  /** Opaque; pass it to the next pull. Equal to the request's when nothing was new. */
  readonly checkpoint: string | null;
}

/** The answer to a push. */
export interface PushResult<D extends ReplicationMeta> {
  /** The backend's current document for every row it refused; the client resolves them. */
  readonly conflicts: readonly D[];
  /**
   * The revision each accepted row (written, or already stored) now has, by id, so that the
   * client knows its next assumed state without pulling its own writes back.
   */
  readonly revisions: Readonly<Record<string, number>>;
  /**
   * Given when the push named the client's pull checkpoint and nothing but this push changed the
   * collection after it: the checkpoint after these writes, so the client need not pull them.
   */
  readonly checkpoint?: string;
}

/** Collections replicated as whole records: few per user, stored as JSON by the backend. */
export type RecordCollection = 'books' | 'folders' | 'profiles' | 'runs';

/** A book, folder, import profile or run as it crosses the wire: the SDK's record in `data`. */
export interface RecordDocument<T = unknown> extends ReplicationMeta {
  /** The record; null once deleted. */
  readonly data: T | null;
}
