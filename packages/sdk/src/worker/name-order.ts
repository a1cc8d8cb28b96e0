import { packLocator, type BookView } from '../store/book-view.ts';
import type { SegmentSearchRecord } from '../store/schema.ts';
import type { SearchIndex } from '../store/search-index.ts';
import { forEachMatch } from '../store/search-matches.ts';
import { END } from '../store/search-text.ts';
import type { ContactFilter } from '../api/contact-queries.ts';
import type { VersionRead } from './scan-matching.ts';

/** Name orders already worked out, per version of a book and filter (a new version starts over). */
const nameOrders = new WeakMap<BookView, Map<string, Float64Array>>();

/** Where the name a person sees comes from, first to last; then the contact's key. */
const NAME_FIELDS = ['displayName', 'firstName', 'lastName', 'email', 'phone', 'mobile'] as const;

/**
 * The names a person sees in one segment, from its search record (lower case: the order ignores
 * case anyway). A column is split into values only when a contact needs it.
 */
class SegmentNames {
  private readonly split: (string[] | null | undefined)[] = [];

  constructor(private readonly record: SegmentSearchRecord) {}

  /** The value of name source `i` (NAME_FIELDS, then the key) at `p`. */
  private value(i: number, p: number): string {
    let column = this.split[i];
    if (column === undefined) {
      const field = i < NAME_FIELDS.length ? NAME_FIELDS[i]! : (this.record.keysIn ?? null);
      column = this.split[i] =
        this.record.columns.find((c) => c.field === field)?.text.split(END) ?? null;
    }
    return column?.[p] ?? '';
  }

  /** Display name, else first and last name, else email, phone, mobile, key; else "". */
  at(p: number): string {
    const display = this.value(0, p);
    if (display) return display;
    const first = this.value(1, p);
    const last = this.value(2, p);
    if (first || last) return first && last ? `${first} ${last}` : first || last;
    for (let i = 3; i <= NAME_FIELDS.length; i++) {
      const value = this.value(i, p);
      if (value) return value;
    }
    return '';
  }
}

/**
 * The places (packed locators) in name order, in the user's language's order, ignoring case
 * and accents; contacts with no name last; equal names in the order they were added. The
 * collator sorts each distinct name once, then contacts are placed by its rank (a counting
 * sort), so a book of repeated names sorts in one pass.
 */
function orderByName(names: readonly string[], places: readonly number[]): Float64Array {
  const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
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
  // undefined (every folder) and null (no folder) must not share a key.
  const folder = filter.folderId === undefined ? { all: true } : filter.folderId;
  const key = JSON.stringify([folder, filter.search?.trim() ?? '', filter.withField ?? null]);
  const cached = nameOrders.get(view)?.get(key);
  if (cached) return cached;
  const records = await index.records(view, at.segment, at.search);
  const names: string[] = [];
  const places: number[] = [];
  let segment = -1;
  let segmentNames: SegmentNames | null = null;
  forEachMatch(view, records, filter, (s, p) => {
    if (s !== segment) segmentNames = new SegmentNames(records[(segment = s)]!);
    names.push(segmentNames!.at(p));
    places.push(packLocator(s, p));
  });
  const sorted = orderByName(names, places);
  const orders = nameOrders.get(view) ?? new Map<string, Float64Array>();
  orders.set(key, sorted);
  nameOrders.set(view, orders);
  return sorted;
}
