import { sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';

/** Versioned schema changes, by name in order; never edit one that has shipped, add the next. */
const MIGRATIONS: Record<string, Migration> = {
  '0001-contacts': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('contacts')
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('seq', 'bigint', (c) => c.notNull())
        .addColumn('revision', 'integer', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addColumn('deleted', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('book_id', 'text', (c) => c.notNull())
        .addColumn('folder_id', 'text')
        .addColumn('key', 'text')
        .addColumn('source_id', 'text')
        .addColumn('values_json', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('contacts_pk', ['user_id', 'id'])
        .execute();
      await db.schema
        .createIndex('contacts_by_seq')
        .on('contacts')
        .columns(['user_id', 'seq', 'id'])
        .execute();
      await db.schema
        .createIndex('contacts_by_book_key')
        .on('contacts')
        .columns(['user_id', 'book_id', 'key'])
        .execute();
      await db.schema
        .createTable('change_sequence')
        .addColumn('user_id', 'text', (c) => c.primaryKey())
        .addColumn('seq', 'bigint', (c) => c.notNull().defaultTo(sql`0`))
        .execute();
    },
  },
  '0002-documents': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('documents')
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('collection', 'text', (c) => c.notNull())
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('seq', 'bigint', (c) => c.notNull())
        .addColumn('revision', 'integer', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addColumn('deleted', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('data_json', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('documents_pk', ['user_id', 'collection', 'id'])
        .execute();
      await db.schema
        .createIndex('documents_by_seq')
        .on('documents')
        .columns(['user_id', 'collection', 'seq', 'id'])
        .execute();
    },
  },
  '0003-contacts-row-hash': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('contacts').addColumn('row_hash', 'double precision').execute();
    },
  },
  '0004-server-runs': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('staged_contacts')
        .addColumn('run_id', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('contact_json', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('staged_contacts_pk', ['run_id', 'position'])
        .execute();
      await db.schema
        .createTable('server_runs')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('profile_id', 'text', (c) => c.notNull())
        .addColumn('book_id', 'text', (c) => c.notNull())
        .addColumn('started_at', 'bigint', (c) => c.notNull())
        .addColumn('record_json', 'text', (c) => c.notNull())
        .addColumn('heartbeat_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('occurrences')
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('profile_id', 'text', (c) => c.notNull())
        .addColumn('due_at', 'bigint', (c) => c.notNull())
        .addColumn('run_id', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('occurrences_pk', ['user_id', 'profile_id', 'due_at'])
        .execute();
    },
  },
  '0005-server-undo': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('undo_runs')
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('book_id', 'text', (c) => c.notNull())
        .addColumn('run_id', 'text', (c) => c.notNull())
        .addColumn('profile_id', 'text', (c) => c.notNull())
        .addColumn('first_seq', 'bigint', (c) => c.notNull())
        .addColumn('last_seq', 'bigint', (c) => c.notNull())
        .addColumn('written', 'integer', (c) => c.notNull())
        .addColumn('profile_state_json', 'text')
        .addPrimaryKeyConstraint('undo_runs_pk', ['user_id', 'book_id'])
        .execute();
      await db.schema
        .createTable('undo_contacts')
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('run_id', 'text', (c) => c.notNull())
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('book_id', 'text', (c) => c.notNull())
        .addColumn('folder_id', 'text')
        .addColumn('key', 'text')
        .addColumn('source_id', 'text')
        .addColumn('row_hash', 'double precision')
        .addColumn('values_json', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('undo_contacts_pk', ['user_id', 'run_id', 'id'])
        .execute();
    },
  },
};

export const migrations: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
