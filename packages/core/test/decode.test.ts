import { expect } from '@open-wc/testing';
import {
  ContactSyncError,
  createDecoder,
  InvalidUtf8Error,
  scanSource,
  sniffEncoding,
} from '../src/index.ts';
import { bytesSource, hasher, MemoryTarget, run } from './helpers.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);

function utf16(s: string, littleEndian: boolean, bom = true): Uint8Array {
  const out = new Uint8Array((s.length + (bom ? 1 : 0)) * 2);
  const view = new DataView(out.buffer);
  let at = 0;
  if (bom) {
    view.setUint16(0, 0xfeff, littleEndian);
    at = 2;
  }
  for (let i = 0; i < s.length; i++, at += 2) view.setUint16(at, s.charCodeAt(i), littleEndian);
  return out;
}

async function decodeAll(bytes: Uint8Array, chunk: number) {
  const scan = await scanSource(bytesSource(bytes, chunk), 'auto', hasher, undefined, () => {});
  // Strict, as the parse pass decodes a presumed UTF-8 file: invalid bytes would throw.
  const decoder = createDecoder(scan.encoding, scan.presumedUtf8);
  let text = '';
  for await (const c of bytesSource(bytes, chunk).open()) text += decoder.push(c);
  return { scan, text: text + decoder.end() };
}

describe('decoding', () => {
  it('reads UTF-8 with and without a BOM, dropping the BOM', async () => {
    const plain = await decodeAll(utf8('name\nZoë\n'), 3);
    const bom = await decodeAll(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('name\nZoë\n')]), 3);
    expect(plain.scan.encoding).to.equal('utf-8');
    expect(bom.scan.encoding).to.equal('utf-8');
    expect(plain.text).to.equal('name\nZoë\n');
    expect(bom.text).to.equal('name\nZoë\n');
  });

  it('reads UTF-16 little- and big-endian by their BOM', async () => {
    const le = await decodeAll(utf16('email;name\nä@x.io;Jürgen\n', true), 7);
    const be = await decodeAll(utf16('email;name\nä@x.io;Jürgen\n', false), 7);
    expect(le.scan.encoding).to.equal('utf-16le');
    expect(be.scan.encoding).to.equal('utf-16be');
    expect(le.text).to.equal('email;name\nä@x.io;Jürgen\n');
    expect(be.text).to.equal('email;name\nä@x.io;Jürgen\n');
  });

  it('recognises UTF-16 without a BOM from its NUL pattern', () => {
    expect(sniffEncoding(utf16('email,name\nann@x.io,Ann\n', true, false), 'auto')).to.equal(
      'utf-16le',
    );
  });

  it('falls back to Windows-1252 for invalid UTF-8 and says so', async () => {
    // "Müller" in Windows-1252: ü = 0xFC.
    const bytes = new Uint8Array([
      ...utf8('email,first,phone\nann@x.io,M'),
      0xfc,
      ...utf8('ller,\n'),
    ]);
    expect(() => createDecoder('utf-8', true).push(bytes)).to.throw(InvalidUtf8Error);
    const target = new MemoryTarget();
    const { record } = await run(bytes, target);
    expect(record.status).to.equal('success');
    expect(record.encoding).to.equal('windows-1252');
    expect(record.notes.join(' ')).to.match(/not valid UTF-8, so it was read as Windows-1252/);
    expect(target.byKey('ann@x.io')!.values.firstName).to.equal('Müller');
  });

  it('falls back even when the invalid byte comes after many valid rows, staging nothing twice', async () => {
    const rows = Array.from({ length: 20000 }, (_, i) => `u${i}@x.io,Name ${i},`).join('\n');
    const bytes = new Uint8Array([
      ...utf8(`email,first,phone\n${rows}\nlast@x.io,Caf`),
      0xe9,
      0x2c,
      0x0a,
    ]);
    const target = new MemoryTarget();
    const { record } = await run(bytes, target);
    expect(record.encoding).to.equal('windows-1252');
    expect(record.counts.created).to.equal(20001);
    expect(target.contacts.size).to.equal(20001);
    expect(target.byKey('last@x.io')!.values.firstName).to.equal('Café');
  });

  it('decodes a multibyte character split across chunk boundaries intact', async () => {
    const text = 'name\n' + '日本語😀Zoë'.repeat(300) + '\n';
    for (const chunk of [1, 2, 3, 5]) {
      const result = await decodeAll(utf8(text), chunk);
      expect(result.scan.presumedUtf8, `chunk ${chunk}`).to.equal(true);
      expect(result.text, `chunk ${chunk}`).to.equal(text);
    }
  });

  it('refuses NUL bytes and zip/xlsx files as "not a CSV file"', async () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    const nul = new Uint8Array([...utf8('a,b\n'), 0, ...utf8('c,d\n')]);
    for (const bytes of [zip, nul]) {
      const error = await scanSource(bytesSource(bytes), 'auto', hasher, undefined, () => {}).catch(
        (e) => e,
      );
      expect(error).to.be.instanceOf(ContactSyncError);
      expect(error.code).to.equal('not-csv');
    }
    expect(() => sniffEncoding(zip, 'auto')).to.throw(/Excel workbook/);
  });

  it('fingerprints the bytes with SHA-256', async () => {
    const scan = await scanSource(bytesSource('abc'), 'auto', hasher, undefined, () => {});
    expect(scan.fingerprint).to.equal(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(scan.bytes).to.equal(3);
  });

  it('refuses an empty file', async () => {
    const error = await scanSource(bytesSource(''), 'auto', hasher, undefined, () => {}).catch(
      (e) => e,
    );
    expect(error.code).to.equal('empty-file');
  });
});
