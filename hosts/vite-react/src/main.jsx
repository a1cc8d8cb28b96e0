// A React 19 host as a team would write it, on the packed packages: the client created at module
// scope (no promise to wait on), the elements used as JSX tags, their events as props.
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { ContactSyncClient } from '@contactsync/sdk';
import { ContactList, HistoryGrid, ImportWizard, provideSync } from '@contactsync/elements';

const sync = new ContactSyncClient({ dbName: `host-${Date.now()}`, scheduler: 'manual' });
provideSync(document.body, sync);
ImportWizard.define();
HistoryGrid.define();
ContactList.define();

function App() {
  const [bookId, setBookId] = useState(null);
  const [finished, setFinished] = useState('');
  const [error, setError] = useState('');
  useEffect(() => {
    sync.books.create({ name: 'Contacts' }).then(
      (book) => setBookId(book.id),
      (e) => setError(e.message),
    );
  }, []);
  if (error) return <p role="alert">{error}</p>;
  if (!bookId) return <p>Starting…</p>;
  return (
    <main>
      <h1>Contacts</h1>
      <cs-import-wizard book-id={bookId} oncs-run-finished={(e) => setFinished(e.run.status)} />
      <p data-testid="finished">{finished}</p>
      <cs-history-grid book-id={bookId} />
      <cs-contact-list book-id={bookId} />
    </main>
  );
}

createRoot(document.getElementById('root')).render(<App />);
