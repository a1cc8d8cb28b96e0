import { ContactSyncError } from '@contactsync/core';

/**
 * Every write to a book happens under its Web Lock, so across all tabs at most one run or
 * edit touches a book at a time. `ifAvailable` turns a held lock into a "busy" error.
 */
export async function withBookLock<T>(
  dbName: string,
  bookId: string,
  mode: 'wait' | 'ifAvailable',
  fn: () => Promise<T>,
): Promise<T> {
  const name = `contactsync:${dbName}:book:${bookId}`;
  return navigator.locks.request(name, { ifAvailable: mode === 'ifAvailable' }, async (lock) => {
    if (!lock) {
      throw new ContactSyncError(
        'busy',
        'An import into this address book is already running, in this tab or another. Wait for it to finish.',
      );
    }
    return fn();
  });
}
