import { expect } from '@open-wc/testing';
import { ContactSyncError } from '../src/index.ts';
import { allContacts, csvFile, setup } from './helpers.ts';

const EVERY_TIME = { updateExisting: true, deleteMissing: false, importEveryTime: true } as const;
const utf8 = (text: string) => new TextEncoder().encode(text);
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};
function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++)
    new DataView(out.buffer).setUint16(i * 2, text.charCodeAt(i), true);
  return out;
}

describe('files that are almost right', () => {
  it('keeps a UTF-8 file UTF-8 when a few bytes are broken, and never rewrites good names', async () => {
    const { sync, book, profile } = await setup({ behaviour: EVERY_TIME });
    const text = 'email,name\nadams@x.io,Ādams Ozoliņš\nliga@x.io,Līga Bērziņa\nbad@x.io,Bad\n';
    expect((await sync.run(profile.id, csvFile(utf8(text)))).status).to.equal('success');
    const before = await allContacts(sync, book.id);

    // One stray byte in one row, and one appended at the end.
    const broken = concat(
      utf8('email,name\nadams@x.io,Ādams Ozoliņš\nliga@x.io,Līga Bērziņa\nbad@x.io,Ba'),
      new Uint8Array([0xff]),
      utf8('d\n'),
      new Uint8Array([0xfe]),
    );
    expect((await sync.preview(book.id, csvFile(broken))).encoding).to.equal('utf-8');
    const record = await sync.run(profile.id, csvFile(broken));
    expect(record.encoding).to.equal('utf-8');
    expect(record.status).to.equal('warnings');
    expect(record.counts).to.include({ updated: 0, unchanged: 2 });
    expect(record.issues.map((i) => [i.row, i.code])).to.deep.include([4, 'invalid-encoding']);
    expect(record.notes.join(' ')).to.match(/not valid UTF-8/);
    expect(await allContacts(sync, book.id)).to.deep.equal(before);
    sync.close();
  });

  it('still reads a genuine Windows-1252 file as Windows-1252', async () => {
    const { sync, book, profile } = await setup({ behaviour: EVERY_TIME });
    const bytes = concat(utf8('email,name\nzoe@x.io,Zo'), new Uint8Array([0xeb]), utf8('\n'));
    const record = await sync.run(profile.id, csvFile(bytes));
    expect(record.encoding).to.equal('windows-1252');
    expect((await allContacts(sync, book.id))[0]!.values.firstName).to.equal('Zoë');
    sync.close();
  });

  it('reads UTF-16LE without a BOM, accented capitals included', async () => {
    const { sync, book, profile } = await setup();
    const record = await sync.run(
      profile.id,
      csvFile(utf16le('email,name\nadams@x.io,Ādams Ā\nanna@x.io,Anna\n')),
    );
    expect(record.status, record.error?.message).to.equal('success');
    expect(record.encoding).to.equal('utf-16le');
    expect((await allContacts(sync, book.id)).map((c) => c.values.firstName).sort()).to.deep.equal([
      'Anna',
      'Ādams Ā',
    ]);
    sync.close();
  });

  it('refuses NUL bytes anywhere in the file, as the preview does', async () => {
    const { sync, book, profile } = await setup();
    let text = 'email,name\n';
    for (let i = 0; text.length < 4000; i++) text += `user${i}@x.io,Person ${i}\n`;
    const bytes = concat(utf8(text), new Uint8Array([0, 0, 0]), utf8('\nlate@x.io,Late\n'));
    const preview = await sync.preview(book.id, csvFile(bytes)).catch((e: unknown) => e);
    expect((preview as ContactSyncError).code).to.equal('not-csv');
    const record = await sync.run(profile.id, csvFile(bytes));
    expect(record.status).to.equal('failed');
    expect(record.error?.code).to.equal('not-csv');
    expect(await allContacts(sync, book.id)).to.have.length(0);
    sync.close();
  });

  it('says a vCard given as CSV is a vCard, in the preview and in a run', async () => {
    const { sync, book, profile } = await setup();
    const vcf = '\uFEFFBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann Lee\r\nEMAIL:ann@x.io\r\nEND:VCARD\r\n';
    const preview = (await sync
      .preview(book.id, csvFile(vcf, 'contacts.vcf'))
      .catch((e: unknown) => e)) as ContactSyncError;
    expect(preview.code).to.equal('not-csv');
    expect(preview.details).to.deep.equal({ format: 'vcard' });
    expect(preview.message).to.match(
      /^This file is a vCard address book \(\.vcf\), not a CSV file/,
    );
    const record = await sync.run(profile.id, csvFile(vcf, 'contacts.vcf'));
    expect(record.status).to.equal('failed');
    expect(record.error?.code).to.equal('not-csv');
    // The same file through the vCard path reads back its contact.
    const read = await sync.device.readVCard(csvFile(vcf, 'contacts.vcf'));
    expect(read.contacts.map((c) => c.displayName)).to.deep.equal(['Ann Lee']);
    sync.close();
  });

  it('skips a row whose value is longer than the 10,000 characters a contact may hold', async () => {
    const { sync, book, profile } = await setup();
    // Huge, yet under the 16 million characters a line may have (the next test goes over).
    const huge = 'x'.repeat(12 * 1024 * 1024);
    const record = await sync.run(
      profile.id,
      csvFile(`email,name\nann@x.io,Ann\nbig@x.io,${huge}\n`),
    );
    expect(record.status).to.equal('warnings');
    expect(record.counts).to.include({ created: 1, invalid: 1 });
    expect(record.issues[0]).to.include({ row: 3, code: 'value-too-long', column: 'name' });
    expect(record.issues[0]!.message.length).to.be.below(300);
    expect((await allContacts(sync, book.id)).map((c) => c.values.email)).to.deep.equal([
      'ann@x.io',
    ]);
    sync.close();
  });

  it('says what is wrong with a huge line that has no line break', async () => {
    const { sync, profile } = await setup();
    const record = await sync.run(
      profile.id,
      csvFile(`email,name\n${'a,b,'.repeat(5 * 1024 * 1024)}`),
    );
    expect(record.status).to.equal('failed');
    expect(record.error?.code).to.equal('parse-failed');
    expect(record.error?.message).to.match(/Row 2 .*no line break/);
    expect(record.error?.message).not.to.match(/quote/);
    sync.close();
  });

  it('says that the file changed on disk after it was chosen, and changes nothing', async () => {
    const { sync, book, profile } = await setup();
    const root = await navigator.storage.getDirectory();
    const handle = await root.getFileHandle(`changing-${Date.now()}.csv`, { create: true });
    const write = async (text: string) => {
      const writable = await handle.createWritable();
      await writable.write(text);
      await writable.close();
    };
    await write('email,name\nann@x.io,Ann\n');
    const chosen = await handle.getFile();
    await write('email,name\nann@x.io,Ann\nbob@x.io,Bob\n');
    const record = await sync.run(profile.id, chosen);
    expect(record.status).to.equal('failed');
    expect(record.error?.code).to.equal('file-changed');
    expect(record.error?.message).to.match(/changed while it was being imported/);
    expect(await allContacts(sync, book.id)).to.have.length(0);
    sync.close();
  });

  it('turns an already cancelled signal into a ContactSyncError', async () => {
    const { sync, profile } = await setup();
    const controller = new AbortController();
    controller.abort();
    const error = await sync
      .run(profile.id, csvFile('email,name\nann@x.io,Ann\n'), { signal: controller.signal })
      .catch((e: unknown) => e);
    expect(error).to.be.instanceOf(ContactSyncError);
    expect((error as ContactSyncError).code).to.equal('aborted');
    sync.close();
  });
});
