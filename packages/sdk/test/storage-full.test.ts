import { expect } from '@open-wc/testing';
import { createContactSync } from '../src/index.ts';
import { allContacts, csvFile, people, profileInput } from './helpers.ts';

const HEADER = 'email,name\n';

describe('a browser with little room left', () => {
  it('refuses an import it has no room for, before writing, with a history record', async () => {
    const { quota = 0, usage = 0 } = await navigator.storage.estimate();
    const dbName = `storage-full-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    // The real quota, with all but 20 MB of what is free kept back for the rest of the portal.
    const tight = await createContactSync({
      dbName,
      storageReserveBytes: quota - usage - 20 * 1024 * 1024,
    });
    const book = await tight.books.create({ name: 'Customers' });
    const profile = await tight.profiles.create(profileInput(book.id));
    const big = HEADER + people(200_000); // about 7 MB
    const record = await tight.run(profile.id, csvFile(big));
    expect(record.status).to.equal('failed');
    expect(record.error?.code).to.equal('storage-full');
    expect(record.error?.message).to.match(/MB left for this site.*Nothing was changed/);
    const history = await tight.history.list({ profileId: profile.id });
    expect(history.map((r) => [r.id, r.error?.code])).to.deep.equal([[record.id, 'storage-full']]);
    expect(await allContacts(tight, book.id)).to.deep.equal([]);
    // A small file still fits.
    expect((await tight.run(profile.id, csvFile(HEADER + people(10)))).status).to.equal('success');
    tight.close();

    // With room, the same file imports.
    const roomy = await createContactSync({ dbName });
    expect((await roomy.run(profile.id, csvFile(big))).status).to.equal('success');
    roomy.close();

    // The same file again with no room left: it writes nothing but its history, so it is
    // found unchanged rather than refused.
    const full = await createContactSync({ dbName, storageReserveBytes: quota });
    const again = await full.run(profile.id, csvFile(big));
    expect([again.status, again.error?.code ?? null]).to.deep.equal(['unchanged', null]);
    full.close();
  });
});
