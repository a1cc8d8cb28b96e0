import { expect, fixture, html } from '@open-wc/testing';
import type { ContactSync } from '@contactsync/sdk';
import { ContactList } from '../index.ts';
import { client, csvFile, profileInput, until } from '../../test/helpers.ts';

ContactList.define();

describe('<cs-contact-list> under a strict Content-Security-Policy', () => {
  let sync: ContactSync | null = null;
  before(() => {
    // This page now refuses inline style attributes, as a portal with style-src 'self' does.
    const meta = document.createElement('meta');
    meta.httpEquiv = 'Content-Security-Policy';
    meta.content = "style-src 'self'";
    document.head.append(meta);
  });
  after(() => sync?.close());

  it('still places each row of the virtual list at its own height', async () => {
    sync = await client('csp');
    const book = await sync.books.create({ name: 'Customers' });
    const profile = await sync.profiles.create(profileInput(book.id));
    let csv = 'email,name\n';
    for (let i = 0; i < 40; i++) csv += `user${i}@example.com,Person ${i}\n`;
    await sync.run(profile.id, csvFile(csv));
    const list = await fixture<ContactList>(
      html`<cs-contact-list .sync=${sync} book-id=${book.id}></cs-contact-list>`,
    );
    const rows = () => [...list.shadowRoot!.querySelectorAll<HTMLElement>('[role=option]')];
    await until(() => rows().length > 3, 'rows');
    const tops = rows().map((r) => Math.round(r.getBoundingClientRect().top));
    expect(new Set(tops).size).to.equal(tops.length);
    expect(tops).to.deep.equal([...tops].sort((a, b) => a - b));
    // The list is as tall as all its rows, so it scrolls to the last one.
    const listbox = list.shadowRoot!.querySelector<HTMLElement>('[role=listbox]')!;
    expect(listbox.getBoundingClientRect().height).to.be.greaterThan(40 * 20);
  });
});
