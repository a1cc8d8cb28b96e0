import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ContactSync } from '@contactsync/sdk';
import { RecipientPicker, RecipientsChangeEvent } from '../index.ts';
import { $, axeViolations, client, nextEvent, until } from '../../test/helpers.ts';

RecipientPicker.define();

async function setup() {
  const sync = await client('recipients');
  const book = await sync.books.create({ name: 'Contacts' });
  await sync.device.setEnabled(book.id, true);
  // From the phone: people with an email, and people with only a number.
  await sync.device.sync(book.id, [
    { id: '1', givenName: 'Anna', familyName: 'Berzina', emails: [{ value: 'anna@x.lv' }] },
    {
      id: '2',
      givenName: 'Anna',
      familyName: 'Phone-only',
      phones: [{ value: '+1 415 555 0101' }],
    },
    {
      id: '3',
      givenName: 'Andris',
      emails: [{ value: 'andris@x.lv' }],
      phones: [{ value: '+1 415 555 0102' }],
    },
    { id: '4', givenName: 'Bob', phones: [{ value: '+1 415 555 0103' }] },
  ]);
  const wrapper = await fixture<HTMLDivElement>(
    html`<div>
      <button>before</button>
      <cs-recipient-picker .sync=${sync} book-id=${book.id}></cs-recipient-picker>
    </div>`,
  );
  const picker = wrapper.querySelector<RecipientPicker>('cs-recipient-picker')!;
  return { sync, book, picker, wrapper };
}

const optionNames = (p: RecipientPicker) =>
  [...p.shadowRoot!.querySelectorAll('[role=option] .name')].map((o) => o.textContent);

describe('<cs-recipient-picker>', () => {
  let sync: ContactSync | null = null;
  afterEach(() => {
    sync?.close();
    sync = null;
  });

  it('offers only contacts with an email address, never a phone-only one', async () => {
    const env = await setup();
    sync = env.sync;
    const input = $<HTMLInputElement>(env.picker, 'input');
    input.focus();
    await sendKeys({ type: 'an' });
    await until(() => optionNames(env.picker).length > 0, 'suggestions');
    expect(optionNames(env.picker)).to.have.members(['Anna Berzina', 'Andris']);
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ type: 'phone' });
    await until(
      () => $(env.picker, '[role=status]').textContent!.includes('No contact'),
      'no match',
    );
    expect(optionNames(env.picker)).to.deep.equal([]);
    // Not even by number.
    for (let i = 0; i < 5; i++) await sendKeys({ press: 'Backspace' });
    await sendKeys({ type: '555' });
    await until(
      () => env.picker.shadowRoot!.querySelector('[role=status]')!.textContent!.length > 0,
    );
    await until(() => optionNames(env.picker).join() === 'Andris', 'the number search');
  });

  it('follows the combobox pattern: arrows, Enter, Escape, several recipients, Backspace, axe-clean', async () => {
    const env = await setup();
    sync = env.sync;
    const { picker } = env;
    env.wrapper.querySelector('button')!.focus();
    await sendKeys({ press: 'Tab' });
    const input = $<HTMLInputElement>(picker, 'input');
    expect(picker.shadowRoot!.activeElement).to.equal(input);
    expect(input.getAttribute('role')).to.equal('combobox');
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    await sendKeys({ type: 'ann' });
    await until(() => input.getAttribute('aria-expanded') === 'true', 'the list to open');
    expect(await axeViolations(picker)).to.deep.equal([]);
    await sendKeys({ press: 'ArrowDown' });
    await picker.updateComplete;
    const active = input.getAttribute('aria-activedescendant')!;
    expect(picker.shadowRoot!.getElementById(active)!.getAttribute('aria-selected')).to.equal(
      'true',
    );
    let changed = nextEvent<RecipientsChangeEvent>(picker, RecipientsChangeEvent.type);
    await sendKeys({ press: 'Enter' });
    expect((await changed).recipients.map((r) => r.email)).to.deep.equal(['anna@x.lv']);
    expect(input.value).to.equal('');
    // The chip's remove button is named by text it holds (its "×" is decoration), so its name
    // and what it shows cannot drift apart.
    await picker.updateComplete;
    const remove = $<HTMLButtonElement>(picker, '[part=recipient] button');
    expect(remove.hasAttribute('aria-label')).to.equal(false);
    expect(remove.querySelector('.visually-hidden')!.textContent).to.equal('Remove Anna Berzina');
    expect(remove.querySelector('[aria-hidden=true]')!.textContent).to.equal('×');
    expect(input.getAttribute('aria-expanded')).to.equal('false');

    await sendKeys({ type: 'andr' });
    await until(() => optionNames(picker).join() === 'Andris', 'Andris');
    await sendKeys({ press: 'Escape' });
    await picker.updateComplete;
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    await sendKeys({ press: 'ArrowDown' });
    await until(() => input.getAttribute('aria-expanded') === 'true', 'the list to reopen');
    await sendKeys({ press: 'ArrowDown' });
    changed = nextEvent<RecipientsChangeEvent>(picker, RecipientsChangeEvent.type);
    await sendKeys({ press: 'Enter' });
    expect((await changed).recipients.map((r) => r.name)).to.deep.equal(['Anna Berzina', 'Andris']);

    // An address that is not in the book can be typed in full.
    await sendKeys({ type: 'guest@example.org' });
    await sendKeys({ press: 'Enter' });
    await until(() => picker.value.length === 3, 'the typed address');
    expect(picker.value[2]).to.deep.equal({
      contactId: null,
      name: 'guest@example.org',
      email: 'guest@example.org',
    });
    // A chosen recipient is not offered twice.
    await sendKeys({ type: 'anna' });
    await until(
      () => $(picker, '[role=status]').textContent!.includes('No contact'),
      'no duplicate',
    );

    for (let i = 0; i < 4; i++) await sendKeys({ press: 'Backspace' });
    await sendKeys({ press: 'Backspace' });
    expect(picker.value.map((r) => r.email)).to.deep.equal(['anna@x.lv', 'andris@x.lv']);
    expect(await axeViolations(picker)).to.deep.equal([]);
  });
});
