// A browser host app as TypeScript sees it from the published declarations (`npm run build`).
import { createContactSync, type DeviceContact, type RunRecord } from '@contactsync/sdk';
import { ImportWizard, provideSync, RunFinishedEvent, type Messages } from '@contactsync/elements';
import { buildPreview, type ProfileInput } from '@contactsync/core';

export async function host(file: File, phone: DeviceContact[]): Promise<RunRecord> {
  const sync = await createContactSync({ proxyUrl: '/v1' });
  provideSync(document.body, sync);
  ImportWizard.define();
  document.addEventListener(RunFinishedEvent.type, (e) => console.log(e.run.counts.created));
  const book = await sync.books.create({ name: 'Contacts' });
  await sync.device.setEnabled(book.id, true);
  await sync.device.sync(book.id, phone, { leaveOut: [] });
  const preview = await sync.preview(book.id, file);
  const input: Partial<ProfileInput> = { name: preview.headers?.[0] ?? 'import' };
  const profile = await sync.profiles.create({ ...(input as ProfileInput), bookId: book.id });
  return sync.run(profile.id, file);
}

export const labels: Partial<Messages> = { importNow: 'Run' };
export const preview = buildPreview;

/** Elements found by their default tag names are typed as their classes. */
export function typedTags(): string | null | undefined {
  const list = document.querySelector('cs-contact-list');
  if (list) list.bookId = 'book-1';
  const grid = document.createElement('cs-history-grid');
  grid.bookId = null;
  return list?.bookId;
}
