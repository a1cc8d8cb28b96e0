import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ContactSync } from '@contactsync/sdk';
import { FieldAddedEvent, MappingChangeEvent, MappingTable, provideSync } from '../index.ts';
import { lv } from '../i18n/lv.ts';
import { $, axeViolations, client, csvFile, nextEvent, until } from '../../test/helpers.ts';

MappingTable.define();

const FILE =
  'E-mail Address,Given Name,Shoe size,Member id\nann@x.io,Ann,38,A-1\nbob@x.io,Bob,44,A-2\n';

async function setup(
  behaviour = { updateExisting: false, deleteMissing: false, importEveryTime: false },
) {
  const sync = await client('mapping');
  const book = await sync.books.create({ name: 'Members' });
  const preview = await sync.preview(book.id, csvFile(FILE));
  const wrapper = await fixture<HTMLDivElement>(
    html`<div>
      <button>before</button>
      <cs-mapping-table
        .sync=${sync}
        book-id=${book.id}
        .preview=${preview}
        .behaviour=${behaviour}
      ></cs-mapping-table>
    </div>`,
  );
  const table = wrapper.querySelector<MappingTable>('cs-mapping-table')!;
  await until(() => table.shadowRoot!.querySelectorAll('option').length > 10, 'the fields');
  return { sync, book, preview, table, wrapper };
}

const rowOf = (table: MappingTable, header: string) =>
  [...table.shadowRoot!.querySelectorAll('tbody tr')].find(
    (tr) => tr.querySelector('th')?.textContent?.trim() === header,
  )!;

/** Chooses "New field…" for a column's row and waits for the form. */
async function openNewField(table: MappingTable, column: string) {
  const select = rowOf(table, column).querySelector('select')!;
  select.value = '__new__';
  select.dispatchEvent(new Event('change'));
  await until(() => table.shadowRoot!.querySelector('.new-field'), 'the new-field form');
  return { select, form: $(table, '.new-field') };
}

const buttonIn = (root: Element, text: string) =>
  [...root.querySelectorAll('button')].find((b) => b.textContent!.trim() === text)!;

describe('<cs-mapping-table>', () => {
  let sync: ContactSync | null = null;
  afterEach(() => {
    sync?.close();
    sync = null;
  });

  it('shows each column with samples, pre-fills suggestions marked as such, and passes axe', async () => {
    const env = await setup();
    sync = env.sync;
    const email = rowOf(env.table, 'E-mail Address');
    expect(email.querySelector('select')!.value).to.equal('email');
    expect(email.querySelector('[part=suggested]')!.textContent).to.equal('Suggested');
    expect(rowOf(env.table, 'Given Name').querySelector('select')!.value).to.equal('firstName');
    const shoe = rowOf(env.table, 'Shoe size');
    expect(shoe.querySelector('select')!.value).to.equal('');
    expect(shoe.querySelector('[part=suggested]')).to.equal(null);
    expect([...shoe.querySelectorAll('.samples li')].map((li) => li.textContent)).to.deep.equal([
      '38',
      '44',
    ]);
    // The email column is the suggested key, and the table says what that means.
    expect(email.querySelector<HTMLInputElement>('input[type=radio]')!.checked).to.equal(true);
    expect($(env.table, '[part=key-help]').textContent).to.contain('"E-mail Address"');
    expect(await axeViolations(env.table)).to.deep.equal([]);
  });

  it('is usable by keyboard alone: map, add a field inline, choose the key, remove a mapping', async () => {
    const env = await setup();
    sync = env.sync;
    env.wrapper.querySelector('button')!.focus();
    // Tab into the table: the first column's field menu.
    await sendKeys({ press: 'Tab' });
    expect(env.table.shadowRoot!.activeElement?.id).to.equal('field-0');
    // Tab on to the Shoe size menu (past the key radios and Remove buttons of earlier rows).
    const shoeSelect = rowOf(env.table, 'Shoe size').querySelector('select')!;
    for (let i = 0; i < 12 && env.table.shadowRoot!.activeElement !== shoeSelect; i++)
      await sendKeys({ press: 'Tab' });
    expect(env.table.shadowRoot!.activeElement).to.equal(shoeSelect);
    // End jumps to the last option, "New field…", which opens the inline form.
    await sendKeys({ press: 'End' });
    await until(
      () => env.table.shadowRoot!.querySelector('.new-field input'),
      'the new-field form',
    );
    expect(env.table.shadowRoot!.activeElement).to.equal($(env.table, '.new-field input'));
    const added = nextEvent<FieldAddedEvent>(env.table, FieldAddedEvent.type);
    const changed = nextEvent<MappingChangeEvent>(env.table, MappingChangeEvent.type);
    await sendKeys({ type: 'Shoe size' });
    await sendKeys({ press: 'Enter' });
    const field = (await added).field;
    expect(field.label).to.equal('Shoe size');
    expect((await changed).mapping.columns[2]!.field).to.equal(field.id);
    // The field now exists in the address book, and focus is back on the column's menu.
    const book = await env.sync.books.get(env.book.id);
    expect(book.fields.map((f) => f.label)).to.include('Shoe size');
    await until(() => env.table.shadowRoot!.activeElement?.id === 'field-2', 'focus to return');
    expect(shoeSelect.value).to.equal(field.id);

    // Shift+Tab back to a key radio and move the key with the arrow keys.
    const memberRadio = rowOf(env.table, 'Member id').querySelector<HTMLInputElement>(
      'input[type=radio]',
    )!;
    const emailRadio = rowOf(env.table, 'E-mail Address').querySelector<HTMLInputElement>(
      'input[type=radio]',
    )!;
    emailRadio.focus();
    for (let i = 0; i < 3 && !memberRadio.checked; i++) await sendKeys({ press: 'ArrowDown' });
    expect(memberRadio.checked).to.equal(true);
    expect(env.table.mapping!.key).to.deep.equal({ kind: 'column', column: 3 });
    await sendKeys({ press: 'ArrowDown' });
    expect(env.table.mapping!.key).to.deep.equal({ kind: 'generated' });
    expect($(env.table, '[part=key-help]').textContent).to.contain('9-digit');

    // Remove the first name mapping with its button.
    const remove = rowOf(env.table, 'Given Name').querySelector<HTMLButtonElement>('button')!;
    remove.focus();
    await sendKeys({ press: 'Enter' });
    expect(env.table.mapping!.columns[1]!.field).to.equal(null);
    await env.table.updateComplete;
    expect(rowOf(env.table, 'Given Name').querySelector('[part=suggested]')).to.equal(null);
  });

  it('adds a field with its rules from the form: required, and the values it allows', async () => {
    const env = await setup();
    sync = env.sync;
    const { select, form } = await openNewField(env.table, 'Member id');
    const input = (selector: string) => form.querySelector<HTMLInputElement>(selector)!;
    input('input:not([type])').value = 'Tier';
    input('input:not([type])').dispatchEvent(new Event('input'));
    input('input[type=checkbox]').click();
    const options = form.querySelector('textarea')!;
    options.value = 'Gold\n  Silver \n\n';
    options.dispatchEvent(new Event('input'));
    // Each control is named by its visible label.
    expect(await axeViolations(env.table)).to.deep.equal([]);
    const added = nextEvent<FieldAddedEvent>(env.table, FieldAddedEvent.type);
    buttonIn(form, 'Add field').click();
    const field = (await added).field;
    expect({ required: field.required, options: field.options }).to.deep.equal({
      required: true,
      options: ['Gold', 'Silver'],
    });
    expect(
      (await env.sync.books.get(env.book.id)).fields.find((f) => f.id === field.id),
    ).to.deep.equal(field);
    await until(() => select.value === field.id, 'the column mapped to it');
    expect(select.selectedOptions[0]!.textContent!.trim()).to.equal('Tier (required)');
  });

  it('names the line of an allowed value that is too long, and adds nothing', async () => {
    const env = await setup();
    sync = env.sync;
    const { form } = await openNewField(env.table, 'Member id');
    const label = form.querySelector<HTMLInputElement>('input:not([type])')!;
    label.value = 'Tier';
    label.dispatchEvent(new Event('input'));
    const options = form.querySelector('textarea')!;
    options.value = `Gold\n\n${'x'.repeat(101)}\nSilver`;
    options.dispatchEvent(new Event('input'));
    const before = (await env.sync.books.get(env.book.id)).fields.length;
    buttonIn(form, 'Add field').click();
    await until(
      () => $(env.table, '[role=alert]').textContent!.trim() !== '',
      'the problem to show',
    );
    expect($(env.table, '[role=alert]').textContent!.trim()).to.equal(
      'Line 3 of the allowed values is longer than 100 characters.',
    );
    expect(options.getAttribute('aria-invalid')).to.equal('true');
    // A screen reader reads the reason on the box itself.
    const describedBy = options.getAttribute('aria-describedby');
    expect(describedBy, 'aria-describedby').to.be.a('string');
    expect(env.table.shadowRoot!.getElementById(describedBy!)!.textContent!.trim()).to.equal(
      'Line 3 of the allowed values is longer than 100 characters.',
    );
    expect((await env.sync.books.get(env.book.id)).fields.length).to.equal(before);
    expect(env.table.shadowRoot!.querySelector('.new-field')).not.to.equal(null);
    // Mended, the problem goes, and the field is added.
    options.value = 'Gold\n\nPlatinum\nSilver';
    options.dispatchEvent(new Event('input'));
    await env.table.updateComplete;
    expect($(env.table, '[role=alert]').textContent!.trim()).to.equal('');
    expect(options.getAttribute('aria-invalid')).to.equal('false');
    expect(options.hasAttribute('aria-describedby')).to.equal(false);
    const added = nextEvent<FieldAddedEvent>(env.table, FieldAddedEvent.type);
    buttonIn(form, 'Add field').click();
    expect((await added).field.options).to.deep.equal(['Gold', 'Platinum', 'Silver']);
  });

  it('cancelling "New field…" puts the column\'s menu back to what it was, and says no stray numbers', async () => {
    const env = await setup();
    sync = env.sync;
    const select = rowOf(env.table, 'Shoe size').querySelector('select')!;
    const before = select.value;
    select.value = '__new__';
    select.dispatchEvent(new Event('change'));
    await until(() => env.table.shadowRoot!.querySelector('.new-field'), 'the new-field form');
    // Nothing in the form is a bare number a screen reader would read out.
    const hidden = [...env.table.shadowRoot!.querySelectorAll('.new-field .visually-hidden')];
    expect(hidden.map((h) => h.textContent!.trim())).to.deep.equal([]);
    [...env.table.shadowRoot!.querySelectorAll<HTMLButtonElement>('.new-field button')]
      .find((b) => b.textContent!.trim() === 'Cancel')!
      .click();
    await until(() => !env.table.shadowRoot!.querySelector('.new-field'), 'the form to close');
    expect(select.value).to.equal(before);
    expect(select.selectedOptions[0]!.textContent!.trim()).not.to.equal('New field…');
  });

  it('explains why generated keys cannot update or delete, and refuses an empty mapping', async () => {
    const env = await setup({ updateExisting: true, deleteMissing: false, importEveryTime: false });
    sync = env.sync;
    const generated = $<HTMLInputElement>(env.table, '.generated input');
    generated.click();
    await env.table.updateComplete;
    expect($(env.table, '[role=alert]').textContent).to.contain('Generated keys cannot update');
    expect(env.table.validationMessage).to.contain('Generated keys cannot update');
    for (const button of env.table.shadowRoot!.querySelectorAll<HTMLButtonElement>('tbody button'))
      button.click();
    await env.table.updateComplete;
    expect(env.table.validationMessage).to.equal('Map at least one column to a contact field.');
  });

  it('marks required fields in the menus, and says which one still needs a column', async () => {
    const env = await setup();
    sync = env.sync;
    await env.sync.books.addField(env.book.id, {
      label: 'Shoe size',
      type: 'number',
      required: true,
    });
    const shoe = rowOf(env.table, 'Shoe size').querySelector('select')!;
    await until(
      () => [...shoe.options].some((o) => o.text === 'Shoe size (required)'),
      'the required field in the menu',
    );
    await until(
      () => env.table.validationMessage === '“Shoe size” is required: map a column to it.',
      'the missing required field',
    );
    shoe.value = [...shoe.options].find((o) => o.text === 'Shoe size (required)')!.value;
    shoe.dispatchEvent(new Event('change'));
    await env.table.updateComplete;
    expect(env.table.validationMessage).to.equal(null);
    env.table.messages = lv;
    await env.table.updateComplete;
    expect([...shoe.options].map((o) => o.text)).to.include('Shoe size (obligāts)');
  });

  it('fits a 360 px screen in Latvian with long samples: each column a card, its menu in view', async () => {
    const env = await setup();
    sync = env.sync;
    env.table.messages = lv;
    env.table.preview = await env.sync.preview(
      env.book.id,
      csvFile('Email,IBAN\nann@x.io,LV80BANK0000435195001LV80BANK00004351950\n'),
    );
    env.table.style.display = 'block';
    env.table.style.width = '360px';
    await env.table.updateComplete;
    expect(env.table.scrollWidth).to.be.at.most(360);
    const right = env.table.getBoundingClientRect().right + 0.5;
    for (const el of env.table.shadowRoot!.querySelectorAll('tbody *, caption, .generated'))
      expect(el.getBoundingClientRect().right, el.tagName).to.be.at.most(right);
    // Nothing escapes its box, not even a header hidden for sight but read to screen readers
    // (placed absolutely: against the box, or it would widen the page).
    const box = env.table.shadowRoot!.querySelector<HTMLElement>('.scroll')!;
    const hidden = box.querySelector<HTMLElement>('.visually-hidden')!;
    expect(hidden.offsetParent === box || box.contains(hidden.offsetParent)).to.equal(true);
    expect(box.scrollWidth).to.be.at.most(box.clientWidth);
    // The key radio says what it is where its header is not shown.
    const key = rowOf(env.table, 'E-mail Address').querySelector('.key')!;
    expect(key.textContent!.trim()).to.equal(lv.mappingKey);
    expect(await axeViolations(env.table)).to.deep.equal([]);
  });

  it('finds the client provided by an ancestor and speaks Latvian when given the catalogue', async () => {
    const sync2 = await client('mapping-ctx');
    sync = sync2;
    const book = await sync2.books.create({ name: 'Members' });
    const preview = await sync2.preview(book.id, csvFile(FILE));
    const host = document.createElement('div');
    document.body.append(host);
    provideSync(host, sync2);
    const table = document.createElement('cs-mapping-table') as MappingTable;
    Object.assign(table, { preview, messages: lv, bookId: book.id });
    host.append(table);
    await until(() => table.shadowRoot!.querySelectorAll('option').length > 10, 'the fields');
    expect($(table, 'caption').textContent).to.contain('Savienojiet');
    expect($(table, 'option[value=firstName]').textContent).to.contain('Vārds');
    // Contact data is text, never markup.
    expect(table.shadowRoot!.querySelector('img')).to.equal(null);
    host.remove();
  });
});
