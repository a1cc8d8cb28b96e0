// The host's component test, as a team writes it in Vitest with jsdom.
import { afterEach, expect, test, vi } from 'vitest';
import { createMemoryContactSync } from '@contactsync/sdk/memory';
import { ContactSyncClient, createContactSync } from '@contactsync/sdk';
import { contactsPanel } from './contacts-panel.js';

const CSV = 'Email,First Name\nann@example.com,Ann\nbob@example.com,Bob\n';
let sync;
afterEach(() => {
  sync?.close();
  document.body.replaceChildren();
});

test('shows the contacts a file brought in, and follows a deletion', async () => {
  sync = await createMemoryContactSync();
  const book = await sync.books.create({ name: 'Customers' });
  const run = await sync.importFile(book.id, new File([CSV], 'people.csv'));
  expect(run.status).toBe('success');

  const panel = contactsPanel(sync, book.id);
  document.body.append(panel);
  const list = panel.querySelector('cs-contact-list');
  await vi.waitFor(() => expect(list.shadowRoot.textContent).toContain('bob@example.com'));
  expect(list.shadowRoot.textContent).toContain('ann@example.com');

  const [bob] = (await sync.contacts.list(book.id, { search: 'bob' })).items;
  await sync.contacts.delete(book.id, bob.id);
  await vi.waitFor(() => expect(list.shadowRoot.textContent).not.toContain('bob@example.com'));
  expect((await sync.contacts.list(book.id)).items.map((c) => c.values.email)).toEqual([
    'ann@example.com',
  ]);
});

test('the worker client says what to use instead in jsdom', async () => {
  const error = await createContactSync().catch((e) => e);
  expect(error.code).toBe('unsupported');
  expect(error.message).toContain("createMemoryContactSync from '@contactsync/sdk/memory'");
});

test('a client the app creates synchronously runs on the in-memory engine in its tests', async () => {
  sync = new ContactSyncClient({ scheduler: 'manual' }, createMemoryContactSync);
  const book = await sync.books.create({ name: 'Customers' });
  await sync.importFile(book.id, new File([CSV], 'people.csv'));
  const panel = contactsPanel(sync, book.id);
  document.body.append(panel);
  const list = panel.querySelector('cs-contact-list');
  await vi.waitFor(() => expect(list.shadowRoot.textContent).toContain('ann@example.com'));
});
