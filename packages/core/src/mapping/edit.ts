import type { KeyStrategy, Mapping } from '../model/profile.ts';

/** Pure edits a mapping screen needs; each returns a new mapping. */

/** Maps a column to a field; the field is taken from any other column that had it. */
export function mapColumn(mapping: Mapping, column: number, field: string): Mapping {
  return {
    ...mapping,
    columns: mapping.columns.map((c) => {
      if (c.column === column) return { ...c, field };
      return c.field === field ? { ...c, field: null } : c;
    }),
  };
}

/** Removes a column's mapping: the column is ignored by the import. */
export function unmapColumn(mapping: Mapping, column: number): Mapping {
  return {
    ...mapping,
    columns: mapping.columns.map((c) => (c.column === column ? { ...c, field: null } : c)),
  };
}

export function setKeyStrategy(mapping: Mapping, key: KeyStrategy): Mapping {
  return { ...mapping, key };
}
