import { ContactSyncError } from '../errors.ts';
import { decodeText } from '../csv/decode.ts';
import { rowHash } from '../plan/row-hash.ts';
import type { DeviceContact, TypedValue } from '../device/device-contact.ts';
import { parseContentLine, unfold } from './content-line.ts';
import { stripUri, structuredValue, textValue, typeLabel } from './vcard-values.ts';

export interface VCardResult {
  readonly contacts: DeviceContact[];
  /** Plain-language problems: cards without an end, cards with nothing in them. */
  readonly issues: string[];
}

interface Draft {
  uid?: string;
  fn?: string;
  given?: string;
  family?: string;
  org?: string;
  title?: string;
  note?: string;
  emails: TypedValue[];
  phones: TypedValue[];
}

const typed = (value: string, type: string | undefined): TypedValue =>
  type ? { value, type } : { value };

/** A key for a card without UID, from what identifies it, so the same card maps the same way. */
function derivedId(d: Draft): string {
  const parts = [
    d.fn ?? '',
    d.given ?? '',
    d.family ?? '',
    ...d.emails.map((e) => e.value),
    ...d.phones.map((p) => p.value),
  ];
  return `vcard-${rowHash(parts.map((p) => p.toLowerCase())).toString(36)}`;
}

function finish(d: Draft): DeviceContact | null {
  const contact: DeviceContact = {
    id: d.uid?.replace(/^urn:uuid:/i, '') || derivedId(d),
    ...(d.given ? { givenName: d.given } : {}),
    ...(d.family ? { familyName: d.family } : {}),
    ...(d.fn ? { displayName: d.fn } : {}),
    ...(d.emails.length ? { emails: d.emails } : {}),
    ...(d.phones.length ? { phones: d.phones } : {}),
    ...(d.org ? { organization: d.org } : {}),
    ...(d.title ? { title: d.title } : {}),
    ...(d.note ? { note: d.note } : {}),
  };
  const empty = !d.fn && !d.given && !d.family && !d.org && !d.emails.length && !d.phones.length;
  return empty ? null : contact;
}

/**
 * Reads vCard 2.1, 3.0 and 4.0 text (iPhone, Android, macOS exports): several cards per file,
 * folded lines, quoted-printable and UTF-8 values, typed EMAIL and TEL entries, grouped
 * properties, and UID as the stable id (cards without one get an id derived from their content).
 */
export function parseVCard(text: string): VCardResult {
  const contacts: DeviceContact[] = [];
  const issues: string[] = [];
  let draft: Draft | null = null;
  let cardNumber = 0;
  for (const raw of unfold(text.replace(/^\uFEFF/, ''))) {
    const line = parseContentLine(raw);
    if (!line) continue;
    if (line.name === 'BEGIN' && /^vcard$/i.test(line.value.trim())) {
      if (draft)
        issues.push(`Card ${cardNumber} has no END:VCARD; it was read up to the next card.`);
      if (draft) pushCard(draft);
      draft = { emails: [], phones: [] };
      cardNumber++;
      continue;
    }
    if (!draft) continue;
    if (line.name === 'END') {
      pushCard(draft);
      draft = null;
      continue;
    }
    apply(draft, line);
  }
  if (draft) {
    issues.push(`Card ${cardNumber} has no END:VCARD; it was read to the end of the file.`);
    pushCard(draft);
  }
  return { contacts, issues };

  function pushCard(d: Draft): void {
    const contact = finish(d);
    if (contact) contacts.push(contact);
    else issues.push(`Card ${cardNumber} has no name, email or phone; it was left out.`);
  }
}

function apply(d: Draft, line: ReturnType<typeof parseContentLine> & object): void {
  switch (line.name) {
    case 'UID':
      d.uid = textValue(line).trim();
      break;
    case 'FN':
      d.fn = textValue(line).trim();
      break;
    case 'N': {
      const [family = '', given = ''] = structuredValue(line);
      d.family = family || d.family;
      d.given = given || d.given;
      break;
    }
    case 'ORG':
      d.org = structuredValue(line).filter(Boolean).join(', ');
      break;
    case 'TITLE':
      d.title = textValue(line).trim();
      break;
    case 'NOTE':
      d.note = textValue(line).trim();
      break;
    case 'EMAIL': {
      const value = stripUri(textValue(line));
      if (value) d.emails.push(typed(value, typeLabel(line)));
      break;
    }
    case 'TEL': {
      const value = stripUri(textValue(line));
      if (value) d.phones.push(typed(value, typeLabel(line)));
      break;
    }
  }
}

/** Reads a .vcf file's bytes in whatever encoding the exporter chose; refuses a file with no card. */
export function readVCard(bytes: Uint8Array): VCardResult {
  const text = decodeText(bytes);
  if (!/BEGIN:VCARD/i.test(text)) {
    throw new ContactSyncError(
      'parse-failed',
      'This is not a vCard file (.vcf): it has no BEGIN:VCARD.',
    );
  }
  return parseVCard(text);
}
