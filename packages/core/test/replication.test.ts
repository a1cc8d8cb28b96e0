import { expect } from '@open-wc/testing';
import {
  decidePush,
  decodeCheckpoint,
  encodeCheckpoint,
  isAfter,
  resolveContactConflict,
  type ContactDocument,
  type PushRow,
} from '../src/index.ts';

const doc = (over: Partial<ContactDocument> = {}): ContactDocument => ({
  id: 'c1',
  revision: 1,
  updatedAt: 1000,
  deleted: false,
  bookId: 'b1',
  folderId: null,
  key: 'ann@x.io',
  sourceId: 'p1',
  rowHash: null,
  values: { email: 'ann@x.io', firstName: 'Ann', company: 'Acme' },
  createdAt: 1000,
  ...over,
});

/** A backend in a Map, applying pushes by the shared rule, as any server would. */
class Backend {
  readonly docs = new Map<string, ContactDocument>();
  writes = 0;
  push(rows: readonly PushRow<ContactDocument>[]): ContactDocument[] {
    const conflicts: ContactDocument[] = [];
    for (const row of rows) {
      const decision = decidePush(this.docs.get(row.newDocumentState.id) ?? null, row);
      if (decision.kind === 'write') {
        this.docs.set(decision.document.id, decision.document);
        this.writes++;
      } else if (decision.kind === 'conflict') conflicts.push(decision.master);
    }
    return conflicts;
  }
}

describe('replication: checkpoints', () => {
  it('are opaque, round-trip and totally ordered', () => {
    const a = { seq: 41, id: 'x' };
    const text = encodeCheckpoint(a);
    expect(text).to.match(/^c1\./);
    expect(decodeCheckpoint(text)).to.deep.equal(a);
    expect(decodeCheckpoint(null)).to.equal(null);
    expect(isAfter({ seq: 42, id: 'a' }, a)).to.equal(true);
    expect(isAfter({ seq: 41, id: 'y' }, a)).to.equal(true);
    expect(isAfter({ seq: 41, id: 'w' }, a)).to.equal(false);
    expect(isAfter(a, null)).to.equal(true);
  });

  it('refuses a checkpoint the backend never gave out', () => {
    for (const bad of ['42', 'c1.!!!', `c1.${btoa('[-1,"x"]')}`, `c1.${btoa('{"seq":1}')}`]) {
      expect(() => decodeCheckpoint(bad), bad).to.throw(/checkpoint/);
    }
  });
});

describe('replication: the backend rule for a pushed row', () => {
  it('writes new documents and updates made from the current master, with the next revision', () => {
    const created = decidePush(null, {
      assumedMasterState: null,
      newDocumentState: doc({ revision: 0 }),
    });
    expect(created).to.deep.include({ kind: 'write' });
    expect(created.kind === 'write' && created.document.revision).to.equal(1);
    const master = doc({ revision: 3 });
    const edit = decidePush(master, {
      assumedMasterState: master,
      newDocumentState: doc({ revision: 3, values: { ...master.values, company: 'Globex' } }),
    });
    expect(edit.kind === 'write' && edit.document.revision).to.equal(4);
  });

  it('takes a batch sent twice as done, not as a conflict', () => {
    const backend = new Backend();
    const rows = [
      { assumedMasterState: null, newDocumentState: doc({ id: 'a', revision: 0 }) },
      { assumedMasterState: null, newDocumentState: doc({ id: 'b', revision: 0 }) },
    ];
    expect(backend.push(rows)).to.deep.equal([]);
    expect(backend.push(rows)).to.deep.equal([]);
    expect(backend.writes).to.equal(2);
  });

  it('answers an outdated push with the master, and never brings a deleted contact back', () => {
    const master = doc({ revision: 5, values: { email: 'ann@x.io', firstName: 'Annie' } });
    const stale = decidePush(master, {
      assumedMasterState: doc({ revision: 4 }),
      newDocumentState: doc({ revision: 4, values: { email: 'ann@x.io', firstName: 'Anne' } }),
    });
    expect(stale).to.deep.equal({ kind: 'conflict', master });
    const gone = doc({ revision: 6, deleted: true });
    const revive = decidePush(gone, {
      assumedMasterState: gone,
      newDocumentState: doc({ revision: 6 }),
    });
    expect(revive).to.deep.equal({ kind: 'conflict', master: gone });
  });
});

describe('replication: resolving a conflict on the client', () => {
  const base = doc({ revision: 1, updatedAt: 1000 });

  it('merges field by field: one side changed wins, both changed → the newer change', () => {
    const master = doc({
      revision: 2,
      updatedAt: 2000,
      values: { ...base.values, company: 'Globex', firstName: 'Anna' },
    });
    const local = doc({
      revision: 1,
      updatedAt: 3000,
      values: { ...base.values, firstName: 'Annie', phone: '+37120000000' },
    });
    const merged = resolveContactConflict(base, master, local);
    expect(merged.values).to.deep.equal({
      email: 'ann@x.io',
      firstName: 'Annie',
      company: 'Globex',
      phone: '+37120000000',
    });
    expect(merged.revision).to.equal(2);
    const olderLocal = resolveContactConflict(base, master, { ...local, updatedAt: 1500 });
    expect(olderLocal.values.firstName).to.equal('Anna');
  });

  it('keeps a contact deleted on either side deleted', () => {
    const deletedMaster = doc({ revision: 2, deleted: true, updatedAt: 1500 });
    expect(resolveContactConflict(base, deletedMaster, doc({ updatedAt: 9000 })).deleted).to.equal(
      true,
    );
    const deletedLocal = doc({ deleted: true, updatedAt: 1200 });
    expect(
      resolveContactConflict(base, doc({ revision: 2, updatedAt: 5000 }), deletedLocal).deleted,
    ).to.equal(true);
  });

  it('lets two devices that edited the same contact converge on the documented result', () => {
    const backend = new Backend();
    backend.push([{ assumedMasterState: null, newDocumentState: doc({ revision: 0 }) }]);
    const seen = backend.docs.get('c1')!;
    const a = { ...seen, updatedAt: 2000, values: { ...seen.values, company: 'A Corp' } };
    const b = {
      ...seen,
      updatedAt: 3000,
      values: { ...seen.values, firstName: 'B-Ann', company: 'B Corp' },
    };
    expect(backend.push([{ assumedMasterState: seen, newDocumentState: a }])).to.deep.equal([]);
    const [master] = backend.push([{ assumedMasterState: seen, newDocumentState: b }]);
    const resolved = resolveContactConflict(seen, master!, b);
    expect(
      backend.push([{ assumedMasterState: master!, newDocumentState: resolved }]),
    ).to.deep.equal([]);
    expect(backend.docs.get('c1')!.values).to.deep.include({
      firstName: 'B-Ann',
      company: 'B Corp',
    });
    expect(backend.docs.get('c1')!.revision).to.equal(3);
  });
});
