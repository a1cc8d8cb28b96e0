import { expect } from '@open-wc/testing';
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
});
