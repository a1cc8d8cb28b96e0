import type { Contact } from '@contactsync/core';
import type { SegmentKeysRecord, SegmentRecord, SegmentRef } from './schema.ts';

/** The two records that store one segment: the contacts by column, and their key columns. */
export function segmentRecords(
  id: string,
  bookId: string,
  contacts: readonly Contact[],
): { segment: SegmentRecord; keys: SegmentKeysRecord; ref: SegmentRef } {
  const n = contacts.length;
  const hashes = new Float64Array(n);
  const created = new Float64Array(n);
  const updated = new Float64Array(n);
  const fieldIndex = new Map<string, number>();
  const columns: (string | null)[][] = [];
  const ids: string[] = new Array(n);
  const keys: (string | null)[] = new Array(n);
  const folders: (string | null)[] = new Array(n);
  const sources: (string | null)[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const c = contacts[i]!;
    ids[i] = c.id;
    keys[i] = c.key;
    folders[i] = c.folderId;
    sources[i] = c.origin?.sourceId ?? null;
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
  return {
    segment: {
      id,
      bookId,
      ids,
      keys,
      folders,
      sources,
      hashes,
      created,
      updated,
      fields: [...fieldIndex.keys()],
      columns,
    },
    keys: { id, bookId, ids, keys, folders, sources, hashes },
    ref: { id, size: n, dead: [] },
  };
}

/** One contact of a segment, rebuilt from its columns. */
export function contactAt(record: SegmentRecord, p: number): Contact {
  const values: Record<string, string> = {};
  for (let f = 0; f < record.fields.length; f++) {
    const value = record.columns[f]![p];
    if (value != null) values[record.fields[f]!] = value;
  }
  const source = record.sources[p] ?? null;
  return {
    id: record.ids[p]!,
    bookId: record.bookId,
    folderId: record.folders[p] ?? null,
    key: record.keys[p] ?? null,
    values,
    origin: source === null ? null : { sourceId: source, rowHash: record.hashes[p]! },
    createdAt: record.created[p]!,
    updatedAt: record.updated[p]!,
  };
}

export function contactsOf(record: SegmentRecord): Contact[] {
  return record.ids.map((_, p) => contactAt(record, p));
}

/** True when the needle (lower case) is in the contact's key or any of its values. */
export function segmentMatches(record: SegmentRecord, p: number, needle: string): boolean {
  if (record.keys[p]?.toLowerCase().includes(needle)) return true;
  for (const column of record.columns) if (column[p]?.toLowerCase().includes(needle)) return true;
  return false;
}
