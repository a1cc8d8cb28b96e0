import { ContactSyncError } from '../errors.ts';

/**
 * A pull position. Opaque to clients (they only hand it back), totally ordered for the backend:
 * the sequence number of the last change a client has seen, and the id that broke a tie.
 */
export interface Checkpoint {
  readonly seq: number;
  readonly id: string;
}

const PREFIX = 'c1.';

export function encodeCheckpoint(c: Checkpoint): string {
  return PREFIX + btoa(JSON.stringify([c.seq, c.id]));
}

/** Null for "from the beginning"; a checkpoint from another format or backend is refused. */
export function decodeCheckpoint(text: string | null | undefined): Checkpoint | null {
  if (text === null || text === undefined || text === '') return null;
  try {
    if (!text.startsWith(PREFIX)) throw new Error('prefix');
    const [seq, id] = JSON.parse(atob(text.slice(PREFIX.length))) as unknown[];
    if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 0 || typeof id !== 'string')
      throw new Error('shape');
    return { seq, id };
  } catch {
    throw new ContactSyncError(
      'invalid-argument',
      'The replication checkpoint is not one this backend gave out; pull again from the start.',
    );
  }
}

/** Whether `a` comes after `b` in the backend's order of changes. */
export const isAfter = (a: Checkpoint, b: Checkpoint | null): boolean =>
  b === null || a.seq > b.seq || (a.seq === b.seq && a.id > b.id);
