import type { Contact } from '@contactsync/core';
import type { SegmentKeysRecord, SegmentRecord, SegmentRef } from './schema.ts';

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

/**
 * The two records that store one segment: the values by column, and the key columns.
 * `flags(i)` gives each contact's replication state (default: new, changed here).
 */
export function segmentRecords(
  id: string,
  bookId: string,
  contacts: readonly Contact[],
  flags: (index: number) => ReplicaFlags = () => NEW,
): { segment: SegmentRecord; keys: SegmentKeysRecord; ref: SegmentRef } {
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
  return {
    segment: { id, bookId, created, updated, fields: [...fieldIndex.keys()], columns },
    keys: {
      id,
      bookId,
      ids: contacts.map((c) => c.id),
      keys: contacts.map((c) => c.key),
      hashes,
      folderTable: folders.table,
      folders: folders.indexes,
      sourceTable: sources.table,
      sources: sources.indexes,
      revisions,
      dirty,
    },
    ref: { id, size: n, dead: [] },
  };
}

/** One contact of a segment, rebuilt from its two records. */
export function contactAt(keys: SegmentKeysRecord, record: SegmentRecord, p: number): Contact {
  const values: Record<string, string> = {};
  for (let f = 0; f < record.fields.length; f++) {
    const value = record.columns[f]![p];
    if (value != null) values[record.fields[f]!] = value;
  }
  const source = sourceAt(keys, p);
  return {
    id: keys.ids[p]!,
    bookId: record.bookId,
    folderId: folderAt(keys, p),
    key: keys.keys[p] ?? null,
    values,
    origin: source === null ? null : { sourceId: source, rowHash: keys.hashes[p]! },
    createdAt: record.created[p]!,
    updatedAt: record.updated[p]!,
  };
}

export function contactsOf(keys: SegmentKeysRecord, record: SegmentRecord): Contact[] {
  return keys.ids.map((_, p) => contactAt(keys, record, p));
}

/**
 * True when the needle (lower case) is in the contact's key or any of its values. A needle of
 * digits (`digits`, however it was typed: "415 799 9999", "(415) 799-9999") also finds a phone
 * number stored as "+14157999999".
 */
export function segmentMatches(
  keys: SegmentKeysRecord,
  record: SegmentRecord,
  p: number,
  needle: string,
  digits: string | null = null,
): boolean {
  if (keys.keys[p]?.toLowerCase().includes(needle)) return true;
  for (const column of record.columns) {
    const value = column[p];
    if (!value) continue;
    if (value.toLowerCase().includes(needle)) return true;
    if (digits !== null && value.replace(/\D+/g, '').includes(digits)) return true;
  }
  return false;
}

/** The digits of a search that looks like a phone number (3 or more digits, only phone marks). */
export function phoneDigits(needle: string): string | null {
  if (!/^[\d\s()+./-]+$/.test(needle)) return null;
  const digits = needle.replace(/\D+/g, '');
  return digits.length >= 3 ? digits : null;
}

/** True when the contact at position `p` has a value in `field`. */
export function segmentHas(record: SegmentRecord, p: number, field: string): boolean {
  const column = record.fields.indexOf(field);
  return column >= 0 && !!record.columns[column]![p];
}
