import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { RunRecord } from '@contactsync/core';
import { sql } from 'kysely';
import { createServerImports, openDatabase } from '../src/index.ts';
import { startPostgres } from './fixtures/postgres.ts';
import { people, seedPortal } from './fixtures/portal-data.ts';

const SCRIPT = [
  '--conditions=@contactsync/source',
  '--import',
  'tsx',
  'packages/server/test-node/fixtures/imports-process.ts',
];
const DUE = Date.parse('2026-12-02T00:30:00Z');

function processOf(env: Record<string, string>) {
  const child = spawn(process.execPath, SCRIPT, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (c) => (out += c));
  child.stderr.on('data', (c) => (err += c));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return { child, exited, out: () => out, err: () => err };
}

describe('server processes', () => {
  let files: Server;
  let fileUrl = '';
  let big = false;
  const bigFile = people(200_000);
  before(async () => {
    files = createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'text/csv' });
      // A large file: the process is killed while its run stages contacts.
      res.end(big ? bigFile : people(10));
    });
    await new Promise<void>((r) => files.listen(0, '127.0.0.1', r));
    fileUrl = `http://127.0.0.1:${(files.address() as AddressInfo).port}/contacts.csv`;
  });
  after(() => {
    files.closeAllConnections();
    files.close();
  });

  it('two processes on one PostgreSQL run 100 due occurrences exactly once each', async () => {
    const cluster = await startPostgres();
    try {
      const db = await openDatabase(cluster.url);
      for (let i = 0; i < 100; i++) await seedPortal(db, `user${i}`, fileUrl);
      const env = { DATABASE: cluster.url, MODE: 'tick', NOW: String(DUE + 60_000) };
      const [a, b] = [processOf(env), processOf(env)];
      assert.deepEqual(await Promise.all([a.exited, b.exited]), [0, 0], a.err() + b.err());
      const started = [...JSON.parse(a.out()), ...JSON.parse(b.out())] as { status: string }[];
      assert.equal(started.length, 100);
      assert.ok(started.every((r) => r.status === 'success'));
      const counted = async (query: string) =>
        Number((await sql<{ n: number }>`${sql.raw(query)}`.execute(db)).rows[0]!.n);
      assert.equal(await counted(`SELECT count(*) AS n FROM occurrences`), 100);
      assert.equal(
        await counted(`SELECT count(*) AS n FROM documents WHERE collection = 'runs'`),
        100,
      );
      assert.equal(await counted(`SELECT count(*) AS n FROM contacts WHERE deleted = 0`), 100 * 10);
      await db.destroy();
    } finally {
      cluster.stop();
    }
  });

  it('two processes working one pg-boss queue share 100 due runs, each run once', async () => {
    const cluster = await startPostgres();
    try {
      const db = await openDatabase(cluster.url);
      for (let i = 0; i < 100; i++) await seedPortal(db, `user${i}`, fileUrl);
      const env = {
        DATABASE: cluster.url,
        MODE: 'tick',
        QUEUE: '1',
        EXPECT: '100',
        NOW: String(DUE + 60_000),
      };
      const [a, b] = [processOf(env), processOf(env)];
      assert.deepEqual(await Promise.all([a.exited, b.exited]), [0, 0], a.err() + b.err());
      const worked = [a, b].map((p) => (JSON.parse(p.out()) as { worked: number }).worked);
      assert.equal(worked[0]! + worked[1]!, 100, `${worked}`);
      const counted = async (query: string) =>
        Number((await sql<{ n: number }>`${sql.raw(query)}`.execute(db)).rows[0]!.n);
      assert.equal(await counted(`SELECT count(*) AS n FROM occurrences`), 100);
      assert.equal(
        await counted(`SELECT count(*) AS n FROM documents WHERE collection = 'runs'`),
        100,
      );
      assert.equal(
        await counted(
          `SELECT count(DISTINCT user_id) AS n FROM documents WHERE collection = 'runs'`,
        ),
        100,
      );
      assert.equal(await counted(`SELECT count(*) AS n FROM contacts WHERE deleted = 0`), 1000);
      await db.destroy();
    } finally {
      cluster.stop();
    }
  });

  it('a process killed mid-run leaves the book as it was; the run is "interrupted" after restart', async () => {
    const location = join(mkdtempSync(join(tmpdir(), 'contactsync-kill-')), 'c.db');
    const db = await openDatabase(location);
    await seedPortal(db, 'ann', fileUrl, { schedule: null });
    big = true;
    const p = processOf({
      DATABASE: location,
      MODE: 'run',
      USER_ID: 'ann',
      PROFILE_ID: 'profile-ann',
    });
    // Wait until the run stages contacts, then kill -9 in the middle of it.
    let staged = 0;
    for (let i = 0; i < 2000 && staged === 0; i++) {
      staged = (await db.selectFrom('staged_contacts').select('position').limit(1).execute())
        .length;
      if (staged === 0) await new Promise((r) => setTimeout(r, 5));
    }
    p.child.kill('SIGKILL');
    await p.exited;
    big = false;
    assert.equal(staged, 1, 'the run was killed while staging');
    assert.equal((await db.selectFrom('contacts').select('id').execute()).length, 0);
    // A new process: a run without a heartbeat for a minute died with its process.
    let clock = Date.now() + 120_000;
    const imports = createServerImports(
      db,
      {
        fetch: { secret: 'server-imports-test-secret-0123456789', allowPrivate: ['127.0.0.1/32'] },
        now: () => clock,
        autoSchedule: false,
      },
      () => undefined,
    );
    const recovered = await imports.start();
    assert.deepEqual(
      recovered.map((r) => r.status),
      ['interrupted'],
    );
    const runs = await db
      .selectFrom('documents')
      .select('data_json')
      .where('collection', '=', 'runs')
      .execute();
    assert.deepEqual(
      runs.map((r) => (JSON.parse(r.data_json) as RunRecord).status),
      ['interrupted'],
    );
    assert.equal((await db.selectFrom('server_runs').select('id').execute()).length, 0);
    assert.equal((await db.selectFrom('staged_contacts').select('run_id').execute()).length, 0);
    // The next "Import now" works as usual.
    clock = Date.now();
    assert.equal((await imports.runNow('ann', 'profile-ann')).status, 'success');
    await imports.stop();
    await db.destroy();
  });
});
