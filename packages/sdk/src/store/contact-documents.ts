import type { Contact, ContactDocument, Tombstone } from '@contactsync/core';
import type { SegmentKeysRecord } from './schema.ts';
import { idAt, keyAt, revisionAt, sourceAt } from './segment-records.ts';

/** A stored contact as the replication protocol's document. */
export function contactDocument(contact: Contact, revision: number): ContactDocument {
  return {
    id: contact.id,
    revision,
    updatedAt: contact.updatedAt,
    deleted: false,
    bookId: contact.bookId,
    folderId: contact.folderId,
    key: contact.key,
    sourceId: contact.origin?.sourceId ?? null,
    rowHash: contact.origin?.rowHash ?? null,
    values: contact.values,
    createdAt: contact.createdAt,
  };
}

/**
 * The deletion of the contact at `p`, as the backend stores it: no values. A deletion by hand
 * keeps the key, so every replica's imports keep it out; a run's deletion does not.
 */
export function deletedDocument(
  keys: SegmentKeysRecord,
  p: number,
  bookId: string,
  byHand: boolean,
  now: number,
): ContactDocument {
  return {
    id: idAt(keys, p),
    revision: revisionAt(keys, p),
    updatedAt: now,
    deleted: true,
    bookId,
    folderId: null,
    key: byHand ? keyAt(keys, p) : null,
    sourceId: sourceAt(keys, p),
    rowHash: null,
    values: {},
    createdAt: 0,
  };
}

/** A document from the backend as a stored contact. */
export function contactOf(document: ContactDocument): Contact {
  return {
    id: document.id,
    bookId: document.bookId,
    folderId: document.folderId,
    key: document.key,
    values: document.values,
    origin:
      document.sourceId === null
        ? null
        : { sourceId: document.sourceId, rowHash: document.rowHash ?? 0 },
    createdAt: document.createdAt,
    updatedAt: document.updatedAt,
  };
}

/**
 * A deletion by a person keeps its key: here it becomes the book's tombstone for that key, with
 * the contact as it was when the deletion carries it (to show and restore).
 */
export function tombstoneOf(deleted: ContactDocument): Tombstone | null {
  if (!deleted.deleted || deleted.key === null) return null;
  const tombstone = {
    bookId: deleted.bookId,
    key: deleted.key,
    sourceId: deleted.sourceId ?? '',
    deletedAt: deleted.updatedAt,
  };
  if (Object.keys(deleted.values).length === 0) return tombstone;
  return { ...tombstone, contact: contactOf(deleted) };
}
