import { expect } from '@open-wc/testing';
import type { ContactSync } from '../src/index.ts';
import { allContacts, csvFile, people, profileInput } from './helpers.ts';
import { device, opened, synced, uid, type Backend } from './backend-devices.ts';

const control = (backend: Backend, what: 'down' | 'up', device?: ContactSync) =>
  fetch(`/__test/backend/${backend}/${what}${device ? `?device=${device.dbName}` : ''}`);
const inSql = async (backend: Backend, user: string) =>
  (await (await fetch(`/__test/backend/${backend}/count?user=${user}`)).json()) as {
    rows: number;
    deleted: number;
    maxRevision: number;
  };

async function importPeople(sync: ContactSync, count: number, file = people(count)) {
  const book = await sync.books.create({ name: 'Customers' });
  const profile = await sync.profiles.create(
    profileInput(book.id, {
      behaviour: { ...profileInput(book.id).behaviour, deleteMissing: true },
    }),
  );
  const record = await sync.run(profile.id, csvFile(`email,name\n${file}`));
  expect(record.status, record.error?.message).to.equal('success');
  return { book, profile };
}

for (const backend of ['sqlite', 'postgres'] as const)
  describe(`replication with the reference server on ${backend}`, () => {
    it('brings 1,000 imported contacts, the book, the import and its history to a second device', async () => {
      const user = uid();
      const a = await device(backend, user);
      const { book, profile } = await importPeople(a, 1000);
      const status = await synced(a);
      expect(status.pending).to.equal(0);
      expect(await inSql(backend, user)).to.deep.equal({ rows: 1000, deleted: 0, maxRevision: 1 });

      const b = await device(backend, user);
      await synced(b);
      expect((await b.books.list()).map((x) => x.id)).to.deep.equal([book.id]);
      expect((await b.profiles.list(book.id)).map((p) => p.name)).to.deep.equal([profile.name]);
      expect((await b.history.list({ profileId: profile.id })).map((r) => r.status)).to.deep.equal([
        'success',
      ]);
      const page = await b.contacts.list(book.id, { limit: 5, search: 'user7' });
      expect(page.total).to.equal(111);
      expect((await b.contacts.list(book.id, { limit: 1 })).total).to.equal(1000);
      // Nothing pulled counts as a change of B's own.
      expect((await b.replication.status()).pending).to.equal(0);
    });

    it('deletes on every device what one deleted, and no later import brings it back', async () => {
      const user = uid();
      const a = await device(backend, user);
      const { book, profile } = await importPeople(a, 20);
      await synced(a);
      const b = await device(backend, user);
      await synced(b);
      const victim = (await allContacts(b, book.id)).find((c) => c.key === 'user3@example.com')!;
      await b.contacts.delete(book.id, victim.id);
      await synced(b);
      await synced(a);
      const left = await allContacts(a, book.id);
      expect(left.map((c) => c.key)).not.to.include('user3@example.com');
      expect(left).to.have.length(19);
      // The file again (with one row more), on the device that did not delete it: the key stays out.
      const again = await a.run(profile.id, csvFile(`email,name\n${people(21)}`));
      expect(again.counts.skipped, JSON.stringify(again.counts)).to.equal(1);
      await synced(a);
      expect(await inSql(backend, user)).to.include({ rows: 21, deleted: 1 });
    });

    it('edits and deletes the right contact whatever ids another replica chose', async () => {
      const user = uid();
      const a = await device(backend, user);
      const book = await a.books.create({ name: 'Customers' });
      await synced(a);
      // Ids chosen elsewhere, stored one after another: 'q' also ends 'zq' and starts 'qq';
      // 'p' starts 'pp' and every 'p0' … 'p9'.
      const many = Array.from({ length: 10 }, (_, i) => `p${i}`);
      const ids = ['zq', 'qq', 'q', 'q2', ...many, 'pp', 'p'];
      const now = Date.now();
      const rows = ids.map((id) => ({
        assumedMasterState: null,
        newDocumentState: {
          ...{ id, revision: 0, updatedAt: now, deleted: false, bookId: book.id, folderId: null },
          ...{ key: `${id}@x.io`, sourceId: null, rowHash: null, createdAt: now },
          values: { email: `${id}@x.io`, firstName: id.toUpperCase() },
        },
      }));
      const pushed = await fetch(`/v1/${backend}/replication/contacts/push`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-test-user': user },
        body: JSON.stringify({ rows }),
      });
      expect(pushed.status).to.equal(200);
      await synced(a);
      expect((await allContacts(a, book.id)).map((c) => c.id)).to.deep.equal(ids);
      // Another device holds them all before the changes below.
      const c = await device(backend, user);
      await synced(c);
      expect(await allContacts(c, book.id)).to.have.length(ids.length);
      const q = (await allContacts(a, book.id)).find((c) => c.id === 'q')!;
      await a.contacts.update(book.id, 'q', { values: { ...q.values, firstName: 'Quinn' } });
      await a.contacts.delete(book.id, 'qq');
      // Found by id again in a new tab, where no page showed them: a scan of the packed ids, and
      // after eight such lookups a table of every contact's place.
      const b = await opened({ dbName: a.dbName, scheduler: 'manual' });
      await b.contacts.delete(book.id, 'zq');
      for (const id of many) await b.contacts.delete(book.id, id);
      await b.contacts.update(book.id, 'p', { values: { email: 'p@x.io', firstName: 'Pat' } });
      const names = async (sync: ContactSync) =>
        Object.fromEntries(
          (await allContacts(sync, book.id)).map((c) => [c.id, c.values.firstName]),
        );
      const expected = { q: 'Quinn', q2: 'Q2', pp: 'PP', p: 'Pat' };
      expect(await names(b)).to.deep.equal(expected);
      // The other device takes the thirteen changes in one pull: after eight lookups by id, it
      // finds each contact through a table of every contact's place.
      await synced(a);
      await synced(c);
      expect(await names(c)).to.deep.equal(expected);
    });

    it('shares folders, and a book deleted on one device goes everywhere with its contacts', async () => {
      const user = uid();
      const a = await device(backend, user);
      const { book } = await importPeople(a, 10);
      const folder = await a.folders.create(book.id, 'Partners');
      await synced(a);
      const b = await device(backend, user);
      await synced(b);
      expect((await b.folders.list(book.id)).map((f) => f.name)).to.deep.equal([folder.name]);
      await b.books.delete(book.id);
      await synced(b);
      await synced(a);
      expect(await a.books.list()).to.deep.equal([]);
      expect(await inSql(backend, user)).to.include({ rows: 10, deleted: 10 });
      // Nothing comes back on the next exchanges, from either side.
      await synced(a);
      await synced(b);
      expect(await b.books.list()).to.deep.equal([]);
    });

    it('sends a re-import’s changed contacts only, and its deletions', async () => {
      const user = uid();
      const a = await device(backend, user);
      const { profile } = await importPeople(a, 200);
      await synced(a);
      const before = await inSql(backend, user);
      // Rows 0 and 1 change, row 199 goes away.
      const file = people(200)
        .replace('Person 0\n', 'Changed 0\n')
        .replace('Person 1\n', 'Changed 1\n')
        .replace('user199@example.com,Person 199\n', '');
      const record = await a.run(profile.id, csvFile(`email,name\n${file}`));
      expect(record.counts).to.include({ updated: 2, deleted: 1 });
      await synced(a);
      const after = await inSql(backend, user);
      expect(after.rows).to.equal(before.rows);
      expect(after.deleted).to.equal(1);
      expect(after.maxRevision).to.equal(2);
    });

    it('merges a contact edited on two devices by the documented rule', async () => {
      const user = uid();
      const a = await device(backend, user);
      const { book } = await importPeople(a, 3);
      await synced(a);
      const b = await device(backend, user);
      await synced(b);
      const id = (await allContacts(a, book.id)).find((c) => c.key === 'user1@example.com')!.id;
      // B is offline while both edit: its push meets A's change as a conflict.
      await control(backend, 'down', b);
      // Different fields on each side: both changes stay.
      await a.contacts.update(book.id, id, {
        values: { phone: '+371 20000001', firstName: 'Anna' },
      });
      await synced(a);
      await new Promise((r) => setTimeout(r, 5));
      await b.contacts.update(book.id, id, { values: { company: 'Acme', firstName: 'Annija' } });
      await control(backend, 'up', b);
      await synced(b);
      await synced(a);
      for (const sync of [a, b]) {
        const c = (await allContacts(sync, book.id)).find((x) => x.id === id)!;
        expect(c.values.phone).to.equal('+371 20000001');
        expect(c.values.company).to.equal('Acme');
        // The same field on both sides: the newer change.
        expect(c.values.firstName).to.equal('Annija');
      }
    });

    it('uses the host’s own conflict rule when given one', async () => {
      const user = uid();
      const a = await device(backend, user);
      const { book } = await importPeople(a, 2);
      await synced(a);
      const seen: string[] = [];
      const b = await device(backend, user, {
        resolveConflict: ({ master, local }) => {
          seen.push(master.id);
          return {
            ...master,
            values: { ...master.values, notes: `kept ${local.values.firstName}` },
          };
        },
      });
      await synced(b);
      const id = (await allContacts(a, book.id))[0]!.id;
      await control(backend, 'down', b);
      await a.contacts.update(book.id, id, { values: { firstName: 'From A' } });
      await synced(a);
      await b.contacts.update(book.id, id, { values: { firstName: 'From B' } });
      await control(backend, 'up', b);
      await synced(b);
      expect(seen).to.deep.equal([id]);
      await synced(a);
      const c = (await allContacts(a, book.id)).find((x) => x.id === id)!;
      expect(c.values).to.include({ firstName: 'From A', notes: 'kept From B' });
    });

    it('keeps changes while the server is down and sends each once when it is back', async () => {
      const user = uid();
      const a = await device(backend, user);
      await synced(a);
      await control(backend, 'down');
      try {
        await importPeople(a, 300);
        const failed = await a.replication.syncNow();
        expect(failed.state).to.equal('retrying');
        expect(failed.error?.code).to.equal('backend-unreachable');
        expect(failed.pending).to.be.greaterThan(300);
      } finally {
        await control(backend, 'up');
      }
      const status = await synced(a);
      expect(status.pending).to.equal(0);
      expect(status.error).to.equal(null);
      expect(await inSql(backend, user)).to.deep.equal({ rows: 300, deleted: 0, maxRevision: 1 });
    });

    it('resumes after a tab closed in the middle of a push, and nothing arrives twice', async () => {
      const user = uid();
      const dbName = `replica-${uid()}`;
      const options = {
        dbName,
        scheduler: 'manual' as const,
        backend: {
          url: `/v1/${backend}/replication/`,
          headers: { 'x-test-user': user },
          batchSize: 25,
        },
      };
      const a = await opened(options);
      await importPeople(a, 1000);
      void a.replication.syncNow().catch(() => undefined);
      for (let i = 0; i < 500 && (await inSql(backend, user)).rows === 0; i++)
        await new Promise((r) => setTimeout(r, 10));
      a.close(); // the worker ends mid-push, as with a closed tab
      const sent = (await inSql(backend, user)).rows;
      expect(sent).to.be.greaterThan(0).and.lessThan(1000);
      const again = await opened(options);
      const status = await synced(again);
      expect(status.pending).to.equal(0);
      expect(await inSql(backend, user)).to.deep.equal({ rows: 1000, deleted: 0, maxRevision: 1 });
    });

    it('sends passwords only as the salted digest, never as typed', async () => {
      const user = uid();
      const a = await device(backend, user);
      const book = await a.books.create({ name: 'Members' });
      const profile = await a.profiles.create(
        profileInput(book.id, {
          mapping: {
            columns: [
              { column: 0, header: 'email', field: 'email' },
              { column: 1, header: 'password', field: 'password' },
            ],
            key: { kind: 'column', column: 0 },
          },
        }),
      );
      await a.run(profile.id, csvFile('email,password\nann@example.com,Pw-9f3Kq-SECRET\n'));
      await synced(a);
      const res = await fetch(`/v1/${backend}/replication/contacts/pull?limit=10`, {
        headers: { 'x-test-user': user },
      });
      const text = await res.text();
      expect(text).not.to.contain('SECRET');
      const [stored] = (JSON.parse(text) as { documents: { values: Record<string, string> }[] })
        .documents;
      expect(stored!.values.password).to.match(/^sha256:[0-9a-f]{64}$/);
    });

    it('never shows one user another user’s contacts', async () => {
      const ann = await device(backend, uid());
      await importPeople(ann, 5);
      await synced(ann);
      const bob = await device(backend, uid());
      await synced(bob);
      expect(await bob.books.list()).to.deep.equal([]);
    });
  });

describe('replication switched off', () => {
  it('says "off" and keeps everything in the browser', async () => {
    const sync = await opened({ dbName: `local-${uid()}`, scheduler: 'manual' });
    expect((await sync.replication.status()).state).to.equal('off');
    expect((await sync.replication.syncNow()).state).to.equal('off');
  });
});
