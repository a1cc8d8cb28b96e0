import { expect, fixture, html } from '@open-wc/testing';
import type { ContactSync } from '@contactsync/sdk';
import {
  ContactList,
  DeviceSync,
  HistoryGrid,
  ImportWizard,
  RecipientPicker,
  ScheduleEditor,
  SyncStatus,
} from '../index.ts';
import { client, csvFile, profileInput, until } from '../../test/helpers.ts';

for (const element of [
  ContactList,
  DeviceSync,
  HistoryGrid,
  ImportWizard,
  RecipientPicker,
  ScheduleEditor,
  SyncStatus,
])
  element.define();

/** A stub of an Arabic catalogue: enough right-to-left words to lay out around. */
const ar = {
  wizardTitle: 'استيراد جهات الاتصال',
  sourceHeading: 'أين الملف؟',
  next: 'التالي',
  cancel: 'إلغاء',
  historyTitle: 'سجل المزامنة',
  newImport: 'إعداد استيراد جديد',
  search: 'بحث',
  scheduleStarts: 'متى يبدأ',
};

describe('right-to-left pages', () => {
  let sync: ContactSync | null = null;
  after(() => sync?.close());

  it('lay every element out within its box at 360 px, written right to left', async () => {
    sync = await client('rtl');
    const book = await sync.books.create({ name: 'Customers' });
    const profile = await sync.profiles.create(profileInput(book.id));
    await sync.run(profile.id, csvFile('email,name\nann@x.io,Ann\nbob@x.io,Bob\n'));
    const page = await fixture<HTMLDivElement>(html`
      <div dir="rtl" lang="ar" style="width:360px">
        <cs-import-wizard .sync=${sync} .messages=${ar} book-id=${book.id}></cs-import-wizard>
        <cs-history-grid .sync=${sync} .messages=${ar} book-id=${book.id}></cs-history-grid>
        <cs-contact-list .sync=${sync} .messages=${ar} book-id=${book.id}></cs-contact-list>
        <cs-schedule-editor .sync=${sync} .messages=${ar}></cs-schedule-editor>
        <cs-device-sync .sync=${sync} .messages=${ar} book-id=${book.id}></cs-device-sync>
        <cs-recipient-picker .sync=${sync} .messages=${ar} book-id=${book.id}></cs-recipient-picker>
        <cs-sync-status .sync=${sync} .messages=${ar}></cs-sync-status>
      </div>
    `);
    const grid = page.querySelector('cs-history-grid')!;
    await until(() => grid.shadowRoot!.querySelectorAll('tbody tr').length === 1, 'the grid');
    const list = page.querySelector('cs-contact-list')!;
    await until(() => list.shadowRoot!.querySelectorAll('[role=option]').length === 2, 'the list');
    const box = page.getBoundingClientRect();
    for (const el of page.children) {
      const host = el as HTMLElement;
      expect(getComputedStyle(host).direction, host.tagName).to.equal('rtl');
      expect(host.scrollWidth, host.tagName).to.be.at.most(host.clientWidth + 1);
      const r = host.getBoundingClientRect();
      expect(r.left, host.tagName).to.be.at.least(box.left - 0.5);
      expect(r.right, host.tagName).to.be.at.most(box.right + 0.5);
      // Inside each element: nothing outside the host's box (what scrolls, scrolls in a box).
      for (const inner of host.shadowRoot!.querySelectorAll<HTMLElement>('*')) {
        if (inner.closest('.scroll, .scroller, dialog, [role=tooltip]')) continue;
        const ir = inner.getBoundingClientRect();
        if (ir.width === 0 && ir.height === 0) continue;
        expect(ir.left, `${host.tagName} ${inner.tagName}.${inner.className}`).to.be.at.least(
          r.left - 0.5,
        );
        expect(ir.right, `${host.tagName} ${inner.tagName}.${inner.className}`).to.be.at.most(
          r.right + 0.5,
        );
      }
    }
    // The wizard reads from the right: its Next button sits left of Cancel.
    const wizard = page.querySelector('cs-import-wizard')!;
    const buttons = [...wizard.shadowRoot!.querySelectorAll<HTMLElement>('footer button')];
    const cancel = buttons.find((b) => b.textContent!.trim() === 'إلغاء')!;
    const next = buttons.find((b) => b.textContent!.trim() === 'التالي')!;
    expect(next.getBoundingClientRect().right).to.be.below(cancel.getBoundingClientRect().left);
  });
});
