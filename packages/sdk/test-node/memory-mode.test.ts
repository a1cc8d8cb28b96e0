// The in-memory mode where there is no browser: the same client, its engine on this thread.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

const CSV = 'First Name,E-mail Address\nAnn,ann@example.com\nBen,ben@example.com\n';

describe('createMemoryContactSync in Node (no Worker, no IndexedDB)', () => {
  it('imports a file, edits, deletes and keeps history, like the worker does', async () => {
    const { createMemoryContactSync } = await import('../src/memory/index.ts');
    const sync = await createMemoryContactSync();
    const book = await sync.books.create({ name: 'Customers' });
    const progress: string[] = [];
    const run = await sync.importFile(book.id, new File([CSV], 'people.csv'), {
      onProgress: (p) => progress.push(p.phase),
    });
    assert.equal(run.status, 'success');
    assert.deepEqual(run.counts, { ...run.counts, rows: 2, created: 2 });
    assert.ok(progress.length > 0, 'progress reaches the caller');

    const page = await sync.contacts.list(book.id, { search: 'ben' });
    assert.deepEqual(
      page.items.map((c) => c.values.email),
      ['ben@example.com'],
    );
    const ann = (await sync.contacts.list(book.id, { search: 'ann' })).items[0]!;
    await sync.contacts.update(book.id, ann.id, { values: { firstName: 'Anna' } });
    await sync.contacts.delete(book.id, page.items[0]!.id);
    const left = await sync.contacts.list(book.id);
    assert.deepEqual(
      left.items.map((c) => c.values.firstName),
      ['Anna'],
    );
    // The same file again: the contact deleted on the web stays deleted.
    const again = await sync.importFile(book.id, new File([CSV], 'people.csv'));
    assert.equal(again.status, 'success');
    assert.equal((await sync.contacts.list(book.id)).items.length, 1);
    assert.deepEqual(
      (await sync.history.list({ bookId: book.id })).map((r) => r.id).sort(),
      [run.id, again.id].sort(),
    );
    sync.close();
  });

  it('gives each client its own store unless they share a name, and says why a call fails', async () => {
    const { createMemoryContactSync } = await import('../src/memory/index.ts');
    const { isContactSyncError } = await import('../src/index.ts');
    const one = await createMemoryContactSync();
    const two = await createMemoryContactSync();
    await one.books.create({ name: 'Mine' });
    assert.deepEqual(await two.books.list(), []);
    const error = await one.contacts.get('no-such-book', 'x').catch((e: unknown) => e);
    assert.ok(isContactSyncError(error), String(error));
    assert.equal(error.code, 'not-found');
    const shared = await createMemoryContactSync({ dbName: one.dbName });
    assert.deepEqual(
      (await shared.books.list()).map((b) => b.name),
      ['Mine'],
    );
    for (const sync of [one, two, shared]) sync.close();
  });

  it('starts a client created synchronously on the in-memory engine, for a host that makes its client at module scope', async () => {
    const { createMemoryContactSync } = await import('../src/memory/index.ts');
    const { ContactSyncClient } = await import('../src/index.ts');
    const sync = new ContactSyncClient({ scheduler: 'manual' }, createMemoryContactSync);
    const book = await sync.books.create({ name: 'Customers' });
    await sync.ready;
    // The store the in-memory engine named for itself, not the worker's default.
    assert.match(sync.dbName, /^contactsync-memory-/);
    const run = await sync.importFile(book.id, new File([CSV], 'people.csv'));
    assert.equal(run.status, 'success');
    assert.equal((await sync.contacts.list(book.id, { search: 'ann' })).total, 1);
    sync.close();
  });

  it('says to pass an absolute address where a relative one has no page to be relative to', async () => {
    const { createMemoryContactSync } = await import('../src/memory/index.ts');
    const { isContactSyncError } = await import('../src/index.ts');
    for (const options of [{ proxyUrl: '/proxy' }, { backend: { url: '/v1/replication/' } }]) {
      const error = await createMemoryContactSync(options).catch((e: unknown) => e);
      assert.ok(isContactSyncError(error), String(error));
      assert.equal(error.code, 'invalid-argument');
      assert.match(error.message, /absolute/);
    }
  });
});
