import type { PushRow, ReplicationMeta } from './replicated-document.ts';

export type PushDecision<D extends ReplicationMeta> =
  /** Store this (the new state with the next revision). */
  | { readonly kind: 'write'; readonly document: D }
  /** The master already is the new state (a batch sent twice): nothing to do, no conflict. */
  | { readonly kind: 'unchanged' }
  /** The client worked from an outdated state: answer with the master, which it resolves. */
  | { readonly kind: 'conflict'; readonly master: D };

/** Two states hold the same data (revision and time aside): a replayed write. */
export function sameData<D extends ReplicationMeta>(a: D, b: D): boolean {
  return canonical(a) === canonical(b);
}

function canonical(document: ReplicationMeta): string {
  const { revision: _revision, updatedAt: _updatedAt, ...data } = document;
  return JSON.stringify(data, (_key, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([x], [y]) => (x < y ? -1 : 1)))
      : value,
  );
}

/**
 * The backend's rule for one pushed row, the same in every backend (docs/replication.md):
 * write when the client saw the current master (or the document is new), accept a replay of
 * what is already stored, and otherwise report a conflict with the master. A deleted master
 * stays deleted: an update pushed against it is a conflict, never a resurrection.
 */
export function decidePush<D extends ReplicationMeta>(
  master: D | null,
  row: PushRow<D>,
): PushDecision<D> {
  const next = row.newDocumentState;
  if (master && sameData(master, next)) return { kind: 'unchanged' };
  const assumedRevision = row.assumedMasterState?.revision ?? 0;
  const masterRevision = master?.revision ?? 0;
  if (assumedRevision !== masterRevision || (master?.deleted && !next.deleted)) {
    return master
      ? { kind: 'conflict', master }
      : { kind: 'write', document: { ...next, revision: 1 } };
  }
  return { kind: 'write', document: { ...next, revision: masterRevision + 1 } };
}
