// A host page without a framework, bundled by webpack 5, on the packed packages.
import { ContactSyncClient } from '@contactsync/sdk';
import { ContactList, HistoryGrid, ImportWizard, provideSync } from '@contactsync/elements';

const sync = new ContactSyncClient({ dbName: `host-${Date.now()}`, scheduler: 'manual' });
provideSync(document.body, sync);
ImportWizard.define();
HistoryGrid.define();
ContactList.define();

document.addEventListener('cs-run-finished', (event) => {
  document.querySelector('[data-testid=finished]').textContent = event.run.status;
});
sync.books.create({ name: 'Contacts' }).then((book) => {
  for (const tag of ['cs-import-wizard', 'cs-history-grid', 'cs-contact-list'])
    document.querySelector(tag).bookId = book.id;
});
