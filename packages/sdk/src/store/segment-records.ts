import type { Contact } from '@contactsync/core';
import type {
  SegmentKeysRecord,
  SegmentRecord,
  SegmentRef,
  SegmentSearchRecord,
} from './schema.ts';
import { newSearchStamp, segmentSearch } from './search-text.ts';
import { columnSize, columnValues, packColumn, valueAt } from './packed-column.ts';

/** Stores a few distinct strings as small indexes into a table. */
function encodeTable(values: readonly (string | null)[]): {
  table: (string | null)[];
  indexes: Uint16Array;
} {
  const table: (string | null)[] = [];
  const seen = new Map<string | null, number>();
  const indexes = new Uint16Array(values.length);
  values.forEach((value, i) => {
    let at = seen.get(value);
    if (at === undefined) {
      at = table.length;
      table.push(value);
      seen.set(value, at);
    }
    indexes[i] = at;
  });
  return { table, indexes };
}

/** How many contacts (live or not) a key record describes. */
export const sizeOf = (k: SegmentKeysRecord): number => columnSize(k.ids);
/** The id of the contact at `p` (a new string each call when packed). */
export const idAt = (k: SegmentKeysRecord, p: number): string => valueAt(k.ids, p)!;
export const keyAt = (k: SegmentKeysRecord, p: number): string | null => valueAt(k.keys, p);
/** Every id of a key record, by position. */
export const idsOf = (k: SegmentKeysRecord): string[] => columnValues(k.ids) as string[];

export const folderAt = (k: SegmentKeysRecord, p: number): string | null =>
  k.folderTable[k.folders[p]!] ?? null;
export const sourceAt = (k: SegmentKeysRecord, p: number): string | null =>
  k.sourceTable[k.sources[p]!] ?? null;

/** A contact's replication state: the backend revision it derives from, and whether changed here. */
export interface ReplicaFlags {
  readonly revision: number;
  readonly dirty: boolean;
}

export const revisionAt = (k: SegmentKeysRecord, p: number): number => k.revisions?.[p] ?? 0;
export const dirtyAt = (k: SegmentKeysRecord, p: number): boolean => !k.dirty || k.dirty[p] === 1;
export const flagsAt = (k: SegmentKeysRecord, p: number): ReplicaFlags => ({
  revision: revisionAt(k, p),
  dirty: dirtyAt(k, p),
});

/** A contact made or changed here: never acknowledged by a backend. */
const NEW: ReplicaFlags = { revision: 0, dirty: true };

/** What stores one segment, all written in one transaction (see segment-writes.ts). */
export interface SegmentWrite {
  readonly segment: SegmentRecord;
  readonly keys: SegmentKeysRecord;
  readonly search: SegmentSearchRecord;
  readonly ref: SegmentRef;
}

/**
 * The records that store one segment: the values by column, the key columns, and the search
 * text. `flags(i)` gives each contact's replication state (default: new, changed here).
 */
export function segmentRecords(
  id: string,
  bookId: string,
  contacts: readonly Contact[],
  flags: (index: number) => ReplicaFlags = () => NEW,
): SegmentWrite {
  const n = contacts.length;
  const revisions = new Float64Array(n);
  const dirty = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const f = flags(i);
    revisions[i] = f.revision;
    dirty[i] = f.dirty ? 1 : 0;
  }
  const hashes = new Float64Array(n);
  const created = new Float64Array(n);
  const updated = new Float64Array(n);
  const fieldIndex = new Map<string, number>();
  const columns: (string | null)[][] = [];
  for (let i = 0; i < n; i++) {
    const c = contacts[i]!;
    hashes[i] = c.origin?.rowHash ?? 0;
    created[i] = c.createdAt;
    updated[i] = c.updatedAt;
    for (const field in c.values) {
      let f = fieldIndex.get(field);
      if (f === undefined) {
        f = columns.length;
        fieldIndex.set(field, f);
        columns.push(new Array<string | null>(n).fill(null));
      }
      columns[f]![i] = c.values[field]!;
    }
  }
  const folders = encodeTable(contacts.map((c) => c.folderId));
  const sources = encodeTable(contacts.map((c) => c.origin?.sourceId ?? null));
  const fields = [...fieldIndex.keys()];
  const keys = contacts.map((c) => c.key);
  const searchStamp = newSearchStamp();
  return {
    segment: { id, bookId, created, updated, fields, columns: columns.map(packColumn) },
    search: segmentSearch(id, bookId, searchStamp, keys, fields, columns),
    keys: {
      id,
      bookId,
      ids: packColumn(contacts.map((c) => c.id)),
      keys: packColumn(keys),
      hashes,
      folderTable: folders.table,
      folders: folders.indexes,
      sourceTable: sources.table,
      sources: sources.indexes,
      revisions,
      dirty,
      searchStamp,
    },
    ref: { id, size: n, dead: [] },
  };
}

/** One contact of a segment, rebuilt from its two records. */
export function contactAt(keys: SegmentKeysRecord, record: SegmentRecord, p: number): Contact {
  const values: Record<string, string> = {};
  for (let f = 0; f < record.fields.length; f++) {
    const value = valueAt(record.columns[f]!, p);
    if (value != null) values[record.fields[f]!] = value;
  }
  const source = sourceAt(keys, p);
  return {
    id: idAt(keys, p),
    bookId: record.bookId,
    folderId: folderAt(keys, p),
    key: keyAt(keys, p),
    values,
    origin: source === null ? null : { sourceId: source, rowHash: keys.hashes[p]! },
    createdAt: record.created[p]!,
    updatedAt: record.updated[p]!,
  };
}

export function contactsOf(keys: SegmentKeysRecord, record: SegmentRecord): Contact[] {
  return Array.from({ length: sizeOf(keys) }, (_, p) => contactAt(keys, record, p));
}
