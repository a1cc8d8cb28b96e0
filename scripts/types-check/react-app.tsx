// A React 19 host's JSX as TypeScript sees it with `@contactsync/elements/react-jsx`.
import type {} from '@contactsync/elements/react-jsx';
import type { RunFinishedEvent } from '@contactsync/elements';

export function Page({ bookId }: { bookId: string }) {
  const finished = (event: RunFinishedEvent) => event.run.status;
  return (
    <main>
      <cs-import-wizard book-id={bookId} oncs-run-finished={finished} />
      <cs-contact-list
        book-id={bookId}
        sort="name"
        oncs-contact-deleted={(event) => console.log(event.contactId)}
      />
      {/* @ts-expect-error a book id is a string */}
      <cs-history-grid book-id={42} />
      {/* A handler gets the element's event class: this one has no contactId. */}
      {/* @ts-expect-error RunFinishedEvent has no contactId */}
      <cs-import-wizard oncs-run-finished={(event) => event.contactId} />
    </main>
  );
}
