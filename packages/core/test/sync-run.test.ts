import { expect } from '@open-wc/testing';
import { BUILT_IN_FIELDS, type Contact } from '../src/index.ts';
import {
  bytesSource,
  makeBook,
  makeProfile,
  MemoryTarget,
  run,
  runAndKeepState,
} from './helpers.ts';

const HEADER = 'email,first,phone\n';
const rows = (n: number, from = 0) =>
  Array.from(
    { length: n },
    (_, i) => `user${i + from}@x.io,User ${i + from},+1415555${String(1000 + i + from).slice(-4)}`,
  ).join('\n') + '\n';

describe('an import run', () => {
  it('creates contacts, records success and remembers the fingerprint', async () => {
    const target = new MemoryTarget();
    const { record, plan } = await run(
      HEADER + 'ann@x.io,Ann,(415) 555-0100\nbob@x.io,Bob,\n',
      target,
    );
    expect(record.status).to.equal('success');
    expect(record.counts).to.include({ rows: 2, created: 2, updated: 0, deleted: 0 });
    expect(record.delimiter).to.equal(',');
    expect(target.byKey('ann@x.io')!.values).to.deep.equal({
      email: 'ann@x.io',
      firstName: 'Ann',
      phone: '+14155550100',
    });
    expect(target.state!.lastFingerprint).to.equal(record.fingerprint);
    expect(plan!.samples.create).to.have.length(2);
  });

  it('skips an unchanged file unless "import every time" is on', async () => {
    const target = new MemoryTarget();
    const csv = HEADER + rows(5);
    const first = await runAndKeepState(csv, target, makeProfile());
    const second = await runAndKeepState(csv, target, first.profile);
    expect(second.result.record.status).to.equal('unchanged');
    expect(second.result.record.notes[0]).to.match(/has not changed/);
    const everyTime = {
      ...first.profile,
      behaviour: { ...first.profile.behaviour, importEveryTime: true },
    };
    target.fetched = 0;
    const third = await runAndKeepState(csv, target, everyTime);
    expect(third.result.record.status).to.equal('success');
    expect(third.result.record.counts).to.include({
      rows: 5,
      unchanged: 5,
      created: 0,
      updated: 0,
    });
    // Rows whose raw content is unchanged need no read of the stored contact.
    expect(target.fetched).to.equal(0);
  });

  it('imports an unchanged file again when the mapping changed', async () => {
    const target = new MemoryTarget();
    const csv = HEADER + rows(3);
    const first = await runAndKeepState(csv, target, makeProfile());
    const remapped = {
      ...first.profile,
      mapping: {
        ...first.profile.mapping,
        columns: first.profile.mapping.columns.map((c) =>
          c.column === 1 ? { ...c, field: 'lastName' } : c,
        ),
      },
    };
    const second = await runAndKeepState(csv, target, remapped);
    expect(second.result.record.status).to.equal('success');
    expect(second.result.record.counts.updated).to.equal(3);
    // A field no longer mapped keeps its value: the file only speaks for mapped fields.
    expect(target.byKey('user0@x.io')!.values).to.deep.equal({
      email: 'user0@x.io',
      firstName: 'User 0',
      lastName: 'User 0',
      phone: '+14155551000',
    });
  });

  it('updates changed contacts only when "update existing" is on', async () => {
    const target = new MemoryTarget();
    const first = await runAndKeepState(HEADER + rows(3), target, makeProfile());
    const changed = HEADER + rows(3).replace('User 1', 'Renamed');
    const off = {
      ...first.profile,
      behaviour: { ...first.profile.behaviour, updateExisting: false },
    };
    const noUpdate = await runAndKeepState(changed, target, off);
    expect(noUpdate.result.record.counts).to.include({ updated: 0, unchanged: 3 });
    expect(target.byKey('user1@x.io')!.values.firstName).to.equal('User 1');
    const on = await runAndKeepState(changed, target, first.profile);
    expect(on.result.record.counts).to.include({ updated: 1, unchanged: 2 });
    expect(target.byKey('user1@x.io')!.values.firstName).to.equal('Renamed');
    expect(on.result.plan!.samples.update[0]!.changes).to.deep.equal([
      { field: 'firstName', from: 'User 1', to: 'Renamed' },
    ]);
  });

  it('deletes contacts missing from the file only with "delete missing" on', async () => {
    const target = new MemoryTarget();
    const first = await runAndKeepState(HEADER + rows(10), target, makeProfile());
    const fewer = HEADER + rows(8);
    await runAndKeepState(fewer, target, first.profile);
    expect(target.contacts.size).to.equal(10);
    const del = {
      ...first.profile,
      behaviour: { ...first.profile.behaviour, deleteMissing: true },
    };
    const result = await runAndKeepState(fewer, target, del);
    expect(result.result.record.counts.deleted).to.equal(2);
    expect(target.contacts.size).to.equal(8);
    expect(target.byKey('user9@x.io')).to.equal(undefined);
  });

  it('never deletes contacts it does not manage, and adopts a hand-made contact with the same key', async () => {
    const target = new MemoryTarget();
    const manual: Contact = {
      id: 'm1',
      bookId: 'book1',
      folderId: null,
      key: null,
      values: { firstName: 'Hand made' },
      origin: null,
      createdAt: 0,
      updatedAt: 0,
    };
    const keyed: Contact = {
      ...manual,
      id: 'm2',
      key: 'user0@x.io',
      values: { email: 'user0@x.io', notes: 'kept' },
    };
    target.contacts.set('m1', manual);
    target.contacts.set('m2', keyed);
    const profile = makeProfile({
      behaviour: { updateExisting: true, deleteMissing: true, importEveryTime: false },
    });
    const { record } = await run(HEADER + rows(2), target, { profile });
    expect(record.counts).to.include({ created: 1, updated: 1, deleted: 0 });
    expect(target.contacts.get('m1')).to.deep.equal(manual);
    expect(target.contacts.get('m2')!.values).to.deep.equal({
      email: 'user0@x.io',
      firstName: 'User 0',
      phone: '+14155551000',
      notes: 'kept',
    });
    expect(target.contacts.get('m2')!.origin!.sourceId).to.equal('profile1');
  });

  describe('the mass-deletion guard', () => {
    async function seeded() {
      const target = new MemoryTarget();
      const first = await runAndKeepState(HEADER + rows(100), target, makeProfile());
      const profile = {
        ...first.profile,
        behaviour: { ...first.profile.behaviour, deleteMissing: true },
      };
      return { target, profile };
    }

    it('refuses a file holding exactly 10% of the managed contacts, and changes nothing', async () => {
      const { target, profile } = await seeded();
      const before = structuredClone([...target.contacts.values()]);
      const { record } = await run(HEADER + rows(10) + 'new@x.io,New,\n', target, { profile });
      expect(record.status).to.equal('refused');
      expect(record.error!.code).to.equal('mass-delete-refused');
      expect(record.error!.message).to.match(/only 10 of the 100 contacts.*delete 90 contacts/);
      expect([...target.contacts.values()]).to.deep.equal(before);
    });

    it('lets 11% through', async () => {
      const { target, profile } = await seeded();
      const { record } = await run(HEADER + rows(11), target, { profile });
      expect(record.status).to.equal('success');
      expect(record.counts.deleted).to.equal(89);
      expect(target.contacts.size).to.equal(11);
    });

    it('lets a manual run through with explicit confirmation, but never a scheduled one', async () => {
      const scheduled = await seeded();
      const refused = await run(HEADER + rows(5), scheduled.target, {
        profile: scheduled.profile,
        trigger: 'scheduled',
        confirmMassDelete: true,
      });
      expect(refused.record.status).to.equal('refused');
      expect(refused.record.error!.message).to.match(/Scheduled imports never delete/);
      const manual = await seeded();
      const confirmed = await run(HEADER + rows(5), manual.target, {
        profile: manual.profile,
        confirmMassDelete: true,
      });
      expect(confirmed.record.status).to.equal('success');
      expect(manual.target.contacts.size).to.equal(5);
    });
  });

  describe('passwords', () => {
    const book = makeBook();
    const profile = makeProfile({
      mapping: {
        columns: [
          { column: 0, header: 'email', field: 'email' },
          { column: 1, header: 'password', field: 'password' },
        ],
        key: { kind: 'column', column: 0 },
      },
    });

    it('stores only a digest, keeps it when the cell is empty or unmapped, and replaces it when changed', async () => {
      const target = new MemoryTarget();
      const first = await runAndKeepState('email,password\nann@x.io,Secr3t!\n', target, profile);
      const digest = target.byKey('ann@x.io')!.values.password!;
      expect(digest).to.match(/^pw:[0-9a-f]{64}$/);
      expect(JSON.stringify([...target.contacts.values()])).not.to.contain('Secr3t!');
      expect(JSON.stringify(first.result)).not.to.contain('Secr3t!');

      await runAndKeepState('email,password\nann@x.io,\n', target, first.profile);
      expect(target.byKey('ann@x.io')!.values.password).to.equal(digest);

      const unmapped = {
        ...first.profile,
        mapping: {
          ...first.profile.mapping,
          columns: [
            first.profile.mapping.columns[0]!,
            { column: 1, header: 'password', field: null },
          ],
        },
      };
      await runAndKeepState('email,password\nann@x.io,Other\n', target, unmapped);
      expect(target.byKey('ann@x.io')!.values.password).to.equal(digest);

      const same = await runAndKeepState('email,password\nann@x.io,Secr3t!\n', target, {
        ...first.profile,
        behaviour: { ...first.profile.behaviour, importEveryTime: true },
      });
      expect(same.result.record.counts.unchanged).to.equal(1);

      const changed = await runAndKeepState(
        'email,password\nann@x.io,N3w!\n',
        target,
        first.profile,
      );
      expect(changed.result.record.counts.updated).to.equal(1);
      expect(target.byKey('ann@x.io')!.values.password).not.to.equal(digest);
      expect(JSON.stringify(changed.result)).not.to.contain('N3w!');
      void book;
    });
  });

  it('never re-imports a tombstoned contact', async () => {
    const target = new MemoryTarget();
    target.tombstones.add('user1@x.io');
    const { record } = await run(HEADER + rows(3), target);
    expect(record.counts).to.include({ created: 2, skipped: 1 });
    expect(target.byKey('user1@x.io')).to.equal(undefined);
  });

  it('skips invalid rows with their row numbers, imports the rest and ends with warnings', async () => {
    const target = new MemoryTarget();
    const first = await runAndKeepState(HEADER + rows(3), target, makeProfile());
    const csv =
      HEADER +
      'user0@x.io,Zero,not a phone\nuser1@x.io,One\nuser2@x.io,Two,\nuser2@x.io,Again,\nfresh@x.io,Fresh,\n,NoKey,\n';
    const del = {
      ...first.profile,
      behaviour: { ...first.profile.behaviour, deleteMissing: true },
    };
    const { record } = await run(csv, target, { profile: del });
    expect(record.status).to.equal('warnings');
    expect(record.issues.map((i) => [i.row, i.code])).to.deep.equal([
      [2, 'invalid-phone'],
      [3, 'ragged-row'],
      [5, 'duplicate-key'],
      [7, 'missing-key'],
    ]);
    expect(record.counts).to.include({ rows: 6, invalid: 4, created: 1, updated: 1, deleted: 0 });
    // An invalid row still proves its contact is in the file: nothing was deleted.
    expect(target.contacts.size).to.equal(4);
    expect(target.byKey('user0@x.io')!.values.firstName).to.equal('User 0');
  });

  it('finds each repeated key among thousands of new ones, and keeps keys that begin others apart', async () => {
    const target = new MemoryTarget();
    // Over a thousand keys a run keeps packed; keys such as user15@… and user150@… share a start.
    const csv =
      HEADER + rows(3000) + 'user1500@x.io,Again\nuser0@x.io,Again\nuser2999@x.io,Again\n';
    const { record } = await run(csv, target);
    expect(record.issues.map((i) => [i.row, i.code, i.params?.firstRow])).to.deep.equal([
      [3002, 'duplicate-key', 1502],
      [3003, 'duplicate-key', 2],
      [3004, 'duplicate-key', 3001],
    ]);
    expect(record.counts).to.include({ rows: 3003, created: 3000, invalid: 3 });
    expect(target.byKey('user15@x.io')!.values.firstName).to.equal('User 15');
    expect(target.byKey('user150@x.io')!.values.firstName).to.equal('User 150');
  });

  it('matches every contact of a file in another order to its key, and adds the new ones', async () => {
    const target = new MemoryTarget();
    const first = await runAndKeepState(HEADER + rows(2000), target, makeProfile());
    const ids = new Map([...target.contacts.values()].map((c) => [c.key, c.id]));
    // Reversed, every other name changed, and 100 new keys: each lookup misses the file order.
    const lines = rows(2100).trim().split('\n').reverse();
    const csv =
      HEADER + lines.map((l, i) => (i % 2 ? l.replace(',User ', ',Renamed ') : l)).join('\n');
    const { record } = await run(csv, target, { profile: first.profile });
    expect(record.counts).to.include({ rows: 2100, created: 100, updated: 1000, invalid: 0 });
    expect(target.contacts.size).to.equal(2100);
    for (const [key, id] of ids) expect(target.byKey(key!)!.id).to.equal(id);
    expect(target.byKey('user1998@x.io')!.values.firstName).to.equal('Renamed 1998');
    expect(target.byKey('user1999@x.io')!.values.firstName).to.equal('User 1999');
  });

  it('reads a large file handed over in one slice whole: no character or row is split', async () => {
    const target = new MemoryTarget();
    // Two- and four-byte characters and quoted line breaks all through more than a megabyte,
    // read in pieces and batches of rows far smaller than the slice.
    const name = (i: number) => `Ānna ${'žš'.repeat(i % 7)}😀${i}`;
    const lines = Array.from(
      { length: 20_000 },
      (_, i) => `user${i}@x.io,"${name(i)}","line one\nline ${'ē'.repeat(i % 5)} two"`,
    );
    const csv = 'email,first,notes\n' + lines.join('\r\n') + '\r\n';
    const { record } = await run(csv, target, {
      source: bytesSource(csv, 4 * 1024 * 1024),
      profile: makeProfile({
        mapping: {
          ...makeProfile().mapping,
          columns: [
            { column: 0, header: 'email', field: 'email' },
            { column: 1, header: 'first', field: 'firstName' },
            { column: 2, header: 'notes', field: 'notes' },
          ],
        },
      }),
    });
    expect(record.counts).to.include({ rows: 20_000, created: 20_000, invalid: 0 });
    const byKey = new Map([...target.contacts.values()].map((c) => [c.key, c.values]));
    for (let i = 0; i < 20_000; i++) {
      const values = byKey.get(`user${i}@x.io`)!;
      expect(values.firstName).to.equal(name(i));
      expect(values.notes).to.equal(`line one\nline ${'ē'.repeat(i % 5)} two`);
    }
  });

  it('gives generated keys of nine unique digits and creates new contacts on every run', async () => {
    const target = new MemoryTarget();
    const profile = makeProfile({
      behaviour: { updateExisting: false, deleteMissing: false, importEveryTime: true },
      mapping: { ...makeProfile().mapping, key: { kind: 'generated' } },
    });
    await run(HEADER + rows(50), target, { profile });
    await run(HEADER + rows(50), target, { profile });
    const keys = [...target.contacts.values()].map((c) => c.key!);
    expect(keys).to.have.length(100);
    expect(new Set(keys).size).to.equal(100);
    for (const key of keys) expect(key).to.match(/^[1-9]\d{8}$/);
  });

  it('refuses generated keys with update mode before touching anything', async () => {
    const target = new MemoryTarget();
    const profile = makeProfile({
      mapping: { ...makeProfile().mapping, key: { kind: 'generated' } },
    });
    const { record } = await run(HEADER + rows(2), target, { profile });
    expect(record.status).to.equal('failed');
    expect(record.error!.code).to.equal('key-strategy-conflict');
    expect(target.contacts.size).to.equal(0);
  });

  it('never deletes on an empty file or a parse failure', async () => {
    const target = new MemoryTarget();
    const first = await runAndKeepState(HEADER + rows(20), target, makeProfile());
    const del = {
      ...first.profile,
      behaviour: { ...first.profile.behaviour, deleteMissing: true },
    };
    for (const [csv, code] of [
      [HEADER, 'empty-file'],
      ['', 'empty-file'],
      [HEADER + 'user0@x.io,"unterminated,\n', 'parse-failed'],
    ] as const) {
      const { record } = await run(csv, target, { profile: del });
      expect(record.status, csv).to.equal('failed');
      expect(record.error!.code, csv).to.equal(code);
      expect(target.contacts.size).to.equal(20);
    }
  });

  it('plans without writing in a dry run', async () => {
    const target = new MemoryTarget();
    const { record, plan } = await run(HEADER + rows(4), target, { dryRun: true });
    expect(record.status).to.equal('success');
    expect(plan!.counts.created).to.equal(4);
    expect(target.contacts.size).to.equal(0);
    expect(target.records).to.have.length(0);
  });

  it('stops on abort and applies nothing', async () => {
    const target = new MemoryTarget();
    const controller = new AbortController();
    controller.abort();
    const { record } = await run(HEADER + rows(4), target, { signal: controller.signal });
    expect(record.status).to.equal('cancelled');
    expect(target.contacts.size).to.equal(0);
  });

  it('puts new contacts in the profile folder and custom fields through', async () => {
    const target = new MemoryTarget();
    const shoe = { id: 'custom_Shoe', label: 'Shoe', type: 'number' as const, builtIn: false };
    const profile = makeProfile({
      folderId: 'f1',
      mapping: {
        columns: [
          { column: 0, header: 'email', field: 'email' },
          { column: 1, header: 'shoe', field: 'custom_Shoe' },
        ],
        key: { kind: 'column', column: 0 },
      },
    });
    const { record } = await run('email;shoe\nann@x.io;42,5\n', target, {
      profile,
      book: { ...makeBook(), fields: [...BUILT_IN_FIELDS, shoe] },
    });
    expect(record.error).to.equal(null);
    const ann = target.byKey('ann@x.io')!;
    expect(ann.folderId).to.equal('f1');
    expect(ann.values.custom_Shoe).to.equal('42.5');
  });
});

describe('a store that loses a contact on read', () => {
  /** Returns every contact but the first one asked for, as a store with a broken cache did. */
  class LossyTarget extends MemoryTarget {
    override async getContacts(entries: readonly number[]) {
      return (await super.getContacts(entries)).slice(1);
    }
  }

  it('fails the run loudly and changes nothing, instead of counting the row nowhere', async () => {
    const target = new LossyTarget();
    const profile = makeProfile({
      behaviour: { updateExisting: true, deleteMissing: false, importEveryTime: true },
    });
    await runAndKeepState(HEADER + rows(3), target, profile);
    const before = structuredClone([...target.contacts.values()]);
    const { record } = await run(HEADER + rows(3).replaceAll('User', 'Renamed'), target, {
      profile,
    });
    expect(record.status).to.equal('failed');
    expect(record.error?.code).to.equal('internal');
    expect(record.error?.message).to.match(/row 2 could not be read/);
    expect([...target.contacts.values()]).to.deep.equal(before);
  });
});

describe('a store that is slow to read', () => {
  /** Reads take a while, as IndexedDB's do: the run reads one batch while it plans the next. */
  class SlowTarget extends MemoryTarget {
    order: string[] = [];
    reads = 0;
    failOnRead = 0;
    override async getContacts(entries: readonly number[]) {
      if (++this.reads === this.failOnRead) throw new Error('The disk is gone');
      await new Promise((resolve) => setTimeout(resolve, 30 - (this.reads % 3) * 10));
      return super.getContacts(entries);
    }
    override async stage(contacts: readonly Contact[]) {
      for (const c of contacts) this.order.push(c.key!);
      await super.stage(contacts);
    }
  }
  const EVERY_TIME = { updateExisting: true, deleteMissing: false, importEveryTime: true };
  const N = 40_000;
  const renamed = () =>
    HEADER +
    rows(N)
      .split('\n')
      .map((line, i) => (i % 1000 === 7 ? line.replace('User', 'Renamed') : line))
      .join('\n') +
    rows(3, N);

  it('stages the batches in the order of the file, with every change', async () => {
    const target = new SlowTarget();
    const { profile } = await runAndKeepState(
      HEADER + rows(N),
      target,
      makeProfile({ behaviour: EVERY_TIME }),
    );
    target.order = [];
    const { record } = await run(renamed(), target, { profile });
    expect(record.status, JSON.stringify(record.error)).to.equal('success');
    expect(record.counts).to.include({ created: 3, updated: N / 1000, unchanged: N - N / 1000 });
    expect(target.byKey('user7@x.io')?.values.firstName).to.equal('Renamed 7');
    expect(target.byKey(`user${N + 2}@x.io`)?.values.firstName).to.equal(`User ${N + 2}`);
    // Every batch's contacts are staged before the next batch's.
    const rowOf = (key: string) => Number(/^user(\d+)@/.exec(key)![1]);
    const batches = target.order.map((key) => Math.floor(rowOf(key) / 16384));
    expect(batches).to.deep.equal([...batches].sort((a, b) => a - b));
    expect(target.order).to.have.length(N / 1000 + 3);
  });

  it('fails and changes nothing when a later read fails', async () => {
    const target = new SlowTarget();
    const { profile } = await runAndKeepState(
      HEADER + rows(N),
      target,
      makeProfile({ behaviour: EVERY_TIME }),
    );
    const before = structuredClone([...target.contacts.values()]);
    target.reads = 0;
    target.failOnRead = 2;
    const { record } = await run(renamed(), target, { profile });
    expect(record.status).to.equal('failed');
    expect(record.error?.message).to.contain('The disk is gone');
    expect([...target.contacts.values()]).to.deep.equal(before);
    expect(target.staged.size).to.equal(0);
  });
});

describe('a file that changes between the passes of a run', () => {
  it('fails as file-changed and changes nothing', async () => {
    const target = new MemoryTarget();
    let opened = 0;
    const versions = [HEADER + rows(2), HEADER + rows(3)];
    const source = {
      name: 'contacts.csv',
      async *open() {
        yield new TextEncoder().encode(versions[Math.min(opened++, 1)]!);
      },
    };
    const { record } = await run('', target, { source });
    expect(record.status).to.equal('failed');
    expect(record.error?.code).to.equal('file-changed');
    expect(target.contacts.size).to.equal(0);
  });
});
