import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const CLI = ['--conditions=@contactsync/source', '--import', 'tsx', 'packages/server/src/cli.ts'];
const TOKEN = 'ann-token-0123456789abcdefghij';

describe('contactsync-server (the CLI)', () => {
  it('serves the protocol on a SQLite file to the users its tokens name', async () => {
    const database = join(mkdtempSync(join(tmpdir(), 'contactsync-cli-')), 'contacts.db');
    const child = spawn(process.execPath, CLI, {
      env: {
        ...process.env,
        CONTACTSYNC_SERVER_PORT: '0',
        CONTACTSYNC_SERVER_DATABASE: database,
        CONTACTSYNC_SERVER_TOKENS: `${TOKEN}:ann`,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const base = await new Promise<string>((resolve, reject) => {
        child.once('exit', (code) => reject(new Error(`exited with ${code}`)));
        child.stdout.on('data', (chunk) => {
          const url = /listening on (http:\/\/\S+)/.exec(String(chunk))?.[1];
          if (url) resolve(url);
        });
      });
      const pull = (token: string) =>
        fetch(`${base}contacts/pull?limit=10`, { headers: { authorization: `Bearer ${token}` } });
      assert.equal((await pull('wrong-token-0123456789abcdefghij')).status, 401);
      const res = await pull(TOKEN);
      assert.equal(res.status, 200);
      assert.deepEqual(await res.json(), { documents: [], checkpoint: null });
    } finally {
      child.kill('SIGTERM');
    }
  });

  it('refuses to start without tokens, saying what to set', () => {
    const result = spawnSync(process.execPath, CLI, {
      env: { ...process.env, CONTACTSYNC_SERVER_TOKENS: '' },
      encoding: 'utf8',
    });
    assert.equal(result.status, 1);
    assert.match(result.stderr, /Set CONTACTSYNC_SERVER_TOKENS/);
  });
});
