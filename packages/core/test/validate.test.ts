import { expect } from '@open-wc/testing';
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import {
  BUILT_IN_FIELDS,
  compileRowContext,
  DEFAULT_PARSE_OPTIONS,
  normaliseDate,
  normaliseEmail,
  normaliseNumber,
  normalisePhone,
  normaliseRow,
  normaliseUrl,
} from '../src/index.ts';

describe('value normalisation', () => {
  it('accepts practical email syntax and lowercases only the domain', () => {
    expect(normaliseEmail('  Ann.Lee+work@Example.COM ')).to.equal('Ann.Lee+work@example.com');
    for (const bad of ['ann', 'ann@', '@x.io', 'ann@x', 'a b@x.io', 'ann@@x.io']) {
      expect(normaliseEmail(bad), bad).to.equal(null);
    }
  });

  it('turns phone numbers into E.164 with a default region', () => {
    expect(normalisePhone('(415) 555-0123', 'US')).to.equal('+14155550123');
    expect(normalisePhone('+44 20 7946 0958', 'US')).to.equal('+442079460958');
    expect(normalisePhone('020 7946 0958', 'GB')).to.equal('+442079460958');
    expect(normalisePhone('2 23 45 67', 'LV')).to.equal(null);
    expect(normalisePhone('call me', 'US')).to.equal(null);
  });

  it('reads ISO dates always, and short dates in the chosen order', () => {
    expect(normaliseDate('2020-02-29', 'DMY')).to.equal('2020-02-29');
    expect(normaliseDate('2021-02-29', 'DMY')).to.equal(null);
    expect(normaliseDate('03/04/2020', 'DMY')).to.equal('2020-04-03');
    expect(normaliseDate('03/04/2020', 'MDY')).to.equal('2020-03-04');
    expect(normaliseDate('31.12.1999', 'DMY')).to.equal('1999-12-31');
    expect(normaliseDate('13/13/2020', 'MDY')).to.equal(null);
    expect(normaliseDate('yesterday', 'DMY')).to.equal(null);
  });

  it('normalises numbers and web addresses', () => {
    expect(normaliseNumber('1,5')).to.equal('1.5');
    expect(normaliseNumber('42')).to.equal('42');
    expect(normaliseNumber('4 2a')).to.equal(null);
    expect(normaliseUrl('www.example.com')).to.equal('https://www.example.com/');
    expect(normaliseUrl('javascript:alert(1)')).to.equal(null);
  });
});

describe('row normalisation', () => {
  const mapping = {
    columns: [
      { column: 0, header: 'Email', field: 'email' },
      { column: 1, header: 'Phone', field: 'phone' },
      { column: 2, header: 'Password', field: 'password' },
    ],
    key: { kind: 'column' as const, column: 0 },
  };
  const ctx = compileRowContext(mapping, BUILT_IN_FIELDS, DEFAULT_PARSE_OPTIONS, 3);

  it('keys email columns case-insensitively and keeps passwords out of values', () => {
    const row = normaliseRow({ row: 2, fields: [' Ann@X.io ', '415 555 0123', 's3cret'] }, ctx);
    expect(row.key).to.equal('ann@x.io');
    expect(row.values).to.deep.equal({ email: 'Ann@x.io', phone: '+14155550123' });
    expect(row.passwords).to.deep.equal({ password: 's3cret' });
    expect(row.issues).to.deep.equal([]);
  });

  it('reports bad cells with row, column and a message, never showing a password', () => {
    const row = normaliseRow({ row: 7, fields: ['not-an-email', 'call me', 'hunter2'] }, ctx);
    expect(row.issues.map((i) => [i.row, i.column, i.code])).to.deep.equal([
      [7, 'Email', 'invalid-email'],
      [7, 'Phone', 'invalid-phone'],
    ]);
    expect(row.issues[0]!.message).to.equal(
      'Row 7, column "Email": "not-an-email" is not a valid email address.',
    );
    expect(JSON.stringify(row.issues)).not.to.contain('hunter2');
  });

  it('reports ragged rows and a missing key', () => {
    const short = normaliseRow({ row: 4, fields: ['ann@x.io'] }, ctx);
    expect(short.issues[0]!.code).to.equal('ragged-row');
    expect(short.issues[0]!.message).to.match(/^Row 4 has 1 column but the file has 3/);
    const trailing = normaliseRow({ row: 5, fields: ['ann@x.io', '', '', ''] }, ctx);
    expect(trailing.issues).to.deep.equal([]);
    const noKey = normaliseRow({ row: 6, fields: ['', '', ''] }, ctx);
    expect(noKey.issues.map((i) => i.code)).to.deep.equal(['missing-key']);
  });
});

/** libphonenumber-js on its own: the oracle the fast path must agree with. */
function libraryE164(value: string): string | null {
  const parsed = parsePhoneNumberFromString(value.trim(), 'US');
  return parsed?.isPossible() && /^\+[1-9]\d{6,14}$/.test(parsed.number) ? parsed.number : null;
}

describe('the phone fast path', () => {
  it('gives the same answer as libphonenumber-js for international numbers', () => {
    // Deterministic pseudo-random numbers over many calling codes and lengths.
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    const codes = [
      '1',
      '7',
      '20',
      '33',
      '44',
      '49',
      '61',
      '81',
      '86',
      '91',
      '234',
      '351',
      '371',
      '380',
      '852',
      '971',
      '998',
    ];
    let fast = 0;
    for (let i = 0; i < 4000; i++) {
      const code = codes[next() % codes.length]!;
      const length = 4 + (next() % 11);
      let digits = '';
      for (let d = 0; d < length; d++) digits += String(next() % 10);
      const input =
        i % 3 === 0 ? `+${code} ${digits.slice(0, 3)}-${digits.slice(3)}` : `+${code}${digits}`;
      const expected = libraryE164(input);
      expect(normalisePhone(input, 'US'), input).to.equal(expected);
      if (expected !== null) fast++;
    }
    expect(fast).to.be.greaterThan(500);
  });
});
