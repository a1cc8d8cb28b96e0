import { expect } from '@open-wc/testing';
import type { ContactSync, ContactSyncError } from '../src/index.ts';
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

describe('edits of what a page showed', () => {
  /** Each id's email and first name, as the book holds them now. */
  async function book(sync: ContactSync, bookId: string) {
    const now = new Map<string, string>();
    for (let offset = 0; offset < 1200; offset += 1000)
      for (const c of (await sync.contacts.list(bookId, { offset, limit: 1000 })).items)
        now.set(c.id, `${c.values.email} / ${c.values.firstName}`);
    return now;
  }

  it('change the contact shown, also once deletions moved it or an import rewrote its part of the book', async () => {
    const sync = await freshClient();
    const { book: b, profile, ids } = await bookOf(sync, 1200);
    const shown = (await sync.contacts.list(b.id, { offset: 480, limit: 40 })).items;
    const expected = await book(sync, b.id);
    // Neighbours in one part of the book, alternately deleted and edited: each deletion moves
    // the contacts after it.
    for (let i = 0; i < 20; i++) {
      const c = shown[i]!;
      if (i % 2 === 0) {
        await sync.contacts.delete(b.id, c.id);
        expected.delete(c.id);
      } else {
        await sync.contacts.update(b.id, c.id, { values: { firstName: `Edited ${i}` } });
        expected.set(c.id, `${ids.get(c.id)} / Edited ${i}`);
      }
    }
    expect([...(await book(sync, b.id))].sort()).to.deep.equal([...expected].sort());

    // An import renames everyone: the page shown before still edits its own contacts.
    const renamed = (from: number, to: number) =>
      'email,name\n' + people(from).replace(/Person/g, 'Renamed') + people(1200 - to, to);
    expect((await sync.run(profile.id, csvFile(renamed(1200, 1200)))).status).to.equal('success');
    for (const c of shown.slice(21, 30)) {
      await sync.contacts.update(b.id, c.id, { values: { firstName: 'Again' } });
      expect((await sync.contacts.get(b.id, c.id)).values).to.deep.include({
        email: ids.get(c.id),
        firstName: 'Again',
      });
    }
    // Shown again, then five of them dropped by an import that deletes what the file lacks
    // (and changes nothing else: their part of the book keeps them, as deleted).
    await sync.contacts.list(b.id, { offset: 450, limit: 100 });
    await sync.profiles.update(profile.id, {
      behaviour: { updateExisting: true, deleteMissing: true, importEveryTime: true },
    });
    const dropped = shown.slice(30, 35);
    const file = renamed(1200, 1200).replace(/user51[0-4]@example.com,Renamed 51[0-4]\n/g, '');
    expect((await sync.run(profile.id, csvFile(file))).counts).to.include({ deleted: 5 });
    for (const c of dropped) {
      const error = (await sync.contacts
        .update(b.id, c.id, { values: { firstName: 'X' } })
        .catch((e: unknown) => e)) as ContactSyncError;
      expect(error.code).to.equal('not-found');
    }
    const neighbour = shown[35]!;
    await sync.contacts.update(b.id, neighbour.id, { values: { firstName: 'Still here' } });
    expect((await sync.contacts.get(b.id, neighbour.id)).values.email).to.equal(
      ids.get(neighbour.id),
    );
    sync.close();
  });
});
