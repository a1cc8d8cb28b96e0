import assert from 'node:assert/strict';
import { utils, write } from '@e965/xlsx';
import { after, before, describe, it } from 'node:test';
import { BUILT_IN_FIELDS, type RunRecord } from '@contactsync/core';
import { sql, type Kysely } from 'kysely';
import { createServerImports, openDatabase, type ServerDatabase } from '../src/index.ts';
import { startMailSink } from '../../proxy/test-node/fixtures/mail-sink.ts';
import { databaseBackends } from './fixtures/database-backends.ts';
import { fileServer } from './fixtures/file-server.ts';
import { people, seedPortal } from './fixtures/portal-data.ts';

const SECRET = 'server-imports-test-secret-0123456789';
// 02:30 in Riga on 2 December 2026 is 00:30 UTC (EET, UTC+2).
const DUE = Date.parse('2026-12-02T00:30:00Z');

const count = async (db: Kysely<ServerDatabase>, user: string) => {
  const row = await db
    .selectFrom('contacts')
    .select([
      sql<number>`count(*)`.as('rows'),
      sql<number>`sum(case when deleted = 0 then 1 else 0 end)`.as('live'),
    ])
    .where('user_id', '=', user)
    .executeTakeFirstOrThrow();
  return { rows: Number(row.rows), live: Number(row.live ?? 0) };
};

const runsOf = async (db: Kysely<ServerDatabase>, user: string) =>
  (
    await db
      .selectFrom('documents')
      .select('data_json')
      .where('user_id', '=', user)
      .where('collection', '=', 'runs')
      .orderBy('seq')
      .execute()
  ).map((r) => JSON.parse(r.data_json) as RunRecord);

const backends = databaseBackends();

for (const backend of backends)
  describe(`imports run by the server on ${backend.name}`, () => {
    let db: Kysely<ServerDatabase>;
    let files: Awaited<ReturnType<typeof fileServer>>;
    let mail: Awaited<ReturnType<typeof startMailSink>>;
    let clock = DUE - 60_000;
    let imports: ReturnType<typeof createServerImports>;
    const changes: string[] = [];

    before(async () => {
      db = await openDatabase(await backend.setUp());
      files = await fileServer(people(20));
      mail = await startMailSink();
      imports = createServerImports(
        db,
        {
          fetch: { secret: SECRET, allowPrivate: ['127.0.0.1/32'] },
          smtp: {
            url: mail.url,
            from: 'contactsync@portal.example',
            recipients: ['@portal.example'],
          },
          now: () => clock,
          mailRetryDelaysMs: [],
          autoSchedule: false,
        },
        (user, collections) => changes.push(`${user}:${collections.join(',')}`),
      );
    });
    after(async () => {
      await imports.stop();
      await db.destroy();
      await files.close();
      await mail.close();
      backend.tearDown();
    });

    it('runs the 02:30 import when the clock passes it, once, with nobody’s browser open', async () => {
      await seedPortal(db, 'ann', files.url);
      assert.deepEqual(await imports.tick(), []);
      clock = DUE + 5_000;
      const [run, ...more] = await imports.tick();
      assert.deepEqual(more, []);
      assert.equal(run!.status, 'success', JSON.stringify(run!.error));
      assert.equal(run!.trigger, 'scheduled');
      assert.equal(run!.counts.created, 20);
      assert.deepEqual(await count(db, 'ann'), { rows: 20, live: 20 });
      // The same minute again, or a second process asking: nothing more runs.
      assert.deepEqual(await imports.tick(), []);
      const runs = await runsOf(db, 'ann');
      assert.deepEqual(
        runs.map((r) => r.status),
        ['success'],
      );
      assert.ok(changes.some((c) => c.startsWith('ann:') && c.includes('contacts')));
      // The profile's cursor moved on, for every browser to show the next time.
      const profile = await db
        .selectFrom('documents')
        .select('data_json')
        .where('user_id', '=', 'ann')
        .where('collection', '=', 'profiles')
        .executeTakeFirstOrThrow();
      assert.equal(JSON.parse(profile.data_json).state.scheduleCursor, DUE);
    });

    it('skips an unchanged file, and catches up a missed night once, saying it is late', async () => {
      clock = DUE + 2 * 86_400_000 + 3_600_000; // two nights later, an hour after 02:30
      const [run, ...more] = await imports.tick();
      assert.deepEqual(more, []);
      assert.equal(run!.status, 'unchanged');
      assert.match(run!.notes.join(' '), /ran late/);
      assert.match(run!.notes.join(' '), /1 earlier missed run was caught up/);
      assert.deepEqual(
        run!.noteCodes!.map((n) => [n.code, n.params?.count ?? n.params?.by]),
        [
          ['late', 'server'],
          ['missed-caught-up', 1],
          ['remote-unchanged', undefined],
        ],
      );
    });

    it('refuses a scheduled mass deletion and mails the profile’s address once', async () => {
      files.set(people(2)); // 18 of 20 contacts would go
      clock += 86_400_000;
      const [run] = await imports.tick();
      assert.equal(run!.status, 'refused');
      assert.deepEqual(await count(db, 'ann'), { rows: 20, live: 20 });
      await imports.settled();
      assert.equal(mail.received.length, 1);
      assert.deepEqual(mail.received[0]!.to, ['it@portal.example']);
      const stored = (await runsOf(db, 'ann')).find((r) => r.id === run!.id)!;
      assert.equal(stored.notification?.status, 'sent');
    });

    it('"Import now" applies deletions within the guard and keeps a key deleted by hand out', async () => {
      // A person deleted user3 on the web (a deletion that keeps its key).
      await db
        .updateTable('contacts')
        .set({ deleted: 1, values_json: '{}' })
        .where('user_id', '=', 'ann')
        .where('key', '=', 'user3@example.com')
        .execute();
      files.set(people(21).replace('user19@example.com,Person 19\n', ''));
      const run = await imports.runNow('ann', 'profile-ann');
      assert.equal(run.status, 'success', JSON.stringify(run.error));
      assert.equal(run.counts.skipped, 1);
      assert.equal(run.counts.deleted, 1);
      assert.equal(run.counts.created, 1);
      assert.deepEqual(await count(db, 'ann'), { rows: 21, live: 19 });
      // Each write is a new revision, so every browser pulls it.
      const gone = await db
        .selectFrom('contacts')
        .select(['revision', 'deleted', 'key', 'values_json'])
        .where('user_id', '=', 'ann')
        .where('deleted', '=', 1)
        .where('key', 'is', null)
        .execute();
      assert.deepEqual(
        gone.map((r) => [Number(r.revision), Number(r.deleted), r.key, r.values_json]),
        [[2, 1, null, '{}']],
      );
    });

    it('reads a downloaded workbook as the CSV of its sheet, as a browser would', async () => {
      const csv = people(21).replace('user19@example.com,Person 19\n', '');
      const book = utils.book_new();
      const rows = csv
        .trim()
        .split('\n')
        .map((line) => line.split(','));
      utils.book_append_sheet(book, utils.aoa_to_sheet(rows), 'Export');
      files.set(new Uint8Array(write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer));
      const run = await imports.runNow('ann', 'profile-ann');
      assert.equal(run.status, 'success', JSON.stringify(run.error));
      // The same contacts as the CSV before it: nothing changes, every row accounted for.
      assert.deepEqual(
        { created: run.counts.created, updated: run.counts.updated, deleted: run.counts.deleted },
        { created: 0, updated: 0, deleted: 0 },
      );
      assert.equal(run.counts.rows, 20);
      assert.deepEqual(
        run.noteCodes!.map((n) => [n.code, n.params?.sheet]),
        [['workbook-sheet', 'Export']],
      );
      // A ZIP that is no workbook fails in the history, with nothing changed.
      files.set(new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new Array(60).fill(0)]));
      const broken = await imports.runNow('ann', 'profile-ann');
      assert.equal(broken.status, 'failed');
      assert.equal(broken.error!.code, 'not-csv');
      assert.deepEqual(await count(db, 'ann'), { rows: 21, live: 19 });
    });

    it('refuses to run a profile of another user, or one that reads a local file', async () => {
      await assert.rejects(imports.runNow('bob', 'profile-ann'), /does not exist/);
      await seedPortal(db, 'cid', files.url, {
        source: { kind: 'local', fileName: 'contacts.csv' },
        schedule: null,
      });
      await assert.rejects(imports.runNow('cid', 'profile-cid'), /runs in its browser/);
    });

    it("applies a book's field rules, and refuses a field whose check only a page has", async () => {
      files.set('email,name\na@example.com,gold\nb@example.com,\nc@example.com,Bronze\n');
      const ruled = (rules: object) =>
        BUILT_IN_FIELDS.map((f) => (f.id === 'firstName' ? { ...f, ...rules } : f));
      await seedPortal(
        db,
        'dee',
        files.url,
        { schedule: null },
        ruled({ required: true, options: ['Gold', 'Silver'] }),
      );
      const run = await imports.runNow('dee', 'profile-dee');
      assert.equal(run.status, 'warnings', JSON.stringify(run.error));
      assert.deepEqual(
        run.issues.map((i) => [i.row, i.code]),
        [
          [3, 'missing-required'],
          [4, 'not-an-option'],
        ],
      );
      assert.deepEqual(await count(db, 'dee'), { rows: 1, live: 1 });
      await seedPortal(db, 'eve', files.url, { schedule: null }, ruled({ check: 'iban' }));
      const refused = await imports.runNow('eve', 'profile-eve');
      assert.equal(refused.status, 'failed');
      assert.equal(refused.error!.code, 'unsupported');
      assert.deepEqual(await count(db, 'eve'), { rows: 0, live: 0 });
    });
  });
