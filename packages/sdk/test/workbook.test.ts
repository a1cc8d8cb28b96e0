import { expect } from '@open-wc/testing';
import { utils, write } from '@e965/xlsx';
import type { ContactSyncError } from '../src/index.ts';
import { allContacts, setup } from './helpers.ts';

/** A real workbook, written by the same library Excel files are read with, in a given format. */
function workbook(sheets: Record<string, unknown[][]>, bookType: 'xlsx' | 'xls' | 'ods' = 'xlsx') {
  const book = utils.book_new();
  for (const [name, rows] of Object.entries(sheets))
    utils.book_append_sheet(book, utils.aoa_to_sheet(rows), name);
  const bytes = write(book, { type: 'array', bookType }) as ArrayBuffer;
  return new File([bytes], `contacts.${bookType}`);
}

const PEOPLE = [
  ['email', 'name'],
  ['ann@x.io', 'Ann'],
  ['bob@x.io', 'Bob'],
];
const OTHER = [
  ['email', 'name'],
  ['cid@x.io', 'Cid'],
];

const failure = (p: Promise<unknown>) =>
  p.then(() => null).catch((e: unknown) => e as ContactSyncError);

describe('Excel and OpenDocument workbooks', () => {
  it('preview the first sheet, name every sheet, and show another when asked', async () => {
    const { sync, book } = await setup();
    const file = workbook({ People: PEOPLE, 'Old list': OTHER });
    const preview = await sync.preview(book.id, file);
    expect(preview.workbook).to.deep.equal({ sheets: ['People', 'Old list'], sheet: 'People' });
    expect(preview.headers).to.deep.equal(['email', 'name']);
    expect(preview.rows.map((r) => r.fields)).to.deep.equal([
      ['ann@x.io', 'Ann'],
      ['bob@x.io', 'Bob'],
    ]);
    const other = await sync.preview(book.id, file, { sheet: 'Old list' });
    expect(other.workbook?.sheet).to.equal('Old list');
    expect(other.rows.map((r) => r.fields)).to.deep.equal([['cid@x.io', 'Cid']]);
    const missing = await failure(sync.preview(book.id, file, { sheet: 'Nope' }));
    expect(missing?.code).to.equal('not-found');
    expect(missing?.message).to.contain('“People”, “Old list”');
    sync.close();
  });

  it('import the chosen sheet through the same pipeline, whatever the CSV settings, and skip it when unchanged', async () => {
    const { sync, book, profile } = await setup();
    await sync.profiles.update(profile.id, {
      parse: { ...profile.parse, delimiter: ';', encoding: 'windows-1252', sheet: 'Old list' },
    });
    const file = workbook({ People: PEOPLE, 'Old list': OTHER });
    const record = await sync.run(profile.id, file);
    expect(record.status).to.equal('success');
    expect(record.counts).to.include({ rows: 1, created: 1 });
    expect(record.fileName).to.equal('contacts.xlsx');
    expect(record.noteCodes).to.deep.include({
      code: 'workbook-sheet',
      params: { sheet: 'Old list' },
    });
    expect((await allContacts(sync, book.id)).map((c) => c.values.firstName)).to.deep.equal([
      'Cid',
    ]);
    expect((await sync.run(profile.id, file)).status).to.equal('unchanged');
    sync.close();
  });

  it('read what the cells show: formula results, numbers, and blank rows left out', async () => {
    const { sync, book } = await setup();
    const book2 = utils.book_new();
    const sheet = utils.aoa_to_sheet([
      ['email', 'name', 'phone'],
      ['ann@x.io', 'Ann', '+1 415 555 0100'],
      [],
      ['bob@x.io', 'Bob', 4155550101],
    ]);
    // A formula with its last result, as Excel saves it.
    sheet.B4 = { t: 's', f: 'CONCAT("B","ob")', v: 'Bob' };
    utils.book_append_sheet(book2, sheet, 'Sheet1');
    const file = new File(
      [write(book2, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer],
      'f.xlsx',
    );
    const imported = await sync.importFile(book.id, file);
    expect(imported.status).to.equal('success');
    expect(imported.counts).to.include({ rows: 2, created: 2 });
    expect(imported.noteCodes?.map((n) => n.code)).to.include('empty-rows');
    const contacts = await allContacts(sync, book.id);
    expect(contacts.map((c) => [c.values.email, c.values.phone]).sort()).to.deep.equal([
      ['ann@x.io', '+14155550100'],
      ['bob@x.io', '+14155550101'],
    ]);
    // The formula's result, under whichever name field the suggestion chose.
    const bob = contacts.find((c) => c.values.email === 'bob@x.io')!;
    expect(Object.values(bob.values)).to.include('Bob');
    sync.close();
  });

  it('read old Excel (.xls) and OpenDocument (.ods) files too', async () => {
    for (const type of ['xls', 'ods'] as const) {
      const { sync, book } = await setup();
      const record = await sync.importFile(book.id, workbook({ People: PEOPLE }, type));
      expect(record.status, type).to.equal('success');
      expect(record.counts.created, type).to.equal(2);
      sync.close();
    }
  });

  it('refuse a ZIP archive that is not a workbook, in the preview and in the history', async () => {
    const { sync, book, profile } = await setup();
    const zip = new File(
      [new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new Array(60).fill(0)])],
      'photos.zip',
    );
    expect((await failure(sync.preview(book.id, zip)))?.code).to.equal('not-csv');
    const record = await sync.run(profile.id, zip);
    expect(record.status).to.equal('failed');
    expect(record.error?.code).to.equal('not-csv');
    expect(await allContacts(sync, book.id)).to.deep.equal([]);
    sync.close();
  });
});
