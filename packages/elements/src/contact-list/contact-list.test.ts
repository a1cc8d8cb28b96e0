import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createContactSync, type ContactSync } from '@contactsync/sdk';
import {
  ContactDeletedEvent,
  ContactList,
  ContactRestoredEvent,
  ContactsExportedEvent,
} from '../index.ts';
import { lv } from '../i18n/lv.ts';
import {
  $,
  axeViolations,
  client,
  csvFile,
  nextEvent,
  profileInput,
  type,
  until,
} from '../../test/helpers.ts';

ContactList.define();

async function setup(rows: number) {
  const sync = await client('contacts');
  const book = await sync.books.create({ name: 'Customers' });
  const folder = await sync.folders.create(book.id, 'Partners');
  const profile = await sync.profiles.create(
    profileInput(book.id, {
      folderId: folder.id,
      behaviour: { updateExisting: true, deleteMissing: false, importEveryTime: true },
    }),
  );
  let csv = 'email,name\n';
  for (let i = 0; i < rows; i++)
    csv += `user${String(i).padStart(6, '0')}@example.com,Person ${i}\n`;
  csv += 'evil@x.io,<img src=x onerror=alert(1)><b>Bold</b>\n';
  await sync.run(profile.id, csvFile(csv));
  await sync.contacts.create(book.id, { values: { firstName: 'Loose', lastName: 'Contact' } });
  const list = await fixture<ContactList>(
    html`<cs-contact-list .sync=${sync} book-id=${book.id} locale="en-GB"></cs-contact-list>`,
  );
  await until(() => list.shadowRoot!.querySelectorAll('[role=option]').length > 0, 'rows');
  return { sync, book, folder, profile, list };
}

const options = (list: ContactList) => [...list.shadowRoot!.querySelectorAll('[role=option]')];
const names = (list: ContactList) =>
  options(list).map((o) => o.querySelector('.name')!.textContent);

describe('<cs-contact-list>', () => {
  let sync: ContactSync | null = null;
  afterEach(() => {
    sync?.close();
    sync = null;
  });

  it('draws only the rows on screen of 20,000 contacts, and reaches the last one by keyboard', async () => {
    const env = await setup(20_000);
    sync = env.sync;
    const { list } = env;
    expect($(list, '.count').textContent).to.equal('20,002 contacts');
    expect(options(list).length).to.be.below(60);
    expect(options(list)[0]!.getAttribute('aria-setsize')).to.equal('20002');
    expect(await axeViolations(list)).to.deep.equal([]);
    (options(list)[0] as HTMLElement).focus();
    await sendKeys({ press: 'End' });
    await until(() => list.shadowRoot!.activeElement?.getAttribute('aria-posinset') === '20002');
    expect(options(list).length).to.be.below(60);
    await sendKeys({ press: 'ArrowUp' });
    await until(() => list.shadowRoot!.activeElement?.getAttribute('aria-posinset') === '20001');
    // A change in the book (here, or an import in another tab) keeps the place in the list.
    const scroller = $(list, '.scroller');
    const place = scroller.scrollTop;
    expect(place).to.be.above(0);
    await env.sync.contacts.create(env.book.id, { values: { firstName: 'Zed' } });
    await until(() => $(list, '.count').textContent === '20,003 contacts', 'the new count');
    expect(scroller.scrollTop).to.equal(place);
    expect(options(list).every((o) => o.textContent!.includes('Loading'))).to.equal(false);
  });

  it('is sorted by name, or as added when the person chooses', async () => {
    const sync2 = await client('sorted');
    sync = sync2;
    const book = await sync2.books.create({ name: 'Names' });
    for (const firstName of ['Zoë', 'ann', 'Émile', 'Bob'])
      await sync2.contacts.create(book.id, {
        values: { firstName, ...(firstName === 'Bob' ? { phone: '+14157999999' } : {}) },
      });
    const list = await fixture<ContactList>(
      html`<cs-contact-list .sync=${sync2} book-id=${book.id} locale="en-US"></cs-contact-list>`,
    );
    await until(() => names(list).length === 4, 'rows');
    expect(names(list)).to.deep.equal(['ann', 'Bob', 'Émile', 'Zoë']);
    // A phone number as people write it where the reader is (here the US).
    expect(options(list)[1]!.querySelector('.sub')!.textContent).to.contain('(415) 799-9999');
    const select = $<HTMLSelectElement>(list, 'select[part=sort]');
    select.value = 'added';
    select.dispatchEvent(new Event('change'));
    await until(() => names(list)[0] === 'Zoë', 'the order added');
    expect(names(list)).to.deep.equal(['Zoë', 'ann', 'Émile', 'Bob']);
    expect(await axeViolations(list)).to.deep.equal([]);
  });

  it('filters by folder and search, shows contact data as text, and deletes with a tombstone', async () => {
    const env = await setup(30);
    sync = env.sync;
    const { list } = env;
    const folderButton = (label: string) =>
      [...list.shadowRoot!.querySelectorAll<HTMLButtonElement>('nav button')].find(
        (b) => b.textContent!.trim() === label,
      )!;
    folderButton('Not in a folder').click();
    await until(() => names(list).join() === 'Loose Contact', 'the folder filter');
    expect(folderButton('Not in a folder').getAttribute('aria-current')).to.equal('true');
    folderButton('Partners').click();
    await until(() => $(list, '.count').textContent === '31 contacts', 'the Partners folder');

    type($<HTMLInputElement>(list, 'input[type=search]'), 'onerror');
    await until(() => $(list, '.count').textContent === '1 contact', 'the search');
    // Markup in contact data is shown as text, never rendered.
    expect(names(list)).to.deep.equal(['<img src=x onerror=alert(1)><b>Bold</b>']);
    expect(list.shadowRoot!.querySelector('img, b')).to.equal(null);

    type($<HTMLInputElement>(list, 'input[type=search]'), 'user000007');
    await until(() => names(list).join() === 'Person 7', 'the second search');
    const option = options(list)[0] as HTMLElement;
    option.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => list.shadowRoot!.querySelector('[part=details]'), 'the details');
    expect($(list, '[part=details]').textContent).to.contain('user000007@example.com');
    expect(await axeViolations(list)).to.deep.equal([]);

    $<HTMLButtonElement>(list, '[part=details] button').click();
    await until(() => list.shadowRoot!.querySelector('dialog[open]'), 'the confirmation');
    expect(list.shadowRoot!.activeElement?.textContent?.trim()).to.equal('Cancel');
    const deleted = nextEvent<ContactDeletedEvent>(list, ContactDeletedEvent.type);
    $<HTMLButtonElement>(list, 'dialog .confirm').click();
    await deleted;
    // Gone from the searched list at once, not after the search has read the book again.
    await list.updateComplete;
    expect(names(list)).to.deep.equal([]);
    await until(() => $(list, '.count').textContent === '0 contacts', 'the list to update');
    expect($(list, '[role=status]').textContent).to.contain('"Person 7" was deleted.');
    // What was said belongs to this folder: another folder starts without it.
    folderButton('Not in a folder').click();
    await list.updateComplete;
    expect($(list, '[role=status]').textContent).to.equal('');

    // The same file again does not bring the contact back.
    let csv = 'email,name\n';
    for (let i = 0; i < 30; i++)
      csv += `user${String(i).padStart(6, '0')}@example.com,Person ${i}\n`;
    await env.sync.run(env.profile.id, csvFile(csv));
    const again = await env.sync.contacts.list(env.book.id, { search: 'user000007' });
    expect(again.total).to.equal(0);
  });

  it('deletes the contact the user is looking at while another tab deletes others', async () => {
    const env = await setup(300);
    sync = env.sync;
    const { list, book } = env;
    const other = await createContactSync({ dbName: env.sync.dbName, scheduler: 'manual' });
    const all = await env.sync.contacts.list(book.id, { limit: 1000 });
    const victims = all.items.filter((c) => /^Person (\d|[1-9]\d)$/.test(c.values.firstName ?? ''));
    // Another tab deletes Person 0–99, one by one, while this one is used.
    const deleting = (async () => {
      for (const c of victims) await other.contacts.delete(book.id, c.id);
    })();
    type($<HTMLInputElement>(list, 'input[type=search]'), 'Person 150');
    await until(() => names(list).includes('Person 150'), 'the search');
    const option = options(list).find(
      (o) => o.querySelector('.name')!.textContent === 'Person 150',
    );
    (option as HTMLElement).focus();
    await sendKeys({ press: 'Enter' });
    await until(() => list.shadowRoot!.querySelector('[part=details]'), 'the details');
    expect($(list, '[part=details]').textContent).to.contain('user000150@example.com');
    $<HTMLButtonElement>(list, '[part=details] button').click();
    await until(() => list.shadowRoot!.querySelector('dialog[open]'), 'the confirmation');
    const deleted = nextEvent<ContactDeletedEvent>(list, ContactDeletedEvent.type);
    $<HTMLButtonElement>(list, 'dialog .confirm').click();
    await deleted;
    await deleting;
    const left = (await env.sync.contacts.list(book.id, { limit: 1000 })).items.map(
      (c) => c.values.firstName,
    );
    expect(left).not.to.include('Person 150');
    expect(left.filter((n) => /^Person \d+$/.test(n ?? ''))).to.have.length(300 - 100 - 1);
    other.close();
  });

  it('exports what it shows, as CSV or vCard, and lets the host take the file', async () => {
    const env = await setup(30);
    sync = env.sync;
    const { list } = env;
    type($<HTMLInputElement>(list, 'input[type=search]'), 'user000007');
    await until(() => names(list).join() === 'Person 7', 'the search');
    const button = (label: string) =>
      [...list.shadowRoot!.querySelectorAll<HTMLButtonElement>('.export button')].find(
        (b) => b.textContent!.trim() === label,
      )!;
    const exported = nextEvent<ContactsExportedEvent>(list, ContactsExportedEvent.type);
    list.addEventListener(ContactsExportedEvent.type, (e) => e.preventDefault(), { once: true });
    button('Export CSV').click();
    const csv = (await exported).file;
    expect(csv.name).to.equal('Customers.csv');
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines).to.have.length(2);
    expect(lines[1]).to.contain('user000007@example.com');
    await until(() => $(list, '[role=status]').textContent!.includes('Exported to Customers.csv'));

    const vcard = nextEvent<ContactsExportedEvent>(list, ContactsExportedEvent.type);
    list.addEventListener(ContactsExportedEvent.type, (e) => e.preventDefault(), { once: true });
    button('Export vCard').click();
    expect(await (await vcard).file.text()).to.contain('EMAIL:user000007@example.com');
    expect(await axeViolations(list)).to.deep.equal([]);
  });

  it('lists the synced contacts deleted here and restores one, which imports then update again', async () => {
    const env = await setup(5);
    sync = env.sync;
    const { list, book, profile } = env;
    const folderButton = (label: string) =>
      [...list.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part=folders] button')].find(
        (b) => b.textContent!.trim() === label,
      )!;
    const person2 = (await env.sync.contacts.list(book.id, { search: 'user000002' })).items[0]!;
    await env.sync.contacts.delete(book.id, person2.id);

    folderButton('Deleted').click();
    await until(() => list.shadowRoot!.querySelector('[part=deleted-list]'), 'the deleted list');
    expect(folderButton('Deleted').getAttribute('aria-current')).to.equal('true');
    const rows = () =>
      [...list.shadowRoot!.querySelectorAll('[part=deleted-list] li')].map((li) =>
        li.textContent!.replace(/\s+/g, ' ').trim(),
      );
    expect(rows()).to.have.length(1);
    expect(rows()[0]).to.match(/^Person 2 user000002@example.com · deleted .+ Restore$/);
    expect(await axeViolations(list)).to.deep.equal([]);

    // In Latvian, and restored by keyboard.
    list.messages = lv;
    await list.updateComplete;
    const restore = $<HTMLButtonElement>(list, '[aria-label="Atjaunot: Person 2"]');
    const restored = nextEvent<ContactRestoredEvent>(list, ContactRestoredEvent.type);
    restore.focus();
    await sendKeys({ press: 'Enter' });
    expect((await restored).contact.values.email).to.equal('user000002@example.com');
    await until(() => list.shadowRoot!.querySelector('[part=deleted-list]') === null, 'empty');
    expect($(list, '.deleted').textContent).to.contain('Šeit nav dzēsts neviens');
    expect($(list, '[role=status]').textContent).to.contain('"Person 2" ir atpakaļ');

    // Back in the folder, with its values; the next import updates it.
    folderButton('Visi kontakti').click();
    await until(() => names(list).includes('Person 2'), 'Person 2 in the list');
    let csv = 'email,name\n';
    for (let i = 0; i < 5; i++)
      csv += `user${String(i).padStart(6, '0')}@example.com,${i === 2 ? 'Second' : `Person ${i}`}\n`;
    const run = await env.sync.run(profile.id, csvFile(csv));
    expect(run.counts).to.include({ updated: 1, skipped: 0 });
    await until(() => names(list).includes('Second'), 'the update');
  });
});
