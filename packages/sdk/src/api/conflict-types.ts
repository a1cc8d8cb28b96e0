import type { ContactDocument } from '@contactsync/core';

/** What a host's conflict rule receives; it returns the contact as it should be everywhere. */
export interface ContactConflict {
  /** What this browser last had from the backend, or null if it never had this contact. */
  readonly base: ContactDocument | null;
  /** The backend's current document. */
  readonly master: ContactDocument;
  /** This browser's version, which the backend refused. */
  readonly local: ContactDocument;
}

export type ContactConflictResolver = (
  conflict: ContactConflict,
) => ContactDocument | Promise<ContactDocument>;
