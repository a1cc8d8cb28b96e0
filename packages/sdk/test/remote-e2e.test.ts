import { expect } from '@open-wc/testing';
import { createContactSync } from '../src/index.ts';
import { allContacts, profileInput } from './helpers.ts';

/** The real proxy is mounted at /v1 of the test server; a real HTTP server holds the file. */
describe('a remote import end to end through the real proxy', () => {
  it('downloads over HTTP, skips the unchanged file by ETag, then applies a change', async () => {
    const { url: fileServer } = (await (await fetch('/__test/file-server')).json()) as {
      url: string;
    };
    const setFile = (body: string) =>
      fetch(`${fileServer}/set`, { method: 'POST', body }).catch(() => undefined);
    const sync = await createContactSync({ dbName: `e2e-${Date.now()}`, proxyUrl: '/v1' });
    const book = await sync.books.create({ name: 'E2E' });
    const profile = await sync.profiles.create(
      profileInput(book.id, {
        source: {
          kind: 'remote',
          url: `${fileServer}/exports/contacts.csv`,
          implicitTls: false,
          credential: null,
          hostKey: null,
        },
      }),
    );
    const first = await sync.run(profile.id);
    expect(first.status, JSON.stringify(first.error)).to.equal('success');
    expect((await allContacts(sync, book.id)).map((c) => c.values.email)).to.deep.equal([
      'ann@example.com',
    ]);

    const second = await sync.run(profile.id);
    expect(second.status).to.equal('unchanged');

    await setFile('email,name\nann@example.com,Annie\nzed@example.com,Zed\n');
    const third = await sync.run(profile.id);
    expect(third.counts).to.include({ created: 1, updated: 1 });
    expect((await allContacts(sync, book.id)).map((c) => c.values.firstName).sort()).to.deep.equal([
      'Annie',
      'Zed',
    ]);

    const blocked = await sync.profiles.update(profile.id, {
      source: {
        kind: 'remote',
        url: 'http://169.254.169.254/latest/meta-data/x.csv',
        implicitTls: false,
        credential: null,
        hostKey: null,
      },
    });
    const refused = await sync.run(blocked.id);
    expect(refused.status).to.equal('failed');
    expect(refused.error!.message).to.match(/private or reserved address/);
    sync.close();
  });
});
