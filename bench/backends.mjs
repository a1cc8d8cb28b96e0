// The reference server for `npm run bench`: on a SQLite file and on a throwaway PostgreSQL
// cluster, with pushed contacts counted at the HTTP boundary, and the bulk-insert floor.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import Database from 'better-sqlite3';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { register } from 'tsx/esm/api';
import { createServerHandler, openDatabase } from '../packages/server/dist/index.js';

export async function startBackends(out) {
  register();
  const { startPostgres } = await import('../packages/server/test-node/fixtures/postgres.ts');
  const cluster = await startPostgres();
  const sqliteFile = join(out, 'replication.db');
  rmSync(sqliteFile, { force: true });
  const make = async (location) => {
    const db = await openDatabase(location);
    const handler = createServerHandler({
      db,
      authenticate: (req) => req.headers['x-bench-user'] ?? null,
      maxBodyBytes: 64 * 1024 * 1024,
    });
    const backend = {
      db,
      location,
      /** Contact documents received in pushes, by user. */
      pushed: new Map(),
      async handle(req, res) {
        if (req.method !== 'POST' || !req.url.includes('/contacts/push')) return handler(req, res);
        const chunks = [];
        for await (const chunk of req) chunks.push(chunk);
        const body = Buffer.concat(chunks);
        const user = req.headers['x-bench-user'];
        const rows = JSON.parse(body.toString('utf8')).rows?.length ?? 0;
        backend.pushed.set(user, (backend.pushed.get(user) ?? 0) + rows);
        const replay = Object.assign(Readable.from([body]), {
          headers: req.headers,
          method: req.method,
          url: req.url,
        });
        return handler(replay, res);
      },
    };
    return backend;
  };
  const sqliteDb = await make(sqliteFile);
  const pgDb = await make(cluster.url);
  return {
    sqlite: sqliteDb,
    postgres: pgDb,
    async stop() {
      await Promise.all([sqliteDb, pgDb].map((b) => b.db.destroy()));
      cluster.stop();
    },
  };
}

/** Counts of one user's contacts, as SQL sees them. */
export async function countRows(backend, user) {
  const rows = await backend.db
    .selectFrom('contacts')
    .select((eb) => [eb.fn.countAll().as('rows'), eb.fn.max('revision').as('maxRevision')])
    .where('user_id', '=', user)
    .executeTakeFirstOrThrow();
  const changed = await backend.db
    .selectFrom('contacts')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('user_id', '=', user)
    .where('revision', '>', 1)
    .executeTakeFirstOrThrow();
  return {
    rows: Number(rows.rows),
    maxRevision: Number(rows.maxRevision ?? 0),
    rewritten: Number(changed.n),
  };
}

const COLUMNS = [
  'user_id',
  'id',
  'seq',
  'revision',
  'updated_at',
  'deleted',
  'book_id',
  'folder_id',
  'key',
  'source_id',
  'row_hash',
  'values_json',
  'created_at',
];

/**
 * The floor: the same rows (read back from the SQLite server's table) written into an empty
 * copy of the table the fastest plain way, per batch of `batch`: one multi-row INSERT per
 * batch in one transaction each on SQLite, one COPY per batch on PostgreSQL.
 */
export async function bulkInsertFloor(backends, user, batch = 1000) {
  const source = new Database(backends.sqlite.location, { readonly: true });
  const rows = source
    .prepare(`SELECT ${COLUMNS.join(',')} FROM contacts WHERE user_id = ? ORDER BY seq`)
    .raw()
    .all(user);
  source.close();
  const result = { rows: rows.length };

  const sqlite = new Database(join(backends.sqlite.location + '.floor'));
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.exec(`DROP TABLE IF EXISTS floor; CREATE TABLE floor (${COLUMNS.join(',')},
    PRIMARY KEY (user_id, id))`);
  const placeholders = `(${COLUMNS.map(() => '?').join(',')})`;
  const insertMany = new Map();
  let start = performance.now();
  for (let i = 0; i < rows.length; i += batch) {
    const chunk = rows.slice(i, i + batch);
    let statement = insertMany.get(chunk.length);
    if (!statement) {
      statement = sqlite.prepare(
        `INSERT INTO floor VALUES ${Array(chunk.length).fill(placeholders).join(',')}`,
      );
      insertMany.set(chunk.length, statement);
    }
    sqlite.transaction(() => statement.run(chunk.flat()))();
  }
  result.sqliteMs = performance.now() - start;
  sqlite.close();

  const client = new pg.Client({ connectionString: backends.postgres.location });
  await client.connect();
  await client.query(
    'DROP TABLE IF EXISTS floor; CREATE TABLE floor (LIKE contacts INCLUDING ALL)',
  );
  const escape = (v) =>
    v === null
      ? '\\N'
      : String(v)
          .replace(/\\/g, '\\\\')
          .replace(/\t/g, '\\t')
          .replace(/\n/g, '\\n')
          .replace(/\r/g, '\\r');
  start = performance.now();
  for (let i = 0; i < rows.length; i += batch) {
    const text = rows
      .slice(i, i + batch)
      .map((r) => r.map(escape).join('\t'))
      .join('\n');
    await pipeline(
      Readable.from([text + '\n']),
      client.query(copyFrom(`COPY floor (${COLUMNS.join(',')}) FROM STDIN`)),
    );
  }
  result.postgresMs = performance.now() - start;
  await client.end();
  return result;
}

/**
 * A remote file imported by the server itself (`createServerImports`, "Import now"), on each
 * backend, beside papaparse alone in Node on the same file: the file is served over HTTP from
 * 127.0.0.1 and fetched through the proxy's fetchers, as a scheduled import would be.
 */
export async function serverImportBench(backends, path, user) {
  const { createServerImports } = await import('../packages/server/dist/index.js');
  const core = await import('../packages/core/dist/index.js');
  const Papa = (await import('papaparse')).default;
  const { createReadStream, statSync } = await import('node:fs');
  const { createServer } = await import('node:http');

  let start = performance.now();
  let rows = 0;
  await new Promise((resolve, reject) =>
    Papa.parse(createReadStream(path), {
      step: () => rows++,
      complete: resolve,
      error: reject,
    }),
  );
  const result = { papaparseMs: performance.now() - start, rows: rows - 1 };

  const files = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/csv', 'content-length': statSync(path).size });
    createReadStream(path).pipe(res);
  });
  await new Promise((r) => files.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${files.address().port}/exports/contacts.csv`;
  const headers = [
    'Email',
    'First Name',
    'Last Name',
    'Mobile Phone',
    'Company',
    'Job Title',
    'City',
    'Postal Code',
    'Country',
    'Notes',
  ];
  for (const name of ['sqlite', 'postgres']) {
    const { db } = backends[name];
    const imports = createServerImports(
      db,
      {
        fetch: {
          secret: 'bench-proxy-secret-0123456789abcdefghij',
          allowPrivate: ['127.0.0.1/32'],
        },
        autoSchedule: false,
      },
      () => undefined,
    );
    const book = {
      id: `book-${user}`,
      name: 'Bench',
      fields: [...core.BUILT_IN_FIELDS],
      createdAt: 1,
      updatedAt: 1,
    };
    const profile = {
      id: `profile-${user}`,
      name: 'bench',
      bookId: book.id,
      folderId: null,
      source: { kind: 'remote', url, implicitTls: false, credential: null, hostKey: null },
      parse: { ...core.DEFAULT_PARSE_OPTIONS },
      behaviour: { ...core.DEFAULT_BEHAVIOUR },
      mapping: core.toMapping(core.suggestMapping(headers, headers.length, book.fields)),
      notifyEmail: null,
      schedule: null,
      createdAt: 1,
      updatedAt: 1,
      state: {
        lastFingerprint: null,
        lastConfigSignature: null,
        lastRunAt: null,
        lastStatus: null,
      },
    };
    const put = (collection, id, data) =>
      db
        .insertInto('documents')
        .values({
          user_id: user,
          collection,
          id,
          seq: 0,
          revision: 1,
          updated_at: 1,
          deleted: 0,
          data_json: JSON.stringify(data),
        })
        .execute();
    await put('books', book.id, book);
    await put('profiles', profile.id, profile);
    start = performance.now();
    const record = await imports.runNow(user, profile.id);
    const ms = performance.now() - start;
    // Undo of that initial import: every contact it added becomes a deletion.
    start = performance.now();
    const undo = await imports.undo(user, record.id);
    const undoMs = performance.now() - start;
    result[name] = {
      ms,
      status: record.status,
      counts: record.counts,
      undoMs,
      undone: undo.counts,
    };
    imports.stop();
  }
  files.close();
  return result;
}
