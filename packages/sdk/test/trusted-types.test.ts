import { expect } from '@open-wc/testing';
import { createContactSync, type ContactSyncError } from '../src/index.ts';

interface Policy {
  createScriptURL(url: string): unknown;
}
declare const trustedTypes: {
  createPolicy(name: string, rules: { createScriptURL(url: string): string }): Policy;
};

const WORKER = new URL('../src/worker/worker.ts', import.meta.url).href;

describe('a page that enforces Trusted Types', () => {
  let policy: Policy;
  before(() => {
    // From here on this page refuses script URLs that no policy made, as a strict portal does.
    const meta = document.createElement('meta');
    meta.httpEquiv = 'Content-Security-Policy';
    meta.content = "require-trusted-types-for 'script'; trusted-types host contactsync";
    document.head.append(meta);
    policy = trustedTypes.createPolicy('host', {
      createScriptURL: (url) => {
        if (new URL(url).origin !== location.origin) throw new Error('Not our worker.');
        return url;
      },
    });
  });

  it('starts its own worker through its policy "contactsync", with no workerUrl', async () => {
    const sync = await createContactSync({ dbName: `tt-own-${Date.now()}` });
    const book = await sync.books.create({ name: 'Own policy' });
    expect((await sync.books.list()).map((b) => b.id)).to.deep.equal([book.id]);
    sync.close();
  });

  it("never vouches for a host's plain URL: says how, and runs with a trusted one", async () => {
    const refused = (await createContactSync({
      dbName: `tt-${Date.now()}`,
      workerUrl: WORKER,
    }).catch((e: unknown) => e)) as ContactSyncError;
    expect(refused.code).to.equal('unsupported');
    expect(refused.message).to.contain('workerUrl: policy.createScriptURL');
    expect(refused.message).to.contain('trusted-types contactsync');

    const sync = await createContactSync({
      dbName: `tt-${Date.now()}`,
      workerUrl: policy.createScriptURL(WORKER) as never,
    });
    const book = await sync.books.create({ name: 'Trusted' });
    expect((await sync.books.list()).map((b) => b.id)).to.deep.equal([book.id]);
    sync.close();
  });
});
