import { expect } from '@open-wc/testing';
import { BUILT_IN_FIELDS, buildPreview, DEFAULT_PARSE_OPTIONS } from '../src/index.ts';

const enc = (s: string) => new TextEncoder().encode(s);

describe('preview', () => {
  it('shows detected settings, the first rows, samples and empty counts', () => {
    const csv = 'First Name;E-mail Address;Password\nAnn;ann@x.io;pw1\nBob;;pw2\n;carl@x.io;\n';
    const p = buildPreview(enc(csv), true, {
      parse: DEFAULT_PARSE_OPTIONS,
      fields: BUILT_IN_FIELDS,
      rowLimit: 2,
    });
    expect(p.delimiter).to.equal(';');
    expect(p.delimiterDetected).to.equal(true);
    expect(p.encoding).to.equal('utf-8');
    expect(p.headers).to.deep.equal(['First Name', 'E-mail Address', 'Password']);
    expect(p.rows.map((r) => r.fields[0])).to.deep.equal(['Ann', 'Bob']);
    expect(p.sampledRows).to.equal(3);
    expect(p.columns.map((c) => [c.label, c.empty])).to.deep.equal([
      ['First Name', 1],
      ['E-mail Address', 1],
      ['Password', 1],
    ]);
    expect(p.columns[1]!.samples).to.deep.equal(['ann@x.io', 'carl@x.io']);
    expect(p.suggestion.columns.map((c) => c.field)).to.deep.equal([
      'firstName',
      'email',
      'password',
    ]);
    // Password cells are masked even in a preview.
    expect(JSON.stringify(p)).not.to.match(/pw1|pw2/);
  });

  it('reports ragged rows and a fallback encoding', () => {
    const bytes = new Uint8Array([...enc('a,b\n1,2\n3\nM'), 0xfc, ...enc('ller,x\n')]);
    const p = buildPreview(bytes, true, { parse: DEFAULT_PARSE_OPTIONS, fields: BUILT_IN_FIELDS });
    expect(p.encoding).to.equal('windows-1252');
    expect(p.encodingNote).to.match(/not valid UTF-8/);
    expect(p.issues.map((i) => [i.row, i.code])).to.deep.equal([[3, 'ragged-row']]);
    expect(p.rows[2]!.fields[0]).to.equal('Müller');
  });

  it('drops a cut last line from a partial sample and honours a chosen delimiter', () => {
    const p = buildPreview(enc('a|b\n1|2\n3|"cut'), false, {
      parse: { ...DEFAULT_PARSE_OPTIONS, delimiter: '|' },
      fields: BUILT_IN_FIELDS,
    });
    expect(p.rows.map((r) => r.fields)).to.deep.equal([['1', '2']]);
    expect(p.issues).to.deep.equal([]);
    expect(p.complete).to.equal(false);
  });

  it('treats the first line as data when there is no header', () => {
    const p = buildPreview(enc('ann@x.io,Ann\n'), true, {
      parse: { ...DEFAULT_PARSE_OPTIONS, header: false },
      fields: BUILT_IN_FIELDS,
    });
    expect(p.headers).to.equal(null);
    expect(p.rows).to.have.length(1);
    expect(p.columns.map((c) => c.label)).to.deep.equal(['Column 1', 'Column 2']);
  });
});
