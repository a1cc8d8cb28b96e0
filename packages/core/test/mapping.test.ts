import { expect } from '@open-wc/testing';
import {
  assertMappingUsable,
  BUILT_IN_FIELDS,
  customFieldId,
  DEFAULT_BEHAVIOUR,
  mapColumn,
  setKeyStrategy,
  suggestMapping,
  toMapping,
  unmapColumn,
} from '../src/index.ts';

const fieldsOf = (headers: string[]) =>
  suggestMapping(headers, headers.length, BUILT_IN_FIELDS).columns.map((c) => c.field);

describe('mapping suggestions', () => {
  it('understands Google Contacts export headers', () => {
    expect(
      fieldsOf([
        'Given Name',
        'Family Name',
        'E-mail 1 - Value',
        'Phone 1 - Value',
        'Organization 1 - Name',
        'Organization 1 - Title',
        'Notes',
      ]),
    ).to.deep.equal(['firstName', 'lastName', 'email', 'phone', 'company', 'title', 'notes']);
  });

  it('understands Outlook export headers', () => {
    expect(
      fieldsOf([
        'First Name',
        'Last Name',
        'E-mail Address',
        'Mobile Phone',
        'Business Phone',
        'Company',
        'Job Title',
        'Business City',
        'Business Postal Code',
        'Business Country/Region',
      ]),
    ).to.deep.equal([
      'firstName',
      'lastName',
      'email',
      'mobile',
      'phone',
      'company',
      'title',
      'city',
      'postalCode',
      'country',
    ]);
  });

  it('understands Apple/iCloud style headers and leaves unknown ones unmapped', () => {
    expect(
      fieldsOf(['First name', 'Last name', 'Email', 'iPhone', 'Birthday', 'Favourite colour']),
    ).to.deep.equal(['firstName', 'lastName', 'email', 'mobile', 'birthday', null]);
  });

  it('marks suggestions, maps each field once and proposes the email column as key', () => {
    const s = suggestMapping(['Name', 'Email', 'E-mail Address'], 3, BUILT_IN_FIELDS);
    expect(s.columns.map((c) => [c.field, c.suggested])).to.deep.equal([
      ['displayName', true],
      ['email', true],
      [null, false],
    ]);
    expect(s.key).to.deep.equal({ kind: 'column', column: 1 });
  });

  it('proposes generated keys when there is no email column, and names headerless columns', () => {
    const s = suggestMapping(null, 2, BUILT_IN_FIELDS);
    expect(s.key).to.deep.equal({ kind: 'generated' });
    expect(s.columns.map((c) => c.header)).to.deep.equal(['Column 1', 'Column 2']);
  });

  it('matches a custom field by its label', () => {
    const custom = {
      id: 'custom_Shoe_size',
      label: 'Shoe size',
      type: 'number' as const,
      builtIn: false,
    };
    expect(
      suggestMapping(['Shoe Size'], 1, [...BUILT_IN_FIELDS, custom]).columns[0]!.field,
    ).to.equal('custom_Shoe_size');
  });
});

describe('mapping edits', () => {
  const base = toMapping(suggestMapping(['Email', 'Name', 'Extra'], 3, BUILT_IN_FIELDS));

  it('maps a column, taking the field away from any other column', () => {
    const m = mapColumn(base, 2, 'email');
    expect(m.columns.map((c) => c.field)).to.deep.equal([null, 'displayName', 'email']);
  });

  it('removes a mapping (the column is ignored)', () => {
    expect(unmapColumn(base, 1).columns[1]!.field).to.equal(null);
  });

  it('creates unique ids for new custom fields', () => {
    const existing = [
      ...BUILT_IN_FIELDS,
      { id: 'custom_Shoe_size', label: 'x', type: 'text' as const, builtIn: false },
    ];
    expect(customFieldId('Shoe size', existing)).to.equal('custom_Shoe_size_2');
    expect(customFieldId('Größe (EU)', BUILT_IN_FIELDS)).to.equal('custom_Gro_e_EU');
  });

  it('refuses unknown fields, double mappings and an empty mapping', () => {
    const unknown = mapColumn(base, 2, 'nope');
    expect(() => assertMappingUsable(unknown, BUILT_IN_FIELDS, DEFAULT_BEHAVIOUR)).to.throw(
      /does not exist/,
    );
    const twice = { ...base, columns: base.columns.map((c) => ({ ...c, field: 'email' })) };
    expect(() => assertMappingUsable(twice, BUILT_IN_FIELDS, DEFAULT_BEHAVIOUR)).to.throw(
      /More than one column/,
    );
    const none = { ...base, columns: base.columns.map((c) => ({ ...c, field: null })) };
    expect(() => assertMappingUsable(none, BUILT_IN_FIELDS, DEFAULT_BEHAVIOUR)).to.throw(
      /No column/,
    );
  });

  it('refuses generated keys with update or delete modes, and says why', () => {
    const generated = setKeyStrategy(base, { kind: 'generated' });
    for (const behaviour of [
      { ...DEFAULT_BEHAVIOUR, updateExisting: true, deleteMissing: false },
      { ...DEFAULT_BEHAVIOUR, updateExisting: false, deleteMissing: true },
    ]) {
      try {
        assertMappingUsable(generated, BUILT_IN_FIELDS, behaviour);
        expect.fail('should refuse');
      } catch (error) {
        expect((error as { code: string }).code).to.equal('key-strategy-conflict');
        expect((error as Error).message).to.match(/creates new contacts/);
      }
    }
    expect(() =>
      assertMappingUsable(generated, BUILT_IN_FIELDS, {
        ...DEFAULT_BEHAVIOUR,
        updateExisting: false,
        deleteMissing: false,
      }),
    ).not.to.throw();
  });
});
