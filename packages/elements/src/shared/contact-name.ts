import { isolateBidi, joinIsolated, type Contact } from '@contactsync/sdk';

/** What the list shows for a contact: a display name, else names, else email or phone. */
export function contactTitle(contact: Contact): string | null {
  const v = contact.values;
  const names = joinIsolated([v.firstName, v.lastName]);
  const title = v.displayName || names || v.email || v.phone || v.mobile;
  return title ? isolateBidi(title) : null;
}

export function contactSubtitle(contact: Contact): string {
  const v = contact.values;
  return joinIsolated([v.email, v.phone ?? v.mobile, v.company], ' · ');
}
