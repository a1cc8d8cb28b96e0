import { expect } from '@open-wc/testing';
import { KeyIndex } from '../src/index.ts';

describe('the key index', () => {
  const build = () => {
    const index = new KeyIndex();
    ['a', 'b', 'c', 'd'].forEach((key, n) => index.add(key, `id-${key}`, 'p1', n, 100 + n));
    return index;
  };

  it('finds keys in file order, out of order, and not at all', () => {
    const index = build();
    expect(['a', 'b', 'c', 'd'].map((k) => index.find(k))).to.deep.equal([0, 1, 2, 3]);
    expect(['d', 'a', 'c', 'zz', 'b'].map((k) => index.find(k))).to.deep.equal([3, 0, 2, -1, 1]);
    expect(index.has('c')).to.equal(true);
    expect(index.has('zz')).to.equal(false);
  });

  it('keeps ids, sources, row hashes and locators per entry, and sees keys added later', () => {
    const index = build();
    expect(index.has('e')).to.equal(false);
    index.add('e', 'id-e', null, 9, 7);
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
});
