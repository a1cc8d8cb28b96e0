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
  return {
    sqlite: await make(sqliteFile),
    postgres: await make(cluster.url),
    stop: () => cluster.stop(),
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
