import { expect } from '@open-wc/testing';
import { wrap } from 'comlink';
import { createContactSync, SDK_VERSION, type ContactSyncError } from '../src/index.ts';
import { installErrorTransfer } from '../src/comlink-errors.ts';
import type { Engine } from '../src/worker/engine.ts';

const WORKER = new URL('../src/worker/worker.ts', import.meta.url).href;
const failure = (p: Promise<unknown>) =>
  p.then(() => null).catch((e: unknown) => e as ContactSyncError);

describe('starting the worker', () => {
  it('opens the database the client names, not the one in the script URL', async () => {
    const name = `start-${Date.now()}`;
    const a = await createContactSync({ dbName: `${name}-a` });
    await a.books.create({ name: 'Only in A' });
    // The database travels in the first message: a URL naming another one changes nothing.
    const b = await createContactSync({ dbName: `${name}-b`, workerUrl: `${WORKER}?db=${name}-a` });
    expect((await b.books.list()).map((x) => x.name)).to.deep.equal([]);
    expect(a.dbName).to.equal(`${name}-a`);
    a.close();
    b.close();
  });

  it('refuses a worker of another version, saying which is stale', async () => {
    installErrorTransfer();
    const worker = new Worker(WORKER, { type: 'module' });
    worker.postMessage({ contactsync: 'init', dbName: `stale-${Date.now()}`, version: '0.0.1' });
    const engine = wrap<Engine>(worker);
    const error = await failure(engine.ready());
    expect(error?.code).to.equal('unsupported');
    expect(error?.message).to.contain(
      `worker is version ${SDK_VERSION} but the page's SDK is 0.0.1`,
    );
    worker.terminate();
  });

  it('says which line to add when a bundler left the worker behind (Vite pre-bundling)', async () => {
    const error = await failure(
      createContactSync({
        dbName: `vite-${Date.now()}`,
        workerUrl: '/node_modules/.vite/deps/contactsync-worker.js',
      }),
    );
    expect(error?.message).to.contain("optimizeDeps: { exclude: ['@contactsync/sdk'] }");
    expect(error?.message).to.contain('@contactsync/sdk/worker?url');
    const elsewhere = await failure(
      createContactSync({ dbName: `gone-${Date.now()}`, workerUrl: '/assets/gone.js' }),
    );
    expect(elsewhere?.message).to.contain('Serve contactsync-worker.js beside the SDK');
    // Angular's esbuild builder copies no asset a module names: the line for its assets.
    expect(elsewhere?.message).to.contain('"input": "node_modules/@contactsync/sdk/dist"');
  });
});
