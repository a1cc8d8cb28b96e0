import { ContactSyncError } from '../errors.ts';
import type { Random } from '../ports.ts';

const LOW = 100_000_000;
const SPAN = 900_000_000;

/** A random 9-digit code (never starting with 0) that `isTaken` does not know yet. */
export function generateKey(random: Random, isTaken: (key: string) => boolean): string {
  for (let attempt = 0; attempt < 1000; attempt++) {
    const key = String(LOW + random.int(SPAN));
    if (!isTaken(key)) return key;
  }
  throw new ContactSyncError(
    'internal',
    'Could not find a free 9-digit key; the address book is full.',
  );
}
