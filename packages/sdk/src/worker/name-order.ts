import { packLocator, type BookView } from '../store/book-view.ts';
import type { SearchIndex } from '../store/search-index.ts';
import type { SegmentSearchRecord } from '../store/schema.ts';
import { forEachMatch } from '../store/search-matches.ts';
import type { ContactFilter } from '../api/contact-queries.ts';
import type { VersionRead } from './scan-matching.ts';
import { nameCollator, SegmentNames } from './segment-names.ts';
import { carriedNameOrder } from './carried-name-order.ts';
import { filterKey } from './match-places.ts';

/** Name orders already worked out, per version of a book and filter. */
const nameOrders = new WeakMap<BookView, Map<string, Float64Array>>();
/** The search records each version's name orders were worked out from. */
const recordsOf = new WeakMap<BookView, readonly SegmentSearchRecord[]>();

/**
 * The places (packed locators) in name order, in the user's language's order, ignoring case
 * and accents; contacts with no name last; equal names in the order they were added. The
 * collator sorts each distinct name once, then contacts are placed by its rank (a counting
 * sort), so a book of repeated names sorts in one pass.
 */
function orderByName(names: readonly string[], places: readonly number[]): Float64Array {
  const collator = nameCollator();
  const distinct = [...new Set(names)].filter((n) => n !== '').sort(collator.compare);
  const rank = new Map<string, number>();
  let r = -1;
  distinct.forEach((name, i) => {
    if (i === 0 || collator.compare(distinct[i - 1]!, name) !== 0) r++;
    rank.set(name, r);
  });
  const ranks = Uint32Array.from(names, (n) => rank.get(n) ?? r + 1);
  const starts = new Uint32Array(r + 3);
  for (const k of ranks) starts[k + 1]!++;
  for (let k = 1; k < starts.length; k++) starts[k]! += starts[k - 1]!;
  const sorted = new Float64Array(names.length);
  ranks.forEach((k, i) => (sorted[starts[k]!++] = places[i]!));
  return sorted;
}

/**
 * Where the contacts a query matches sit (packed locators), in name order. Worked out once per
 * version of the book and filter, from the search records (no contact is read); later pages
 * come from memory.
 */
export async function sortedByName(
  index: SearchIndex,
  at: VersionRead,
  filter: ContactFilter,
): Promise<Float64Array> {
  const view = at.view;
  const key = filterKey(filter);
  const cached = nameOrders.get(view)?.get(key);
  if (cached) return cached;
  const records = await index.records(view, at.segment, at.search);
  recordsOf.set(view, records);
  // After changes of this tab, the order of the version before them is carried over (an edit
  // at 1M: milliseconds, against half a second to work it out again).
  view.derived = true;
  const previous = view.base;
  const before = previous && nameOrders.get(previous)?.get(key);
  const beforeRecords = previous && recordsOf.get(previous);
  const carried =
    before && beforeRecords
      ? carriedNameOrder(
          { view: previous, records: beforeRecords },
          before,
          { view, records },
          filter,
        )
      : null;
  if (carried) return remember(view, key, carried);
  const names: string[] = [];
  const places: number[] = [];
  let segment = -1;
  let segmentNames: SegmentNames | null = null;
  forEachMatch(view, records, filter, (s, p) => {
    if (s !== segment) segmentNames = new SegmentNames(records[(segment = s)]!);
    names.push(segmentNames!.at(p));
    places.push(packLocator(s, p));
  });
  return remember(view, key, orderByName(names, places));
}

function remember(view: BookView, key: string, order: Float64Array): Float64Array {
  const orders = nameOrders.get(view) ?? new Map<string, Float64Array>();
  orders.set(key, order);
  nameOrders.set(view, orders);
  return order;
}
