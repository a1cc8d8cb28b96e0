import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import {
  BUILT_IN_FIELDS,
  DEFAULT_BEHAVIOUR,
  DEFAULT_PARSE_OPTIONS,
  EMPTY_PROFILE_STATE,
  KeyColumns,
  KeyIndex,
  runImport,
  type AddressBook,
  type ByteSource,
  type Contact,
  type Hasher,
  type ImportRunOptions,
  type ProfileState,
  type RunRecord,
  type SyncProfile,
  type SyncTarget,
} from '../src/index.ts';

export const hasher: Hasher = {
  create() {
    const h = sha256.create();
    return { update: (b) => void h.update(b), digestHex: async () => bytesToHex(h.digest()) };
  },
};

/** A source that hands out its bytes in small chunks, to exercise chunk boundaries. */
export function bytesSource(
  data: Uint8Array | string,
  chunkSize = 5,
  name = 'contacts.csv',
): ByteSource {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  return {
    name,
    size: bytes.length,
    async *open() {
      for (let i = 0; i < bytes.length; i += chunkSize) yield bytes.slice(i, i + chunkSize);
    },
  };
}

export function makeBook(extra: AddressBook['fields'] = []): AddressBook {
  return {
    id: 'book1',
    name: 'Customers',
    fields: [...BUILT_IN_FIELDS, ...extra],
    createdAt: 0,
    updatedAt: 0,
  };
}

export function makeProfile(overrides: Partial<SyncProfile> = {}): SyncProfile {
  return {
    id: 'profile1',
    name: 'Nightly CRM export',
    bookId: 'book1',
    folderId: null,
    source: { kind: 'local', fileName: 'contacts.csv' },
    parse: { ...DEFAULT_PARSE_OPTIONS },
    behaviour: { ...DEFAULT_BEHAVIOUR },
    mapping: {
      columns: [
        { column: 0, header: 'email', field: 'email' },
        { column: 1, header: 'first', field: 'firstName' },
        { column: 2, header: 'phone', field: 'phone' },
      ],
      key: { kind: 'column', column: 0 },
    },
    notifyEmail: null,
    createdAt: 0,
    updatedAt: 0,
    state: { ...EMPTY_PROFILE_STATE },
    ...overrides,
  };
}

/** A test double of the store: contacts in a Map, staging kept apart until commit. */
export class MemoryTarget implements SyncTarget {
  contacts = new Map<string, Contact>();
  tombstones = new Set<string>();
  records: RunRecord[] = [];
  state: ProfileState | null = null;
  staged = new Map<string, Contact>();
  fetched = 0;

  index = new KeyIndex(new KeyColumns());
  async loadIndex() {
    const columns = new KeyColumns();
    for (const c of this.contacts.values()) {
      if (c.key !== null)
        columns.add(c.key, c.id, c.origin?.sourceId ?? null, c.origin?.rowHash ?? 0);
    }
    this.index = new KeyIndex(columns);
    return this.index;
  }
  async loadTombstones() {
    return this.tombstones;
  }
  async getContacts(entries: readonly number[]) {
    const ids = entries.map((n) => this.index.idAt(n));
    this.fetched += ids.length;
    return ids.flatMap((id) =>
      this.contacts.has(id) ? [structuredClone(this.contacts.get(id)!)] : [],
    );
  }
  async stage(contacts: readonly Contact[]) {
    for (const c of contacts) this.staged.set(c.id, c);
  }
  async commit(deletes: readonly number[], record: RunRecord, state: ProfileState) {
    for (const [id, c] of this.staged) this.contacts.set(id, c);
    for (const n of deletes) this.contacts.delete(this.index.idAt(n));
    this.staged.clear();
    this.records.push(record);
    this.state = state;
  }
  async discard() {
    this.staged.clear();
  }
  async recordOutcome(record: RunRecord, state: ProfileState) {
    this.records.push(record);
    this.state = state;
  }
  byKey(key: string): Contact | undefined {
    return [...this.contacts.values()].find((c) => c.key === key);
  }
}

let counter = 0;

export function run(
  csv: string | Uint8Array,
  target: MemoryTarget,
  options: Partial<ImportRunOptions> & { profile?: SyncProfile; book?: AddressBook } = {},
) {
  const profile = options.profile ?? makeProfile();
  return runImport({
    runId: `run${++counter}`,
    trigger: 'manual',
    book: makeBook(),
    source: bytesSource(csv),
    dryRun: false,
    confirmMassDelete: false,
    target,
    hasher,
    clock: { now: () => 1_700_000_000_000 },
    random: { int: (max) => Math.floor(Math.random() * max) },
    newId: () => `c${++counter}`,
    digestPassword: (id, plain) =>
      `pw:${bytesToHex(sha256(new TextEncoder().encode(`${id}\0${plain}`)))}`,
    ...options,
    profile,
  });
}

/** Runs, then carries the profile state forward as the SDK would. */
export async function runAndKeepState(
  csv: string,
  target: MemoryTarget,
  profile: SyncProfile,
  extra: Partial<ImportRunOptions> = {},
) {
  const result = await run(csv, target, { ...extra, profile });
  return { result, profile: { ...profile, state: target.state ?? profile.state } };
}
