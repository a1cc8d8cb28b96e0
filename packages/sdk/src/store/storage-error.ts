import { ContactSyncError } from '@contactsync/core';

/** A failure of IndexedDB as a ContactSyncError a person can act on. */
export function storageError(error: unknown): ContactSyncError {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  if (name === 'QuotaExceededError') {
    return new ContactSyncError(
      'storage-full',
      'The browser has no room left to store contacts. Free some disk space or delete unused address books, then try again.',
    );
  }
  // What Chromium reports when the disk fills up under IndexedDB: an I/O failure, then a
  // connection it closes itself.
  if (
    name === 'UnknownError' ||
    (name === 'InvalidStateError' && /closing|closed/i.test((error as Error).message))
  ) {
    return new ContactSyncError(
      'storage-full',
      'The browser could not write to its storage, most often because the disk is full. Nothing was changed. Free some disk space, reload the page and try again.',
      { cause: name },
    );
  }
  return new ContactSyncError(
    'storage-failed',
    `The contact store could not be written: ${error instanceof Error ? error.message : String(error)}`,
  );
}
