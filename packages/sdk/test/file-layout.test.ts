import { expect } from '@open-wc/testing';
import { openDB } from 'idb';
import { BUILT_IN_FIELDS, createContactSync, type ProfileInput } from '../src/index.ts';
import { allContacts, csvFile, dropSearchRecords, setup } from './helpers.ts';

const SIX = {
  columns: [
    { column: 0, header: 'Email', field: 'email' },
    { column: 1, header: 'First Name', field: 'firstName' },
    { column: 2, header: 'Last Name', field: 'lastName' },
    { column: 3, header: 'Mobile', field: 'mobile' },
    { column: 4, header: 'Company', field: 'company' },
    { column: 5, header: 'Notes', field: null },
  ],
  key: { kind: 'column', column: 0 },
} satisfies ProfileInput['mapping'];
const EVERY_TIME = { updateExisting: true, deleteMissing: false, importEveryTime: true } as const;
const FULL =
  'Email,First Name,Last Name,Mobile,Company,Notes\n' +
  'ann@x.io,Ann,Lee,+14155550100,Acme,n1\n' +
  'bob@x.io,Bob,Ray,+14155550101,Globex,n2\n';

async function importedSix(behaviour: ProfileInput['behaviour'] = EVERY_TIME) {
  const ctx = await setup({ mapping: SIX, behaviour });
  const first = await ctx.sync.run(ctx.profile.id, csvFile(FULL));
  expect(first.status).to.equal('success');
  return { ...ctx, before: await allContacts(ctx.sync, ctx.book.id) };
}

const byEmail = (contacts: { values: Record<string, string> }[]) =>
  Object.fromEntries(contacts.map((c) => [c.values.email, c.values]));

describe('a file whose columns changed', () => {
  it('stops, naming the missing columns, and changes nothing', async () => {
    const { sync, book, profile, before } = await importedSix();
    const record = await sync.run(
      profile.id,
      csvFile('Email,First Name\nann@x.io,Annie\nbob@x.io,Bobby\n'),
    );
    expect(record.status).to.equal('failed');
    expect(record.error?.code).to.equal('columns-missing');
    expect(record.error?.message).to.contain('"Last Name", "Mobile", "Company"');
    expect(record.error?.details).to.deep.include({ columns: ['Last Name', 'Mobile', 'Company'] });
    expect(await allContacts(sync, book.id)).to.deep.equal(before);
    const { plan, record: dry } = await sync.plan(
      profile.id,
      csvFile('Email,First Name\na@x.io,A\n'),
    );
    expect(plan).to.equal(null);
    expect(dry.error?.code).to.equal('columns-missing');
    sync.close();
  });

  it('leaves the missing fields untouched when the user chose so', async () => {
    const { sync, book, profile } = await importedSix({ ...EVERY_TIME, missingColumns: 'keep' });
    const record = await sync.run(
      profile.id,
      csvFile('First Name,Email\nAnnie,ann@x.io\nBobby,bob@x.io\n'),
    );
    expect(record.status).to.equal('success');
    expect(record.counts.updated).to.equal(2);
    expect(record.notes.join(' ')).to.match(/"Last Name", "Mobile", "Company" column/);
    expect(byEmail(await allContacts(sync, book.id))['ann@x.io']).to.deep.equal({
      email: 'ann@x.io',
      firstName: 'Annie',
      lastName: 'Lee',
      mobile: '+14155550100',
      company: 'Acme',
    });
    sync.close();
  });

  it('never runs without the key column, whatever was chosen', async () => {
    const { sync, book, profile, before } = await importedSix({
      ...EVERY_TIME,
      missingColumns: 'keep',
    });
    const record = await sync.run(profile.id, csvFile('First Name,Last Name\nAnn,Lee\n'));
    expect(record.error?.code).to.equal('columns-missing');
    expect(record.error?.message).to.contain('"Email", the unique key');
    expect(await allContacts(sync, book.id)).to.deep.equal(before);
    sync.close();
  });

  it('maps a reordered file by header name, swapped names included', async () => {
    const { sync, book, profile } = await importedSix();
    const record = await sync.run(
      profile.id,
      csvFile(
        'Company,Last Name,First Name,Notes,Mobile,Email\n' +
          'Acme,Lee,Ann,n1,+14155550100,ann@x.io\n' +
          'Initech,Ray,Bob,n2,+14155550101,bob@x.io\n',
      ),
    );
    expect(record.status).to.equal('success');
    expect(record.counts).to.include({ updated: 1, unchanged: 1 });
    expect(record.notes.join(' ')).to.match(/matched by their names/);
    const now = byEmail(await allContacts(sync, book.id));
    expect(now['ann@x.io']).to.include({ firstName: 'Ann', lastName: 'Lee', company: 'Acme' });
    expect(now['bob@x.io']).to.include({ firstName: 'Bob', lastName: 'Ray', company: 'Initech' });
    sync.close();
  });

  it('refuses a header-less file whose column count changed', async () => {
    const { sync, book, profile } = await setup({
      parse: {
        header: false,
        delimiter: ',',
        encoding: 'auto',
        dateOrder: 'DMY',
        defaultRegion: 'US',
      },
      behaviour: EVERY_TIME,
    });
    expect((await sync.run(profile.id, csvFile('ann@x.io,Ann\n'))).status).to.equal('success');
    const before = await allContacts(sync, book.id);
    const record = await sync.run(profile.id, csvFile('Ann,ann@x.io,Lee\n'));
    expect(record.status).to.equal('failed');
    expect(record.error?.code).to.equal('columns-changed');
    expect(record.error?.message).to.contain('has 3 columns, but it had 2');
    expect(await allContacts(sync, book.id)).to.deep.equal(before);
    sync.close();
  });
});

describe('tombstones belong to the address book', () => {
  it('a deleted contact stays deleted when its import is deleted and set up again', async () => {
    const { sync, book, profile } = await importedSix();
    const ann = (await allContacts(sync, book.id)).find((c) => c.values.email === 'ann@x.io')!;
    await sync.contacts.delete(book.id, ann.id);
    await sync.profiles.delete(profile.id);

    const again = await sync.profiles.create({ ...profileOf(profile), name: 'Set up again' });
    const record = await sync.run(again.id, csvFile(FULL));
    expect(record.counts).to.include({ skipped: 1 });
    const other = await sync.profiles.create({ ...profileOf(profile), name: 'Another import' });
    expect((await sync.run(other.id, csvFile(FULL))).counts).to.include({ skipped: 1 });
    expect((await allContacts(sync, book.id)).map((c) => c.values.email)).to.deep.equal([
      'bob@x.io',
    ]);
    sync.close();
  });
});

describe('a store written by the previous version', () => {
  it('reads, searches and changes contacts whose values, ids and keys were stored as arrays', async () => {
    const { sync, book, profile, before } = await importedSix();
    sync.close();
    // As versions before packed columns wrote them: one array of values per field, and of ids
    // and of keys per key record, and (as stores older still) no search records.
    const unpack = (c: { text: string; ends: Uint32Array; present: Uint8Array }) =>
      Array.from(c.ends, (end, p) =>
        c.present[p >> 3]! & (1 << (p & 7)) ? c.text.slice(p ? c.ends[p - 1] : 0, end) : null,
      );
    const db = await openDB(sync.dbName);
    const tx = db.transaction(['segments', 'segmentKeys'], 'readwrite');
    for (const record of await tx.objectStore('segments').getAll())
      await tx.objectStore('segments').put({ ...record, columns: record.columns.map(unpack) });
    for (const keys of await tx.objectStore('segmentKeys').getAll()) {
      expect(keys.ids.text, 'ids packed').to.be.a('string');
      await tx
        .objectStore('segmentKeys')
        .put({ ...keys, ids: unpack(keys.ids), keys: unpack(keys.keys) });
    }
    await tx.done;
    db.close();
    await dropSearchRecords(sync.dbName);

    const again = await createContactSync({ dbName: sync.dbName });
    expect(await allContacts(again, book.id)).to.deep.equal(before);
    const found = await again.contacts.list(book.id, { search: 'globex' });
    expect(found.items.map((c) => c.values.email)).to.deep.equal(['bob@x.io']);
    const ann = before.find((c) => c.values.email === 'ann@x.io')!;
    await again.contacts.update(book.id, ann.id, { values: { ...ann.values, company: 'Initech' } });
    const record = await again.run(
      profile.id,
      csvFile(FULL.replace('Bob,Ray', 'Bobby,Ray') + 'cy@x.io,Cy,,,Umbrella,n3\n'),
    );
    expect(record.status, JSON.stringify(record.error)).to.equal('success');
    // Ann's row is as last imported, so her edit here stands.
    expect(record.counts).to.include({ created: 1, updated: 1 });
    expect(byEmail(await allContacts(again, book.id))).to.deep.equal({
      'ann@x.io': { ...ann.values, company: 'Initech' },
      'bob@x.io': { ...byEmail(before)['bob@x.io'], firstName: 'Bobby' },
      'cy@x.io': { email: 'cy@x.io', firstName: 'Cy', company: 'Umbrella' },
    });
    // A contact found by id in a record as old, and gone for good.
    const bob = (await allContacts(again, book.id)).find((c) => c.values.email === 'bob@x.io')!;
    await again.contacts.delete(book.id, bob.id);
    expect(Object.keys(byEmail(await allContacts(again, book.id))).sort()).to.deep.equal([
      'ann@x.io',
      'cy@x.io',
    ]);
    again.close();
  });

  it('keeps its tombstones, now for the whole book', async () => {
    const dbName = `upgrade-${Date.now()}-${Math.random()}`;
    // Version 1 of the schema, as it shipped: tombstones were kept per import.
    const old = await openDB(dbName, 1, {
      upgrade(db) {
        db.createObjectStore('books', { keyPath: 'id' });
        db.createObjectStore('folders', { keyPath: 'id' }).createIndex('bookId', 'bookId');
        db.createObjectStore('profiles', { keyPath: 'id' }).createIndex('bookId', 'bookId');
        const runs = db.createObjectStore('runs', { keyPath: 'id' });
        runs.createIndex('profileId', ['profileId', 'startedAt']);
        runs.createIndex('bookId', ['bookId', 'startedAt']);
        runs.createIndex('status', 'status');
        db.createObjectStore('manifests', { keyPath: 'bookId' });
        db.createObjectStore('segments', { keyPath: 'id' }).createIndex('bookId', 'bookId');
        db.createObjectStore('segmentKeys', { keyPath: 'id' }).createIndex('bookId', 'bookId');
        db.createObjectStore('tombstones', { keyPath: ['bookId', 'sourceId', 'key'] });
      },
    });
    const book = {
      id: 'b1',
      name: 'Old',
      fields: [...BUILT_IN_FIELDS],
      createdAt: 0,
      updatedAt: 0,
    };
    await old.put('books', book);
    await old.put('manifests', { bookId: 'b1', version: 0, segments: [] });
    await old.put('tombstones', { bookId: 'b1', sourceId: 'gone', key: 'ann@x.io', deletedAt: 1 });
    old.close();

    const sync = await createContactSync({ dbName });
    const profile = await sync.profiles.create({
      name: 'New import',
      bookId: 'b1',
      folderId: null,
      source: { kind: 'local', fileName: 'contacts.csv' },
      parse: {
        header: true,
        delimiter: 'auto',
        encoding: 'auto',
        dateOrder: 'DMY',
        defaultRegion: 'US',
      },
      behaviour: EVERY_TIME,
      mapping: SIX,
      notifyEmail: null,
    });
    const record = await sync.run(profile.id, csvFile(FULL));
    expect(record.status, JSON.stringify(record.error)).to.equal('success');
    expect(record.counts).to.include({ created: 1, skipped: 1 });
    sync.close();
  });
});

function profileOf(p: ProfileInput & { id: string }): ProfileInput {
  const { name, bookId, folderId, source, parse, behaviour, mapping, notifyEmail } = p;
  return { name, bookId, folderId, source, parse, behaviour, mapping, notifyEmail };
}
