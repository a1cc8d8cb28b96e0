import { expect } from '@open-wc/testing';
import { createContactSync } from '../src/index.ts';
import { allContacts, localFileServer, profileInput, remoteSource } from './helpers.ts';

/** The real proxy is mounted at /v1 of the test server; a real HTTP server holds the file. */
describe('a remote import end to end through the real proxy', () => {
  it('downloads over HTTP, skips the unchanged file by ETag, then applies a change', async () => {
    const server = await localFileServer();
    const sync = await createContactSync({ dbName: `e2e-${Date.now()}`, proxyUrl: '/v1' });
    const book = await sync.books.create({ name: 'E2E' });
    const profile = await sync.profiles.create(
      profileInput(book.id, {
        source: server.source,
      }),
    );
    const first = await sync.run(profile.id);
    expect(first.status, JSON.stringify(first.error)).to.equal('success');
    expect((await allContacts(sync, book.id)).map((c) => c.values.email)).to.deep.equal([
      'ann@example.com',
    ]);

    const second = await sync.run(profile.id);
    expect(second.status).to.equal('unchanged');

    await server.set('email,name\nann@example.com,Annie\nzed@example.com,Zed\n');
    const third = await sync.run(profile.id);
    expect(third.counts).to.include({ created: 1, updated: 1 });
    expect((await allContacts(sync, book.id)).map((c) => c.values.firstName).sort()).to.deep.equal([
      'Annie',
      'Zed',
    ]);

    const blocked = await sync.profiles.update(profile.id, {
      source: remoteSource('http://169.254.169.254/latest/meta-data/x.csv'),
    });
    const refused = await sync.run(blocked.id);
    expect(refused.status).to.equal('failed');
    expect(refused.error!.message).to.match(/private or reserved address/);
    sync.close();
  });
});
