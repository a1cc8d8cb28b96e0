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

/** Each contact's email, or its first name when it has none. */
const emails = (contacts: readonly { values: Record<string, string> }[]) =>
  contacts.map((c) => c.values.email ?? c.values.firstName);

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

  it('suggests the first contacts a search matches, in the order they came in, as the list pages them', async () => {
    const { sync, book, profile } = await setup();
    // 1,200 contacts: three segments, so the suggestions span segments and stop inside one.
    await sync.run(profile.id, csvFile('email,name\n' + people(1200)));
    await sync.contacts.create(book.id, { values: { firstName: 'Person 9 (no email)' } });
    const vip = await sync.folders.create(book.id, 'VIP');
    const late = await sync.contacts.create(book.id, {
      values: { firstName: 'Person 99 late', email: 'late@x.io' },
      folderId: vip.id,
    });
    const listed = async (query: Parameters<typeof sync.contacts.list>[1]) =>
      emails((await sync.contacts.list(book.id, query)).items);

    const nines = { search: 'person 9', withField: 'email' } as const;
    // The default is eight, the list's first eight; the one with no email is left out.
    expect(emails(await sync.contacts.suggest(book.id, nines))).to.deep.equal(
      await listed({ ...nines, limit: 8 }),
    );
    expect(emails(await sync.contacts.suggest(book.id, { ...nines, limit: 3 }))).to.deep.equal([
      'user9@example.com',
      'user90@example.com',
      'user91@example.com',
    ]);
    // More than match: all of them (111 from the file, and the one created last).
    const all = await sync.contacts.suggest(book.id, { ...nines, limit: 1000 });
    expect(all.length).to.equal(112);
    expect(emails(all)).to.deep.equal(await listed({ ...nines, limit: 1000 }));
    expect(all.at(-1)!.id).to.equal(late.id);
    expect(
      emails(await sync.contacts.suggest(book.id, { ...nines, folderId: vip.id })),
    ).to.deep.equal(['late@x.io']);
    expect(await sync.contacts.suggest(book.id, { ...nines, limit: 0 })).to.deep.equal([]);
    expect(await sync.contacts.suggest(book.id, { search: 'no-such-text' })).to.deep.equal([]);
    // Without a text: the book's first contacts.
    expect(emails(await sync.contacts.suggest(book.id, { limit: 2 }))).to.deep.equal([
      'user0@example.com',
      'user1@example.com',
    ]);
    sync.close();
  });

  it('suggests in a new tab before it has read the whole book, and sees what another tab changed', async () => {
    const { sync, book, profile } = await setup();
    // 4,600 contacts: ten segments, so suggestions read a few segments, then more.
    await sync.run(profile.id, csvFile('email,name\n' + people(4600)));
    const other = await createContactSync({ dbName: sync.dbName });
    const expected = (from: number[]) => from.map((i) => `user${i}@example.com`);
    // person 42, 420–429 (the first segment), then 4200–4299 (the ninth).
    const query = { search: 'person 42', withField: 'email', limit: 14 } as const;
    expect(emails(await other.contacts.suggest(book.id, query))).to.deep.equal(
      expected([42, 420, 421, 422, 423, 424, 425, 426, 427, 428, 429, 4200, 4201, 4202]),
    );
    // This tab renames one in the first segment and one in the ninth; the other tab's next
    // suggestions see both.
    for (const email of ['user421@example.com', 'user4201@example.com']) {
      const [contact] = (await sync.contacts.list(book.id, { search: email })).items;
      await sync.contacts.update(book.id, contact!.id, { values: { firstName: 'Zelda' } });
    }
    const after = expected([
      42, 420, 422, 423, 424, 425, 426, 427, 428, 429, 4200, 4202, 4203, 4204,
    ]);
    expect(emails(await other.contacts.suggest(book.id, query))).to.deep.equal(after);
    // Once the other tab has searched the whole book, suggestions come from memory, the same.
    expect((await other.contacts.list(book.id, { search: 'person 42' })).total).to.equal(109);
    expect(emails(await other.contacts.suggest(book.id, query))).to.deep.equal(after);
    expect(emails(await sync.contacts.suggest(book.id, query))).to.deep.equal(after);
    other.close();
    sync.close();
  });

  it('pages through a search as the list scrolls, and each page sees the changes made since the last', async () => {
    const { sync, book, profile } = await setup();
    await sync.run(profile.id, csvFile('email,name\n' + people(1200)));
    const other = await createContactSync({ dbName: sync.dbName });
    const query = { search: 'person 1' } as const;
    const pageAt = async (offset: number, limit: number) => {
      const page = await sync.contacts.list(book.id, { ...query, offset, limit });
      return { total: page.total, emails: page.items.map((c) => c.values.email!) };
    };
    // person 1, 10–19, 100–199, 1000–1199, in the order they came in.
    const all = (await pageAt(0, 1000)).emails;
    expect(all.length).to.equal(311);
    expect(await pageAt(100, 100)).to.deep.equal({ total: 311, emails: all.slice(100, 200) });
    // Other searches between pages (more than a version keeps) leave this one's pages right.
    for (const search of ['person 2', 'person 3', 'user1'])
      await sync.contacts.list(book.id, { search });
    expect(await pageAt(200, 100)).to.deep.equal({ total: 311, emails: all.slice(200, 300) });

    const [renamed] = (await sync.contacts.list(book.id, { search: all[250]! })).items;
    await sync.contacts.update(book.id, renamed!.id, { values: { firstName: 'Zelda' } });
    const [gone] = (await other.contacts.list(book.id, { search: all[0]! })).items;
    await other.contacts.delete(book.id, gone!.id);
    const left = all.filter((e) => e !== all[250] && e !== all[0]);
    expect(await pageAt(200, 100)).to.deep.equal({ total: 309, emails: left.slice(200, 300) });

    await sync.run(profile.id, csvFile('email,name\n' + people(1300)));
    const after = await pageAt(0, 1000);
    // The 309 (the file's rows unchanged since the last import leave the edit alone; the one
    // deleted on the web stays out), and 1200–1299.
    expect(after.total).to.equal(409);
    expect(after.emails.slice(0, 309)).to.deep.equal(left);
    expect(await pageAt(300, 100)).to.deep.equal({
      total: 409,
      emails: after.emails.slice(300, 400),
    });
    other.close();
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
