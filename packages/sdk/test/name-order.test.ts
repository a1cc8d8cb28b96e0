import { expect } from '@open-wc/testing';
import type { ContactQuery, ContactSync } from '../src/index.ts';
import { csvFile, freshClient, profileInput } from './helpers.ts';

const FIRST = ['Anna', 'anna', 'Änna', 'Bob', 'Zoë', 'zoe', 'Émile', 'Carl', 'Person 9', ''];
const LAST = ['Lee', 'lee', 'Ng', '', 'Person 10', 'Østby'];

/** 1,200 people over three segments, with names repeated, in other cases and accents. */
function file(): string {
  let out = 'email,first,last,company\n';
  for (let i = 0; i < 1200; i++) {
    const first = FIRST[i % FIRST.length]!;
    const last = LAST[(i * 7) % LAST.length]!;
    out += `p${i}@x.io,${first},${last},${i % 3 === 0 ? `Firm ${i % 11}` : ''}\n`;
  }
  return out;
}

/** Every contact a query finds, in name order, as ids. */
async function byName(sync: ContactSync, bookId: string, query: ContactQuery): Promise<string[]> {
  const ids: string[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await sync.contacts.list(bookId, { ...query, sort: 'name', offset, limit: 1000 });
    ids.push(...page.items.map((c) => c.id));
    if (offset + 1000 >= page.total) return ids;
  }
}

describe('the name order after changes in this tab', () => {
  it('is the order worked out afresh in another tab, after every kind of change', async () => {
    const dbName = `names-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    const a = await freshClient(dbName);
    const book = await a.books.create({ name: 'Customers' });
    const folder = await a.folders.create(book.id, 'VIP');
    const profile = await a.profiles.create(
      profileInput(book.id, {
        mapping: {
          columns: [
            { column: 0, header: 'email', field: 'email' },
            { column: 1, header: 'first', field: 'firstName' },
            { column: 2, header: 'last', field: 'lastName' },
            { column: 3, header: 'company', field: 'company' },
          ],
          key: { kind: 'column', column: 0 },
        },
      }),
    );
    expect((await a.run(profile.id, csvFile(file()))).status).to.equal('success');
    const queries: ContactQuery[] = [
      {},
      { search: 'an' },
      { withField: 'company' },
      { folderId: folder.id },
      { folderId: null, search: 'x.io' },
    ];
    const contacts = (await a.contacts.list(book.id, { limit: 1000 })).items;
    const at = (i: number) => contacts[i]!.id;

    const changes: [string, () => Promise<unknown>][] = [
      [
        'a rename to the front',
        () => a.contacts.update(book.id, at(600), { values: { firstName: 'Aaron' } }),
      ],
      [
        'a rename to a name others have',
        () => a.contacts.update(book.id, at(5), { values: { firstName: 'Bob', lastName: '' } }),
      ],
      ['a company cleared', () => a.contacts.update(book.id, at(3), { values: { company: '' } })],
      [
        'a company given',
        () => a.contacts.update(book.id, at(4), { values: { company: 'Firm 1' } }),
      ],
      [
        'a search match gained and one lost',
        async () => {
          await a.contacts.update(book.id, at(8), { values: { firstName: 'Dan' } });
          await a.contacts.update(book.id, at(10), { values: { firstName: 'Bo', lastName: 'Li' } });
        },
      ],
      [
        'deletions that close gaps',
        async () => {
          for (const i of [2, 7, 9, 700]) await a.contacts.delete(book.id, at(i));
        },
      ],
      [
        'contacts made by hand',
        async () => {
          await a.contacts.create(book.id, { values: { company: 'No name at all' } });
          await a.contacts.create(book.id, { values: { firstName: 'anna', email: 'z@x.io' } });
          await a.contacts.create(book.id, { values: { firstName: 'Mia' }, folderId: folder.id });
        },
      ],
      [
        'moves into a folder',
        async () => {
          await a.contacts.update(book.id, at(11), { folderId: folder.id });
          await a.contacts.update(book.id, at(900), { folderId: folder.id });
        },
      ],
      [
        'a name emptied',
        () =>
          a.contacts.update(book.id, at(12), {
            values: { firstName: '', lastName: '', email: '' },
          }),
      ],
    ];
    for (const query of queries) await byName(a, book.id, query); // worked out once, here
    for (const [change, make] of changes) {
      await make();
      // Another tab works every order out from the stored book.
      const b = await freshClient(dbName);
      for (const query of queries) {
        const here = await byName(a, book.id, query);
        expect(here, `${change}: ${JSON.stringify(query)}`).to.deep.equal(
          await byName(b, book.id, query),
        );
      }
      b.close();
    }
    a.close();
  });
});
