import type { FieldDef, FieldType } from './fields.ts';

const builtIn = (id: string, label: string, type: FieldType = 'text'): FieldDef => ({
  id,
  label,
  type,
  builtIn: true,
});

/** The fields every address book starts with. Hosts may add custom ones. */
export const BUILT_IN_FIELDS: readonly FieldDef[] = [
  builtIn('firstName', 'First name'),
  builtIn('lastName', 'Last name'),
  builtIn('displayName', 'Display name'),
  builtIn('email', 'Email', 'email'),
  builtIn('phone', 'Phone', 'phone'),
  builtIn('mobile', 'Mobile', 'phone'),
  builtIn('company', 'Company'),
  builtIn('title', 'Job title'),
  builtIn('street', 'Street'),
  builtIn('city', 'City'),
  builtIn('region', 'State / region'),
  builtIn('postalCode', 'Postal code'),
  builtIn('country', 'Country'),
  builtIn('birthday', 'Birthday', 'date'),
  builtIn('website', 'Website', 'url'),
  builtIn('notes', 'Notes'),
  builtIn('password', 'Password', 'password'),
];

/** A stable id for a new custom field, derived from its label and unique among `existing`. */
export function customFieldId(label: string, existing: readonly FieldDef[]): string {
  const slug = label
    .normalize('NFKD')
    .replace(/[^a-zA-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40);
  const base = `custom_${slug || 'field'}`;
  const taken = new Set(existing.map((f) => f.id));
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}_${n}`;
  return id;
}
