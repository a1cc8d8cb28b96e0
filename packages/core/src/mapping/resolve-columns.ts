import { ContactSyncError } from '../errors.ts';
import type { Mapping, SyncProfile } from '../model/profile.ts';

export interface ResolvedColumns {
  /** The mapping with column numbers as they stand in this file. */
  readonly mapping: Mapping;
  /** Mapped columns the file no longer has, left untouched (only when the profile allows it). */
  readonly missing: readonly string[];
  /** True when mapped columns stand elsewhere than when the import was set up. */
  readonly moved: boolean;
}

const norm = (header: string) => header.trim().toLowerCase();

/** Where each header name stands; a name that occurs twice keeps its occurrences in order. */
function positionsByName(headers: readonly string[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  headers.forEach((h, i) => out.set(norm(h), [...(out.get(norm(h)) ?? []), i]));
  return out;
}

/**
 * Follows the mapping by header name, so a file whose columns were reordered, added or removed
 * never puts one column's values into another field. Without a header row only the column count
 * can be checked: a file whose count changed since the last import is refused.
 */
export function resolveColumns(
  profile: SyncProfile,
  headers: readonly string[] | null,
  columnCount: number,
): ResolvedColumns {
  const { mapping } = profile;
  if (headers === null) {
    const last = profile.state.lastColumnCount ?? null;
    if (last !== null && last !== columnCount) {
      throw new ContactSyncError(
        'columns-changed',
        `The file has ${columnCount} columns, but it had ${last} when it was last imported. Without a header row the columns cannot be told apart, so nothing was changed. Check the file, or set up the mapping again.`,
        { expected: last, found: columnCount },
      );
    }
    return { mapping, missing: [], moved: false };
  }
  const free = positionsByName(headers);
  const taken = new Map<number, number>();
  const missing: string[] = [];
  // Occurrences are taken in the mapping's column order, so duplicate names pair up in order.
  for (const c of [...mapping.columns].sort((a, b) => a.column - b.column)) {
    const at = free.get(norm(c.header))?.shift();
    if (at === undefined) {
      if (c.field !== null) missing.push(c.header);
    } else taken.set(c.column, at);
  }
  const keyColumn = mapping.key.kind === 'column' ? mapping.key.column : null;
  const keyHeader =
    keyColumn === null ? null : mapping.columns.find((c) => c.column === keyColumn)?.header;
  if (keyColumn !== null && !taken.has(keyColumn)) {
    throw new ContactSyncError(
      'columns-missing',
      `The file has no column "${keyHeader ?? `Column ${keyColumn + 1}`}", the unique key of this import, so nothing was changed. Check the file, or change the mapping.`,
      { columns: [keyHeader ?? `Column ${keyColumn + 1}`], key: true },
    );
  }
  if (missing.length > 0 && profile.behaviour.missingColumns !== 'keep') {
    throw new ContactSyncError(
      'columns-missing',
      `The file has no ${missing.length === 1 ? 'column' : 'columns'} ${missing.map((h) => `"${h}"`).join(', ')}, which this import maps, so nothing was changed. Fix the mapping, or choose to leave such fields untouched when a column is missing.`,
      { columns: missing, key: false },
    );
  }
  const moved = [...taken].some(([from, to]) => from !== to);
  return {
    mapping: {
      columns: mapping.columns.flatMap((c) => {
        const at = taken.get(c.column);
        return at === undefined ? [] : [{ ...c, column: at }];
      }),
      key: keyColumn === null ? mapping.key : { kind: 'column', column: taken.get(keyColumn)! },
    },
    missing,
    moved,
  };
}
