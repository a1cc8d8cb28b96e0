import { expect } from '@open-wc/testing';
import Papa from 'papaparse';
import type { ContactSyncError } from '../src/index.ts';
import { allContacts, csvFile, profileInput, setup } from './helpers.ts';

const rowsOf = async (file: File) =>
  Papa.parse<string[]>(await file.text(), { skipEmptyLines: true }).data;

describe('the problem report', () => {
  it('lists every problem row with its cells, row number, columns and reasons; passwords left out', async () => {
    const { sync, book } = await setup();
    const password = book.fields.find((f) => f.type === 'password')!;
    const profile = await sync.profiles.create(
      profileInput(book.id, {
        mapping: {
          columns: [
            { column: 0, header: 'Email', field: 'email' },
            { column: 1, header: 'Name', field: 'firstName' },
            { column: 2, header: 'Password', field: password.id },
            { column: 3, header: 'Notes', field: null },
          ],
          key: { kind: 'column', column: 0 },
        },
      }),
    );
    const file = csvFile(
      [
        'Email,Name,Password,Notes',
        'ann@example.com,Ann,s3cret-ann,fine',
        'not-an-email,Ben,s3cret-ben,"has, comma"',
        'ann@example.com,Ann again,s3cret-2,twice',
        ',Nobody,s3cret-3,=HYPERLINK("x")',
        'cid@example.com,Cid,s3cret-cid,ok',
      ].join('\n'),
      'crm.csv',
    );
    const report = await sync.problemReport(profile.id, file);
    expect(report.name).to.equal('crm - problems.csv');
    expect(report.type).to.equal('text/csv');
    const [header, ...rows] = await rowsOf(report);
    expect(header).to.deep.equal([
      'Email',
      'Name',
      'Password',
      'Notes',
      'Row',
      'Column',
      'Problem',
    ]);
    expect(rows.map((r) => r.slice(0, 6))).to.deep.equal([
      ['not-an-email', 'Ben', '', 'has, comma', '3', 'Email'],
      ['ann@example.com', 'Ann again', '', 'twice', '4', 'Email'],
      ['', 'Nobody', '', `'=HYPERLINK("x")`, '5', 'Email'],
    ]);
    expect(rows[0]![6]).to.match(/email/i);
    expect(rows[1]![6]).to.match(/same unique key as row 2/);
    expect(rows[2]![6]).to.match(/no value in the unique key column/);
    expect(await report.text()).not.to.contain('s3cret');
    // Nothing was imported by making the report.
    expect(await allContacts(sync, book.id)).to.deep.equal([]);
    sync.close();
  });

  it('words each problem as the caller asks, names columns of a header-less file, and reads the whole file', async () => {
    const { sync, book } = await setup();
    const profile = await sync.profiles.create(
      profileInput(book.id, {
        parse: {
          header: false,
          delimiter: ';',
          encoding: 'auto',
          dateOrder: 'DMY',
          defaultRegion: 'US',
        },
        mapping: {
          columns: [
            { column: 0, header: 'Column 1', field: 'email' },
            { column: 1, header: 'Column 2', field: 'firstName' },
          ],
          key: { kind: 'column', column: 0 },
        },
      }),
    );
    let text = '';
    for (let i = 0; i < 30_000; i++)
      text += i % 1000 === 7 ? `bad-${i};X\n` : `u${i}@example.com;P${i}\n`;
    const report = await sync.problemReport(profile.id, csvFile(text), {
      describe: (issue) => `[${issue.code}]`,
      fileName: 'nightly.csv',
    });
    expect(report.name).to.equal('nightly - problems.csv');
    const [header, ...rows] = await rowsOf(report);
    expect(header).to.deep.equal(['Column 1', 'Column 2', 'Row', 'Column', 'Problem']);
    expect(rows).to.have.length(30);
    expect(rows[0]).to.deep.equal(['bad-7', 'X', '8', 'Column 1', '[invalid-email]']);
    expect(rows[29]![2]).to.equal('29008');
    sync.close();
  });

  it('is empty but for its header when every row is fine, and a fixed report imports cleanly', async () => {
    const { sync, book, profile } = await setup();
    const file = csvFile('email,name\nann@example.com,Ann\nbad,Ben\n');
    const first = await sync.run(profile.id, file);
    expect(first.status).to.equal('warnings');
    const report = await sync.problemReport(profile.id, file);
    const fixed = (await report.text())
      .replace('bad,', 'ben@example.com,')
      .replace(/,Row,Column,Problem/, '')
      .replace(/,3,email,[^\r\n]*/, '');
    const again = await sync.run(profile.id, csvFile(fixed), { fileName: 'fixed.csv' });
    expect(again.status).to.equal('success');
    expect((await allContacts(sync, book.id)).map((c) => c.values.email).sort()).to.deep.equal([
      'ann@example.com',
      'ben@example.com',
    ]);
    const clean = await sync.problemReport(
      profile.id,
      csvFile('email,name\nann@example.com,Ann\n'),
    );
    expect(await rowsOf(clean)).to.deep.equal([['email', 'name', 'Row', 'Column', 'Problem']]);
    sync.close();
  });

  it('throws the file error when the file cannot be read', async () => {
    const { sync, profile } = await setup();
    const error = (await sync
      .problemReport(profile.id, csvFile('BEGIN:VCARD\nVERSION:3.0\nFN:Ann\nEND:VCARD\n'))
      .catch((e: unknown) => e)) as ContactSyncError;
    expect(error.code).to.equal('not-csv');
    sync.close();
  });
});
