import type { PackedColumn, StoredColumn } from './schema.ts';

/** Bit `p` of a bit set stored a byte per eight positions (a column's `present`, `filled`). */
export const bitAt = (bits: Uint8Array, p: number): boolean =>
  ((bits[p >> 3] ?? 0) & (1 << (p & 7))) !== 0;

/**
 * Packs one field's values in a segment: IndexedDB then clones one string and two typed arrays
 * instead of hundreds of strings, which makes writing and reading a segment several times cheaper.
 */
export function packColumn(values: readonly (string | null)[]): PackedColumn {
  const n = values.length;
  const ends = new Uint32Array(n);
  const present = new Uint8Array((n + 7) >> 3);
  const parts = new Array<string>(n);
  let end = 0;
  for (let p = 0; p < n; p++) {
    const value = values[p];
    if (value != null) {
      present[p >> 3]! |= 1 << (p & 7);
      end += value.length;
    }
    parts[p] = value ?? '';
    ends[p] = end;
  }
  return { text: parts.join(''), ends, present };
}

/** The value at position `p` of a stored column, in either layout. */
export function valueAt(column: StoredColumn, p: number): string | null {
  if (!('ends' in column)) return column[p] ?? null;
  if (!bitAt(column.present, p)) return null;
  return column.text.slice(p === 0 ? 0 : column.ends[p - 1], column.ends[p]);
}

/** Every value of a stored column, in either layout. */
export function columnValues(column: StoredColumn): (string | null)[] {
  if (!('ends' in column)) return [...column];
  return Array.from(column.ends, (_, p) => valueAt(column, p));
}

/** How many positions a stored column has, in either layout. */
export const columnSize = (column: StoredColumn): number =>
  'ends' in column ? column.ends.length : column.length;

/**
 * The first position at or after `from` whose value is `value` (non-empty), or -1: one native
 * search through the packed text, each hit checked to start and end on a value's bounds.
 */
export function indexOfValue(column: StoredColumn, value: string, from = 0): number {
  if (!('ends' in column)) return column.indexOf(value, from);
  const { text, ends, present } = column;
  const n = ends.length;
  if (value === '') {
    for (let p = from; p < n; p++) if (valueAt(column, p) === '') return p;
    return -1;
  }
  if (from >= n) return -1;
  let at = text.indexOf(value, from === 0 ? 0 : ends[from - 1]);
  while (at >= 0) {
    // The first position whose value starts at or after `at`: after the last that ends before it.
    let lo = from;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((mid === 0 ? 0 : ends[mid - 1]!) < at) lo = mid + 1;
      else hi = mid;
    }
    // Empty values start there too; the one that holds `value` ends where it does.
    for (let p = lo; p < n && (p === 0 ? 0 : ends[p - 1]!) === at; p++) {
      if (ends[p] === at + value.length && bitAt(present, p)) return p;
      if (ends[p]! > at) break;
    }
    at = text.indexOf(value, at + 1);
  }
  return -1;
}

/** True when the value at `p` is `value`, compared in place (no string is made). */
export function valueIs(column: StoredColumn, p: number, value: string): boolean {
  if (!('ends' in column)) return column[p] === value;
  const start = p === 0 ? 0 : column.ends[p - 1]!;
  return (
    column.ends[p]! - start === value.length &&
    bitAt(column.present, p) &&
    column.text.startsWith(value, start)
  );
}

/** True when position `p` has a value (no string is made). */
export const hasValue = (column: StoredColumn, p: number): boolean =>
  'ends' in column ? bitAt(column.present, p) : column[p] != null;
