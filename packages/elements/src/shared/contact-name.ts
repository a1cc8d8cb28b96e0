import type { Contact } from '@contactsync/sdk';

/** What the list shows for a contact: a display name, else names, else email or phone. */
export function contactTitle(contact: Contact): string | null {
  const v = contact.values;
  const names = [v.firstName, v.lastName].filter(Boolean).join(' ');
  return v.displayName || names || v.email || v.phone || v.mobile || null;
}

export function contactSubtitle(contact: Contact): string {
  const v = contact.values;
  return [v.email, v.phone ?? v.mobile, v.company].filter(Boolean).join(' · ');
}
