import type { SegmentKeysRecord, SegmentRecord } from '../store/schema.ts';
import type { BookView } from '../store/book-view.ts';
import type { ReadSearch, ReadSegment } from '../store/read-at-version.ts';
import type { SearchIndex } from '../store/search-index.ts';
import { forEachMatch, needsSearchRecords } from '../store/search-matches.ts';
import type { ContactFilter } from '../api/contact-queries.ts';

const GROUP = 16;

/** One version of a book, and its records read in the transaction that checked that version. */
export interface VersionRead {
  readonly view: BookView;
  readonly segment: ReadSegment;
  readonly search: ReadSearch;
}

/**
 * Where the contacts `filter` matches sit in that version, in the book's order: `visit` is
 * called with each (and stops the walk by returning false). Reads search records, never contacts.
 */
export async function matchesOf(
  index: SearchIndex,
  at: VersionRead,
  filter: ContactFilter,
): Promise<(visit: (segment: number, position: number) => boolean | void) => void> {
  const records = needsSearchRecords(filter)
    ? await index.records(at.view, at.segment, at.search)
    : null;
  return (visit) => forEachMatch(at.view, records, filter, visit);
}

/**
 * Reads every live contact `filter` matches, a few segments at a time (only segments holding a
 * match), and hands each to `visit`. `afterGroup` runs between groups, e.g. to turn what was
 * visited into a piece of a file.
 */
export async function scanMatching(
  index: SearchIndex,
  at: VersionRead,
  filter: ContactFilter,
  visit: (keys: SegmentKeysRecord, record: SegmentRecord, position: number) => void,
  afterGroup?: () => void,
): Promise<void> {
  const bySegment = new Map<number, number[]>();
  (await matchesOf(index, at, filter))((s, p) => {
    let positions = bySegment.get(s);
    if (!positions) bySegment.set(s, (positions = []));
    positions.push(p);
  });
  const segments = [...bySegment.keys()];
  for (let start = 0; start < segments.length; start += GROUP) {
    const group = segments.slice(start, start + GROUP);
    const records = await Promise.all(
      group.map((s) => at.segment(at.view.manifest.segments[s]!.id)),
    );
    group.forEach((s, i) => {
      const record = records[i];
      if (!record) return;
      for (const p of bySegment.get(s)!) visit(at.view.keys[s]!, record, p);
    });
    afterGroup?.();
  }
}
