import type { BookView } from './book-view.ts';
import type { SearchColumn, SegmentSearchRecord } from './schema.ts';
import { folderAt } from './segment-records.ts';
import { END } from './search-text.ts';
import { bitAt } from './packed-column.ts';
import { charCounts, findNeedle, needleOf, type CharCounts, type Needle } from './needle.ts';

/** Which contacts a search means, as the search records read it. */
export interface SearchFilter {
  readonly folderId?: string | null;
  readonly search?: string;
  readonly withField?: string;
}

/** The digits of a search that looks like a phone number (3 or more digits, only phone marks). */
export function phoneDigits(needle: string): string | null {
  if (!/^[\d\s()+./-]+$/.test(needle)) return null;
  const digits = needle.replace(/\D+/g, '');
  return digits.length >= 3 ? digits : null;
}

/** Marks every contact whose value in `text` (values ended by END) holds `needle`. */
function markHits(text: string, needle: Needle, hits: Uint8Array): boolean {
  let at = findNeedle(text, needle, 0);
  if (at < 0) return false;
  let position = 0;
  let start = 0;
  while (at >= 0) {
    // The value holding the match: count the END marks before it.
    let end = text.indexOf(END, start);
    while (end < at) {
      start = end + 1;
      position++;
      end = text.indexOf(END, start);
    }
    hits[position] = 1;
    start = end + 1;
    position++;
    at = findNeedle(text, needle, start);
  }
  return true;
}

/** Everything but digits and END marks. */
const NOT_DIGITS = new RegExp(`[^0-9${END}]+`, 'g');
/**
 * Per column, only the digits of each value (each followed by END), for phone numbers however
 * typed: the text itself when that is what it holds, "" when no value has a digit. Worked out
 * at the first search that needs it (a third of an import's search text work, were it done
 * at every write), and kept while the column is.
 */
const digitsOfColumn = new WeakMap<SearchColumn, string>();

function digitsOf(column: SearchColumn): string {
  let digits = digitsOfColumn.get(column);
  if (digits === undefined) {
    const text = column.text;
    digits = /[0-9]/.test(text) ? text.replace(NOT_DIGITS, '') : '';
    if (digits === text) digits = text; // shares the string
    digitsOfColumn.set(column, digits);
  }
  return digits;
}

/**
 * How often each character comes in a book's search text, sampled from its first and last
 * segments once (kept with the first segment's record, which an edit elsewhere leaves alone).
 */
const countsOfBook = new WeakMap<SegmentSearchRecord, CharCounts>();

function sampledCounts(records: readonly SegmentSearchRecord[]): CharCounts | null {
  const first = records[0];
  const last = records.at(-1);
  if (!first || !last) return null;
  let counts = countsOfBook.get(first);
  if (!counts) {
    const sampled = first === last ? first.columns : [...first.columns, ...last.columns];
    counts = charCounts(sampled.map((c) => c.text));
    countsOfBook.set(first, counts);
  }
  return counts;
}

const isFilled = (column: SearchColumn, p: number) => bitAt(column.filled, p);

/** True when a filter needs the search records: it has a text or a field to have. */
export const needsSearchRecords = (filter: SearchFilter): boolean =>
  (filter.search ?? '').trim() !== '' || filter.withField !== undefined;

/**
 * Calls `visit` for every live contact of the view that `filter` matches, in the book's order,
 * from the search records (one per segment, in the view's order; null when the filter does not
 * need them): no contact is read. Stops when `visit` returns false.
 */
export function forEachMatch(
  view: BookView,
  records: readonly SegmentSearchRecord[] | null,
  filter: SearchFilter,
  visit: (segment: number, position: number) => boolean | void,
  /** Only these segments (indexes in the view's order, ascending); every segment if absent. */
  only?: readonly number[],
): void {
  const needle = (filter.search ?? '').trim().toLowerCase().replaceAll(END, '');
  const digits = phoneDigits(needle);
  const counts = records !== null && needle !== '' ? sampledCounts(records) : null;
  const wanted = needleOf(needle, counts);
  // Digits are searched in the digits of values, whose counts are not sampled.
  const wantedDigits = digits === null ? null : needleOf(digits, null);
  const folder = filter.folderId;
  if (records === null && needsSearchRecords(filter))
    throw new Error('This filter needs the search records.');
  let marks = new Uint8Array(0);
  const count = only ? only.length : view.keys.length;
  for (let i = 0; i < count; i++) {
    const s = only ? only[i]! : i;
    const record = records?.[s];
    const live = view.live[s]!;
    const keys = view.keys[s]!;
    let hits: Uint8Array | null = null;
    if (record && needle !== '') {
      if (marks.length < live.length) marks = new Uint8Array(live.length);
      else marks.fill(0);
      let any = false;
      for (const column of record.columns) {
        if (markHits(column.text, wanted, marks)) any = true;
        if (wantedDigits !== null && markHits(digitsOf(column), wantedDigits, marks)) any = true;
      }
      if (!any) continue;
      hits = marks;
    }
    let withField: SearchColumn | null = null;
    if (record && filter.withField !== undefined) {
      withField = record.columns.find((c) => c.field === filter.withField) ?? null;
      if (!withField) continue;
    }
    for (let p = 0; p < live.length; p++) {
      if (
        !live[p] ||
        (hits !== null && !hits[p]) ||
        (withField !== null && !isFilled(withField, p)) ||
        (folder !== undefined && folderAt(keys, p) !== folder)
      )
        continue;
      if (visit(s, p) === false) return;
    }
  }
}
