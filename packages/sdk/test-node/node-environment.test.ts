// The SDK imported where there is no browser (server-side rendering, Node tests of a host).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

describe('the SDK outside a browser', () => {
  it('imports without touching browser globals, and says clearly why it cannot start', async () => {
    const { createContactSync, isContactSyncError } = await import('../src/index.ts');
    const error: unknown = await createContactSync().catch((e: unknown) => e);
    assert.ok(isContactSyncError(error), String(error));
    assert.equal(error.code, 'unsupported');
    assert.match(error.message, /Web Worker over IndexedDB/);
    assert.match(error.message, /Create the client in the browser/);
    assert.match(error.message, /createMemoryContactSync from '@contactsync\/sdk\/memory'/);
  });

  it('creates a client synchronously without throwing (as SSR does); calls say why they fail', async () => {
    const { ContactSyncClient, isContactSyncError } = await import('../src/index.ts');
    const sync = new ContactSyncClient();
    const stop = sync.subscribe(() => undefined);
    const [ready, call] = await Promise.all([
      sync.ready.then(
        () => null,
        (e: unknown) => e,
      ),
      sync.books.list().then(
        () => null,
        (e: unknown) => e,
      ),
    ]);
    assert.ok(isContactSyncError(ready), String(ready));
    assert.equal(ready.code, 'unsupported');
    assert.equal(call, ready);
    assert.equal(sync.device.pickerSupported(), false);
    stop();
    sync.close();
  });

  it('knows its own version, as the worker handshake compares it', async () => {
    const { SDK_VERSION } = await import('../src/index.ts');
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    assert.equal(SDK_VERSION, manifest.version);
  });
});
