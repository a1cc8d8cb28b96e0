import { rowHash } from '../plan/row-hash.ts';
import type { DeviceContact, PickedContact } from './device-contact.ts';

/**
 * Contacts from the Contact Picker API as device contacts. The picker gives no identifier, so
 * the id is derived from the contact's name, emails and numbers: picking the same contact
 * again matches it, and a contact deleted on the web stays deleted.
 */
export function pickedContacts(picked: readonly PickedContact[]): DeviceContact[] {
  return picked.map((p) => {
    const name = p.name?.find((n) => n.trim())?.trim();
    const emails = (p.email ?? []).map((e) => e.trim()).filter(Boolean);
    const phones = (p.tel ?? []).map((t) => t.trim()).filter(Boolean);
    const id = `picked-${rowHash([name ?? '', ...emails, ...phones].map((v) => v.toLowerCase())).toString(36)}`;
    return {
      id,
      ...(name ? { displayName: name } : {}),
      ...(emails.length ? { emails: emails.map((value) => ({ value })) } : {}),
      ...(phones.length ? { phones: phones.map((value) => ({ value })) } : {}),
    };
  });
}
