import { expect } from '@open-wc/testing';
import {
  DEFAULT_BEHAVIOUR,
  DEFAULT_PARSE_OPTIONS,
  toMapping,
  type ProfileInput,
} from '../src/index.ts';
import { csvFile, setup } from './helpers.ts';

const SIX = {
  columns: [
    { column: 0, header: 'email', field: 'email' },
    { column: 1, header: 'name', field: 'firstName' },
    { column: 2, header: 'last', field: 'lastName' },
    { column: 3, header: 'phone', field: 'phone' },
    { column: 4, header: 'notes', field: 'notes' },
    { column: 5, header: 'password', field: 'password' },
  ],
  key: { kind: 'column', column: 0 },
} satisfies ProfileInput['mapping'];

const FILE =
  'email,name,last,phone,notes,password\n' +
  'ann@x.io,Ann,"Lee, Jr.",+1 415 555 0100,"Line one\nline ""two""",Pw-9f3Kq-SECRET-1\n' +
  'zoe@x.io,Zoë,Ångström,,,\n' +
  'bob@x.io,Bob,Ray,,plain,\n';

async function imported(file = FILE) {
  const ctx = await setup({ mapping: SIX });
  const record = await ctx.sync.run(ctx.profile.id, csvFile(file));
  expect(record.status, record.error?.message).to.equal('success');
  return ctx;
}

describe('exporting contacts', () => {
  it('writes CSV in the book’s field order, without passwords, that imports back unchanged', async () => {
    const { sync, book } = await imported();
    const file = await sync.contacts.export(book.id, { format: 'csv' });
    expect(file.name).to.equal('Customers.csv');
    expect(file.type).to.match(/^text\/csv/);
    const text = await file.text();
    expect(text.split('\r\n')[0]).to.equal(
      'First name,Last name,Display name,Email,Phone,Mobile,Company,Job title,Street,City,State / region,Postal code,Country,Birthday,Website,Notes',
    );
    expect(text).not.to.contain('Password');
    expect(text).not.to.contain('SECRET');

    // Into the same book through a new import mapped from the file itself: nothing changes.
    const preview = await sync.preview(book.id, file);
    const again = await sync.profiles.create({
      name: 'Re-import',
      bookId: book.id,
      folderId: null,
      source: { kind: 'local', fileName: file.name },
      parse: { ...DEFAULT_PARSE_OPTIONS },
      behaviour: { ...DEFAULT_BEHAVIOUR },
      mapping: { ...toMapping(preview.suggestion), key: { kind: 'column', column: 3 } },
      notifyEmail: null,
    });
    const record = await sync.run(again.id, file);
    expect(record.status, record.error?.message).to.equal('success');
    expect(record.counts).to.include({ rows: 3, created: 0, updated: 0, unchanged: 3 });
    sync.close();
  });

  it('neutralises cells a spreadsheet would run as formulas, unless told not to', async () => {
    const { sync, book } = await imported(
      'email,name,last,phone,notes,password\n' +
        'eve@x.io,=HYPERLINK("http://evil.example"),@SUM(A1),+1 415 555 0100,-2+3,\n',
    );
    const guarded = await (await sync.contacts.export(book.id, { format: 'csv' })).text();
    expect(guarded).to.contain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(guarded).to.contain("'@SUM(A1)");
    expect(guarded).to.contain("'-2+3");
    expect(guarded).to.contain(',+14155550100,'); // a phone number is not a formula
    const raw = await (
      await sync.contacts.export(book.id, { format: 'csv', neutraliseFormulas: false })
    ).text();
    expect(raw).to.contain('"=HYPERLINK(""http://evil.example"")"');
    expect(raw).not.to.contain("'@SUM");
    sync.close();
  });

  it('writes vCard 4.0 that the project’s own reader reads back', async () => {
    const { sync, book } = await imported();
    const file = await sync.contacts.export(book.id, { format: 'vcard' });
    expect(file.name).to.equal('Customers.vcf');
    const text = await file.text();
    expect(text).to.match(/^BEGIN:VCARD\r\nVERSION:4\.0\r\n/);
    expect(text).not.to.contain('SECRET');
    const { contacts, issues } = await sync.device.readVCard(file);
    expect(issues).to.deep.equal([]);
    const byEmail = Object.fromEntries(contacts.map((c) => [c.emails?.[0]?.value, c]));
    expect(Object.keys(byEmail).sort()).to.deep.equal(['ann@x.io', 'bob@x.io', 'zoe@x.io']);
    expect(byEmail['ann@x.io']).to.deep.include({ givenName: 'Ann', familyName: 'Lee, Jr.' });
    expect(byEmail['ann@x.io']!.phones?.[0]?.value).to.equal('+14155550100');
    expect(byEmail['ann@x.io']!.note).to.equal('Line one\nline "two"');
    expect(byEmail['zoe@x.io']).to.deep.include({ givenName: 'Zoë', familyName: 'Ångström' });
    sync.close();
  });

  it('exports only a folder or a search when asked', async () => {
    const { sync, book } = await imported();
    const found = await (
      await sync.contacts.export(book.id, { format: 'csv', search: 'zoë' })
    ).text();
    expect(found.trim().split('\r\n')).to.have.length(2);
    expect(found).to.contain('zoe@x.io');
    const none = await (
      await sync.contacts.export(book.id, { format: 'csv', folderId: null })
    ).text();
    expect(none.trim().split('\r\n')).to.have.length(4);
    const folder = await sync.folders.create(book.id, 'Empty');
    const empty = await (
      await sync.contacts.export(book.id, { format: 'csv', folderId: folder.id })
    ).text();
    expect(empty.trim().split('\r\n')).to.have.length(1);
    sync.close();
  });
});
