import { expect, fixture, html } from '@open-wc/testing';
import type { ContactSync, DeviceContact } from '@contactsync/sdk';
import { ContactList, DeviceSync, RecipientPicker } from '../src/index.ts';
import { $, client, type, until } from './helpers.ts';

ContactList.define();
DeviceSync.define();
RecipientPicker.define();

const RLO = '\u202E';
const LONG = 'x'.repeat(100_000);

/** Screen x of the character at `index` of the first text node inside `el`. */
function xOf(el: Element, index: number): number {
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  let node = walker.nextNode();
  let at = index;
  while (node && at >= node.textContent!.length) {
    at -= node.textContent!.length;
    node = walker.nextNode();
  }
  const range = document.createRange();
  range.setStart(node!, at);
  range.setEnd(node!, at + 1);
  return range.getBoundingClientRect().left;
}

/** True when `word` inside `el` is drawn left to right, as typed. */
function readsForward(el: Element, word: string): boolean {
  const start = el.textContent!.indexOf(word);
  return xOf(el, start) < xOf(el, start + word.length - 1);
}

async function bookWith(contacts: DeviceContact[]): Promise<{ sync: ContactSync; bookId: string }> {
  const sync = await client('hostile');
  const book = await sync.books.create({ name: 'Contacts' });
  await sync.device.setEnabled(book.id, true);
  await sync.device.sync(book.id, contacts);
  return { sync, bookId: book.id };
}

describe('hostile text in the components', () => {
  let sync: ContactSync | null = null;
  afterEach(() => {
    sync?.close();
    sync = null;
  });

  it('recipient picker: a right-to-left override in a name cannot reverse the address or the last name', async () => {
    const env = await bookWith([
      {
        id: 'spoof',
        givenName: `Ann${RLO}gnp.exe`,
        familyName: 'Evil',
        emails: [{ value: 'ann@evil.example' }],
      },
    ]);
    sync = env.sync;
    const picker = await fixture<RecipientPicker>(
      html`<cs-recipient-picker .sync=${sync} book-id=${env.bookId}></cs-recipient-picker>`,
    );
    type($<HTMLInputElement>(picker, 'input'), 'ann');
    await until(() => picker.shadowRoot!.querySelector('[role=option]'), 'the suggestion');
    const option = $(picker, '[role=option]');
    expect(readsForward(option.querySelector('.email')!, 'ann@evil.example')).to.equal(true);
    expect(readsForward(option.querySelector('.name')!, 'Evil')).to.equal(true);
  });

  it('contact list: the longest name a contact holds stays inside the details, and an override stays in its value', async () => {
    const env = await bookWith([
      { id: 'long', givenName: 'Long', emails: [{ value: 'long@x.io' }] },
      { id: 'rtl', givenName: `Ann${RLO}gnp.exe`, familyName: 'Evil' },
    ]);
    sync = env.sync;
    const contacts = (await sync.contacts.list(env.bookId)).items;
    const long = contacts.find((c) => c.values.firstName === 'Long')!;
    await sync.contacts.update(env.bookId, long.id, {
      values: { notes: LONG.slice(0, 10_000), firstName: LONG.slice(0, 10_000) },
    });
    const list = await fixture<ContactList>(
      html`<cs-contact-list
        .sync=${sync}
        book-id=${env.bookId}
        style="width: 600px; display: block"
      ></cs-contact-list>`,
    );
    await until(() => list.shadowRoot!.querySelectorAll('[role=option]').length === 2, 'rows');
    const rows = [...list.shadowRoot!.querySelectorAll<HTMLElement>('[role=option]')];
    const rtl = rows.find((r) => r.textContent!.includes('Evil'))!;
    expect(readsForward(rtl.querySelector('.name')!, 'Evil')).to.equal(true);
    rows.find((r) => !r.textContent!.includes('Evil'))!.click();
    await until(() => list.shadowRoot!.querySelector('[part=details]'), 'the details');
    const details = $(list, '[part=details]');
    expect(details.getBoundingClientRect().width).to.be.at.most(601);
    expect(details.getBoundingClientRect().height).to.be.below(1200);
    expect(document.documentElement.scrollWidth).to.be.at.most(window.innerWidth);
  });

  it('device sync: a contact with a 100 KB name is left out, the others are offered', async () => {
    const env = await bookWith([]);
    sync = env.sync;
    // Auto export off: the contacts are offered in the only-new preview (on, they would sync).
    await sync.device.setEnabled(env.bookId, false);
    const el = await fixture<DeviceSync>(
      html`<cs-device-sync
        .sync=${sync}
        book-id=${env.bookId}
        .contacts=${[
          { id: 'huge', givenName: LONG, emails: [{ value: 'huge@x.io' }] },
          { id: 'ok', givenName: 'Olga', emails: [{ value: 'olga@x.io' }] },
        ]}
      ></cs-device-sync>`,
    );
    await until(() => el.shadowRoot!.querySelector('[part=new-list] .name'), 'the preview');
    const names = [...el.shadowRoot!.querySelectorAll('[part=new-list] .name')].map(
      (n) => n.textContent,
    );
    expect(names).to.deep.equal(['Olga']);
    expect($(el, '.preview').textContent).to.contain('1 contact on the phone could not be read');
  });
});
