// A page with no bundler and a strict CSP (Trusted Types enforced), loading the single-file build
// from a CDN on another origin: %CDN% stands for e.g.
// https://cdn.jsdelivr.net/npm/@contactsync/elements@0.1.0/dist/cdn.
import {
  createContactSync,
  provideSync,
  ContactList,
  HistoryGrid,
  ImportWizard,
} from '%CDN%/contactsync.js';

const text = (id, value) => (document.querySelector(`[data-testid=${id}]`).textContent = value);

try {
  const sync = await createContactSync({ dbName: `host-${Date.now()}`, scheduler: 'manual' });
  provideSync(document.body, sync);
  ImportWizard.define();
  HistoryGrid.define();
  ContactList.define();
  document.addEventListener('cs-run-finished', (event) => text('finished', event.run.status));
  document.addEventListener('cs-contact-deleted', () => text('deleted', 'A contact was deleted.'));
  const book = await sync.books.create({ name: 'Contacts' });
  for (const tag of ['cs-import-wizard', 'cs-history-grid', 'cs-contact-list'])
    document.querySelector(tag).bookId = book.id;
} catch (error) {
  const alert = document.querySelector('[data-testid=error]');
  alert.textContent = error.message;
  alert.hidden = false;
}
