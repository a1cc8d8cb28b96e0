import type { SegmentKeysRecord, SegmentRecord } from '../store/schema.ts';
import type { BookView } from '../store/book-view.ts';
import type { ReadSegment } from '../store/read-at-version.ts';
import { folderAt, phoneDigits, segmentHas, segmentMatches } from '../store/segment-records.ts';
import type { ContactFilter } from '../api/contact-queries.ts';

const GROUP = 16;

/**
 * Reads every live contact of one version of the book that matches `filter`, a few segments at
 * a time (all inside the read transaction behind `segment`), and hands each to `visit`.
 * `afterGroup` runs between groups, e.g. to turn what was visited into a piece of a file.
 */
export async function scanMatching(
  view: BookView,
  segment: ReadSegment,
  filter: ContactFilter,
  visit: (keys: SegmentKeysRecord, record: SegmentRecord, position: number) => void,
  afterGroup?: () => void,
): Promise<void> {
  const needle = filter.search?.trim().toLowerCase() ?? '';
  const digits = phoneDigits(needle);
  const withField = filter.withField ?? null;
  const refs = view.manifest.segments;
  for (let start = 0; start < refs.length; start += GROUP) {
    const group = await Promise.all(refs.slice(start, start + GROUP).map((r) => segment(r.id)));
    group.forEach((record, i) => {
      const live = view.live[start + i]!;
      const keys = view.keys[start + i]!;
      if (!record) return;
      for (let p = 0; p < keys.ids.length; p++) {
        if (
          !live[p] ||
          (filter.folderId !== undefined && folderAt(keys, p) !== filter.folderId) ||
          (needle !== '' && !segmentMatches(keys, record, p, needle, digits)) ||
          (withField !== null && !segmentHas(record, p, withField))
        )
          continue;
        visit(keys, record, p);
      }
    });
    afterGroup?.();
  }
}
