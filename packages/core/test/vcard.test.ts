import { expect } from '@open-wc/testing';
import { deviceCsv, DEVICE_MAPPING, parseVCard, pickedContacts, readVCard } from '../src/index.ts';

const card = (...lines: string[]) => ['BEGIN:VCARD', ...lines, 'END:VCARD'].join('\r\n') + '\r\n';

describe('vCard reader', () => {
  it('joins folded lines and undoes escapes', () => {
    const { contacts } = parseVCard(
      card('VERSION:3.0', 'FN:Ann Lee', 'NOTE:First\\, and\\nsecond', '  line folded', 'UID:1'),
    );
    expect(contacts[0]!.note).to.equal('First, and\nsecond line folded');
  });

  it('decodes quoted-printable UTF-8 with soft line breaks (vCard 2.1)', () => {
    const { contacts } = parseVCard(
      card(
        'VERSION:2.1',
        'N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=C5=A0=C4=B7=C4=93le;J=C4=81nis;;;',
        'FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:J=C4=81nis =',
        '=C5=A0=C4=B7=C4=93le',
        'TEL;CELL:+37129999999',
      ),
    );
    expect(contacts[0]).to.deep.include({
      givenName: 'Jānis',
      familyName: 'Šķēle',
      displayName: 'Jānis Šķēle',
      phones: [{ value: '+37129999999', type: 'mobile' }],
    });
  });

  it('keeps every EMAIL and TEL with its type, including grouped and 4.0 URI values', () => {
    const { contacts } = parseVCard(
      card(
        'VERSION:4.0',
        'FN:Zoë',
        'item1.EMAIL;type=INTERNET;type=pref:a@x.io',
        'EMAIL;TYPE=work:b@x.io',
        'TEL;VALUE=uri;TYPE="cell,voice":tel:+33-6-12-34-56-78',
        'TEL;TYPE=home:+33 1 23 45 67 89',
        'UID:urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6',
      ),
    );
    expect(contacts[0]).to.deep.include({
      id: 'f81d4fae-7dec-11d0-a765-00a0c91e6bf6',
      emails: [{ value: 'a@x.io' }, { value: 'b@x.io', type: 'work' }],
      phones: [
        { value: '+33-6-12-34-56-78', type: 'mobile' },
        { value: '+33 1 23 45 67 89', type: 'home' },
      ],
    });
  });

  it('derives a stable id for a card without UID, and reads several cards', () => {
    const text = card('FN:One', 'EMAIL:one@x.io') + card('FN:Two', 'TEL:+1 415 555 0100');
    const first = parseVCard(text).contacts;
    expect(first.map((c) => c.displayName)).to.deep.equal(['One', 'Two']);
    expect(first[0]!.id).to.match(/^vcard-/);
    expect(parseVCard(text).contacts.map((c) => c.id)).to.deep.equal(first.map((c) => c.id));
    expect(first[0]!.id).not.to.equal(first[1]!.id);
  });

  it('reads UTF-16 exports (with a BOM) and legacy Windows-1252 files, and refuses other files', () => {
    const text = card('VERSION:3.0', 'FN:Zoë Šķēle', 'UID:u1');
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) utf16[2 + i * 2] = text.charCodeAt(i) & 0xff;
    for (let i = 0; i < text.length; i++) utf16[3 + i * 2] = text.charCodeAt(i) >> 8;
    expect(readVCard(utf16).contacts[0]!.displayName).to.equal('Zoë Šķēle');
    const latin = Uint8Array.from(card('FN:Zoë', 'UID:u2'), (c) => c.charCodeAt(0));
    expect(readVCard(latin).contacts[0]!.displayName).to.equal('Zoë');
    expect(() => readVCard(new TextEncoder().encode('a,b\n1,2\n'))).to.throw(/not a vCard/);
  });

  it('reports a card without END and leaves out an empty card', () => {
    const { contacts, issues } = parseVCard(
      'BEGIN:VCARD\r\nFN:Cut off\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nEND:VCARD\r\n',
    );
    expect(contacts.map((c) => c.displayName)).to.deep.equal(['Cut off']);
    expect(issues).to.have.length(2);
    expect(issues[0]).to.contain('no END:VCARD');
    expect(issues[1]).to.contain('no name, email or phone');
  });
});

describe('device contacts as rows', () => {
  it('fills built-in fields and keeps extra or unreadable values in the notes', () => {
    const csv = deviceCsv(
      'iOS',
      [
        {
          id: 'a',
          givenName: 'Ann',
          emails: [{ value: 'not an email' }, { value: 'ann@x.io', type: 'home' }],
          phones: [
            { value: '+1 415 555 0100', type: 'mobile' },
            { value: '+1 212 555 0199', type: 'work' },
            { value: '12', type: 'other' },
          ],
        },
      ],
      'US',
    );
    const [header, row] = csv.trim().split('\r\n');
    expect(header!.split(',')).to.deep.equal(DEVICE_MAPPING.columns.map((c) => c.header));
    expect(row).to.contain('iOS:a,Ann,,,ann@x.io,+1 212 555 0199,+1 415 555 0100');
    expect(row).to.contain('Email: not an email');
    expect(row).to.contain('Phone (other): 12');
  });

  it('gives picked contacts ids derived from what they hold', () => {
    const [a, b] = pickedContacts([
      { name: ['Ann'], email: ['ann@x.io'], tel: [] },
      { name: ['Ann'], email: ['ann@x.io'], tel: [] },
    ]);
    expect(a!.id).to.equal(b!.id);
    expect(a).to.deep.include({ displayName: 'Ann', emails: [{ value: 'ann@x.io' }] });
  });
});

describe('a vCard with a stray byte', () => {
  it('stays UTF-8, so accented names are not garbled', () => {
    const text = new TextEncoder().encode(
      'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ādams Ozoliņš\r\nEMAIL:adams@x.lv\r\nEND:VCARD\r\n',
    );
    const bytes = new Uint8Array([...text, 0xff]);
    const { contacts } = readVCard(bytes);
    expect(contacts.map((c) => c.displayName)).to.deep.equal(['Ādams Ozoliņš']);
  });
});
