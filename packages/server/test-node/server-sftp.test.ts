import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { SyncProfile } from '@contactsync/core';
import ssh2 from 'ssh2';
import { fingerprintOf } from '@contactsync/proxy';
import { createServerImports, openDatabase } from '../src/index.ts';
import { putRecords, readRecord } from '../src/runs/server-records.ts';
import { startProxy, type RunningProxy } from '../../proxy/test-node/fixtures/proxy.ts';
import { publicBlob, startSftp } from '../../proxy/test-node/fixtures/sftp-server.ts';
import { seedPortal } from './fixtures/portal-data.ts';

const SECRET = 'server-sftp-test-secret-0123456789abcdef';

describe('a nightly SFTP import run by the server', () => {
  const key = ssh2.utils.generateKeyPairSync('ed25519');
  const other = ssh2.utils.generateKeyPairSync('ed25519');
  let sftp: ReturnType<typeof startSftp>;
  let proxy: RunningProxy;
  let url = '';

  before(async () => {
    sftp = startSftp(key.private, {
      '/home/importer/contacts.csv': Buffer.from('email,name\nann@x.io,Ann\nbob@x.io,Bob\n'),
    });
    await new Promise<void>((r) => sftp.listen(0, '127.0.0.1', () => r()));
    url = `sftp://127.0.0.1:${(sftp.address() as AddressInfo).port}/home/importer/contacts.csv`;
    // The browser sealed the login through the proxy; the server opens it with the same secret.
    proxy = await startProxy({ secret: SECRET });
  });
  after(async () => {
    await proxy.close();
    sftp.close();
  });

  it('opens the sealed login, pins the host key, skips the unchanged file, fails closed on another key', async () => {
    const db = await openDatabase(join(mkdtempSync(join(tmpdir(), 'contactsync-sftp-')), 'c.db'));
    const imports = createServerImports(
      db,
      { fetch: { secret: SECRET, allowPrivate: ['127.0.0.1/32'] }, autoSchedule: false },
      () => undefined,
    );
    const credential = await proxy.seal(url);
    await seedPortal(db, 'ann', url, {
      source: { kind: 'remote', url, implicitTls: false, credential, hostKey: null },
    });

    const first = await imports.runNow('ann', 'profile-ann');
    assert.equal(first.status, 'success', JSON.stringify(first.error));
    assert.equal(first.counts.created, 2);
    const pinned = await readRecord<SyncProfile>(db, 'ann', 'profiles', 'profile-ann');
    assert.equal(
      pinned!.data.source.kind === 'remote' && pinned!.data.source.hostKey,
      fingerprintOf(publicBlob(key.public)),
    );

    assert.equal((await imports.runNow('ann', 'profile-ann')).status, 'unchanged');

    // Someone answers with another key: the run fails, nothing changes.
    const source = {
      ...(pinned!.data.source as Extract<SyncProfile['source'], { kind: 'remote' }>),
    };
    await putRecords(
      db,
      'ann',
      'profiles',
      [
        {
          id: 'profile-ann',
          data: {
            ...pinned!.data,
            source: { ...source, hostKey: fingerprintOf(publicBlob(other.public)) },
            behaviour: { ...pinned!.data.behaviour, importEveryTime: true },
          },
        },
      ],
      Date.now(),
    );
    const refused = await imports.runNow('ann', 'profile-ann');
    assert.equal(refused.status, 'failed');
    assert.match(refused.error!.message, /host key/i);
    // The fetchers' code travels with it, so components word it as for a browser's run.
    assert.deepEqual(refused.error!.details, { proxyCode: 'host-key-mismatch' });
    await imports.stop();
    await db.destroy();
  });
});
