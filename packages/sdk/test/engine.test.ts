import { expect } from '@open-wc/testing';
import { ContactSyncError, createContactSync } from '../src/index.ts';
import { allContacts, csvFile, freshClient, people, profileInput, setup } from './helpers.ts';

describe('the SDK client', () => {
  it('lists contacts by name in page after page, or as they were added', async () => {
    const sync = await freshClient();
    const book = await sync.books.create({ name: 'Names' });
    for (const values of <Record<string, string>[]>[
      { firstName: 'Zoë' },
      { email: 'nameless@x.io' },
      { firstName: 'ann', lastName: 'Lee' },
      { displayName: 'Émile Zola' },
      { firstName: 'Bob' },
      { company: 'Acme' }, // nothing that names a person: last
      { firstName: 'Person 10' },
      { firstName: 'Person 9' },
    ])
      await sync.contacts.create(book.id, { values });
    const page = async (offset: number, limit: number) =>
      (await sync.contacts.list(book.id, { sort: 'name', offset, limit })).items.map(
        (c) => c.values.displayName ?? c.values.firstName ?? c.values.email ?? c.values.company,
      );
    expect([...(await page(0, 4)), ...(await page(4, 4))]).to.deep.equal([
      'ann',
      'Bob',
      'Émile Zola',
      'nameless@x.io',
      'Person 9',
      'Person 10',
      'Zoë',
      'Acme',
    ]);
    const added = (await sync.contacts.list(book.id, { sort: 'added', limit: 2 })).items;
    expect(added.map((c) => c.values.firstName)).to.deep.equal(['Zoë', undefined]);
    // Folders narrow the sorted list: every folder, none, one.
    const vip = await sync.folders.create(book.id, 'VIP');
    const bob = (await sync.contacts.list(book.id, { search: 'Bob' })).items[0]!;
    await sync.contacts.update(book.id, bob.id, { folderId: vip.id });
    expect((await sync.contacts.list(book.id, { sort: 'name' })).total).to.equal(8);
    expect((await sync.contacts.list(book.id, { sort: 'name', folderId: null })).total).to.equal(7);
    expect(
      (await sync.contacts.list(book.id, { sort: 'name', folderId: vip.id })).items.map(
        (c) => c.values.firstName,
      ),
    ).to.deep.equal(['Bob']);
    // So does a search.
    const found = await sync.contacts.list(book.id, { sort: 'name', search: 'person' });
    expect(found.items.map((c) => c.values.firstName)).to.deep.equal(['Person 9', 'Person 10']);
    sync.close();
  });

  it('orders names equal but for case and accents as they were added, and names a contact by its key when nothing else does', async () => {
    const sync = await freshClient();
    const book = await sync.books.create({ name: 'Same names' });
    const field = await sync.books.addField(book.id, { label: 'Customer no', type: 'text' });
    const profile = await sync.profiles.create(
      profileInput(book.id, {
        mapping: {
          columns: [
            { column: 0, header: 'no', field: field.id },
            { column: 1, header: 'name', field: 'firstName' },
          ],
          key: { kind: 'column', column: 0 },
        },
      }),
    );
    await sync.run(profile.id, csvFile('no,name\nC-9,Zoë\nB-2,\nC-1,zoe\nA-7,ZOE\nD-4,Adam\n'));
    const page = await sync.contacts.list(book.id, { sort: 'name' });
    expect(page.items.map((c) => c.key)).to.deep.equal(['D-4', 'B-2', 'C-9', 'C-1', 'A-7']);
    sync.close();
  });

  it('says how many contacts a page holds at most, and previews as many rows as asked', async () => {
    const { sync, book, profile } = await setup();
    await sync.run(profile.id, csvFile('email,name\n' + people(1200)));
    const page = await sync.contacts.list(book.id, { limit: 5000 });
    expect({ items: page.items.length, total: page.total, limit: page.limit }).to.deep.equal({
      items: 1000,
      total: 1200,
      limit: 1000,
    });
    expect((await sync.contacts.list(book.id, { limit: 10 })).limit).to.equal(10);
    const file = csvFile('email,name\n' + people(50));
    expect((await sync.preview(book.id, file, {}, { rowLimit: 3 })).rows).to.have.length(3);
    expect((await sync.preview(book.id, file)).rows).to.have.length(20);
    sync.close();
  });

  it('finds a phone number by its digits however they are typed', async () => {
    const sync = await freshClient();
    const book = await sync.books.create({ name: 'Phones' });
    const ann = await sync.contacts.create(book.id, {
      values: { firstName: 'Ann', phone: '+14157999999' },
    });
    await sync.contacts.create(book.id, { values: { firstName: 'Bob', phone: '+37126123456' } });
    for (const typed of ['415 799 9999', '(415) 799-9999', '415.799.9999', '+1 415 799 9999'])
      expect(
        (await sync.contacts.list(book.id, { search: typed })).items.map((c) => c.id),
        typed,
      ).to.deep.equal([ann.id]);
    // Shown as a person where the reader is writes them: national at home, else international.
    const us = await sync.contacts.list(book.id, { phoneRegion: 'US', sort: 'name' });
    expect(us.display?.[ann.id]).to.deep.equal({ phone: '(415) 799-9999' });
    const lv = await sync.contacts.list(book.id, { phoneRegion: 'LV', sort: 'name' });
    expect(Object.values(lv.display ?? {}).map((d) => d.phone)).to.deep.equal([
      '+1 415 799 9999',
      '26 123 456',
    ]);
    expect(us.items[0]!.values.phone).to.equal('+14157999999'); // the stored value is unchanged
    // Text searches are unchanged: a name with digits is not a phone number.
    expect((await sync.contacts.list(book.id, { search: 'ann 4' })).total).to.equal(0);
    sync.close();
  });

  it('previews a file, runs an import and lists the result and its history', async () => {
    const { sync, book, profile } = await setup();
    const preview = await sync.preview(book.id, csvFile('email,name\n' + people(3)));
    expect(preview.headers).to.deep.equal(['email', 'name']);
    expect(preview.suggestion.columns[0]!.field).to.equal('email');
    const progress: number[] = [];
    const record = await sync.run(profile.id, csvFile('email,name\n' + people(3)), {
      onProgress: (p) => progress.push(p.rows),
    });
    expect(record.status).to.equal('success');
    expect(record.counts.created).to.equal(3);
    expect(record.fileName).to.equal('contacts.csv');
    expect(progress.length).to.be.greaterThan(0);
    const contacts = await allContacts(sync, book.id);
    expect(contacts.map((c) => c.values.email).sort()).to.deep.equal([
      'user0@example.com',
      'user1@example.com',
      'user2@example.com',
    ]);
    const history = await sync.history.list({ profileId: profile.id });
    expect(history.map((r) => r.status)).to.deep.equal(['success']);
    expect((await sync.profiles.get(profile.id)).state.lastFingerprint).to.equal(
      record.fingerprint,
    );
    sync.close();
  });

  it('fingerprints a file with the SHA-256 of its bytes, whether one slice or many', async () => {
    const { sync, profile } = await setup();
    const sha256 = async (file: File) =>
      [...new Uint8Array(await crypto.subtle.digest('SHA-256', await file.arrayBuffer()))]
        .map((b) => b.toString(16).padStart(2, '0'))
        .join('');
    // About 17.5 MB: read in three slices, gathered at their offsets.
    const big = csvFile('email,name\n' + people(480_000));
    for (const file of [csvFile('email,name\nann@x.io,Ann\n'), big]) {
      const record = await sync.run(profile.id, file);
      expect(record.status).to.equal('success');
      expect(record.fingerprint).to.equal(await sha256(file));
    }
    // The same bytes again: unchanged, by that fingerprint.
    expect((await sync.run(profile.id, big)).status).to.equal('unchanged');
    sync.close();
  });

  it('keeps the error class and code across the worker boundary', async () => {
    const sync = await freshClient();
    const error = await sync.books.get('nope').catch((e: unknown) => e);
    expect(error).to.be.instanceOf(ContactSyncError);
    expect((error as ContactSyncError).code).to.equal('not-found');
    const bad = await sync.books.create({ name: '   ' }).catch((e: unknown) => e);
    expect((bad as ContactSyncError).code).to.equal('invalid-argument');
    sync.close();
  });

  it('refuses an invalid profile before it is stored', async () => {
    const sync = await freshClient();
    const book = await sync.books.create({ name: 'B' });
    const generated = profileInput(book.id, {
      mapping: { ...profileInput(book.id).mapping, key: { kind: 'generated' } },
    });
    const error = (await sync.profiles
      .create(generated)
      .catch((e: unknown) => e)) as ContactSyncError;
    expect(error.code).to.equal('key-strategy-conflict');
    const backslash = (await sync.profiles
      .create({ ...profileInput(book.id), notifyEmail: 'not an email' })
      .catch((e: unknown) => e)) as ContactSyncError;
    expect(backslash.code).to.equal('invalid-argument');
    expect(await sync.profiles.list(book.id)).to.deep.equal([]);
    sync.close();
  });

  it('rejects with a clear error when the worker cannot load', async () => {
    const error = await createContactSync({ dbName: 'x', workerUrl: '/does-not-exist.js' }).catch(
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(ContactSyncError);
    expect((error as Error).message).to.match(/worker failed to load/);
  });

  it('manages fields, folders and single contacts', async () => {
    const sync = await freshClient();
    const book = await sync.books.create({ name: 'B' });
    const field = await sync.books.addField(book.id, { label: 'Shoe size', type: 'number' });
    expect(field.id).to.equal('custom_Shoe_size');
    const renamed = await sync.books.renameField(book.id, field.id, 'Shoe size (EU)');
    expect(renamed).to.deep.equal({ ...field, label: 'Shoe size (EU)' });
    const clash = (await sync.books
      .renameField(book.id, field.id, 'email')
      .catch((e: unknown) => e)) as ContactSyncError;
    expect(clash.code).to.equal('invalid-argument');
    const folder = await sync.folders.create(book.id, 'VIP');
    const made = await sync.contacts.create(book.id, {
      values: { firstName: 'Ann', custom_Shoe_size: '38', password: 'hunter2' },
      folderId: folder.id,
    });
    expect(made.values.password).to.match(/^sha256:[0-9a-f]{64}$/);
    const moved = await sync.contacts.update(book.id, made.id, {
      values: { firstName: 'Anna' },
      folderId: null,
    });
    expect(moved.values.firstName).to.equal('Anna');
    expect(moved.values.custom_Shoe_size).to.equal('38');
    expect((await sync.contacts.list(book.id, { folderId: folder.id })).total).to.equal(0);
    expect(
      (await sync.contacts.list(book.id, { search: 'ANNA' })).items.map((c) => c.id),
    ).to.deep.equal([made.id]);
    await sync.folders.delete(folder.id);
    await sync.contacts.delete(book.id, made.id);
    expect((await sync.contacts.list(book.id)).total).to.equal(0);
    const missing = (await sync.contacts
      .get(book.id, made.id)
      .catch((e: unknown) => e)) as ContactSyncError;
    expect(missing.code).to.equal('not-found');
    sync.close();
  });
});
