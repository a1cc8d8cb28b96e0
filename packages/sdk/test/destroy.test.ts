import { expect } from '@open-wc/testing';
import type { ContactSyncError } from '../src/index.ts';
import { freshClient } from './helpers.ts';

describe('wiping the store (sign-out on a shared computer)', () => {
  it('destroy() removes everything under the name, in every tab', async () => {
    const dbName = `destroy-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    const a = await freshClient(dbName);
    const b = await freshClient(dbName);
    const book = await a.books.create({ name: 'Private' });
    await a.contacts.create(book.id, { values: { firstName: 'Ann', email: 'ann@x.io' } });
    expect(await b.books.list()).to.have.length(1);
    const heard = new Promise((resolve) =>
      b.subscribe((e) => {
        if (e.type === 'destroyed') resolve(e);
      }),
    );
    await a.destroy();
    await heard;
    expect((await indexedDB.databases()).map((d) => d.name)).not.to.include(dbName);
    const error = (await b.books.list().catch((e: unknown) => e)) as ContactSyncError;
    expect(error.code).to.equal('database-outdated');
    expect(error.message).to.match(/removed in another tab/);
    b.close();

    const next = await freshClient(dbName);
    expect(await next.books.list()).to.deep.equal([]);
    expect(typeof (await next.storage.persisted())).to.equal('boolean');
    expect(typeof (await next.storage.persist())).to.equal('boolean');
    next.close();
  });

  it('is heard by every other tab each time, though its own worker stops right after', async () => {
    for (let i = 0; i < 6; i++) {
      const dbName = `destroy-heard-${Date.now()}-${Math.random().toString(36).slice(2)}`;
      const a = await freshClient(dbName);
      const b = await freshClient(dbName);
      await a.books.create({ name: 'Private' });
      const heard = new Promise<string>((resolve) =>
        b.subscribe((e) => {
          if (e.type === 'destroyed') resolve('heard');
        }),
      );
      await a.destroy();
      const outcome = await Promise.race([
        heard,
        new Promise((resolve) => setTimeout(() => resolve(`not heard in round ${i + 1}`), 3000)),
      ]);
      expect(outcome).to.equal('heard');
      b.close();
    }
  });
});
