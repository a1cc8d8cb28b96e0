import { ContactSyncError } from '@contactsync/core';
import { locks } from './locks.ts';

/** Long enough for the short holders (an edit, crash recovery in a tab that just opened). */
const BRIEF_WAIT_MS = 750;

/**
 * Every write to a book happens under its Web Lock, so across all tabs at most one run or
 * edit touches a book at a time. `brief` waits a moment for the lock, then reports "busy":
 * another import is running.
 */
export async function withBookLock<T>(
  dbName: string,
  bookId: string,
  mode: 'wait' | 'brief',
  fn: () => Promise<T>,
): Promise<T> {
  const name = `contactsync:${dbName}:book:${bookId}`;
  try {
    return await locks().request(
      name,
      mode === 'brief' ? { signal: AbortSignal.timeout(BRIEF_WAIT_MS) } : {},
      () => fn(),
    );
  } catch (error) {
    if (
      error instanceof DOMException &&
      (error.name === 'TimeoutError' || error.name === 'AbortError')
    ) {
      throw new ContactSyncError(
        'busy',
        'An import into this address book is already running, in this tab or another. Wait for it to finish.',
      );
    }
    throw error;
  }
}
