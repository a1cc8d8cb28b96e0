import type { Contact } from '../model/contact.ts';

/** RFC 6350 text escaping: backslash, comma, semicolon and line breaks. */
const esc = (value: string) =>
  value.replace(/\\/g, '\\\\').replace(/,/g, '\\,').replace(/;/g, '\\;').replace(/\r?\n/g, '\\n');

const encoder = new TextEncoder();

/** Folds a content line at 75 octets without splitting a character (RFC 6350 §3.2). */
function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    if (octets + size > (out.length ? 74 : 75)) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

/** One contact as a vCard 4.0, with its id as UID so reading it back finds the same contact. */
export function contactVCard(c: Contact): string {
  const v = c.values;
  const names = [v.firstName, v.lastName].filter(Boolean).join(' ');
  const fn = v.displayName || names || v.company || v.email || v.phone || v.mobile || c.id;
  const lines = [
    'BEGIN:VCARD',
    'VERSION:4.0',
    `UID:${esc(c.id)}`,
    `FN:${esc(fn)}`,
    `N:${esc(v.lastName ?? '')};${esc(v.firstName ?? '')};;;`,
  ];
  if (v.email) lines.push(`EMAIL:${esc(v.email)}`);
  if (v.mobile) lines.push(`TEL;TYPE=cell:${esc(v.mobile)}`);
  if (v.phone) lines.push(`TEL;TYPE=voice:${esc(v.phone)}`);
  if (v.company) lines.push(`ORG:${esc(v.company)}`);
  if (v.title) lines.push(`TITLE:${esc(v.title)}`);
  if (v.street || v.city || v.region || v.postalCode || v.country)
    lines.push(
      `ADR:;;${[v.street, v.city, v.region, v.postalCode, v.country].map((p) => esc(p ?? '')).join(';')}`,
    );
  if (v.birthday) lines.push(`BDAY:${v.birthday.replace(/-/g, '')}`);
  if (v.website) lines.push(`URL:${esc(v.website)}`);
  if (v.notes) lines.push(`NOTE:${esc(v.notes)}`);
  lines.push('END:VCARD');
  return lines.map(fold).join('\r\n') + '\r\n';
}
