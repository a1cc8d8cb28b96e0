import type { Contact } from '@contactsync/core';
import type { SearchIndex } from '../store/search-index.ts';
import type { SegmentSearchRecord } from '../store/schema.ts';
import { forEachMatch, needsSearchRecords } from '../store/search-matches.ts';
import type { SuggestQuery } from '../api/contact-queries.ts';
import { matchesOf, type VersionRead } from './scan-matching.ts';
import { MAX_PAGE, readContacts } from './read-contacts.ts';

/**
 * The first contacts a filter matches in one version of the book; none is counted past them.
 * Until the worker holds the book's search records, they are read a few segments at a time (8,
 * then twice as many each round), so the first suggestions in a new tab wait for the segments
 * that hold them, not for the whole book's records.
 */
export async function suggestAt(
  index: SearchIndex,
  at: VersionRead,
  query: SuggestQuery,
): Promise<Contact[]> {
  const limit = Math.max(0, Math.min(query.limit ?? 8, MAX_PAGE));
  if (limit === 0) return [];
  const picks: [number, number][] = [];
  const take = (s: number, p: number) => {
    picks.push([s, p]);
    return picks.length < limit;
  };
  if (!needsSearchRecords(query) || index.warm(at.view)) {
    (await matchesOf(index, at, query))(take);
  } else {
    // Indexed by segment, filled where read: forEachMatch looks only at `only`'s segments.
    const count = at.view.keys.length;
    const records = new Array<SegmentSearchRecord>(count);
    for (let from = 0, size = 8; from < count && picks.length < limit; from += size, size *= 2) {
      const only = Array.from({ length: Math.min(size, count - from) }, (_, i) => from + i);
      const read = await index.some(at.view, at.segment, at.search, only);
      only.forEach((s, i) => (records[s] = read[i]!));
      forEachMatch(at.view, records, query, take, only);
    }
  }
  return readContacts(at.view, at.segment, picks);
}
