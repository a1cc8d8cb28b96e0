import { expect } from '@open-wc/testing';
import { openDB } from 'idb';
import type { ContactSync, ContactSyncError } from '../src/index.ts';
import { allContacts, csvFile, freshClient, people, profileInput, setup } from './helpers.ts';
import { device, synced, uid } from './backend-devices.ts';

const SYNC = { updateExisting: true, deleteMissing: true, importEveryTime: false };
const FIRST = 'email,name\nann@x.io,Ann\nbob@x.io,Bob\ncid@x.io,Cid\n';
const SECOND = 'email,name\nann@x.io,Anna\nbob@x.io,Bob\ndan@x.io,Dan\n';
const HEADER = 'email,name\n';

/** Everything a person sees of the book's contacts, in a stable order. */
const snapshot = async (sync: ContactSync, bookId: string) =>
  (await allContacts(sync, bookId))
    .map((c) => ({ id: c.id, key: c.key, values: c.values, folderId: c.folderId }))
    .sort((a, b) => (a.key ?? '').localeCompare(b.key ?? ''));

const names = async (sync: ContactSync, bookId: string) =>
  (await allContacts(sync, bookId)).map((c) => c.values.firstName).sort();

const failure = (p: Promise<unknown>) =>
  p.then(() => null).catch((e: unknown) => e as ContactSyncError);

describe('undo of the latest import', () => {
  it('puts the book back exactly as before the run, and records the undo in the history', async () => {
    const { sync, book, profile } = await setup({ behaviour: SYNC });
    await sync.run(profile.id, csvFile(FIRST));
    const before = await snapshot(sync, book.id);
    const run = await sync.run(profile.id, csvFile(SECOND));
    expect(run.counts).to.include({ created: 1, updated: 1, deleted: 1 });
    expect(await sync.history.undoable(book.id)).to.equal(run.id);

    const undo = await sync.history.undo(run.id);
    expect(undo.undoOf).to.equal(run.id);
    expect(undo.status).to.equal('success');
    expect(undo.counts).to.include({ deleted: 1, updated: 1, created: 1 });
    expect(undo.noteCodes?.map((n) => n.code)).to.deep.equal(['undo-of']);
    expect(await snapshot(sync, book.id)).to.deep.equal(before);
    expect((await sync.history.get(run.id)).undoneBy).to.equal(undo.id);
    const history = await sync.history.list({ bookId: book.id });
    expect(history[0]!.id).to.equal(undo.id);
    expect(await sync.history.undoable(book.id)).to.equal(null);

    // The import forgot the file: the same file applies again, not "unchanged".
    const again = await sync.run(profile.id, csvFile(SECOND));
    expect(again.status).to.equal('success');
    expect(again.counts).to.include({ created: 1, updated: 1, deleted: 1 });
    expect(await names(sync, book.id)).to.deep.equal(['Anna', 'Bob', 'Dan']);
    sync.close();
  });

  it('takes a first import back to an empty book', async () => {
    const { sync, book, profile } = await setup({ behaviour: SYNC });
    const run = await sync.run(profile.id, csvFile(HEADER + people(1200)));
    expect(run.counts.created).to.equal(1200);
    const undo = await sync.history.undo(run.id);
    expect(undo.counts).to.include({ deleted: 1200, updated: 0, created: 0 });
    expect((await sync.contacts.list(book.id, { limit: 1 })).total).to.equal(0);
    expect((await sync.run(profile.id, csvFile(HEADER + people(1200)))).counts.created).to.equal(
      1200,
    );
    sync.close();
  });

  it('brings back whole segments a run emptied and half-changed ones it would have compacted', async () => {
    const { sync, book, profile } = await setup({ behaviour: SYNC });
    await sync.run(profile.id, csvFile(HEADER + people(1500)));
    const before = await snapshot(sync, book.id);
    // The first 500 gone (a whole segment), the next 400 changed, 300 new.
    const file =
      HEADER +
      people(1000, 500).replace(/Person (5\d\d|[6-8]\d\d)\n/g, 'Changed $1\n') +
      people(300, 5000);
    const run = await sync.run(profile.id, csvFile(file), { confirmMassDelete: true });
    expect(run.counts).to.include({ deleted: 500, updated: 400, created: 300 });
    await sync.history.undo(run.id);
    expect(await snapshot(sync, book.id)).to.deep.equal(before);
    sync.close();
  });

  it('keeps the earlier version only until the next change, and still compacts what runs emptied', async () => {
    const dbName = `undo-${uid()}`;
    const sync = await freshClient(dbName);
    const book = await sync.books.create({ name: 'Customers' });
    const profile = await sync.profiles.create(profileInput(book.id, { behaviour: SYNC }));
    await sync.run(profile.id, csvFile(HEADER + people(1500)));
    // 400 of the second segment's 500 change: more than half of it is dead.
    const file = HEADER + people(1500).replace(/Person (5\d\d|[6-8]\d\d)\n/g, 'Changed $1\n');
    expect((await sync.run(profile.id, csvFile(file))).counts.updated).to.equal(400);
    const stored = async () => {
      const db = await openDB(dbName);
      const manifest = (await db.get('manifests', book.id)) as {
        segments: { size: number; dead: number[] }[];
      };
      const segments = await db.getAllKeys('segments');
      db.close();
      return { manifest: manifest.segments, segments: segments.length };
    };
    const afterRun = await stored();
    // Compacted into new segments; the replaced one is kept beside them for undo.
    expect(afterRun.manifest.every((s) => s.dead.length * 2 < s.size)).to.equal(true);
    expect(afterRun.segments).to.be.greaterThan(afterRun.manifest.length);

    const ann = (await allContacts(sync, book.id))[0]!;
    await sync.contacts.update(book.id, ann.id, { values: { ...ann.values, lastName: 'X' } });
    const afterEdit = await stored();
    expect(afterEdit.segments).to.equal(afterEdit.manifest.length);
    sync.close();
  });

  it('survives a reload: the kept contacts are not swept as leftovers', async () => {
    const dbName = `undo-${uid()}`;
    const first = await freshClient(dbName);
    const book = await first.books.create({ name: 'Customers' });
    const profile = await first.profiles.create(profileInput(book.id, { behaviour: SYNC }));
    await first.run(profile.id, csvFile(HEADER + people(700)));
    const before = await snapshot(first, book.id);
    const run = await first.run(profile.id, csvFile(HEADER + people(100, 650)), {
      confirmMassDelete: true,
    });
    first.close();

    const second = await freshClient(dbName);
    // Wait for the start-up sweep (it runs under the book's lock, as the undo does).
    await second.contacts.list(book.id, { limit: 1 });
    expect(await second.history.undoable(book.id)).to.equal(run.id);
    await second.history.undo(run.id);
    expect(await snapshot(second, book.id)).to.deep.equal(before);
    second.close();
  });

  it('is no longer offered once the book changed, and says why', async () => {
    const { sync, book, profile } = await setup({ behaviour: { ...SYNC, importEveryTime: false } });
    await sync.run(profile.id, csvFile(FIRST));
    const run = await sync.run(profile.id, csvFile(SECOND));
    // An unchanged file, a dry run and a refused run change nothing: Undo stays.
    expect((await sync.run(profile.id, csvFile(SECOND))).status).to.equal('unchanged');
    await sync.plan(profile.id, csvFile(FIRST));
    expect(await sync.history.undoable(book.id)).to.equal(run.id);

    const bob = (await allContacts(sync, book.id)).find((c) => c.values.firstName === 'Bob')!;
    await sync.contacts.update(book.id, bob.id, { values: { ...bob.values, lastName: 'Brown' } });
    expect(await sync.history.undoable(book.id)).to.equal(null);
    const error = await failure(sync.history.undo(run.id));
    expect(error?.code).to.equal('undo-unavailable');
    expect(await names(sync, book.id)).to.deep.equal(['Anna', 'Bob', 'Dan']);
    expect((await sync.history.get(run.id)).undoneBy).to.equal(undefined);

    // An earlier run is never undoable, even right after the latest one was undone.
    const latest = await sync.run(profile.id, csvFile(FIRST));
    await sync.history.undo(latest.id);
    expect((await failure(sync.history.undo(run.id)))?.code).to.equal('undo-unavailable');
    sync.close();
  });

  it('reaches every device through the backend: added contacts go, changed ones revert, deleted ones return', async () => {
    const user = uid();
    const a = await device('sqlite', user);
    const book = await a.books.create({ name: 'Customers' });
    const profile = await a.profiles.create(profileInput(book.id, { behaviour: SYNC }));
    await a.run(profile.id, csvFile(FIRST));
    await synced(a, true);
    const run = await a.run(profile.id, csvFile(SECOND));
    await synced(a, true);
    // Pushing the run's changes does not end the chance to undo it.
    expect(await a.history.undoable(book.id)).to.equal(run.id);

    const b = await device('sqlite', user);
    await synced(b);
    expect(await names(b, book.id)).to.deep.equal(['Anna', 'Bob', 'Dan']);

    await a.history.undo(run.id);
    await synced(a, true);
    await synced(b);
    expect(await names(b, book.id)).to.deep.equal(['Ann', 'Bob', 'Cid']);
    expect(await names(a, book.id)).to.deep.equal(['Ann', 'Bob', 'Cid']);
    expect((await b.history.get(run.id)).undoneBy).to.be.a('string');

    // And both keep working on it: the next import on B updates what came back.
    const next = await b.run(profile.id, csvFile(FIRST.replace('Cid', 'Cyd')));
    expect(next.counts).to.include({ updated: 1, created: 0, deleted: 0 });
    await synced(b, true);
    await synced(a);
    expect(await names(a, book.id)).to.deep.equal(['Ann', 'Bob', 'Cyd']);
  });
});
