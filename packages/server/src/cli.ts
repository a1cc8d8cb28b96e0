#!/usr/bin/env node
import { createServer } from 'node:http';
import { serverConfigFromEnv } from './config-from-env.ts';
import { openDatabase } from './db/open-database.ts';
import { createServerHandler } from './http/server-handler.ts';

// `contactsync-server`: the reference backend on its own, configured by environment.
try {
  const config = serverConfigFromEnv(process.env);
  const db = await openDatabase(config.database);
  const handle = createServerHandler({
    db,
    authenticate: config.authenticate,
    ...(config.imports ? { imports: config.imports } : {}),
  });
  await handle.imports?.start();
  const server = createServer((req, res) => void handle(req, res));
  server.listen(config.port, config.host, () => {
    const { port } = server.address() as { port: number };
    console.log(`contactsync-server listening on http://${config.host}:${port}/v1/replication/`);
  });
  const stop = () => {
    handle.close();
    server.close(() => void db.destroy().then(() => process.exit(0)));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
} catch (error) {
  console.error(`contactsync-server: ${(error as Error).message}`);
  process.exit(1);
}
