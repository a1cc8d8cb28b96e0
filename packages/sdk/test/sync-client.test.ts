import { expect } from '@open-wc/testing';
import { ContactSyncClient, isContactSyncError, type ContactSyncEvent } from '../src/index.ts';
import { csvFile } from './helpers.ts';

describe('a client created synchronously (ContactSyncClient)', () => {
  it('takes calls and listeners at once, and answers them when the worker is up', async () => {
    const sync = new ContactSyncClient({ dbName: `client-${Date.now()}`, scheduler: 'manual' });
    try {
      const events: ContactSyncEvent['type'][] = [];
      // Before anything has started: a listener, a call, a call that depends on it.
      sync.subscribe((event) => events.push(event.type));
      const created = sync.books.create({ name: 'Contacts' });
      const books = created.then(() => sync.books.list());
      expect((await books).map((b) => b.name)).to.deep.equal(['Contacts']);
      await sync.ready;

      const book = await created;
      const run = await sync.importFile(book.id, csvFile('email,name\nann@example.com,Ann\n'));
      expect(run.status).to.equal('success');
      expect((await sync.contacts.list(book.id)).items.map((c) => c.key)).to.deep.equal([
        'ann@example.com',
      ]);
      for (let i = 0; i < 40 && !events.includes('contacts-changed'); i++)
        await new Promise((r) => setTimeout(r, 25));
      expect(events).to.include('contacts-changed');
      expect(sync.dbName).to.match(/^client-/);
    } finally {
      sync.close();
    }
  });

  it('rejects ready and every call with the reason the engine could not start', async () => {
    const sync = new ContactSyncClient({
      dbName: `client-broken-${Date.now()}`,
      workerUrl: '/no/such/worker.js',
    });
    const unsubscribe = sync.subscribe(() => undefined);
    const [ready, call] = await Promise.all([
      sync.ready.then(
        () => null,
        (e: unknown) => e,
      ),
      sync.books.list().then(
        () => null,
        (e: unknown) => e,
      ),
    ]);
    expect(isContactSyncError(ready), String(ready)).to.equal(true);
    expect(call).to.equal(ready);
    unsubscribe();
    sync.close();
  });
});
