import { expect } from '@open-wc/testing';
import { createMemoryContactSync } from '../src/memory/index.ts';
import { csvFile, profileInput } from './helpers.ts';

/**
 * How long each kind of change waits for the disk, seen at IndexedDB itself: the engine runs on
 * this page's thread (the memory client uses the browser's IndexedDB where there is one), so the
 * transactions it opens can be watched.
 */
describe('what waits for the disk', () => {
  /** The durability of the transaction of each new version of a book (a manifest written). */
  const written: string[] = [];
  const put = IDBObjectStore.prototype.put;
  before(() => {
    IDBObjectStore.prototype.put = function (
      this: IDBObjectStore,
      value: unknown,
      key?: IDBValidKey,
    ) {
      if (this.name === 'manifests') written.push(this.transaction.durability);
      return put.call(this, value, key);
    };
  });
  after(() => {
    IDBObjectStore.prototype.put = put;
  });
  const versions = (from: number) => written.slice(from);

  it('a run reports success once its commit is flushed; a person’s change does not wait for the flush', async () => {
    const sync = await createMemoryContactSync();
    const book = await sync.books.create({ name: 'Customers' });
    const profile = await sync.profiles.create(profileInput(book.id));

    let from = written.length;
    const record = await sync.run(profile.id, csvFile('email,name\nann@x.io,Ann\nbob@x.io,Bob\n'));
    expect(record.status).to.equal('success');
    // History says success only of what a power cut cannot take back.
    expect(versions(from)).to.deep.equal(['strict']);

    const { items } = await sync.contacts.list(book.id, { limit: 10 });
    const ann = items.find((c) => c.values.email === 'ann@x.io')!;
    from = written.length;
    await sync.contacts.update(book.id, ann.id, { values: { firstName: 'Anna' } });
    const added = await sync.contacts.create(book.id, { values: { email: 'cy@x.io' } });
    await sync.contacts.delete(book.id, added.id);
    await sync.contacts.delete(book.id, ann.id);
    await sync.contacts.restore(book.id, 'ann@x.io');
    // Kept when the tab closes or the browser crashes; only the system's own buffers, lost in a
    // power cut within seconds, stand between them and the disk (the browsers' default).
    expect(versions(from)).to.deep.equal(['relaxed', 'relaxed', 'relaxed', 'relaxed', 'relaxed']);

    const after = await sync.contacts.list(book.id, { limit: 10 });
    expect(after.items.map((c) => [c.values.email, c.values.firstName]).sort()).to.deep.equal([
      ['ann@x.io', 'Anna'],
      ['bob@x.io', 'Bob'],
    ]);
    sync.close();
  });
});
