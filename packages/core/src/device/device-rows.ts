import type { Mapping } from '../model/profile.ts';
import { normaliseEmail } from '../validate/email.ts';
import { normalisePhone } from '../validate/phone.ts';
import type { DeviceContact, TypedValue } from './device-contact.ts';

/** The columns a device snapshot becomes, and the contact field each one fills. */
const COLUMNS = [
  ['Device id', null],
  ['First name', 'firstName'],
  ['Last name', 'lastName'],
  ['Display name', 'displayName'],
  ['Email', 'email'],
  ['Phone', 'phone'],
  ['Mobile', 'mobile'],
  ['Company', 'company'],
  ['Job title', 'title'],
  ['Notes', 'notes'],
] as const;

/** The fixed mapping of a device sync: the device id (with its source) is the unique key. */
export const DEVICE_MAPPING: Mapping = {
  columns: COLUMNS.map(([header, field], column) => ({ column, header, field })),
  key: { kind: 'column', column: 0 },
};

/** The key a device contact has in the address book; sources never share keys. */
export const deviceKey = (source: string, id: string) => `${source}:${id}`;

const isMobile = (p: TypedValue) => /mobile|cell|iphone/i.test(p.type ?? '');

function label(kind: string, v: TypedValue): string {
  return v.type ? `${kind} (${v.type}): ${v.value}` : `${kind}: ${v.value}`;
}

/**
 * Spreads a contact over the built-in fields: the first valid email, the first mobile and the
 * first other phone get fields; every further or unreadable one is kept in the notes, so no
 * number or address is lost and no contact is refused for one bad value.
 */
export function deviceRow(source: string, c: DeviceContact, region: string): string[] {
  const emails = (c.emails ?? []).filter((e) => e.value.trim());
  const phones = (c.phones ?? []).filter((p) => p.value.trim());
  const email = emails.find((e) => normaliseEmail(e.value) !== null);
  const valid = (p: TypedValue) => normalisePhone(p.value, region) !== null;
  const mobile = phones.find((p) => isMobile(p) && valid(p));
  const phone =
    phones.find((p) => p !== mobile && !isMobile(p) && valid(p)) ??
    (mobile ? undefined : phones.find(valid));
  const extra = [
    ...emails.filter((e) => e !== email).map((e) => label('Email', e)),
    ...phones.filter((p) => p !== phone && p !== mobile).map((p) => label('Phone', p)),
  ];
  const notes = [c.note?.trim(), ...extra].filter(Boolean).join('\n');
  return [
    deviceKey(source, c.id),
    c.givenName ?? '',
    c.familyName ?? '',
    c.displayName ?? '',
    email?.value ?? '',
    phone?.value ?? '',
    mobile?.value ?? '',
    c.organization ?? '',
    c.title ?? '',
    notes,
  ];
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A snapshot as CSV text, so it goes through the same import pipeline as any file. */
export function deviceCsv(
  source: string,
  contacts: readonly DeviceContact[],
  region: string,
): string {
  const lines = [COLUMNS.map(([header]) => header).join(',')];
  for (const c of contacts) lines.push(deviceRow(source, c, region).map(csvCell).join(','));
  return lines.join('\r\n') + '\r\n';
}
