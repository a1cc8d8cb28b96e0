import { expect } from '@open-wc/testing';
import type { ContactSyncError } from '../src/index.ts';
import { allContacts, csvFile, profileInput, setup } from './helpers.ts';
import { device, synced, uid } from './backend-devices.ts';

const FILE = 'email,name\nann@x.io,Ann\nbob@x.io,Bob\ncid@x.io,Cid\n';
const names = async (sync: Parameters<typeof allContacts>[0], bookId: string) =>
  (await allContacts(sync, bookId)).map((c) => c.values.firstName).sort();

describe('contacts deleted on the web', () => {
  it('are listed with what they held, stay out of imports, and once restored are updated by imports again', async () => {
    const { sync, book, profile } = await setup({
      folderId: null,
      behaviour: { updateExisting: true, deleteMissing: false, importEveryTime: true },
    });
    const folder = await sync.folders.create(book.id, 'Customers 2026');
    await sync.run(profile.id, csvFile(FILE));
    const ann = (await allContacts(sync, book.id)).find((c) => c.values.firstName === 'Ann')!;
    await sync.contacts.update(book.id, ann.id, { folderId: folder.id });
    await sync.contacts.delete(book.id, ann.id);

    const deleted = await sync.contacts.deleted(book.id);
    expect(deleted.map((d) => [d.key, d.sourceId, d.contact?.values.firstName])).to.deep.equal([
      ['ann@x.io', profile.id, 'Ann'],
    ]);
    const again = await sync.run(profile.id, csvFile(FILE));
    expect(again.counts).to.include({ rows: 3, skipped: 1 });
    expect(await names(sync, book.id)).to.deep.equal(['Bob', 'Cid']);

    const restored = await sync.contacts.restore(book.id, 'ann@x.io');
    expect(restored.values.firstName).to.equal('Ann');
    expect(restored.folderId).to.equal(folder.id);
    expect(await sync.contacts.deleted(book.id)).to.deep.equal([]);
    expect(await names(sync, book.id)).to.deep.equal(['Ann', 'Bob', 'Cid']);
    const updated = await sync.run(profile.id, csvFile(FILE.replace('Ann', 'Anna')));
    expect(updated.counts).to.include({ updated: 1, skipped: 0, created: 0 });
    expect(await names(sync, book.id)).to.deep.equal(['Anna', 'Bob', 'Cid']);

    // Deleted again: out again.
    const anna = (await allContacts(sync, book.id)).find((c) => c.values.firstName === 'Anna')!;
    await sync.contacts.delete(book.id, anna.id);
    expect((await sync.run(profile.id, csvFile(FILE))).counts).to.include({ skipped: 1 });
    expect((await sync.contacts.deleted(book.id))[0]!.contact!.values.firstName).to.equal('Anna');

    const unknown = (await sync.contacts
      .restore(book.id, 'nobody@x.io')
      .catch((e: unknown) => e)) as ContactSyncError;
    expect(unknown.code).to.equal('not-found');
    sync.close();
  });

  it('are seen and restored on another device through the backend', async () => {
    const user = uid();
    const a = await device('sqlite', user);
    const book = await a.books.create({ name: 'Customers' });
    const profile = await a.profiles.create(
      profileInput(book.id, {
        behaviour: { updateExisting: true, deleteMissing: false, importEveryTime: true },
      }),
    );
    await a.run(profile.id, csvFile(FILE));
    const bob = (await allContacts(a, book.id)).find((c) => c.values.firstName === 'Bob')!;
    await a.contacts.delete(book.id, bob.id);
    await synced(a, true);

    const b = await device('sqlite', user);
    await synced(b);
    const seen = await b.contacts.deleted(book.id);
    expect(seen.map((d) => [d.key, d.contact?.values.firstName])).to.deep.equal([
      ['bob@x.io', 'Bob'],
    ]);
    await b.contacts.restore(book.id, 'bob@x.io');
    await synced(b, true);

    await synced(a);
    expect(await names(a, book.id)).to.deep.equal(['Ann', 'Bob', 'Cid']);
    expect(await a.contacts.deleted(book.id)).to.deep.equal([]);
    const run = await a.run(profile.id, csvFile(FILE.replace('Bob', 'Robert')));
    expect(run.counts).to.include({ updated: 1, skipped: 0 });
    await synced(a, true);
    await synced(b);
    expect(await names(b, book.id)).to.deep.equal(['Ann', 'Cid', 'Robert']);
  });
});
