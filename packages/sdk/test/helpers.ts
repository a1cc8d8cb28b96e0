import { openDB } from 'idb';
import {
  createContactSync,
  DEFAULT_BEHAVIOUR,
  DEFAULT_PARSE_OPTIONS,
  type ContactSync,
  type ProfileInput,
} from '../src/index.ts';

let n = 0;

/** A client on a database of its own, so tests never see each other's data. */
export async function freshClient(
  dbName = `test-${Date.now()}-${++n}-${Math.random().toString(36).slice(2)}`,
): Promise<ContactSync> {
  return createContactSync({ dbName });
}

export const csvFile = (text: string | Uint8Array, name = 'contacts.csv') =>
  new File([text as BlobPart], name, { type: 'text/csv' });

/** A remote source without a login: what a profile keeps for a file on a server. */
export const remoteSource = (url: string, credential: string | null = null) =>
  ({ kind: 'remote', url, implicitTls: false, credential, hostKey: null }) as const;

export function profileInput(bookId: string, overrides: Partial<ProfileInput> = {}): ProfileInput {
  return {
    name: 'CRM export',
    bookId,
    folderId: null,
    source: { kind: 'local', fileName: 'contacts.csv' },
    parse: { ...DEFAULT_PARSE_OPTIONS },
    behaviour: { ...DEFAULT_BEHAVIOUR },
    mapping: {
      columns: [
        { column: 0, header: 'email', field: 'email' },
        { column: 1, header: 'name', field: 'firstName' },
      ],
      key: { kind: 'column', column: 0 },
    },
    notifyEmail: null,
    ...overrides,
  };
}

export function people(count: number, from = 0, delimiter = ','): string {
  let out = '';
  for (let i = from; i < from + count; i++) out += `user${i}@example.com${delimiter}Person ${i}\n`;
  return out;
}

/** A book with one profile, ready to run. */
export async function setup(overrides: Partial<ProfileInput> = {}) {
  const sync = await freshClient();
  const book = await sync.books.create({ name: 'Customers' });
  const profile = await sync.profiles.create(profileInput(book.id, overrides));
  return { sync, book, profile };
}

export async function allContacts(sync: ContactSync, bookId: string) {
  return (await sync.contacts.list(bookId, { limit: 1000 })).items;
}

/** The real HTTP file server the test runner starts beside the real proxy (scripts/wtr/test-servers.js). */
export async function localFileServer() {
  const { url } = (await (await fetch('/__test/file-server')).json()) as { url: string };
  return {
    url,
    /** A remote source for the file it serves, fetched through the proxy. */
    source: remoteSource(`${url}/exports/contacts.csv`),
    /** Replaces the file (the server is on another origin; the answer is not needed). */
    set: (body: string) => fetch(`${url}/set`, { method: 'POST', body }).catch(() => undefined),
    /** How many times the file was downloaded so far. */
    downloads: async () => Number(await (await fetch(`${url}/count`)).text()),
  };
}

/** Leaves a store as versions before search records did: none, and no stamps in key records. */
export async function dropSearchRecords(dbName: string): Promise<void> {
  const db = await openDB(dbName);
  const tx = db.transaction(['segmentKeys', 'segmentSearch'], 'readwrite');
  await tx.objectStore('segmentSearch').clear();
  for (const keys of await tx.objectStore('segmentKeys').getAll()) {
    delete keys.searchStamp;
    await tx.objectStore('segmentKeys').put(keys);
  }
  await tx.done;
  db.close();
}
