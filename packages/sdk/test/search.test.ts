import { expect } from '@open-wc/testing';
import { openDB } from 'idb';
import { createContactSync } from '../src/index.ts';
import { csvFile, dropSearchRecords, freshClient, people, setup } from './helpers.ts';

const names = async (
  sync: Awaited<ReturnType<typeof freshClient>>,
  bookId: string,
  query: Parameters<typeof sync.contacts.list>[1],
) =>
  (await sync.contacts.list(bookId, { ...query, limit: 100 })).items.map((c) => c.values.firstName);

describe('search', () => {
  it('finds text anywhere in a value or the key, and phones by their digits, never a password digest', async () => {
    const { sync, book, profile } = await setup();
    await sync.run(profile.id, csvFile('email,name\nJO@Example.com,Joanna\nbob@x.io,Bob\n'));
    const vip = await sync.folders.create(book.id, 'VIP');
    await sync.contacts.create(book.id, {
      values: { firstName: 'Cara', phone: '+14157999999', password: 'hunter2' },
      folderId: vip.id,
    });
    await sync.contacts.create(book.id, { values: { firstName: 'Dan', company: 'İstanbul Ltd' } });
    expect(await names(sync, book.id, { search: 'NNA' })).to.deep.equal(['Joanna']);
    expect(await names(sync, book.id, { search: 'jo@example' })).to.deep.equal(['Joanna']);
    expect(await names(sync, book.id, { search: '(415) 799-99' })).to.deep.equal(['Cara']);
    expect(await names(sync, book.id, { search: 'istanbul' })).to.deep.equal([]);
    expect(await names(sync, book.id, { search: 'i̇stanbul' })).to.deep.equal(['Dan']);
    // A value never runs into the next: "Bob" then "bob@x.io" holds no "bobb".
    expect(await names(sync, book.id, { search: 'bobb' })).to.deep.equal([]);
    // The stored digest of a password is not the contact's text.
    expect(await names(sync, book.id, { search: 'sha256' })).to.deep.equal([]);
    // Fields and folders narrow a search, and work without one.
    expect(await names(sync, book.id, { search: 'a', withField: 'email' })).to.deep.equal([
      'Joanna',
    ]);
    expect(await names(sync, book.id, { withField: 'phone' })).to.deep.equal(['Cara']);
    expect(await names(sync, book.id, { search: 'a', folderId: vip.id })).to.deep.equal(['Cara']);
    expect(await names(sync, book.id, { search: 'a', folderId: null })).to.deep.equal([
      'Joanna',
      'Dan',
    ]);
    const page = await sync.contacts.list(book.id, { search: 'a', offset: 1, limit: 1 });
    expect({ total: page.total, first: page.items[0]?.values.firstName }).to.deep.equal({
      total: 3,
      first: 'Cara',
    });
    sync.close();
  });

  it('sees every change at once: an edit, a deletion, an import, its undo, and another tab', async () => {
    const { sync, book, profile } = await setup();
    await sync.run(profile.id, csvFile('email,name\n' + people(1200)));
    const other = await createContactSync({ dbName: sync.dbName });
    // Both tabs have searched, so both keep search text in memory from here on.
    expect((await other.contacts.list(book.id, { search: 'person 11' })).total).to.equal(111);
    expect((await sync.contacts.list(book.id, { search: 'person 11' })).total).to.equal(111);

    const [contact] = (await sync.contacts.list(book.id, { search: 'user700@' })).items;
    await sync.contacts.update(book.id, contact!.id, { values: { firstName: 'Zelda' } });
    for (const tab of [sync, other]) {
      expect(await names(tab, book.id, { search: 'zelda' })).to.deep.equal(['Zelda']);
      expect((await tab.contacts.list(book.id, { search: 'person 700' })).total).to.equal(0);
    }
    await other.contacts.delete(book.id, contact!.id);
    for (const tab of [sync, other])
      expect((await tab.contacts.list(book.id, { search: 'zelda' })).total).to.equal(0);

    const run = await sync.run(profile.id, csvFile('email,name\n' + people(2, 5000)));
    expect(run.status).to.equal('success');
    expect(await names(other, book.id, { search: 'person 500' })).to.deep.equal([
      'Person 500',
      'Person 5000',
      'Person 5001',
    ]);
    await sync.history.undo(run.id);
    for (const tab of [sync, other])
      expect(await names(tab, book.id, { search: 'person 500' })).to.deep.equal(['Person 500']);
    other.close();
    sync.close();
  });

  it('places every match among many values, where lower case changes lengths, never across two values', async () => {
    const { sync, book, profile } = await setup();
    // Names of 0 to 12 letters, 'ann' in every 7th and at the ends of segments of 500; 'İ'
    // (two characters in lower case) in every 11th, so some columns' lengths change; 'a' at the
    // end of every 5th and 'nn' at the start of every 9th, so 'ann' would span two values.
    const name = (i: number) =>
      `${i % 11 === 0 ? 'İ' : ''}${i % 9 === 0 ? 'nn' : ''}${i % 7 === 0 || i % 500 === 0 || i % 500 === 499 ? 'ann' : 'bo'}${'x'.repeat(i % 13)}${i % 5 === 0 ? 'a' : ''}`;
    let csv = 'email,name\n';
    for (let i = 0; i < 1200; i++) csv += `c${i}@x.io,${name(i)}\n`;
    expect((await sync.run(profile.id, csvFile(csv))).status).to.equal('success');
    const expected = (test: (n: string) => boolean) =>
      Array.from({ length: 1200 }, (_, i) => i)
        .filter((i) => test(name(i).toLowerCase()))
        .map((i) => `c${i}@x.io`)
        .sort();
    const found = async (search: string) =>
      (await sync.contacts.list(book.id, { search, limit: 1000 })).items
        .map((c) => c.values.email!)
        .sort();
    const queries = ['ann', 'annxxxxxxxxxxxx', 'i̇ann', 'i̇nnann', 'boxxxxxx', 'xa', 'nnbox'];
    for (const q of queries) expect(await found(q)).to.deep.equal(expected((n) => n.includes(q)));
    sync.close();
  });

  it('builds the search text of contacts an earlier version stored, and keeps it', async () => {
    const { sync, book, profile } = await setup();
    await sync.run(profile.id, csvFile('email,name\n' + people(1200)));
    sync.close();
    // As an earlier version left them: no search records, no stamps in the key records.
    await dropSearchRecords(sync.dbName);

    const again = await createContactSync({ dbName: sync.dbName });
    expect((await again.contacts.list(book.id, { search: 'person 11' })).total).to.equal(111);
    // Stored in the background, each beside a key record stamped to match.
    const stored = async () => {
      const check = await openDB(sync.dbName);
      const [keys, search] = await Promise.all([
        check.getAll('segmentKeys'),
        check.getAll('segmentSearch'),
      ]);
      check.close();
      const stamps = new Map(search.map((r) => [r.id, r.stamp]));
      return (
        keys.length > 0 && keys.every((k) => k.searchStamp && stamps.get(k.id) === k.searchStamp)
      );
    };
    for (let i = 0; i < 50 && !(await stored()); i++) await new Promise((r) => setTimeout(r, 100));
    expect(await stored()).to.equal(true);
    expect((await again.contacts.list(book.id, { search: 'user1199@' })).total).to.equal(1);
    again.close();
  });
});
