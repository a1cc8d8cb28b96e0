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
    meta.content = "require-trusted-types-for 'script'; trusted-types contactsync";
    document.head.append(meta);
    policy = trustedTypes.createPolicy('contactsync', {
      createScriptURL: (url) => {
        if (new URL(url).origin !== location.origin) throw new Error('Not our worker.');
        return url;
      },
    });
  });

  it('says how to pass the worker when given a plain URL, and runs with a trusted one', async () => {
    const refused = (await createContactSync({ dbName: `tt-${Date.now()}` }).catch(
      (e: unknown) => e,
    )) as ContactSyncError;
    expect(refused.code).to.equal('unsupported');
    expect(refused.message).to.contain('workerUrl: policy.createScriptURL');

    const sync = await createContactSync({
      dbName: `tt-${Date.now()}`,
      workerUrl: policy.createScriptURL(WORKER) as never,
    });
    const book = await sync.books.create({ name: 'Trusted' });
    expect((await sync.books.list()).map((b) => b.id)).to.deep.equal([book.id]);
    sync.close();
  });
});
