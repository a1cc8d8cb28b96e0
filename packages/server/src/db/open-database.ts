import Database from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { migrations } from './migrations.ts';
import type { ServerDatabase } from './schema.ts';

/**
 * The embedded default: one SQLite file (WAL, so readers never wait for the writer), brought
 * to the newest schema before first use.
 */
export async function openSqlite(path: string): Promise<Kysely<ServerDatabase>> {
  const sqlite = new Database(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<ServerDatabase>({ dialect: new SqliteDialect({ database: sqlite }) });
  await migrate(db);
  return db;
}

/**
 * At scale: PostgreSQL (`postgres://…`), the same schema and queries through Kysely. BIGINT
 * columns come back as strings from `pg`; the store reads every number through Number().
 */
export async function openPostgres(url: string): Promise<Kysely<ServerDatabase>> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection the database dropped (a restart, a failover) must not end the process:
  // the pool replaces it, and the next query reports any lasting trouble.
  pool.on('error', () => undefined);
  const db = new Kysely<ServerDatabase>({ dialect: new PostgresDialect({ pool }) });
  await migrate(db);
  return db;
}

/** `postgres://…` or `postgresql://…` opens PostgreSQL; anything else is a SQLite file path. */
export function openDatabase(location: string): Promise<Kysely<ServerDatabase>> {
  return /^postgres(ql)?:\/\//.test(location) ? openPostgres(location) : openSqlite(location);
}

/** Applies pending migrations; a failure leaves the database at the last good version. */
export async function migrate(db: Kysely<ServerDatabase>): Promise<void> {
  const { error, results } = await new Migrator({ db, provider: migrations }).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`The database could not be migrated (at ${failed}): ${String(error)}`);
  }
}
