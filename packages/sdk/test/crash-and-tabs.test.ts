import { expect } from '@open-wc/testing';
import { createContactSync, type ContactSyncError, type ContactSyncEvent } from '../src/index.ts';
import { allContacts, csvFile, freshClient, people, setup } from './helpers.ts';

const HEADER = 'email,name\n';

async function eventually<T>(
  read: () => Promise<T>,
  ok: (value: T) => boolean,
  what: string,
): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const value = await read();
    if (ok(value)) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

describe('crash safety and several tabs', () => {
  it('leaves the store as it was when the worker is terminated mid-run, and marks the run interrupted', async () => {
    const { sync, book, profile } = await setup({
      behaviour: { updateExisting: true, deleteMissing: true, importEveryTime: false },
    });
    await sync.run(profile.id, csvFile(HEADER + people(300)));
    const before = await allContacts(sync, book.id);
    let reached!: () => void;
    const midway = new Promise<void>((resolve) => (reached = resolve));
    // Renames every existing contact, adds many: a run that stages a lot before it commits.
    const big = HEADER + people(300).replaceAll('Person', 'Renamed') + people(150000, 300);
    void sync
      .run(profile.id, csvFile(big), {
        onProgress: (p) => {
          if (p.stage === 'parsing' && p.rows > 40000) reached();
        },
      })
      .catch(() => undefined);
    await midway;
    sync.close();

    const reopened = await createContactSync({ dbName: sync.dbName });
    expect(await allContacts(reopened, book.id)).to.deep.equal(before);
    const history = await eventually(
      () => reopened.history.list({ profileId: profile.id }),
      (runs) => runs[0]?.status === 'interrupted',
      'the interrupted run',
    );
    expect(history[0]!.error!.message).to.match(/stopped before it finished/);
    // The book still works, and the next run starts from the old state.
    const next = await reopened.run(
      profile.id,
      csvFile(HEADER + people(300).replace('Person 0', 'Zero')),
    );
    expect(next.counts).to.include({ updated: 1, unchanged: 299, created: 0 });
    reopened.close();
  });

  it('tells every tab about changes', async () => {
    const a = await freshClient();
    const b = await createContactSync({ dbName: a.dbName });
    const events: ContactSyncEvent[] = [];
    const unsubscribe = b.subscribe((e) => events.push(e));
    const book = await a.books.create({ name: 'Shared' });
    await a.contacts.create(book.id, { values: { firstName: 'Ann' } });
    await eventually(
      async () => events.map((e) => e.type),
      (types) => types.includes('contacts-changed'),
      'events',
    );
    expect(events.map((e) => e.type)).to.include('books-changed');
    expect((await b.contacts.list(book.id)).items[0]!.values.firstName).to.equal('Ann');
    unsubscribe();
    a.close();
    b.close();
  });

  it('runs one import per address book at a time across tabs', async () => {
    const { sync: a, profile } = await setup();
    const b = await createContactSync({ dbName: a.dbName });
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    // Long enough to still be running when the second tab has waited its moment for the lock.
    const first = a.run(profile.id, csvFile(HEADER + people(300000)), {
      onProgress: () => started(),
    });
    await running;
    const second = (await b
      .run(profile.id, csvFile(HEADER + people(5)))
      .catch((e: unknown) => e)) as ContactSyncError;
    expect(second.code).to.equal('busy');
    expect((await first).status).to.equal('success');
    expect((await b.run(profile.id, csvFile(HEADER + people(5)))).status).to.equal('success');
    a.close();
    b.close();
  });

  it('closes its connection when another tab upgrades the database, and says so', async () => {
    const sync = await freshClient();
    await sync.books.list();
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(sync.dbName, 999);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
      request.onblocked = () => reject(new Error('blocked: the old connection did not close'));
    });
    db.close();
    const error = (await sync.books.list().catch((e: unknown) => e)) as ContactSyncError;
    expect(error.code).to.equal('database-outdated');
    expect(error.message).to.match(/Reload this page/);
    sync.close();
  });
});
