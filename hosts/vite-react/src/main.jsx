// A React 19 host as a team would write it, on the packed packages: the client created at module
// scope (no promise to wait on), the elements used as JSX tags with their events as props, or as
// React components from @contactsync/elements/react.
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { ContactSyncClient } from '@contactsync/sdk';
import { defineAll, ContactList, provideSync } from '@contactsync/elements/react';

const sync = new ContactSyncClient({ dbName: `host-${Date.now()}`, scheduler: 'manual' });
provideSync(document.body, sync);
defineAll();

function App() {
  const [bookId, setBookId] = useState(null);
  const [finished, setFinished] = useState('');
  const [deleted, setDeleted] = useState('');
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
      {/* The same element as a React component (@lit/react): props and typed `on…` events. */}
      <ContactList bookId={bookId} onContactDeleted={(e) => setDeleted(e.contactId)} />
      <p data-testid="deleted">{deleted && 'A contact was deleted.'}</p>
    </main>
  );
}

createRoot(document.getElementById('root')).render(<App />);
