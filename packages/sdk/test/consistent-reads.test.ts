import { expect } from '@open-wc/testing';
import type { ContactSync } from '../src/index.ts';
import { csvFile, freshClient, people, profileInput } from './helpers.ts';

const EVERY_TIME = { updateExisting: true, deleteMissing: false, importEveryTime: true } as const;

/** A book of `count` contacts whose email and name say which person they are. */
async function bookOf(sync: ContactSync, count: number) {
  const book = await sync.books.create({ name: 'Customers' });
  const profile = await sync.profiles.create(profileInput(book.id, { behaviour: EVERY_TIME }));
  await sync.run(profile.id, csvFile('email,name\n' + people(count)));
  const ids = new Map<string, string>();
  for (let offset = 0; offset < count; offset += 1000) {
    for (const c of (await sync.contacts.list(book.id, { offset, limit: 1000 })).items)
      ids.set(c.id, c.values.email!);
  }
  return { book, profile, ids };
}

/** Every contact seen by id: a read is torn when an id comes back with another person's values. */
type Seen = Map<string, Set<string>>;

/** Lists and searches over and over until `busy` settles, recording what each id showed. */
async function readWhile(reader: ContactSync, bookId: string, busy: Promise<unknown>) {
  let done = false;
  void busy.finally(() => (done = true));
  const seen: Seen = new Map();
  let reads = 0;
  while (!done || reads < 5) {
    const queries = [
      { offset: reads % 700, limit: 100 },
      { search: 'example', offset: (reads * 37) % 600, limit: 100 },
      { withField: 'email', limit: 100, offset: 200 },
    ];
    for (const q of queries) {
      for (const c of (await reader.contacts.list(bookId, q)).items) {
        const shown = `${c.values.email} / ${c.values.firstName}`;
        seen.set(c.id, (seen.get(c.id) ?? new Set()).add(shown));
      }
    }
    reads++;
  }
  await busy;
  return { seen, reads };
}

/** What `seen` showed that does not belong to the id (the book's true contents in `truth`). */
async function tornReads(sync: ContactSync, bookId: string, seen: Seen): Promise<string[]> {
  const truth = new Map<string, string>();
  for (let offset = 0; ; offset += 1000) {
    const page = await sync.contacts.list(bookId, { offset, limit: 1000 });
    for (const c of page.items) truth.set(c.id, `${c.values.email} / ${c.values.firstName}`);
    if (offset + 1000 >= page.total) break;
  }
  const problems: string[] = [];
  for (const [id, shown] of seen) {
    for (const s of shown) {
      const [email, name] = s.split(' / ');
      const person = email!.slice(4, -12);
      // Deleted ids are no longer in the book; their values must still be their own.
      const own = truth.get(id) ?? (name === `Person ${person}` ? s : undefined);
      if (own !== s) problems.push(`${id} (${truth.get(id)}) shown as ${s}`);
    }
  }
  return problems;
}

describe('reads while the book changes', () => {
  it('never mix one contact with another while contacts are deleted in the same tab', async () => {
    const sync = await freshClient();
    const { book, ids } = await bookOf(sync, 1500);
    const victims = [...ids.keys()].filter((_, i) => i % 3 === 0).slice(0, 120);
    const deleting = (async () => {
      for (const id of victims) await sync.contacts.delete(book.id, id);
    })();
    const { seen, reads } = await readWhile(sync, book.id, deleting);
    expect(reads).to.be.greaterThan(5);
    expect((await tornReads(sync, book.id, seen)).slice(0, 5)).to.deep.equal([]);
    sync.close();
  });

  it('never mix contacts while another tab deletes or imports', async () => {
    const dbName = `two-tabs-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    const a = await freshClient(dbName);
    const b = await freshClient(dbName);
    const { book, profile, ids } = await bookOf(a, 1500);
    const victims = [...ids.keys()].filter((_, i) => i % 5 === 1).slice(0, 80);
    const deleting = (async () => {
      for (const id of victims) await b.contacts.delete(book.id, id);
    })();
    const first = await readWhile(a, book.id, deleting);
    expect((await tornReads(a, book.id, first.seen)).slice(0, 5)).to.deep.equal([]);

    // Another tab's import adds contacts: pages show the old book or the new, never a mix.
    const importing = b.run(profile.id, csvFile('email,name\n' + people(3000)));
    const second = await readWhile(a, book.id, importing);
    expect((await importing).status).to.equal('success');
    expect((await tornReads(a, book.id, second.seen)).slice(0, 5)).to.deep.equal([]);
    a.close();
    b.close();
  });

  it('a page read at one version has the total of that version', async () => {
    const dbName = `totals-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    const a = await freshClient(dbName);
    const b = await freshClient(dbName);
    const { book, ids } = await bookOf(a, 1000);
    const victims = [...ids.keys()].slice(0, 60);
    let done = false;
    const deleting = (async () => {
      for (const id of victims) await b.contacts.delete(book.id, id);
      done = true;
    })();
    const bad: string[] = [];
    while (!done) {
      const page = await a.contacts.list(book.id, { offset: 0, limit: 1000 });
      if (page.items.length !== page.total) bad.push(`${page.items.length} of ${page.total}`);
    }
    await deleting;
    expect(bad).to.deep.equal([]);
    a.close();
    b.close();
  });
});
