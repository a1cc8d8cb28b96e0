import { expect } from '@open-wc/testing';
import type { ContactSyncError } from '../src/index.ts';
import { DEFAULT_PARSE_OPTIONS } from '../src/index.ts';
import { allContacts, csvFile, people, setup } from './helpers.ts';

const HEADER = 'email,name\n';

describe('imports through the SDK', () => {
  for (const [name, d] of [
    ['comma', ','],
    ['semicolon', ';'],
    ['tab', '\t'],
    ['pipe', '|'],
    ['other (~)', '~'],
  ] as const) {
    it(`reads a ${name}-delimited file, detected or chosen`, async () => {
      const detectable = d !== '~';
      const { sync, book, profile } = await setup({
        parse: {
          header: true,
          delimiter: detectable ? 'auto' : d,
          encoding: 'auto',
          dateOrder: 'DMY',
          defaultRegion: 'US',
        },
      });
      const record = await sync.run(profile.id, csvFile(`email${d}name\n` + people(4, 0, d)));
      expect(record.status).to.equal('success');
      expect(record.delimiter).to.equal(d);
      expect(
        (await allContacts(sync, book.id)).map((c) => c.values.firstName).sort(),
      ).to.deep.equal(['Person 0', 'Person 1', 'Person 2', 'Person 3']);
      sync.close();
    });
  }

  it('reads UTF-8 with BOM, UTF-16 and Windows-1252 files', async () => {
    const { sync, book, profile } = await setup({
      behaviour: { updateExisting: true, deleteMissing: false, importEveryTime: true },
    });
    const text = 'email,name\nzoe@x.io,Zoë Ångström\n';
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++)
      new DataView(utf16.buffer).setUint16(2 + i * 2, text.charCodeAt(i), true);
    const cp1252 = new Uint8Array([
      ...new TextEncoder().encode('email,name\nzoe@x.io,Zo'),
      0xeb,
      0x20,
      0xc5,
      ...new TextEncoder().encode('ngstr'),
      0xf6,
      0x6d,
      0x0a,
    ]);
    const seen: string[] = [];
    for (const [bytes, encoding] of [
      [bom, 'utf-8'],
      [utf16, 'utf-16le'],
      [cp1252, 'windows-1252'],
    ] as const) {
      const record = await sync.run(profile.id, csvFile(bytes));
      expect(record.status, encoding).to.equal('success');
      expect(record.encoding).to.equal(encoding);
      seen.push((await allContacts(sync, book.id))[0]!.values.firstName!);
    }
    expect(seen).to.deep.equal(['Zoë Ångström', 'Zoë Ångström', 'Zoë Ångström']);
    expect((await sync.history.list({ profileId: profile.id }))[0]!.notes.join(' ')).to.match(
      /Windows-1252/,
    );
    sync.close();
  });

  it('keeps a quoted newline inside a value', async () => {
    const { sync, book, profile } = await setup({
      mapping: {
        columns: [
          { column: 0, header: 'email', field: 'email' },
          { column: 1, header: 'notes', field: 'notes' },
        ],
        key: { kind: 'column', column: 0 },
      },
    });
    await sync.run(profile.id, csvFile('email,notes\r\nann@x.io,"first line\r\nsecond, line"\r\n'));
    expect((await allContacts(sync, book.id))[0]!.values.notes).to.equal(
      'first line\r\nsecond, line',
    );
    sync.close();
  });

  it('generates nine-digit keys and refuses generated keys with update mode', async () => {
    const { sync, book, profile } = await setup({
      behaviour: { updateExisting: false, deleteMissing: false, importEveryTime: false },
      mapping: {
        columns: [
          { column: 0, header: 'email', field: 'email' },
          { column: 1, header: 'name', field: 'firstName' },
        ],
        key: { kind: 'generated' },
      },
    });
    await sync.run(profile.id, csvFile(HEADER + people(20)));
    const keys = (await allContacts(sync, book.id)).map((c) => c.key!);
    expect(new Set(keys).size).to.equal(20);
    keys.forEach((k) => expect(k).to.match(/^[1-9]\d{8}$/));
    const error = (await sync.profiles
      .update(profile.id, {
        behaviour: { updateExisting: true, deleteMissing: false, importEveryTime: false },
      })
      .catch((e: unknown) => e)) as ContactSyncError;
    expect(error.code).to.equal('key-strategy-conflict');
    sync.close();
  });

  it('updates only with "update existing", deletes only with "delete missing"', async () => {
    const { sync, book, profile } = await setup({
      behaviour: { updateExisting: false, deleteMissing: false, importEveryTime: false },
    });
    await sync.run(profile.id, csvFile(HEADER + people(5)));
    const changed = HEADER + people(4).replace('Person 1', 'Renamed');
    const kept = await sync.run(profile.id, csvFile(changed));
    expect(kept.counts).to.include({ updated: 0, deleted: 0 });
    expect((await allContacts(sync, book.id)).length).to.equal(5);
    await sync.profiles.update(profile.id, {
      behaviour: { updateExisting: true, deleteMissing: true, importEveryTime: false },
    });
    const applied = await sync.run(profile.id, csvFile(changed));
    expect(applied.counts).to.include({ updated: 1, deleted: 1, unchanged: 3 });
    const names = (await allContacts(sync, book.id)).map((c) => c.values.firstName).sort();
    expect(names).to.deep.equal(['Person 0', 'Person 2', 'Person 3', 'Renamed']);
    sync.close();
  });

  it('refuses exactly 10% and allows 11% under "delete missing"', async () => {
    const { sync, book, profile } = await setup({
      behaviour: { updateExisting: true, deleteMissing: true, importEveryTime: false },
    });
    await sync.run(profile.id, csvFile(HEADER + people(100)));
    const refused = await sync.run(profile.id, csvFile(HEADER + people(10)));
    expect(refused.status).to.equal('refused');
    expect(refused.error!.code).to.equal('mass-delete-refused');
    expect((await sync.contacts.list(book.id)).total).to.equal(100);
    const confirmedLater = await sync.run(profile.id, csvFile(HEADER + people(11)));
    expect(confirmedLater.status).to.equal('success');
    expect((await sync.contacts.list(book.id)).total).to.equal(11);
    expect((await sync.history.list({ profileId: profile.id })).map((r) => r.status)).to.deep.equal(
      ['success', 'refused', 'success'],
    );
    sync.close();
  });

  it('lets a manual run past the guard only when confirmed', async () => {
    const { sync, book, profile } = await setup({
      behaviour: { updateExisting: true, deleteMissing: true, importEveryTime: false },
    });
    await sync.run(profile.id, csvFile(HEADER + people(30)));
    const scheduled = await sync.run(profile.id, csvFile(HEADER + people(2)), {
      trigger: 'scheduled',
      confirmMassDelete: true,
    });
    expect(scheduled.status).to.equal('refused');
    const manual = await sync.run(profile.id, csvFile(HEADER + people(2)), {
      confirmMassDelete: true,
    });
    expect(manual.status).to.equal('success');
    expect((await sync.contacts.list(book.id)).total).to.equal(2);
    sync.close();
  });

  it('skips an unchanged file, and imports it anyway with "import every time"', async () => {
    const { sync, profile } = await setup();
    const file = HEADER + people(10);
    await sync.run(profile.id, csvFile(file));
    expect((await sync.run(profile.id, csvFile(file))).status).to.equal('unchanged');
    await sync.profiles.update(profile.id, {
      behaviour: { updateExisting: true, deleteMissing: false, importEveryTime: true },
    });
    const again = await sync.run(profile.id, csvFile(file));
    expect(again.status).to.equal('success');
    expect(again.counts.unchanged).to.equal(10);
    sync.close();
  });

  it('keeps passwords when the column is empty or unmapped', async () => {
    const mapping = {
      columns: [
        { column: 0, header: 'email', field: 'email' },
        { column: 1, header: 'password', field: 'password' },
      ],
      key: { kind: 'column' as const, column: 0 },
    };
    const { sync, book, profile } = await setup({ mapping });
    await sync.run(profile.id, csvFile('email,password\nann@x.io,Sesame1\n'));
    const [first] = await allContacts(sync, book.id);
    expect(first!.values.password).to.match(/^sha256:/);
    expect(JSON.stringify(first)).not.to.contain('Sesame1');
    await sync.run(profile.id, csvFile('email,password\nann@x.io,\n'));
    expect((await allContacts(sync, book.id))[0]!.values.password).to.equal(first!.values.password);
    await sync.profiles.update(profile.id, {
      mapping: {
        ...mapping,
        columns: [mapping.columns[0]!, { ...mapping.columns[1]!, field: null }],
      },
    });
    await sync.run(profile.id, csvFile('email,password\nann@x.io,Other9\n'));
    expect((await allContacts(sync, book.id))[0]!.values.password).to.equal(first!.values.password);
    sync.close();
  });

  it('reports a phone number that cannot exist in the region, never guessing another number', async () => {
    const { sync, book, profile } = await setup({
      parse: { ...DEFAULT_PARSE_OPTIONS, defaultRegion: 'US' },
      mapping: {
        columns: [
          { column: 0, header: 'email', field: 'email' },
          { column: 1, header: 'phone', field: 'phone' },
        ],
        key: { kind: 'column', column: 0 },
      },
    });
    const record = await sync.run(
      profile.id,
      csvFile(
        'email,phone\n' +
          'ann@x.io,(415) 555-0100\n' + // valid in the US
          'bob@x.io,555 123 4567\n' + // ten digits, but no US area code 555: cannot exist
          'cid@x.io,+371 2012 3456\n', // written with its country code: Latvian
      ),
    );
    expect(record.counts).to.include({ created: 2, invalid: 1 });
    expect(record.issues.map((i) => [i.row, i.code])).to.deep.equal([[3, 'invalid-phone']]);
    expect(record.issues[0]!.message).to.equal(
      'Row 3, column "phone": "555 123 4567" is not a phone number that exists in US; if it is from another country, write it with its country code (+…).',
    );
    const phones = (await allContacts(sync, book.id)).map((c) => c.values.phone).sort();
    expect(phones).to.deep.equal(['+14155550100', '+37120123456']);
  });

  it('never re-imports a contact deleted on the web', async () => {
    const { sync, book, profile } = await setup({
      behaviour: { updateExisting: true, deleteMissing: false, importEveryTime: true },
    });
    await sync.run(profile.id, csvFile(HEADER + people(3)));
    const victim = (await allContacts(sync, book.id)).find(
      (c) => c.values.email === 'user1@example.com',
    )!;
    await sync.contacts.delete(book.id, victim.id);
    const again = await sync.run(profile.id, csvFile(HEADER + people(4)));
    expect(again.counts).to.include({ created: 1, skipped: 1, unchanged: 2 });
    const emails = (await allContacts(sync, book.id)).map((c) => c.values.email).sort();
    expect(emails).to.deep.equal(['user0@example.com', 'user2@example.com', 'user3@example.com']);
    sync.close();
  });

  it('skips invalid rows, reports their row numbers and ends with warnings', async () => {
    const { sync, book, profile } = await setup();
    const record = await sync.run(
      profile.id,
      csvFile(HEADER + 'good@x.io,Good\nnot-an-email,Bad\n,NoKey\nalso@x.io,Fine,extra\n'),
    );
    expect(record.status).to.equal('warnings');
    expect(record.issues.map((i) => [i.row, i.code])).to.deep.equal([
      [3, 'invalid-email'],
      [4, 'missing-key'],
      [5, 'ragged-row'],
    ]);
    expect((await allContacts(sync, book.id)).map((c) => c.values.email)).to.deep.equal([
      'good@x.io',
    ]);
    sync.close();
  });

  it('plans without writing (dry run)', async () => {
    const { sync, book, profile } = await setup();
    const { record, plan } = await sync.plan(profile.id, csvFile(HEADER + people(7)));
    expect(record.status).to.equal('success');
    expect(plan!.counts.created).to.equal(7);
    expect(plan!.samples.create[0]!.values.email).to.equal('user0@example.com');
    expect((await sync.contacts.list(book.id)).total).to.equal(0);
    expect(await sync.history.list({ profileId: profile.id })).to.deep.equal([]);
    sync.close();
  });

  it('cancels a run through an AbortSignal and applies nothing', async () => {
    const { sync, book, profile } = await setup();
    const controller = new AbortController();
    // 64 MiB from one repeated 1 MiB part: reading it takes long enough for the abort to land
    // while the run is still in its first pass.
    const part = HEADER + people(30000);
    const file = new File(
      Array.from({ length: 64 }, () => part.slice(0, 1024 * 1024)),
      'big.csv',
    );
    const record = await sync.run(profile.id, file, {
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    expect(record.status).to.equal('cancelled');
    expect(record.error!.code).to.equal('aborted');
    expect((await sync.contacts.list(book.id)).total).to.equal(0);
    expect((await sync.history.list({ profileId: profile.id }))[0]!.status).to.equal('cancelled');
    sync.close();
  });
});
