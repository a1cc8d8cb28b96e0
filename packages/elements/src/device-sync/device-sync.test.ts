import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ContactSync, DeviceContact } from '@contactsync/sdk';
import { DeviceConsentEvent, DeviceSync, DeviceSyncedEvent } from '../index.ts';
import { lv } from '../i18n/lv.ts';
import { $, axeViolations, client, nextEvent, until } from '../../test/helpers.ts';

DeviceSync.define();

const phone: DeviceContact[] = [
  { id: 'a', givenName: 'Ann', emails: [{ value: 'ann@x.io' }] },
  { id: 'b', givenName: 'Bob', phones: [{ value: '+1 415 555 0101' }] },
  { id: 'c', displayName: '<img src=x onerror=alert(1)>', emails: [{ value: 'c@x.io' }] },
];

async function setup(contacts: DeviceContact[] | null = phone) {
  const sync = await client('device');
  const book = await sync.books.create({ name: 'Contacts' });
  const el = await fixture<DeviceSync>(
    html`<cs-device-sync .sync=${sync} book-id=${book.id} .contacts=${contacts}></cs-device-sync>`,
  );
  await until(() => !$<HTMLButtonElement>(el, '[role=switch]').disabled, 'the state');
  return { sync, book, el };
}

const listed = (el: DeviceSync) =>
  [...el.shadowRoot!.querySelectorAll('[part=new-list] .name')].map((n) => n.textContent);

describe('<cs-device-sync>', () => {
  let sync: ContactSync | null = null;
  afterEach(() => {
    sync?.close();
    sync = null;
  });

  it('with Auto export off, imports by hand only what is new, minus what the user left out, and never offers "Import 0"', async () => {
    const env = await setup();
    sync = env.sync;
    const { el } = env;
    await until(() => listed(el).length === 3, 'the preview');
    expect(listed(el)).to.include('<img src=x onerror=alert(1)>');
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect($(el, '#switch-help').textContent).to.contain('nothing syncs by itself');
    expect(await axeViolations(el)).to.deep.equal([]);

    // Leave Bob out.
    el.shadowRoot!.querySelector<HTMLInputElement>('input[aria-label="Import Bob"]')!.click();
    await el.updateComplete;
    const importButton = $<HTMLButtonElement>(el, '.preview button');
    expect(importButton.textContent!.trim()).to.equal('Import 2 contacts');
    const synced = nextEvent<DeviceSyncedEvent>(el, DeviceSyncedEvent.type);
    importButton.click();
    expect((await synced).run.counts.created).to.equal(2);
    await until(() => listed(el).length === 0, 'the preview to empty');
    expect($(el, '.preview').textContent).to.contain('There are no new contacts');
    expect(el.shadowRoot!.querySelector('.preview button')).to.equal(null);
    expect($(el, '.last').textContent).to.contain('2 added');
    expect($<HTMLButtonElement>(el, '[role=switch]').getAttribute('aria-checked')).to.equal(
      'false',
    );
    // Bob was left out: not in the book, and not offered again.
    expect((await env.sync.contacts.list(env.book.id, { search: 'Bob' })).total).to.equal(0);

    // Delete Ann on the web; the phone still has her, plus a new contact.
    const ann = (await env.sync.contacts.list(env.book.id, { search: 'ann@x.io' })).items[0]!;
    await env.sync.contacts.delete(env.book.id, ann.id);
    // The preview follows the deletion by itself.
    await until(() => $(el, '.preview').textContent!.includes('2 deleted here'), 'the live count');
    el.contacts = [...phone, { id: 'd', givenName: 'Dora', emails: [{ value: 'd@x.io' }] }];
    await until(() => listed(el).join() === 'Dora', 'only Dora');
    expect($(el, '.preview').textContent).to.contain('2 deleted here');

    // Only a change on the phone: the button says what it does, not "Import 0 contacts".
    el.contacts = phone.map((c) => (c.id === 'c' ? { ...c, emails: [{ value: 'c2@x.io' }] } : c));
    await until(() => listed(el).length === 0, 'nothing new');
    await until(() => el.shadowRoot!.querySelector('.preview button') !== null, 'the button');
    expect($(el, '.preview button').textContent!.trim()).to.equal('Update 1 changed contact');
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('with Auto export on, every snapshot the host passes syncs with no click, and a deletion here sticks', async () => {
    const env = await setup();
    sync = env.sync;
    const { el } = env;
    const switchButton = $<HTMLButtonElement>(el, '[role=switch]');
    switchButton.focus();
    const consent = nextEvent<DeviceConsentEvent>(el, DeviceConsentEvent.type);
    const first = nextEvent<DeviceSyncedEvent>(el, DeviceSyncedEvent.type);
    await sendKeys({ press: 'Space' });
    expect((await consent).enabled).to.equal(true);
    expect((await first).run.counts.created).to.equal(3);
    await until(() => switchButton.getAttribute('aria-checked') === 'true', 'the switch');
    expect($(el, '#switch-help').textContent).to.contain('"From iOS"');
    await until(() => $(el, '.notice').textContent!.includes('3 added'), 'the notice');
    expect($(el, '.notice').textContent).to.contain('Synced automatically');
    // Nothing to approve: no list, no Import button.
    expect(el.shadowRoot!.querySelector('[part=new-list]')).to.equal(null);
    expect(el.shadowRoot!.querySelector('.preview')).to.equal(null);

    // The app is used again: Bob changed on the phone, Dora is new.
    const second = nextEvent<DeviceSyncedEvent>(el, DeviceSyncedEvent.type);
    el.contacts = [
      ...phone.map((c) => (c.id === 'b' ? { ...c, givenName: 'Robert' } : c)),
      { id: 'd', givenName: 'Dora', emails: [{ value: 'd@x.io' }] },
    ];
    expect((await second).run.counts).to.include({ created: 1, updated: 1 });

    // Dora deleted here stays deleted at the next use.
    const dora = (await env.sync.contacts.list(env.book.id, { search: 'Dora' })).items[0]!;
    await env.sync.contacts.delete(env.book.id, dora.id);
    const third = nextEvent<DeviceSyncedEvent>(el, DeviceSyncedEvent.type);
    el.contacts = [...el.contacts!];
    expect((await third).run.counts).to.include({ created: 0, updated: 0 });
    await until(() => $(el, '.notice').textContent!.includes('up to date'), 'the notice');
    expect((await env.sync.contacts.list(env.book.id, { search: 'Dora' })).total).to.equal(0);
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('turning it off keeps the synced contacts, and says so', async () => {
    const env = await setup();
    sync = env.sync;
    await env.sync.device.setEnabled(env.book.id, true);
    await env.sync.device.sync(env.book.id, phone);
    await env.el.refresh();
    const switchButton = $<HTMLButtonElement>(env.el, '[role=switch]');
    expect(switchButton.getAttribute('aria-checked')).to.equal('true');
    switchButton.click();
    await until(() => switchButton.getAttribute('aria-checked') === 'false', 'the switch');
    expect($(env.el, '#switch-help').textContent).to.contain('stay in their folder');
    expect((await env.sync.contacts.list(env.book.id)).total).to.equal(3);
  });

  it('offers the Contact Picker where the browser has one, and previews what was picked', async () => {
    // Desktop Chromium has no Contact Picker; a stand-in with the API's shape takes its place.
    const picked = [
      { name: ['Pia Picker'], email: ['pia@x.io'], tel: [] },
      { name: [], email: [], tel: ['+1 415 555 0142'] },
    ];
    Object.defineProperty(navigator, 'contacts', {
      configurable: true,
      value: { select: async () => picked },
    });
    try {
      const env = await setup(null);
      sync = env.sync;
      const button = [...env.el.shadowRoot!.querySelectorAll('button')].find((b) =>
        b.textContent!.includes('Choose contacts from this device'),
      )!;
      button.click();
      await until(() => listed(env.el).length === 2, 'the picked contacts');
      expect(listed(env.el)).to.deep.equal(['Pia Picker', '+1 415 555 0142']);
    } finally {
      delete (navigator as { contacts?: unknown }).contacts;
    }
  });

  it('without contacts from the host or a Contact Picker, says so and reads a vCard file instead', async () => {
    const env = await setup(null);
    sync = env.sync;
    env.el.messages = lv;
    await env.el.updateComplete;
    expect($(env.el, '.source').textContent).to.contain('vCard');
    expect($(env.el, '.source .hint').textContent).to.contain('nevar nolasīt');
    const vcf =
      'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Vera\r\nEMAIL:vera@x.io\r\nUID:v1\r\nEND:VCARD\r\n';
    const input = $<HTMLInputElement>(env.el, 'input[type=file]');
    const data = new DataTransfer();
    data.items.add(new File([vcf], 'contacts.vcf', { type: 'text/vcard' }));
    input.files = data.files;
    input.dispatchEvent(new Event('change'));
    await until(() => listed(env.el).join() === 'Vera', 'the card');
    expect(await axeViolations(env.el)).to.deep.equal([]);
  });

  it('shows a vCard the host hands over (openVCard) instead of its own contacts, until it passes new ones', async () => {
    const env = await setup();
    sync = env.sync;
    await until(() => listed(env.el).length === 3, 'the phone contacts');
    const vcf =
      'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Vera\r\nEMAIL:vera@x.io\r\nUID:v1\r\nEND:VCARD\r\n';
    await env.el.openVCard(new File([vcf], 'phone.vcf', { type: 'text/vcard' }));
    await until(() => listed(env.el).join() === 'Vera', 'the card');
    env.el.contacts = [phone[0]!];
    await until(() => listed(env.el).join() === 'Ann', 'the host contacts again');
  });
});
