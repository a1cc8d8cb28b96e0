// A host's component: a heading and ContactSync's list, given a client (in the app, the one
// from createContactSync; in its tests, one from createMemoryContactSync).
import { ContactList, provideSync } from '@contactsync/elements';

export function contactsPanel(sync, bookId) {
  provideSync(document.body, sync);
  ContactList.define();
  const panel = document.createElement('section');
  const heading = document.createElement('h2');
  heading.textContent = 'Customers';
  const list = document.createElement('cs-contact-list');
  list.bookId = bookId;
  panel.append(heading, list);
  return panel;
}
