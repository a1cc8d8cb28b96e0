export { createServerHandler, type ServerHandlerOptions } from './http/server-handler.ts';
export { migrate, openDatabase, openPostgres, openSqlite } from './db/open-database.ts';
export type { ContactsTable, ServerDatabase } from './db/schema.ts';
export { ContactStore } from './replication/contact-store.ts';
export { serverConfigFromEnv, type ServerCliConfig } from './config-from-env.ts';
