import Database from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
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

/** Applies pending migrations; a failure leaves the database at the last good version. */
export async function migrate(db: Kysely<ServerDatabase>): Promise<void> {
  const { error, results } = await new Migrator({ db, provider: migrations }).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`The database could not be migrated (at ${failed}): ${String(error)}`);
  }
}
