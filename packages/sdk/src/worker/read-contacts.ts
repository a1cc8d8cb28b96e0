import { ContactSyncError, type Contact } from '@contactsync/core';
import type { BookView } from '../store/book-view.ts';
import type { ReadSegment } from '../store/read-at-version.ts';
import { contactAt } from '../store/segment-records.ts';

/** The most contacts one call returns; page with `offset` for more. */
export const MAX_PAGE = 1000;

/** The contacts at the given places of one version of the book. */
export async function readContacts(
  view: BookView,
  segment: ReadSegment,
  picks: readonly [number, number][],
): Promise<Contact[]> {
  const bySegment = new Map<number, number[]>();
  for (const [s, p] of picks) bySegment.set(s, [...(bySegment.get(s) ?? []), p]);
  const records = new Map(
    await Promise.all(
      [...bySegment.keys()].map(
        async (s) => [s, await segment(view.manifest.segments[s]!.id)] as const,
      ),
    ),
  );
  return picks.map(([s, p]) => {
    const record = records.get(s);
    if (!record)
      throw new ContactSyncError('storage-failed', 'A part of the address book is missing.');
    view.shownAt(s, p);
    return contactAt(view.keys[s]!, record, p);
  });
}
