export { createServerHandler, type ServerHandlerOptions } from './http/server-handler.ts';
export { migrate, openDatabase, openPostgres, openSqlite } from './db/open-database.ts';
export type { ContactsTable, DocumentsTable, ServerDatabase } from './db/schema.ts';
export { ReplicatedStore, type PushOutcome } from './replication/replicated-store.ts';
export { serverConfigFromEnv, type ServerCliConfig } from './config-from-env.ts';
export {
  contactPasswordDigest,
  hashContactPassword,
  verifyContactPassword,
} from './contact-passwords.ts';
export {
  createServerImports,
  type ServerImportOptions,
  type ServerImports,
} from './runs/server-imports.ts';
export { SqlBookTarget } from './runs/sql-book-target.ts';
