import {
  createContactSync,
  type ContactSync,
  type ContactSyncOptions,
  type ReplicationStatus,
} from '../src/index.ts';

export type Backend = 'sqlite' | 'postgres';

let n = 0;
/** A name no other test uses: users, devices. */
export const uid = (prefix = 'u') =>
  `${prefix}${Date.now().toString(36)}${++n}${Math.random().toString(36).slice(2, 8)}`;

/** Closed after each test: an open client keeps its live stream (one of six connections). */
const open: ContactSync[] = [];
afterEach(() => {
  for (const sync of open.splice(0)) sync.close();
});

/** A client closed after the test. */
export async function opened(options: ContactSyncOptions): Promise<ContactSync> {
  const sync = await createContactSync(options);
  open.push(sync);
  return sync;
}

/**
 * One device: its own database (its own IndexedDB, worker and replica) signed in as `user` to
 * the reference server on `backend` that the test runner starts (scripts/wtr/test-servers.js).
 */
export async function device(
  backend: Backend,
  user: string,
  extra: Partial<ContactSyncOptions['backend']> = {},
  options: Partial<ContactSyncOptions> = {},
): Promise<ContactSync> {
  const dbName = `replica-${uid()}`;
  return opened({
    dbName,
    scheduler: 'manual',
    ...options,
    backend: {
      url: `/v1/${backend}/replication/`,
      headers: { 'x-test-user': user, 'x-test-device': dbName },
      retryDelaysMs: [200],
      ...extra,
    },
  });
}

/** Exchanges changes until the device says "synced" (with nothing waiting, if asked). */
export async function synced(
  sync: ContactSync,
  nothingPending = false,
): Promise<ReplicationStatus> {
  // The first call may meet the tab before it took the replication lock.
  for (let i = 0; i < 100; i++) {
    const status = await sync.replication.syncNow();
    if (status.state === 'synced' && (!nothingPending || status.pending === 0)) return status;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`not synced: ${JSON.stringify(await sync.replication.status())}`);
}
