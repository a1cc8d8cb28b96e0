import { expect } from '@open-wc/testing';
import { KeyColumns, KeyIndex, type KeyEntries } from '../src/index.ts';

describe('the key index', () => {
  const build = (extra: (columns: KeyColumns) => void = () => undefined) => {
    const columns = new KeyColumns();
    ['a', 'b', 'c', 'd'].forEach((key, n) => columns.add(key, `id-${key}`, 'p1', n, 100 + n));
    extra(columns);
    return new KeyIndex(columns);
  };

  it('finds keys in file order, out of order, and not at all', () => {
    const index = build();
    expect(['a', 'b', 'c', 'd'].map((k) => index.find(k))).to.deep.equal([0, 1, 2, 3]);
    expect(['d', 'a', 'c', 'zz', 'b'].map((k) => index.find(k))).to.deep.equal([3, 0, 2, -1, 1]);
    expect(index.has('c')).to.equal(true);
    expect(index.has('zz')).to.equal(false);
  });

  it('keeps ids, sources, row hashes and locators per entry', () => {
    expect(build().has('e')).to.equal(false);
    const index = build((columns) => columns.add('e', 'id-e', null, 9, 7));
    expect(index.find('e')).to.equal(4);
    expect([
      index.idAt(4),
      index.sourceAt(4),
      index.hashAt(4),
      index.locatorAt(4),
      index.keyAt(4),
    ]).to.deep.equal(['id-e', null, 9, 7, 'e']);
    expect(index.size).to.equal(5);
  });

  it('finds thousands of keys in any order', () => {
    const columns = new KeyColumns();
    const keys = Array.from({ length: 5000 }, (_, n) => `k${n}@a.lv`);
    keys.forEach((key, n) => columns.add(key, `id${n}`, null, n));
    const index = new KeyIndex(columns, 12345);
    const shuffled = keys.map((key, n) => [key, n] as const).sort((a, b) => (a[0] < b[0] ? -1 : 1));
    for (const [key, n] of shuffled) expect(index.find(key)).to.equal(n);
    expect(index.has('k5000@a.lv')).to.equal(false);
    expect(index.has('k4999@a.lv')).to.equal(true);
    expect(index.has('k4999@a.l')).to.equal(false);
    expect(new KeyIndex(new KeyColumns()).find('k1@a.lv')).to.equal(-1);
  });

  it('reads entries in place from the store, in file order and by lookup', () => {
    const rows = [
      { key: 'x@a.lv', id: 'id-x', source: 'p1', hash: 11, at: 65536 },
      { key: 'y@a.lv', id: 'id-y', source: null, hash: 12, at: 65538 },
      { key: 'z@a.lv', id: 'id-z', source: 'p2', hash: 13, at: 131072 },
    ];
    let reads = 0;
    const entries: KeyEntries = {
      size: rows.length,
      keyAt: (n) => (reads++, rows[n]!.key),
      keyIs: (n, key) => (reads++, rows[n]!.key === key),
      idAt: (n) => rows[n]!.id,
      sourceAt: (n) => rows[n]!.source,
      hashAt: (n) => rows[n]!.hash,
      locatorAt: (n) => rows[n]!.at,
    };
    const index = new KeyIndex(entries);
    expect(index.size).to.equal(3);
    expect(['x@a.lv', 'y@a.lv', 'z@a.lv'].map((k) => index.find(k))).to.deep.equal([0, 1, 2]);
    // In file order, each key is one comparison with the entry after the last found.
    expect(reads).to.equal(3);
    expect(['z@a.lv', 'x@a.lv', 'nobody', 'y@a.lv'].map((k) => index.find(k))).to.deep.equal([
      2, 0, -1, 1,
    ]);
    expect(index.has('y@a.lv')).to.equal(true);
    expect(index.has('nobody')).to.equal(false);
    expect([
      index.idAt(2),
      index.sourceAt(1),
      index.hashAt(2),
      index.locatorAt(1),
      index.keyAt(0),
    ]).to.deep.equal(['id-z', null, 13, 65538, 'x@a.lv']);
  });
});
