import { expect } from '@open-wc/testing';
import { CsvRowReader, detectDelimiter, detectNewline, type RawRow } from '../src/index.ts';

function readAll(text: string, delimiter: string, chunk = 4): RawRow[] {
  const reader = new CsvRowReader(delimiter, detectNewline(text));
  const rows: RawRow[] = [];
  for (let i = 0; i < text.length; i += chunk) rows.push(...reader.push(text.slice(i, i + chunk)));
  return [...rows, ...reader.end()];
}

describe('CSV reading', () => {
  for (const [name, d] of [
    ['comma', ','],
    ['semicolon', ';'],
    ['tab', '\t'],
    ['pipe', '|'],
    ['another character (#)', '#'],
  ] as const) {
    it(`splits on ${name}`, () => {
      const rows = readAll(`email${d}name\nann@x.io${d}Ann\nbob@x.io${d}"Bob${d} Jr."\n`, d);
      expect(rows.map((r) => r.fields)).to.deep.equal([
        ['email', 'name'],
        ['ann@x.io', 'Ann'],
        ['bob@x.io', `Bob${d} Jr.`],
      ]);
    });
  }

  it('reads a long record fed in small pieces, and every record around it, in order', () => {
    const long = 'x'.repeat(100_000);
    const text = `a,b\n${long},"y\nz"\nc,d\ne,"${long}"\nf,g`;
    const rows = readAll(text, ',', 7);
    expect(rows.map((r) => [r.row, r.fields])).to.deep.equal([
      [1, ['a', 'b']],
      [2, [long, 'y\nz']],
      [3, ['c', 'd']],
      [4, ['e', long]],
      [5, ['f', 'g']],
    ]);
  });

  it('detects comma, semicolon, tab and pipe', () => {
    for (const d of [',', ';', '\t', '|']) {
      expect(detectDelimiter(`a${d}b${d}c\n1${d}2${d}3\n4${d}5${d}6\n`)).to.equal(d);
    }
  });

  it('is not fooled by decimal commas or quoted delimiters', () => {
    expect(detectDelimiter('email;shoe\nann@x.io;42,5\n')).to.equal(';');
    expect(detectDelimiter('name,note\n"A; B",x\n"C; D",y\n')).to.equal(',');
    expect(detectDelimiter('just one column\nvalue\n')).to.equal(',');
  });

  it('keeps quoted delimiters, quotes and line breaks inside a field, across chunks', () => {
    const text = 'name,notes\r\n"Smith, Ann","line one\r\nline ""two"""\r\nBob,plain\r\n';
    for (const chunk of [1, 3, 7, 100]) {
      const rows = readAll(text, ',', chunk);
      expect(
        rows.map((r) => r.fields),
        `chunk ${chunk}`,
      ).to.deep.equal([
        ['name', 'notes'],
        ['Smith, Ann', 'line one\r\nline "two"'],
        ['Bob', 'plain'],
      ]);
      expect(rows.map((r) => r.row)).to.deep.equal([1, 2, 3]);
    }
  });

  it('numbers records as a spreadsheet does and skips blank lines', () => {
    const rows = readAll('a,b\n\n1,2\n3,4\n', ',');
    expect(rows.map((r) => [r.row, r.fields[0]])).to.deep.equal([
      [1, 'a'],
      [3, '1'],
      [4, '3'],
    ]);
  });

  it('reports an unterminated quote with its row number', () => {
    expect(() => readAll('a,b\n1,2\n3,"open\n5,6\n', ',')).to.throw(
      /Row 3 opens a quote that never closes/,
    );
  });
});
