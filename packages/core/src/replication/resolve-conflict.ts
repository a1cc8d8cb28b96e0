import type { ContactDocument, RecordDocument } from './replicated-document.ts';

/**
 * The client's rule when a push comes back as a conflict (docs/replication.md): a contact
 * deleted on either side stays deleted; otherwise each value (and the folder) is merged three
 * ways against what the client last saw — a field changed on one side only takes that side's
 * value, a field changed on both sides takes the newer change (the master on a tie). The result
 * is pushed again with the master as its assumed state.
 */
export function resolveContactConflict(
  assumed: ContactDocument | null,
  master: ContactDocument,
  local: ContactDocument,
): ContactDocument {
  const base = assumed ?? master;
  if (master.deleted || local.deleted) {
    return { ...master, deleted: true, updatedAt: Math.max(master.updatedAt, local.updatedAt) };
  }
  const localWins = local.updatedAt > master.updatedAt;
  const pick = <T>(b: T, m: T, l: T): T => {
    const masterChanged = m !== b;
    const localChanged = l !== b;
    if (localChanged && !masterChanged) return l;
    if (masterChanged && !localChanged) return m;
    return localChanged && localWins ? l : m;
  };
  const values: Record<string, string> = {};
  const fields = new Set([
    ...Object.keys(base.values),
    ...Object.keys(master.values),
    ...Object.keys(local.values),
  ]);
  for (const field of fields) {
    const value = pick(base.values[field], master.values[field], local.values[field]);
    if (value !== undefined) values[field] = value;
  }
  return {
    ...master,
    folderId: pick(base.folderId, master.folderId, local.folderId),
    values,
    updatedAt: Math.max(master.updatedAt, local.updatedAt),
  };
}

/**
 * The rule for books, folders, profiles and runs: a deletion on either side wins; otherwise the
 * newer whole record (by `updatedAt`; the backend's on a tie).
 */
export function resolveRecordConflict<T>(
  master: RecordDocument<T>,
  local: RecordDocument<T>,
): RecordDocument<T> {
  if (master.deleted || local.deleted)
    return {
      ...master,
      deleted: true,
      data: null,
      updatedAt: Math.max(master.updatedAt, local.updatedAt),
    };
  return local.updatedAt > master.updatedAt ? { ...local, revision: master.revision } : master;
}
