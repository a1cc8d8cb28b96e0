import { expect } from '@open-wc/testing';
import { utils, write } from '@e965/xlsx';
import type { ContactSync } from '@contactsync/sdk';
import { until } from './helpers.ts';

/** What the single-file build exports, as a page without a bundler sees it. */
interface CdnModule {
  createContactSync: (options: { dbName: string; scheduler: 'manual' }) => Promise<ContactSync>;
  provideSync: (host: HTMLElement, sync: ContactSync) => void;
  ContactList: { define(): void };
  SDK_VERSION: string;
}

describe('the single-file build served from another origin (a CDN)', () => {
  it('runs the engine in a worker of this page, reads workbooks, and its elements render the contacts', async () => {
    const { url } = (await (await fetch('/__test/cdn')).json()) as { url: string };
    expect(new URL(url).origin).not.to.equal(location.origin);
    const cdn = (await import(/* @vite-ignore */ `${url}/contactsync.js`)) as CdnModule;
    expect(cdn.SDK_VERSION).to.match(/^\d+\.\d+\.\d+/);

    const dbName = `cdn-${Date.now()}`;
    const sync = await cdn.createContactSync({ dbName, scheduler: 'manual' });
    try {
      // The worker belongs to this page: its database is in this origin's IndexedDB.
      expect((await indexedDB.databases()).map((d) => d.name)).to.include(dbName);
      const book = await sync.books.create({ name: 'Contacts' });
      const run = await sync.importFile(
        book.id,
        new File(['email,first name\nann@example.com,Ann\n'], 'contacts.csv', {
          type: 'text/csv',
        }),
      );
      expect(run.status, JSON.stringify(run.error)).to.equal('success');
      // A workbook: the worker imports the spreadsheet reader from the CDN, beside the client.
      const book2 = utils.book_new();
      utils.book_append_sheet(
        book2,
        utils.aoa_to_sheet([
          ['email', 'first name'],
          ['bob@example.com', 'Bob'],
        ]),
        'People',
      );
      const xlsx = new File(
        [write(book2, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer],
        'people.xlsx',
      );
      const fromWorkbook = await sync.importFile(book.id, xlsx);
      expect(fromWorkbook.status, JSON.stringify(fromWorkbook.error)).to.equal('success');

      cdn.provideSync(document.body, sync);
      cdn.ContactList.define();
      const list = document.createElement('cs-contact-list');
      list.bookId = book.id;
      document.body.append(list);
      await until(
        () =>
          list.shadowRoot?.textContent?.includes('ann@example.com') &&
          list.shadowRoot.textContent.includes('bob@example.com'),
        'the contacts',
      );
      list.remove();
    } finally {
      await sync.destroy();
    }
  });
});
