import { expose, wrap } from 'comlink';
import { installErrorTransfer } from '../comlink-errors.ts';
import type { ContactSync } from '../client/contact-sync.ts';
import type { ContactSyncOptions } from '../client/contact-sync-options.ts';
import { connectEngine } from '../client/engine-client.ts';
import { cryptoRandom, randomId, systemClock } from '../platform/ids.ts';
import { WorkerContext } from '../worker/context.ts';
import { createEngine, type Engine } from '../worker/engine.ts';
import { ensureIndexedDB } from './memory-indexeddb.ts';
import { inProcessEndpoints } from './in-process-endpoints.ts';

/** The options of `createContactSync`, but for the worker's URL: there is no worker. */
export type MemoryContactSyncOptions = Omit<ContactSyncOptions, 'workerUrl'>;

/**
 * The same client as `createContactSync`, with its engine on the calling thread over an
 * IndexedDB in memory: for a host's component tests in jsdom or Vitest, and for server-side
 * rendering. Nothing is kept after the process ends. Each client has a database of its own
 * unless `dbName` is given (two clients with one name share it, as two tabs would).
 */
export async function createMemoryContactSync(
  options: MemoryContactSyncOptions = {},
): Promise<ContactSync> {
  await ensureIndexedDB();
  installErrorTransfer();
  const dbName = options.dbName ?? `contactsync-memory-${randomId()}`;
  const engine = createEngine(new WorkerContext(dbName, systemClock, cryptoRandom, randomId));
  const [client, host] = inProcessEndpoints();
  expose(engine, host);
  const remote = wrap<Engine>(client);
  await remote.ready();
  return connectEngine(
    remote,
    () => {
      engine.stopScheduler();
      engine.close();
    },
    dbName,
    options,
    // Handed over as they are: a MessagePort per callback would keep Node's event loop alive.
    (fn) => fn,
  );
}
