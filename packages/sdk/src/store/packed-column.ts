import type { PackedColumn, StoredColumn } from './schema.ts';

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
  if (((column.present[p >> 3] ?? 0) & (1 << (p & 7))) === 0) return null;
  return column.text.slice(p === 0 ? 0 : column.ends[p - 1], column.ends[p]);
}

/** Every value of a stored column, in either layout. */
export function columnValues(column: StoredColumn): (string | null)[] {
  if (!('ends' in column)) return [...column];
  return Array.from(column.ends, (_, p) => valueAt(column, p));
}
