import type { Contact } from '@contactsync/core';
import type { SegmentKeysRecord, SegmentRecord, SegmentRef } from './schema.ts';

/** The two records that store one segment: the contacts, and their compact key columns. */
export function segmentRecords(
  id: string,
  bookId: string,
  contacts: Contact[],
): { segment: SegmentRecord; keys: SegmentKeysRecord; ref: SegmentRef } {
  const hashes = new Float64Array(contacts.length);
  contacts.forEach((c, i) => (hashes[i] = c.origin?.rowHash ?? 0));
  return {
    segment: { id, bookId, contacts },
    keys: {
      id,
      bookId,
      ids: contacts.map((c) => c.id),
      keys: contacts.map((c) => c.key),
      folders: contacts.map((c) => c.folderId),
      sources: contacts.map((c) => c.origin?.sourceId ?? null),
      hashes,
    },
    ref: { id, size: contacts.length, dead: [] },
  };
}

/** Positions of a segment that are still live. */
export function livePositions(ref: SegmentRef): number[] {
  const dead = new Set(ref.dead);
  const out: number[] = [];
  for (let i = 0; i < ref.size; i++) if (!dead.has(i)) out.push(i);
  return out;
}
