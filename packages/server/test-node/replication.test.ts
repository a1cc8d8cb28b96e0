import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { ContactDocument } from '@contactsync/core';
import { sql, type Kysely } from 'kysely';
import { createServerHandler, openDatabase, type ServerDatabase } from '../src/index.ts';
import { databaseBackends } from './fixtures/database-backends.ts';

const TOKENS: Record<string, string> = { 'token-ann': 'ann', 'token-bob': 'bob' };

const contact = (i: number, over: Partial<ContactDocument> = {}): ContactDocument => ({
  id: `c${i}`,
  revision: 0,
  updatedAt: 1_700_000_000_000 + i,
  deleted: false,
  bookId: 'book1',
  folderId: null,
  key: `user${i}@example.com`,
  sourceId: 'profile1',
  rowHash: 12345,
  values: { email: `user${i}@example.com`, firstName: `Person ${i}` },
  createdAt: 1_700_000_000_000,
  ...over,
});

interface Running {
  url: string;
  db: Kysely<ServerDatabase>;
  close(): Promise<void>;
}

async function start(location: string): Promise<Running> {
  const db = await openDatabase(location);
  const handler = createServerHandler({
    db,
    authenticate: (req) => TOKENS[String(req.headers.authorization).replace('Bearer ', '')] ?? null,
  });
  const server: Server = createServer((req, res) => void handler(req, res));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/replication/contacts`,
    db,
    async close() {
      handler.close();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      await db.destroy();
    },
  };
}

const auth = (user: 'ann' | 'bob') => ({ authorization: `Bearer token-${user}` });

async function push(
  base: string,
  user: 'ann' | 'bob',
  rows: { assumedMasterState: ContactDocument | null; newDocumentState: ContactDocument }[],
) {
  const res = await fetch(`${base}/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...auth(user) },
    body: JSON.stringify({ rows }),
  });
  assert.equal(res.status, 200, await res.clone().text());
  return ((await res.json()) as { conflicts: ContactDocument[] }).conflicts;
}

async function pull(base: string, user: 'ann' | 'bob', checkpoint: string | null, limit = 1000) {
  const query = new URLSearchParams({ limit: String(limit) });
  if (checkpoint) query.set('checkpoint', checkpoint);
  const res = await fetch(`${base}/pull?${query}`, { headers: auth(user) });
  assert.equal(res.status, 200, await res.clone().text());
  return (await res.json()) as { documents: ContactDocument[]; checkpoint: string | null };
}

async function pullAll(base: string, user: 'ann' | 'bob', pageSize = 300) {
  const documents: ContactDocument[] = [];
  let checkpoint: string | null = null;
  for (;;) {
    const page = await pull(base, user, checkpoint, pageSize);
    documents.push(...page.documents);
    checkpoint = page.checkpoint;
    if (page.documents.length < pageSize) return { documents, checkpoint };
  }
}

const rowsInSql = async (db: Kysely<ServerDatabase>, user: string) =>
  Number(
    (
      await db
        .selectFrom('contacts')
        .select(sql<number>`count(*)`.as('n'))
        .where('user_id', '=', user)
        .executeTakeFirstOrThrow()
    ).n,
  );

const backends = databaseBackends();

for (const backend of backends)
  describe(`the reference server on ${backend.name}`, () => {
    let location = '';
    let server: Running;

    before(async () => {
      location = await backend.setUp();
      server = await start(location);
    });
    after(async () => {
      await server.close();
      backend.tearDown();
    });

    it('takes 1,000 contacts and hands them back in pages, in order, once each', async () => {
      const rows = Array.from({ length: 1000 }, (_, i) => ({
        assumedMasterState: null,
        newDocumentState: contact(i),
      }));
      assert.deepEqual(await push(server.url, 'ann', rows), []);
      const { documents, checkpoint } = await pullAll(server.url, 'ann');
      assert.equal(documents.length, 1000);
      assert.equal(new Set(documents.map((d) => d.id)).size, 1000);
      assert.ok(documents.every((d) => d.revision === 1));
      assert.deepEqual((await pull(server.url, 'ann', checkpoint)).documents, []);
      assert.equal((await pull(server.url, 'ann', checkpoint)).checkpoint, checkpoint);
    });

    it('changes nothing when the same batch arrives twice', async () => {
      const before = await pullAll(server.url, 'ann');
      const rows = [0, 1, 2].map((i) => ({
        assumedMasterState: null,
        newDocumentState: contact(i),
      }));
      assert.deepEqual(await push(server.url, 'ann', rows), []);
      assert.deepEqual((await pull(server.url, 'ann', before.checkpoint)).documents, []);
      assert.equal(await rowsInSql(server.db, 'ann'), 1000);
    });

    it('keeps a deleted contact deleted, and answers outdated writes with the master', async () => {
      const [master] = (await pullAll(server.url, 'ann')).documents.filter((d) => d.id === 'c5');
      const deleted = { ...master!, deleted: true, updatedAt: master!.updatedAt + 1 };
      assert.deepEqual(
        await push(server.url, 'ann', [{ assumedMasterState: master!, newDocumentState: deleted }]),
        [],
      );
      // Another device, still on the old state, edits it: the deletion wins.
      const stale = { ...master!, values: { ...master!.values, company: 'Acme' } };
      const conflicts = await push(server.url, 'ann', [
        { assumedMasterState: master!, newDocumentState: stale },
      ]);
      assert.equal(conflicts.length, 1);
      assert.equal(conflicts[0]!.deleted, true);
      assert.equal(conflicts[0]!.revision, 2);
      const stored = await server.db
        .selectFrom('contacts')
        .selectAll()
        .where('user_id', '=', 'ann')
        .where('id', '=', 'c5')
        .executeTakeFirstOrThrow();
      assert.equal(Number(stored.deleted), 1);
      assert.equal(stored.key, 'user5@example.com');
    });

    it('never shows one user another user’s contacts, whatever ids they send', async () => {
      assert.deepEqual((await pullAll(server.url, 'bob')).documents, []);
      const mine = contact(1, { values: { email: 'bob@example.com', firstName: 'Bob' } });
      assert.deepEqual(
        await push(server.url, 'bob', [{ assumedMasterState: null, newDocumentState: mine }]),
        [],
      );
      const bobs = (await pullAll(server.url, 'bob')).documents;
      assert.deepEqual(
        bobs.map((d) => d.values.firstName),
        ['Bob'],
      );
      const anns = (await pullAll(server.url, 'ann')).documents.find((d) => d.id === 'c1');
      assert.equal(anns!.values.firstName, 'Person 1');
      assert.equal(await rowsInSql(server.db, 'bob'), 1);
    });

    it('streams a user’s own changes live, starting with a resync', async () => {
      const controller = new AbortController();
      const res = await fetch(`${server.url}/stream`, {
        headers: auth('ann'),
        signal: controller.signal,
      });
      const bobStream = await fetch(`${server.url}/stream`, {
        headers: auth('bob'),
        signal: controller.signal,
      });
      assert.equal(res.headers.get('content-type'), 'text/event-stream; charset=utf-8');
      const reader = res.body!.getReader();
      const bobReader = bobStream.body!.getReader();
      const text = new TextDecoder();
      let received = text.decode((await reader.read()).value);
      assert.match(received, /^event: resync/);
      assert.match(text.decode((await bobReader.read()).value), /^event: resync/);
      await push(server.url, 'ann', [
        { assumedMasterState: null, newDocumentState: contact(5000) },
      ]);
      while (!received.includes('event: change'))
        received += text.decode((await reader.read()).value);
      const data = JSON.parse(/event: change\ndata: (.*)\n/.exec(received)![1]!) as {
        documents: ContactDocument[];
        checkpoint: string;
      };
      assert.deepEqual(
        data.documents.map((d) => d.id),
        ['c5000'],
      );
      // Bob's stream heard nothing of it.
      const bobNext = await Promise.race([
        bobReader.read().then(() => 'data'),
        new Promise((r) => setTimeout(r, 300, 'silence')),
      ]);
      assert.equal(bobNext, 'silence');
      controller.abort();
    });

    it('refuses strangers, broken checkpoints and documents that are not contacts', async () => {
      assert.equal((await fetch(`${server.url}/pull`)).status, 401);
      const bad = await fetch(`${server.url}/pull?checkpoint=nonsense`, { headers: auth('ann') });
      assert.equal(bad.status, 400);
      assert.match(
        ((await bad.json()) as { error: { message: string } }).error.message,
        /checkpoint/,
      );
      const junk = await fetch(`${server.url}/push`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...auth('ann') },
        body: JSON.stringify({
          rows: [{ assumedMasterState: null, newDocumentState: { id: 'x' } }],
        }),
      });
      assert.equal(junk.status, 400);
    });

    it('names the revision of every accepted row, so a client needs no pull of its own writes', async () => {
      const first = contact(7000);
      let res = await fetch(`${server.url}/push`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...auth('ann') },
        body: JSON.stringify({ rows: [{ assumedMasterState: null, newDocumentState: first }] }),
      });
      assert.deepEqual(await res.json(), { conflicts: [], revisions: { c7000: 1 } });
      const edited = { ...first, revision: 1, values: { ...first.values, company: 'Acme' } };
      res = await fetch(`${server.url}/push`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...auth('ann') },
        body: JSON.stringify({
          rows: [
            { assumedMasterState: { ...first, revision: 1 }, newDocumentState: edited },
            // The same row again in the same batch: already stored, no conflict.
            { assumedMasterState: { ...first, revision: 1 }, newDocumentState: edited },
          ],
        }),
      });
      assert.deepEqual(await res.json(), { conflicts: [], revisions: { c7000: 2 } });
    });

    it('moves a client past its own writes when nothing else came in between', async () => {
      const send = async (checkpoint: string | null, id: number) => {
        const res = await fetch(`${server.url}/push`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...auth('ann') },
          body: JSON.stringify({
            checkpoint,
            rows: [{ assumedMasterState: null, newDocumentState: contact(id) }],
          }),
        });
        return (await res.json()) as { checkpoint?: string };
      };
      const { checkpoint } = await pullAll(server.url, 'ann');
      const mine = await send(checkpoint, 7200);
      assert.ok(mine.checkpoint);
      assert.deepEqual((await pull(server.url, 'ann', mine.checkpoint!)).documents, []);
      // Another device wrote after the checkpoint this client holds: it must pull, no shortcut.
      await push(server.url, 'ann', [
        { assumedMasterState: null, newDocumentState: contact(7201) },
      ]);
      const next = await send(mine.checkpoint!, 7202);
      assert.equal(next.checkpoint, undefined);
      assert.deepEqual(
        (await pull(server.url, 'ann', mine.checkpoint!)).documents.map((d) => d.id),
        ['c7201', 'c7202'],
      );
    });

    it('lets only one of two devices that saw the same revision write it', async () => {
      const base = contact(7100);
      await push(server.url, 'ann', [{ assumedMasterState: null, newDocumentState: base }]);
      const assumed = { ...base, revision: 1 };
      const edit = (company: string) => ({
        assumedMasterState: assumed,
        newDocumentState: { ...assumed, values: { ...base.values, company } },
      });
      const results = await Promise.all(
        ['A', 'B', 'C', 'D'].map((c) => push(server.url, 'ann', [edit(c)])),
      );
      assert.equal(results.filter((conflicts) => conflicts.length === 0).length, 1);
      const stored = (await pullAll(server.url, 'ann')).documents.find((d) => d.id === 'c7100');
      assert.equal(stored!.revision, 2);
    });

    it('replicates books, folders, import profiles and runs as whole records, per user', async () => {
      const records = `${server.url.replace(/contacts$/, '')}books`;
      const book = {
        id: 'b1',
        revision: 0,
        updatedAt: 1,
        deleted: false,
        data: { id: 'b1', name: 'Inbox' },
      };
      let res = await fetch(`${records}/push`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...auth('ann') },
        body: JSON.stringify({ rows: [{ assumedMasterState: null, newDocumentState: book }] }),
      });
      assert.deepEqual(await res.json(), { conflicts: [], revisions: { b1: 1 } });
      res = await fetch(`${records}/pull?limit=10`, { headers: auth('ann') });
      const page = (await res.json()) as { documents: unknown[] };
      assert.deepEqual(page.documents, [{ ...book, revision: 1 }]);
      res = await fetch(`${records}/pull?limit=10`, { headers: auth('bob') });
      assert.deepEqual(((await res.json()) as { documents: unknown[] }).documents, []);
      // Contacts and books are separate collections: the book is not a contact.
      assert.ok(!(await pullAll(server.url, 'ann')).documents.some((d) => d.id === 'b1'));
      const deleted = { ...book, revision: 1, deleted: true, data: null, updatedAt: 2 };
      res = await fetch(`${records}/push`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...auth('ann') },
        body: JSON.stringify({
          rows: [{ assumedMasterState: { ...book, revision: 1 }, newDocumentState: deleted }],
        }),
      });
      assert.deepEqual(await res.json(), { conflicts: [], revisions: { b1: 2 } });
      const junk = await fetch(`${records}/push`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...auth('ann') },
        body: JSON.stringify({
          rows: [{ assumedMasterState: null, newDocumentState: { ...book, data: 'x'.repeat(10) } }],
        }),
      });
      assert.equal(junk.status, 400);
    });

    it('keeps everything in its file across a restart', async () => {
      const count = (await pullAll(server.url, 'ann')).documents.length;
      await server.close();
      server = await start(location);
      assert.equal((await pullAll(server.url, 'ann')).documents.length, count);
    });
  });
