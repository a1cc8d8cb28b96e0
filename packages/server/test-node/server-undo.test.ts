import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { ContactDocument, RunRecord, SyncProfile } from '@contactsync/core';
import type { Kysely } from 'kysely';
import { createServerHandler, openDatabase, type ServerDatabase } from '../src/index.ts';
import { readRecord } from '../src/runs/server-records.ts';
import { databaseBackends } from './fixtures/database-backends.ts';
import { fileServer } from './fixtures/file-server.ts';
import { people, seedPortal } from './fixtures/portal-data.ts';

const TOKENS: Record<string, string> = { 'token-ann': 'ann', 'token-bob': 'bob' };
const auth = (user: string) => ({ authorization: `Bearer token-${user}` });

/** The file after a day: user0 renamed, user1 gone, user20 new. */
const nextDay = people(21)
  .replace('Person 0\n', 'Person Zero\n')
  .replace('user1@example.com,Person 1\n', '');

for (const backend of databaseBackends())
  describe(`undo of an import the server ran, on ${backend.name}`, () => {
    let db: Kysely<ServerDatabase>;
    let server: Server;
    let base = '';
    let files: Awaited<ReturnType<typeof fileServer>>;
    let handler: ReturnType<typeof createServerHandler>;

    before(async () => {
      db = await openDatabase(await backend.setUp());
      files = await fileServer(people(20));
      handler = createServerHandler({
        db,
        authenticate: (req) =>
          TOKENS[String(req.headers.authorization).replace('Bearer ', '')] ?? null,
        imports: {
          fetch: { secret: 'server-undo-test-secret-0123456789', allowPrivate: ['127.0.0.1/32'] },
          autoSchedule: false,
        },
      });
      server = createServer((req, res) => void handler(req, res));
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/replication/`;
      await seedPortal(db, 'ann', files.url);
    });
    after(async () => {
      handler.close();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      await db.destroy();
      await files.close();
      backend.tearDown();
    });

    const call = async (user: string, path: string, method = 'GET') => {
      const res = await fetch(base + path, { method, headers: auth(user) });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    const importNow = async () => {
      const { status, body } = await call('ann', 'imports/profile-ann/run', 'POST');
      assert.equal(status, 200, JSON.stringify(body));
      return body.run as RunRecord;
    };
    const undoable = async (user = 'ann') =>
      (await call(user, 'imports/books/book-ann/undoable')).body.runId;
    const undo = (runId: string, user = 'ann') => call(user, `imports/runs/${runId}/undo`, 'POST');
    /** Every document of the user's contacts, as a browser pulls them. */
    const pulled = async () => {
      const res = await fetch(`${base}contacts/pull?limit=1000`, { headers: auth('ann') });
      return ((await res.json()) as { documents: ContactDocument[] }).documents;
    };
    const live = async () =>
      (await pulled())
        .filter((d) => !d.deleted)
        .map((d) => ({ id: d.id, key: d.key, values: d.values }))
        .sort((a, b) => a.key!.localeCompare(b.key!));
    const profileState = async () =>
      (await readRecord<SyncProfile>(db, 'ann', 'profiles', 'profile-ann'))!.data.state;
    const runs = async () => {
      const res = await fetch(`${base}runs/pull?limit=1000`, { headers: auth('ann') });
      const docs = ((await res.json()) as { documents: { id: string; data: RunRecord }[] })
        .documents;
      return new Map(docs.map((d) => [d.id, d.data]));
    };

    it('undoes a first import entirely: the book is empty and the same file imports again', async () => {
      const stateBefore = await profileState();
      const first = await importNow();
      assert.equal(first.counts.created, 20);
      assert.equal(await undoable(), first.id);

      const { status, body } = await undo(first.id);
      assert.equal(status, 200, JSON.stringify(body));
      const record = body.run as RunRecord;
      assert.equal(record.undoOf, first.id);
      assert.deepEqual(
        [record.counts.deleted, record.counts.updated, record.counts.created],
        [20, 0, 0],
      );
      assert.deepEqual(
        record.noteCodes?.map((n) => n.code),
        ['undo-of'],
      );
      assert.deepEqual(await live(), []);
      assert.deepEqual(await profileState(), stateBefore);
      assert.equal((await runs()).get(first.id)!.undoneBy, record.id);
      assert.equal(await undoable(), null);

      // The undo kept no keys out: the same file is not "unchanged", and brings them all again.
      const again = await importNow();
      assert.equal(again.status, 'success', JSON.stringify(again.error));
      assert.equal(again.counts.created, 20);
    });

    it('puts a re-import back exactly: changed values, deleted contacts, new ones', async () => {
      const before = await live();
      const stateBefore = await profileState();
      files.set(nextDay);
      const second = await importNow();
      assert.deepEqual(
        [second.counts.created, second.counts.updated, second.counts.deleted],
        [1, 1, 1],
      );
      assert.equal(await undoable(), second.id);

      const { status, body } = await undo(second.id);
      assert.equal(status, 200, JSON.stringify(body));
      const record = body.run as RunRecord;
      assert.deepEqual(
        [record.counts.created, record.counts.updated, record.counts.deleted],
        [1, 1, 1],
      );
      const after = await live();
      // The same contacts with the same values; the deleted one is back under a new id.
      assert.deepEqual(
        after.map(({ key, values }) => ({ key, values })),
        before.map(({ key, values }) => ({ key, values })),
      );
      const ids = (list: typeof before) => new Map(list.map((c) => [c.key, c.id]));
      for (const [key, id] of ids(before))
        if (key === 'user1@example.com') assert.notEqual(ids(after).get(key), id);
        else assert.equal(ids(after).get(key), id);
      assert.deepEqual(await profileState(), stateBefore);
      // What the run added is a deletion every browser pulls; the key may come back.
      const added = (await pulled()).filter((d) => d.deleted && d.sourceId === 'profile-ann');
      assert.ok(added.every((d) => d.key === null));

      // The import forgot the day's file: it applies again.
      const again = await importNow();
      assert.deepEqual(
        [again.status, again.counts.created, again.counts.updated, again.counts.deleted],
        ['success', 1, 1, 1],
      );
    });

    it('refuses once a person changed the book, for another user, and during a run', async () => {
      const latest = (await undoable()) as string;
      assert.ok(latest);
      // Another user neither sees nor undoes it.
      assert.equal(await undoable('bob'), null);
      assert.equal((await undo(latest, 'bob')).status, 404);
      // The wrong method says which one, not that the server runs no imports.
      const wrong = await call('ann', `imports/runs/${latest}/undo`, 'GET');
      assert.deepEqual(
        [wrong.status, (wrong.body.error as { message: string }).message],
        [400, 'Use POST.'],
      );

      // A running import of the book: busy, nothing changed.
      await db
        .insertInto('server_runs')
        .values({
          id: 'running-1',
          user_id: 'ann',
          profile_id: 'profile-ann',
          book_id: 'book-ann',
          started_at: 1,
          record_json: '{}',
          heartbeat_at: Date.now(),
        })
        .execute();
      const busy = await undo(latest);
      assert.equal(busy.status, 409);
      assert.equal((busy.body.error as { code: string }).code, 'busy');
      await db.deleteFrom('server_runs').where('id', '=', 'running-1').execute();

      // A person edits one contact in a browser: the push moves the book on.
      const doc = (await pulled()).find((d) => d.key === 'user5@example.com')!;
      const res = await fetch(`${base}contacts/push`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...auth('ann') },
        body: JSON.stringify({
          rows: [
            {
              assumedMasterState: doc,
              newDocumentState: { ...doc, values: { ...doc.values, firstName: 'Edited' } },
            },
          ],
        }),
      });
      assert.equal(res.status, 200);
      assert.equal(await undoable(), null);
      const refused = await undo(latest);
      assert.equal(refused.status, 409);
      assert.equal((refused.body.error as { code: string }).code, 'undo-unavailable');
      assert.equal(
        (await live()).find((c) => c.key === 'user5@example.com')!.values.firstName,
        'Edited',
      );
    });
  });
