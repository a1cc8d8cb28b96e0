import { expect } from '@open-wc/testing';
import { DEFAULT_PARSE_OPTIONS } from '../src/index.ts';
import { allContacts, csvFile, setup } from './helpers.ts';

describe('files as spreadsheets write them', () => {
  it('honours and skips Excel’s "sep=;" first line, in the preview and the run', async () => {
    const { sync, book, profile } = await setup();
    const file = csvFile('sep=;\r\nemail;name\r\nann@x.io;Ann, Jr.\r\nbob@x.io;Bob\r\n');
    const preview = await sync.preview(book.id, file);
    expect(preview.delimiter).to.equal(';');
    expect(preview.columns.map((c) => c.label)).to.deep.equal(['email', 'name']);
    const record = await sync.run(profile.id, file);
    expect(record.status, record.error?.message).to.equal('success');
    expect(record.delimiter).to.equal(';');
    expect(record.counts).to.include({ rows: 2, created: 2, invalid: 0 });
    expect((await allContacts(sync, book.id)).map((c) => c.values.firstName).sort()).to.deep.equal([
      'Ann, Jr.',
      'Bob',
    ]);
    sync.close();
  });

  it('ignores and counts empty rows, never reporting them as missing keys', async () => {
    const { sync, book, profile } = await setup();
    const record = await sync.run(
      profile.id,
      csvFile('email,name\nann@x.io,Ann\n,\n\n , \nbob@x.io,Bob\n,\n\n'),
    );
    expect(record.status).to.equal('success');
    expect(record.counts).to.include({ rows: 2, created: 2, invalid: 0 });
    expect(record.issues).to.deep.equal([]);
    expect(record.notes.join(' ')).to.contain('4 empty rows were ignored');
    expect(record.noteCodes).to.deep.equal([{ code: 'empty-rows', params: { count: 4 } }]);
    expect(await allContacts(sync, book.id)).to.have.length(2);
    sync.close();
  });

  it('never turns empty rows into empty contacts under generated keys', async () => {
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
    const record = await sync.run(profile.id, csvFile('email,name\n,\n,Bo\nann@x.io,Ann\n,,\n'));
    expect(record.counts).to.include({ created: 2 });
    const made = await allContacts(sync, book.id);
    expect(made.every((c) => Object.keys(c.values).length > 0)).to.equal(true);
    sync.close();
  });

  it('suggests fields from real export headers, and leaves an ambiguous "Title" to the person', async () => {
    const { sync, book } = await setup();
    const suggest = async (header: string) =>
      Object.fromEntries(
        (
          await sync.preview(book.id, csvFile(`${header}\n${header.replace(/[^,]+/g, 'x')}\n`))
        ).suggestion.columns.map((c) => [c.header, c.field]),
      );
    // Outlook: "Title" is the courtesy title (Mr., Dr.), "Job Title" the job.
    expect(
      await suggest('Title,First Name,Last Name,Job Title,Company,E-mail Address'),
    ).to.deep.equal({
      Title: null,
      'First Name': 'firstName',
      'Last Name': 'lastName',
      'Job Title': 'title',
      Company: 'company',
      'E-mail Address': 'email',
    });
    expect(await suggest('Vorname,Nachname,Firma,Telefon,Straße,PLZ,Ort,E-Mail')).to.deep.equal({
      Vorname: 'firstName',
      Nachname: 'lastName',
      Firma: 'company',
      Telefon: 'phone',
      Straße: 'street',
      PLZ: 'postalCode',
      Ort: 'city',
      'E-Mail': 'email',
    });
    expect(await suggest('Prénom,Nom,Société,Téléphone,Ville,Code postal,Courriel')).to.deep.equal({
      Prénom: 'firstName',
      Nom: 'lastName',
      Société: 'company',
      Téléphone: 'phone',
      Ville: 'city',
      'Code postal': 'postalCode',
      Courriel: 'email',
    });
    expect(
      await suggest('Nombre,Apellidos,Empresa,Teléfono,Ciudad,Correo electrónico'),
    ).to.deep.equal({
      Nombre: 'firstName',
      Apellidos: 'lastName',
      Empresa: 'company',
      Teléfono: 'phone',
      Ciudad: 'city',
      'Correo electrónico': 'email',
    });
    expect(await suggest('Vārds,Uzvārds,Uzņēmums,Tālrunis,Pilsēta,E-pasts,Amats')).to.deep.equal({
      Vārds: 'firstName',
      Uzvārds: 'lastName',
      Uzņēmums: 'company',
      Tālrunis: 'phone',
      Pilsēta: 'city',
      'E-pasts': 'email',
      Amats: 'title',
    });
    // LinkedIn connections and HubSpot.
    expect(await suggest('First Name,Last Name,Email Address,Company,Position')).to.deep.include({
      Position: 'title',
      'Email Address': 'email',
    });
    expect(await suggest('First Name,Last Name,Email,Phone Number,Company Name')).to.deep.include({
      'Phone Number': 'phone',
      'Company Name': 'company',
    });
    sync.close();
  });

  it('reads the encodings people choose: Baltic, Cyrillic, Central European, Japanese, Chinese', async () => {
    const bytes = (...parts: (string | number[])[]) =>
      new Uint8Array(
        parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)),
      );
    const cases = [
      // "Bērziņa" in Windows-1257 (Latvian): ē = E7, ņ = F2.
      ['windows-1257', bytes('email,name\nb@x.io,B', [0xe7], 'rzi', [0xf2], 'a\n'), 'Bērziņa'],
      // "Иван" in Windows-1251.
      ['windows-1251', bytes('email,name\ni@x.io,', [0xc8, 0xe2, 0xe0, 0xed], '\n'), 'Иван'],
      // "Łukasz" in Windows-1250 (Polish): Ł = A3.
      ['windows-1250', bytes('email,name\nl@x.io,', [0xa3], 'ukasz\n'), 'Łukasz'],
      // "山田" in Shift_JIS and "张伟" in GB18030.
      ['shift_jis', bytes('email,name\ny@x.io,', [0x8e, 0x52, 0x93, 0x63], '\n'), '山田'],
      ['gb18030', bytes('email,name\nz@x.io,', [0xd5, 0xc5, 0xce, 0xb0], '\n'), '张伟'],
    ] as const;
    for (const [encoding, file, name] of cases) {
      const { sync, book, profile } = await setup({
        parse: { ...DEFAULT_PARSE_OPTIONS, encoding },
      });
      const preview = await sync.preview(book.id, csvFile(file), { encoding });
      expect(preview.encoding, encoding).to.equal(encoding);
      expect(preview.rows[0]?.fields[1], encoding).to.equal(name);
      const record = await sync.run(profile.id, csvFile(file));
      expect(record.status, `${encoding}: ${record.error?.message}`).to.equal('success');
      expect((await allContacts(sync, book.id)).map((c) => c.values.firstName)).to.deep.equal([
        name,
      ]);
      sync.close();
    }
  });
});
