import { expect } from '@open-wc/testing';
import { allContacts, localFileServer, people, profileInput } from './helpers.ts';
import { device, synced, uid } from './backend-devices.ts';

/** A browser of `user` whose backend (the reference server on SQLite) runs remote imports. */
const serverDevice = (user: string) =>
  device('sqlite', user, { serverImports: true }, { scheduler: 'auto' });

describe('imports the server runs', () => {
  it('runs a schedule set in the browser with every page closed; a fresh browser shows run and contacts', async () => {
    const files = await localFileServer();
    await files.set('email,name\nann@example.com,Ann\nbob@example.com,Bob\n');
    const user = uid();
    const a = await serverDevice(user);
    const book = await a.books.create({ name: 'Contacts' });
    const profile = await a.profiles.create(
      profileInput(book.id, {
        source: files.source,
        schedule: {
          startDate: '2026-01-01',
          time: '02:30',
          timeZone: 'UTC',
          recurrence: { kind: 'daily', every: 1 },
          range: { kind: 'forever' },
        },
      }),
    );
    await synced(a, true);
    const before = await files.downloads();
    a.close(); // every page of the portal closed

    // The server's clock passes the next 02:30 (UTC).
    const next = new Date(profile.updatedAt);
    next.setUTCDate(next.getUTCDate() + 1);
    next.setUTCHours(2, 31, 0, 0);
    const ticked = (await (
      await fetch(`/__test/backend/sqlite/tick?now=${next.getTime()}`)
    ).json()) as { runs: { status: string; profileId: string }[] };
    expect(
      ticked.runs.filter((r) => r.profileId === profile.id).map((r) => r.status),
    ).to.deep.equal(['success']);
    expect(await files.downloads()).to.equal(before + 1);

    const b = await serverDevice(user);
    await synced(b, true);
    const history = await b.history.list({ profileId: profile.id });
    expect(history.map((r) => [r.status, r.trigger, r.counts.created])).to.deep.equal([
      ['success', 'scheduled', 2],
    ]);
    expect((await allContacts(b, book.id)).map((c) => c.key).sort()).to.deep.equal([
      'ann@example.com',
      'bob@example.com',
    ]);
  });

  it('"Import now" in the browser runs on the server and its record comes back', async () => {
    const files = await localFileServer();
    await files.set('email,name\ncid@example.com,Cid\n');
    const user = uid();
    const a = await serverDevice(user);
    const book = await a.books.create({ name: 'Contacts' });
    const profile = await a.profiles.create(profileInput(book.id, { source: files.source }));
    const finished: string[] = [];
    a.onRunFinished((run) => finished.push(run.status));
    const record = await a.run(profile.id);
    expect(record.status, JSON.stringify(record.error)).to.equal('success');
    expect(record.trigger).to.equal('manual');
    await synced(a, true);
    expect((await allContacts(a, book.id)).map((c) => c.key)).to.deep.equal(['cid@example.com']);
    expect((await a.history.list({ profileId: profile.id })).map((r) => r.id)).to.deep.equal([
      record.id,
    ]);
  });

  it('shows a server run’s progress and cancels it, with nothing applied', async () => {
    const files = await localFileServer();
    await files.set(`email,name\n${people(200_000)}`);
    const user = uid();
    const a = await serverDevice(user);
    const book = await a.books.create({ name: 'Contacts' });
    const profile = await a.profiles.create(profileInput(book.id, { source: files.source }));
    const controller = new AbortController();
    const seen: string[] = [];
    const record = await a.run(profile.id, null, {
      signal: controller.signal,
      onProgress: (p) => {
        seen.push(p.stage);
        if (p.rows > 0) controller.abort();
      },
    });
    expect(seen.length).to.be.greaterThan(0);
    expect(record.status).to.equal('cancelled');
    await synced(a, true);
    expect((await a.contacts.list(book.id, { limit: 1 })).total).to.equal(0);
    expect((await a.history.list({ profileId: profile.id })).map((r) => r.status)).to.deep.equal([
      'cancelled',
    ]);
  });
});

describe('undo of an import the server ran', () => {
  it('is offered in every browser and puts the book back on each of them', async () => {
    const files = await localFileServer();
    await files.set('email,name\nann@example.com,Ann\nbob@example.com,Bob\n');
    const user = uid();
    const a = await serverDevice(user);
    const book = await a.books.create({ name: 'Contacts' });
    const profile = await a.profiles.create(
      profileInput(book.id, {
        source: files.source,
        behaviour: { ...profileInput(book.id).behaviour, deleteMissing: true },
      }),
    );
    await a.run(profile.id);
    const first = await allContacts(a, book.id);
    await files.set('email,name\nann@example.com,Annie\ncid@example.com,Cid\n');
    const second = await a.run(profile.id);
    expect(second.status, JSON.stringify(second.error)).to.equal('success');
    const b = await serverDevice(user);
    await synced(b, true);
    // Offered in a browser that did not start it: the server ran it.
    expect(await b.history.undoable(book.id)).to.equal(second.id);

    const record = await b.history.undo(second.id);
    expect(record.undoOf).to.equal(second.id);
    expect([record.counts.created, record.counts.updated, record.counts.deleted]).to.deep.equal([
      1, 1, 1,
    ]);
    const values = (list: typeof first) =>
      list.map((c) => [c.key, c.values.firstName]).sort((x, y) => x[0]!.localeCompare(y[0]!));
    // The browser that asked has the result when `undo` resolves; the other pulls it.
    expect(values(await allContacts(b, book.id))).to.deep.equal(values(first));
    await synced(a, true);
    expect(values(await allContacts(a, book.id))).to.deep.equal(values(first));
    const undone = (await a.history.list({ profileId: profile.id })).find(
      (r) => r.id === second.id,
    );
    expect(undone?.undoneBy).to.equal(record.id);
    expect(await a.history.undoable(book.id)).to.equal(null);
    await a.history.undo(second.id).then(
      () => expect.fail('undone twice'),
      (error: { code: string }) => expect(error.code).to.equal('undo-unavailable'),
    );
  });
});
