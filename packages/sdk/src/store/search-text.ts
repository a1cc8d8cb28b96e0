import type {
  SearchColumn,
  SegmentKeysRecord,
  SegmentRecord,
  SegmentSearchRecord,
} from './schema.ts';
import { columnValues } from './packed-column.ts';

/** Ends every value in a column's text: no needle holds it, so no match spans two values. */
export const END = '\u0000';

/** A stored password (a digest): never searched, so that typed text cannot match its hex. */
const DIGEST = /^sha256:[0-9a-f]{64}$/;
const DIGEST_LENGTH = 71;

/** A new stamp pairing a key record with its search record (never 0, the legacy stamp). */
export const newSearchStamp = (): number => 1 + Math.floor(Math.random() * 2 ** 52);

/** One column's search text, or null when no contact has a value in it. */
function searchColumn(
  field: string | null,
  values: readonly (string | null)[],
): SearchColumn | null {
  const n = values.length;
  const filled = new Uint8Array((n + 7) >> 3);
  const shown = new Array<string>(n);
  let filledAny = false;
  for (let p = 0; p < n; p++) {
    const value = values[p];
    shown[p] = '';
    if (!value) continue;
    filled[p >> 3]! |= 1 << (p & 7);
    filledAny = true;
    if (value.length === DIGEST_LENGTH && DIGEST.test(value)) continue;
    shown[p] = value.includes(END) ? value.replaceAll(END, ' ') : value;
  }
  if (!filledAny) return null;
  // One native pass per column, not one per value: matches are placed by counting END marks,
  // so lower case may change a value's length. (The digits of phone numbers are worked out
  // when a search needs them: see search-matches.ts.)
  const text = (shown.join(END) + END).toLowerCase();
  return { field, text, filled };
}

/**
 * The search record of a segment: its keys (unless a field already holds exactly them) and
 * every field's values, by column.
 */
export function segmentSearch(
  id: string,
  bookId: string,
  stamp: number,
  keys: readonly (string | null)[],
  fields: readonly string[],
  columns: readonly (readonly (string | null)[])[],
): SegmentSearchRecord {
  const out: SearchColumn[] = [];
  fields.forEach((field, f) => {
    const column = searchColumn(field, columns[f]!);
    if (column) out.push(column);
  });
  const keyColumn = searchColumn(null, keys);
  const same = keyColumn && out.find((c) => c.text === keyColumn.text);
  if (same) return { id, bookId, stamp, columns: out, keysIn: same.field! };
  if (keyColumn) out.push(keyColumn);
  return { id, bookId, stamp, columns: out };
}

/** The search record of a segment written before search records existed. */
export function legacySegmentSearch(
  keys: SegmentKeysRecord,
  record: SegmentRecord,
): SegmentSearchRecord {
  return segmentSearch(
    keys.id,
    keys.bookId,
    keys.searchStamp ?? 0,
    columnValues(keys.keys),
    record.fields,
    record.columns.map(columnValues),
  );
}
