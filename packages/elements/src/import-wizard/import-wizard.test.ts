import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ContactSync } from '@contactsync/sdk';
import { utils, write } from '@e965/xlsx';
import {
  ImportWizard,
  MappingTable,
  ProblemReportEvent,
  ProfileSavedEvent,
  RunFinishedEvent,
  VCardChosenEvent,
  WizardClosedEvent,
} from '../index.ts';
import { lv } from '../i18n/lv.ts';
import {
  $,
  axeViolations,
  client,
  csvFile,
  HOST_KEY,
  nextEvent,
  profileInput,
  remoteSource,
  seen,
  serve,
  startFakeProxy,
  type,
  until,
  worker,
} from '../../test/helpers.ts';

ImportWizard.define();

/** The problems listed at the review or the result, as read. */
const problems = (w: ImportWizard) =>
  [...w.shadowRoot!.querySelectorAll('[part=problems] li')].map((li) =>
    li.textContent!.replace(/\s+/g, ' ').trim(),
  );
const heading = (w: ImportWizard) => $(w, 'h2').textContent!.replace(/\s+/g, ' ').trim();
const activeIsHeading = (w: ImportWizard) => w.shadowRoot!.activeElement?.tagName === 'H2';

/** Tabs from wherever focus is to a footer button and presses Enter, as a keyboard user does. */
async function press(w: ImportWizard, label: string): Promise<void> {
  await w.updateComplete;
  const button = [...w.shadowRoot!.querySelectorAll<HTMLButtonElement>('footer button')].find(
    (b) => b.textContent!.trim() === label,
  );
  if (!button) throw new Error(`No "${label}" button on "${heading(w)}"`);
  await until(() => !button.disabled, `"${label}" to be enabled`);
  for (let i = 0; i < 80 && w.shadowRoot!.activeElement !== button; i++)
    await sendKeys({ press: 'Tab' });
  if (w.shadowRoot!.activeElement !== button) throw new Error(`Tab never reached "${label}"`);
  await sendKeys({ press: 'Enter' });
}

async function atStep(w: ImportWizard, text: string): Promise<void> {
  await until(() => heading(w).includes(text), `the step "${text}" (at "${heading(w)}")`);
  await until(() => activeIsHeading(w), 'focus on the heading');
}

/** Presses Next once per step named, waiting for each step's heading. */
async function nextThrough(w: ImportWizard, steps: readonly string[]): Promise<void> {
  for (const step of steps) {
    await press(w, 'Next');
    await atStep(w, step);
  }
}

/** Hands a file to the wizard as a drop would (the OS file dialog is outside the page). */
function drop(w: ImportWizard, file: File): void {
  const data = new DataTransfer();
  data.items.add(file);
  $(w, '[part=dropzone]').dispatchEvent(
    new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }),
  );
}

async function setup() {
  const sync = await client('wizard');
  const book = await sync.books.create({ name: 'Customers' });
  const w = await fixture<ImportWizard>(
    html`<cs-import-wizard .sync=${sync} book-id=${book.id} locale="en-GB"></cs-import-wizard>`,
  );
  return { sync, book, w };
}

const SEMICOLON =
  'Email;First name;Member no;Shoe\nann@x.io;Ann;M-1;38\nbob@x.io;Bob;M-2;44\nnot-an-email;Bad;M-3;40\n';

describe('<cs-import-wizard>', () => {
  let sync: ContactSync | null = null;
  before(() => startFakeProxy());
  after(() => worker.stop());
  afterEach(() => {
    worker.resetHandlers();
    seen.reset();
    sync?.close();
    sync = null;
  });

  it('walks a local import by keyboard: each step focused, axe-clean, and what was entered kept on Back', async () => {
    const env = await setup();
    sync = env.sync;
    const { w } = env;
    expect(heading(w)).to.contain('Where is the file?');
    expect(await axeViolations(w)).to.deep.equal([]);
    await press(w, 'Next');
    // Said at the file input, which is marked invalid and takes focus; not at the page's foot.
    const input = $<HTMLInputElement>(w, 'input[type=file]');
    await until(() => w.shadowRoot!.activeElement === input, 'focus on the file input');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect($(w, `#${input.getAttribute('aria-describedby')}`).textContent).to.equal(
      'Choose a file to import.',
    );
    expect($(w, '[role=alert]').textContent).to.equal('');
    drop(w, csvFile(SEMICOLON, 'members.csv'));
    await w.updateComplete;
    expect(input.getAttribute('aria-invalid')).to.equal('false');
    expect($<HTMLInputElement>(w, 'input[name=name]').value).to.equal('members.csv');
    expect($(w, '.chosen').textContent).to.contain('members.csv');

    await press(w, 'Next');
    await atStep(w, 'How is the file written?');
    expect(await axeViolations(w)).to.deep.equal([]);
    // Arrow keys in the delimiter group: from "Detect" to "Comma" to "Semicolon".
    $<HTMLInputElement>(w, 'input[name=delimiter][value=auto]').focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    expect($<HTMLInputElement>(w, 'input[name=delimiter][value=";"]').checked).to.equal(true);

    await press(w, 'Next');
    await atStep(w, 'Does this look right?');
    expect($(w, '.facts').textContent).to.contain('Delimiter: semicolon');
    expect($(w, '.facts').textContent).to.contain('Encoding: UTF-8');
    expect(
      [...w.shadowRoot!.querySelectorAll('thead th')].map((th) => th.textContent),
    ).to.deep.equal(['Email', 'First name', 'Member no', 'Shoe']);
    expect(w.shadowRoot!.querySelectorAll('tbody tr').length).to.equal(3);
    expect(await axeViolations(w)).to.deep.equal([]);

    // Back and forth keeps the options.
    await press(w, 'Back');
    await atStep(w, 'How is the file written?');
    expect($<HTMLInputElement>(w, 'input[name=delimiter][value=";"]').checked).to.equal(true);
    await press(w, 'Next');
    await atStep(w, 'Does this look right?');

    await press(w, 'Next');
    await atStep(w, 'Which column goes where?');
    const table = $<MappingTable>(w, 'cs-mapping-table');
    await until(() => table.shadowRoot!.querySelectorAll('option').length > 10, 'the fields');
    expect(await axeViolations(w)).to.deep.equal([]);
    // The member number becomes the unique key (updates will match on it).
    table.shadowRoot!.querySelectorAll<HTMLInputElement>('tbody input[type=radio]')[2]!.click();
    const saved = nextEvent<ProfileSavedEvent>(w, ProfileSavedEvent.type);
    await press(w, 'Next');
    await atStep(w, 'What will change');
    const profile = (await saved).profile;
    expect(profile.mapping.key).to.deep.equal({ kind: 'column', column: 2 });
    expect(profile.parse.delimiter).to.equal(';');
    const count = (label: string) =>
      [...w.shadowRoot!.querySelectorAll('.counts div')]
        .find((d) => d.querySelector('dt')!.textContent === label)!
        .querySelector('dd')!.textContent;
    expect(count('New')).to.equal('2');
    expect(count('Invalid rows')).to.equal('1');
    expect($(w, '.problems').textContent).to.contain('Row 4');
    expect(await axeViolations(w)).to.deep.equal([]);
    // Nothing was written by the review.
    expect((await env.sync.contacts.list(env.book.id)).total).to.equal(0);

    const finished = nextEvent<RunFinishedEvent>(w, RunFinishedEvent.type);
    await press(w, 'Import now');
    const run = (await finished).run;
    await atStep(w, 'Finished');
    expect(run.counts.created).to.equal(2);
    expect($(w, '[part=result]').textContent).to.contain('Finished with problems');
    // What happened, in the past tense, under the import's name (not "Edit …").
    expect(count('Added')).to.equal('2');
    expect(count('Not imported (problems)')).to.equal('1');
    expect($(w, '#title').textContent!.trim()).to.equal(`Import “${profile.name}”`);
    expect((await env.sync.contacts.list(env.book.id)).total).to.equal(2);
    expect(await axeViolations(w)).to.deep.equal([]);

    const closed = nextEvent<WizardClosedEvent>(w, WizardClosedEvent.type);
    await press(w, 'Close');
    expect((await closed).profileId).to.equal(profile.id);
    // Closing after a run keeps the import.
    expect((await env.sync.profiles.list()).length).to.equal(1);
  });

  it('flags a backslash as it is typed, seals the login, previews the remote file and schedules it', async () => {
    serve('email,name\nann@x.io,Ann\nbob@x.io,Bob\n');
    const env = await setup();
    sync = env.sync;
    const { w } = env;
    w.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name=kind]')[1]!.click();
    await w.updateComplete;
    const address = $<HTMLInputElement>(w, 'input[name=address]');
    type(address, 'files.example.com\\exports\\contacts.csv');
    await w.updateComplete;
    expect(address.getAttribute('aria-invalid')).to.equal('true');
    expect($(w, '#address-help').textContent).to.contain('backslash');
    // A pasted full address sets the protocol too.
    type(address, 'sftp://files.example.com/exports/contacts.csv');
    await w.updateComplete;
    expect(address.getAttribute('aria-invalid')).to.equal('false');
    expect($<HTMLSelectElement>(w, 'select').value).to.equal('sftp');
    expect(address.value).to.equal('files.example.com/exports/contacts.csv');
    type($<HTMLInputElement>(w, 'input[name=username]'), 'reader');
    type($<HTMLInputElement>(w, 'input[name=password]'), 'Pw-9f3Kq-SECRET');
    expect(await axeViolations(w)).to.deep.equal([]);

    await press(w, 'Next');
    await atStep(w, 'How is the file written?');
    expect(seen.sealed).to.have.length(1);
    expect(seen.fetches[0]!.credential).to.equal('v1.sealed-token');
    await nextThrough(w, ['Does this look right?', 'Which column goes where?', 'What will change']);
    await press(w, 'Schedule…');
    await atStep(w, 'Schedule');
    expect(await axeViolations(w)).to.deep.equal([]);
    const saved = nextEvent<ProfileSavedEvent>(w, ProfileSavedEvent.type);
    await press(w, 'Finish');
    await atStep(w, 'Finished');
    const profile = (await saved).profile;
    expect(profile.schedule!.recurrence).to.deep.equal({ kind: 'daily', every: 1 });
    expect(profile.source).to.deep.include({
      kind: 'remote',
      url: 'sftp://files.example.com/exports/contacts.csv',
      credential: 'v1.sealed-token',
      hostKey: HOST_KEY,
    });
    expect(JSON.stringify(profile)).not.to.contain('Pw-9f3Kq');
    expect($(w, '[part=panel]').textContent).to.contain('Next import:');
  });

  it('says what is wrong at the field itself: an empty or mistyped address, once, and a bad email', async () => {
    const env = await setup();
    sync = env.sync;
    const { w } = env;
    w.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name=kind]')[1]!.click();
    await w.updateComplete;
    const address = $<HTMLInputElement>(w, 'input[name=address]');
    await press(w, 'Next');
    await until(() => w.shadowRoot!.activeElement === address, 'focus on the address');
    expect(address.getAttribute('aria-invalid')).to.equal('true');
    expect($(w, '#address-help').textContent).to.contain('Enter where the file is');
    expect($(w, '#address-help').textContent).not.to.contain('sftp://');
    expect($(w, '[role=alert]').textContent).to.equal('');
    type(address, 'files.example.com\\exports\\contacts.csv');
    await press(w, 'Next');
    await w.updateComplete;
    // The backslash is said once, beside the address.
    const said = w.shadowRoot!.textContent!;
    expect(said.split('backslash').length - 1).to.equal(1);
    expect($(w, '[role=alert]').textContent).to.equal('');

    serve('email,name\nann@x.io,Ann\n');
    type(address, 'files.example.com/exports/contacts.csv');
    await press(w, 'Next');
    await atStep(w, 'How is the file written?');
    const notify = $<HTMLInputElement>(w, 'input[name=notify]');
    type(notify, 'not an address');
    await press(w, 'Next');
    await until(() => w.shadowRoot!.activeElement === notify, 'focus on the email');
    expect(notify.getAttribute('aria-invalid')).to.equal('true');
    expect($(w, `#${notify.getAttribute('aria-describedby')}`).textContent).to.not.equal('');
    expect(await axeViolations(w)).to.deep.equal([]);
  });

  it('suspects the delimiter when every row lands in one column', async () => {
    const env = await setup();
    sync = env.sync;
    const { w } = env;
    drop(w, csvFile(SEMICOLON, 'members.csv'));
    await press(w, 'Next');
    await atStep(w, 'How is the file written?');
    $<HTMLInputElement>(w, 'input[name=delimiter][value=","]').click();
    await nextThrough(w, ['Does this look right?']);
    expect($(w, '[part=warnings]').textContent).to.contain(
      'Every row is in one column: the file is probably not separated by comma.',
    );
    await press(w, 'Back');
    await atStep(w, 'How is the file written?');
    $<HTMLInputElement>(w, 'input[name=delimiter][value=";"]').click();
    await nextThrough(w, ['Does this look right?']);
    expect(w.shadowRoot!.querySelector('[part=warnings]')?.textContent ?? '').not.to.contain(
      'one column',
    );
  });

  it('imports a remote file now through the proxy', async () => {
    serve('email,name\nann@x.io,Ann\nbob@x.io,Bob\n');
    const env = await setup();
    sync = env.sync;
    const { w } = env;
    w.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name=kind]')[1]!.click();
    await w.updateComplete;
    type(
      $<HTMLInputElement>(w, 'input[name=address]'),
      'https://files.example.com/exports/contacts.csv',
    );
    await nextThrough(w, ['How is', 'Does this', 'Which column', 'What will change']);
    const finished = nextEvent<RunFinishedEvent>(w, RunFinishedEvent.type);
    await press(w, 'Import now');
    const run = (await finished).run;
    expect(run).to.deep.include({ status: 'success', fileName: 'contacts.csv' });
    expect(run.counts.created).to.equal(2);
    // Once for the preview, once for the import.
    expect(seen.fetches).to.have.length(2);
    expect(seen.sealed).to.have.length(0);
  });

  it('opens a saved import filled in, and explains and requires confirmation for a mass deletion', async () => {
    const env = await setup();
    sync = env.sync;
    let rows = 'email,name\n';
    for (let i = 0; i < 20; i++) rows += `p${i}@x.io,P${i}\n`;
    const saved = await env.sync.profiles.create(
      profileInput(env.book.id, {
        behaviour: { updateExisting: true, deleteMissing: true, importEveryTime: false },
      }),
    );
    await env.sync.run(saved.id, csvFile(rows));
    const { w } = env;
    await w.open(saved.id);
    await w.updateComplete;
    expect($(w, '.title').textContent).to.contain('Edit "CRM export"');
    expect($<HTMLInputElement>(w, 'input[name=name]').value).to.equal('CRM export');
    expect($(w, '.drop').textContent).to.contain('last time: contacts.csv');
    drop(w, csvFile(rows.split('\n').slice(0, 3).join('\n') + '\n', 'contacts.csv'));
    await press(w, 'Next');
    await atStep(w, 'How is the file written?');
    expect($<HTMLInputElement>(w, 'input[name=deleteMissing]').checked).to.equal(true);
    await nextThrough(w, ['Does this look right?', 'Which column goes where?', 'What will change']);
    expect($(w, '[part=guard]').textContent).to.contain('only 2 of the 20');
    expect($(w, '[part=guard]').textContent).to.contain('delete 18 contacts');
    const importNow = [...w.shadowRoot!.querySelectorAll<HTMLButtonElement>('footer button')].find(
      (b) => b.textContent!.trim() === 'Import now',
    )!;
    expect(importNow.disabled).to.equal(true);
    $<HTMLInputElement>(w, 'input[name=confirm-delete]').click();
    await press(w, 'Import now');
    await atStep(w, 'Finished');
    expect((await env.sync.contacts.list(env.book.id)).total).to.equal(2);
  });

  it('review() takes a refused remote import straight to its review, with the confirmation; a local one to its file', async () => {
    const env = await setup();
    sync = env.sync;
    let rows = 'email,name\n';
    for (let i = 0; i < 20; i++) rows += `p${i}@x.io,P${i}\n`;
    serve(rows);
    const behaviour = { updateExisting: true, deleteMissing: true, importEveryTime: false };
    const remote = await env.sync.profiles.create(
      profileInput(env.book.id, {
        name: 'Nightly',
        source: remoteSource('https://files.example.com/exports/contacts.csv'),
        behaviour,
      }),
    );
    await env.sync.run(remote.id);
    worker.resetHandlers();
    serve('email,name\np1@x.io,P1\n');
    expect((await env.sync.run(remote.id)).error?.code).to.equal('mass-delete-refused');
    const { w } = env;
    await w.review(remote.id);
    await atStep(w, 'What will change');
    expect($(w, '[part=guard]').textContent).to.contain('delete 19 contacts');
    expect(w.shadowRoot!.activeElement?.tagName).to.equal('H2');
    $<HTMLInputElement>(w, 'input[name=confirm-delete]').click();
    await press(w, 'Import now');
    await atStep(w, 'Finished');
    expect((await env.sync.contacts.list(env.book.id)).total).to.equal(1);

    const local = await env.sync.profiles.create(profileInput(env.book.id, { behaviour }));
    await w.review(local.id);
    await atStep(w, 'Where is the file?');
    expect($(w, '.drop').textContent).to.contain('last time: contacts.csv');
  });

  it("words each problem once, in the user's language, and offers the problem rows as a CSV at the review and the result", async () => {
    const env = await setup();
    sync = env.sync;
    const { w } = env;
    const file = 'email,name\nann@x.io,Ann\nnot-an-email,Bad\nann@x.io,Twice\n';
    const saved = await env.sync.profiles.create(profileInput(env.book.id));
    await w.open(saved.id);
    drop(w, csvFile(file, 'crm.csv'));
    await press(w, 'Next');
    await atStep(w, 'How is the file written?');
    await nextThrough(w, ['Does this look right?', 'Which column goes where?', 'What will change']);
    expect(problems(w)).to.deep.equal([
      'Row 3, column “email”: “not-an-email” is not a valid email address.',
      'Row 4, column “email”: The same unique key as row 2; the row is left out.',
    ]);

    const reports: File[] = [];
    w.addEventListener(ProblemReportEvent.type, (e) => {
      e.preventDefault(); // no real download in the test: the file is checked instead
      reports.push((e as ProblemReportEvent).file);
    });
    $<HTMLButtonElement>(w, '[part=problem-report]').click();
    await until(() => reports.length === 1, 'the problem report');
    expect(reports[0]!.name).to.equal('crm - problems.csv');
    expect((await reports[0]!.text()).split('\r\n')).to.deep.equal([
      'email,name,Row,Column,Problem',
      'not-an-email,Bad,3,email,“not-an-email” is not a valid email address.',
      'ann@x.io,Twice,4,email,The same unique key as row 2; the row is left out.',
      '',
    ]);

    // In Latvian, the result page lists the problems too, and offers the same report.
    w.messages = lv;
    await w.updateComplete;
    await press(w, 'Importēt tagad');
    await until(
      () => w.shadowRoot!.querySelector('[part=result]')?.textContent?.includes('problēm') ?? false,
      'the result',
    );
    expect(problems(w)).to.deep.equal([
      '3. rinda, kolonna “email”: “not-an-email” nav derīga e-pasta adrese.',
      '4. rinda, kolonna “email”: Tāda pati unikālā atslēga kā 2. rindā; rinda netiek importēta.',
    ]);
    $<HTMLButtonElement>(w, '[part=problem-report]').click();
    await until(() => reports.length === 2, 'the second report');
    expect(await reports[1]!.text()).to.contain('nav derīga e-pasta adrese');
    expect(await axeViolations(w)).to.deep.equal([]);
  });

  it("words the problems of a field's own rules and of the host's check like built-in ones, in both languages", async () => {
    sync = await client('rules', {
      fieldChecks: {
        iban: (v) => (/^[A-Z]{2}\d{2}\w{4,}$/.test(v) ? v : { problem: 'not an IBAN' }),
      },
    });
    const book = await sync.books.create({ name: 'Customers' });
    const tier = await sync.books.addField(book.id, {
      label: 'Tier',
      type: 'text',
      required: true,
      options: ['Gold', 'Silver'],
    });
    const account = await sync.books.addField(book.id, {
      label: 'IBAN',
      type: 'text',
      check: 'iban',
    });
    const saved = await sync.profiles.create(
      profileInput(book.id, {
        mapping: {
          columns: [
            { column: 0, header: 'email', field: 'email' },
            { column: 1, header: 'tier', field: tier.id },
            { column: 2, header: 'iban', field: account.id },
          ],
          key: { kind: 'column', column: 0 },
        },
      }),
    );
    const w = await fixture<ImportWizard>(
      html`<cs-import-wizard .sync=${sync} book-id=${book.id} locale="en-GB"></cs-import-wizard>`,
    );
    await w.open(saved.id);
    const file =
      'email,tier,iban\nann@x.io,Gold,LV80BANK0000435195001\nbob@x.io,,\ncy@x.io,Bronze,\ndee@x.io,Silver,12345\n';
    drop(w, csvFile(file, 'crm.csv'));
    await press(w, 'Next');
    await atStep(w, 'How is the file written?');
    await nextThrough(w, ['Does this look right?', 'Which column goes where?', 'What will change']);
    expect(problems(w)).to.deep.equal([
      'Row 3, column “tier”: “Tier” is required, but the cell is empty; the row is left out.',
      'Row 4, column “tier”: “Bronze” is not one of the allowed values (Gold, Silver); the row is left out.',
      'Row 5, column “iban”: “12345”: not an IBAN; the row is left out.',
    ]);
    w.messages = lv;
    await w.updateComplete;
    expect(problems(w)).to.deep.equal([
      '3. rinda, kolonna “tier”: “Tier” ir obligāts, bet šūna ir tukša; rinda netiek importēta.',
      '4. rinda, kolonna “tier”: “Bronze” nav neviena no atļautajām vērtībām (Gold, Silver); rinda netiek importēta.',
      '5. rinda, kolonna “iban”: “12345”: not an IBAN; rinda netiek importēta.',
    ]);
    expect(await axeViolations(w)).to.deep.equal([]);
  });

  it('counts the rows of contacts deleted here in the review and the result, so every row is accounted for', async () => {
    const env = await setup();
    sync = env.sync;
    const file = 'email,name\nann@x.io,Ann\nbob@x.io,Bob\ncid@x.io,Cid\n';
    const saved = await env.sync.profiles.create(
      profileInput(env.book.id, {
        behaviour: { updateExisting: true, deleteMissing: false, importEveryTime: true },
      }),
    );
    await env.sync.run(saved.id, csvFile(file));
    const bob = (await env.sync.contacts.list(env.book.id, { search: 'bob@x.io' })).items[0]!;
    await env.sync.contacts.delete(env.book.id, bob.id);
    const { w } = env;
    await w.open(saved.id);
    drop(w, csvFile(file, 'contacts.csv'));
    await press(w, 'Next');
    await atStep(w, 'How is the file written?');
    await nextThrough(w, ['Does this look right?', 'Which column goes where?', 'What will change']);
    const tiles = () =>
      [...w.shadowRoot!.querySelectorAll('.counts div')].map(
        (d) => `${d.querySelector('dt')!.textContent} ${d.querySelector('dd')!.textContent}`,
      );
    expect(tiles()).to.deep.equal([
      'New 0',
      'Updated 0',
      'Unchanged 2',
      'To delete 0',
      'Invalid rows 0',
      'Deleted here earlier 1',
    ]);
    await press(w, 'Import now');
    await atStep(w, 'Finished');
    expect(tiles()).to.deep.equal([
      'Added 0',
      'Updated 0',
      'Unchanged 2',
      'Deleted 0',
      'Not imported (problems) 0',
      'Kept out (deleted here earlier) 1',
    ]);
  });

  it('words the notes of a run from their codes, in Latvian', async () => {
    const env = await setup();
    sync = env.sync;
    const saved = await env.sync.profiles.create(profileInput(env.book.id));
    const { w } = env;
    w.messages = lv;
    await w.open(saved.id);
    drop(w, csvFile('name,email\nAnn,ann@x.io\n,\n\n', 'contacts.csv'));
    await press(w, 'Tālāk');
    await until(() => w.shadowRoot!.querySelector('input[name=deleteMissing]') !== null, 'options');
    for (let i = 0; i < 3; i++) await press(w, 'Tālāk');
    await until(() => w.shadowRoot!.querySelector('.counts') !== null, 'the review');
    await press(w, 'Importēt tagad');
    await until(
      () => w.shadowRoot!.querySelector('[part=result]')?.textContent?.includes('Izdevās') ?? false,
      'the result',
    );
    const hints = [...w.shadowRoot!.querySelectorAll('.hint')].map((p) => p.textContent!.trim());
    expect(hints.join(' ')).not.to.match(/rows were ignored/);
    expect(hints).to.include('Tukšas rindas izlaistas (tukšas vai tikai atdalītāji): 1.');
  });

  it('fits a 360 px screen in Latvian, file chooser and server login included', async () => {
    const env = await setup();
    sync = env.sync;
    const { w } = env;
    w.messages = lv;
    w.style.display = 'block';
    w.style.width = '360px';
    await w.updateComplete;
    const fits = () => {
      expect(w.scrollWidth).to.be.at.most(360);
      for (const el of w.shadowRoot!.querySelectorAll('*'))
        expect(el.getBoundingClientRect().right, el.tagName).to.be.at.most(
          w.getBoundingClientRect().right + 0.5,
        );
    };
    fits();
    // A file on a server: protocol, address, login and password, with a message at the address.
    w.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name=kind]')[1]!.click();
    await press(w, 'Tālāk');
    await until(() => $(w, '#address-help').classList.contains('error'), 'the address message');
    fits();
  });

  it('offers "Save for later" beside "Import now", and paints counts red only when they are not zero', async () => {
    const env = await setup();
    sync = env.sync;
    const { w } = env;
    drop(w, csvFile('email,name\nann@x.io,Ann\n', 'later.csv'));
    await press(w, 'Next');
    await atStep(w, 'How is the file written?');
    await nextThrough(w, ['Does this look right?', 'Which column goes where?', 'What will change']);
    const buttons = [...w.shadowRoot!.querySelectorAll('footer button')].map((b) =>
      b.textContent!.trim(),
    );
    expect(buttons).to.deep.equal(['Cancel', 'Back', 'Save for later', 'Import now']);
    const tile = (label: string) =>
      [...w.shadowRoot!.querySelectorAll('.counts div')].find(
        (d) => d.querySelector('dt')!.textContent === label,
      )!;
    const plain = getComputedStyle(tile('New').querySelector('dd')!).color;
    expect(getComputedStyle(tile('To delete').querySelector('dd')!).color).to.equal(plain);
    expect(getComputedStyle(tile('Invalid rows').querySelector('dd')!).color).to.equal(plain);
    await press(w, 'Save for later');
    await atStep(w, 'Finished');
    expect(w.shadowRoot!.textContent).to.contain('The import is saved.');
    expect((await env.sync.history.list({ bookId: env.book.id })).length).to.equal(0);
    expect((await env.sync.profiles.list(env.book.id)).map((p) => p.name)).to.deep.equal([
      'later.csv',
    ]);
  });

  it('will not take an empty column as the unique key: says why at the mapping, and goes no further', async () => {
    const env = await setup();
    sync = env.sync;
    const { w } = env;
    drop(w, csvFile('email,name,member\nann@x.io,Ann,\nbob@x.io,Bob,\n', 'members.csv'));
    await press(w, 'Next');
    await atStep(w, 'How is the file written?');
    await nextThrough(w, ['Does this look right?', 'Which column goes where?']);
    const table = $<MappingTable>(w, 'cs-mapping-table');
    await until(() => table.shadowRoot!.querySelectorAll('tbody input[type=radio]').length >= 3);
    table.shadowRoot!.querySelectorAll<HTMLInputElement>('tbody input[type=radio]')[2]!.click();
    // Said beside the mapping as soon as the key is chosen, once (not again by the wizard).
    const said = 'The unique key column “member” has no values in this file';
    await until(() => $(table, '[role=alert]').textContent!.includes(said), 'the reason');
    await press(w, 'Next');
    await until(() => $(w, '.working').textContent!.trim() === '', 'the wizard to finish');
    expect(heading(w)).to.contain('Which column goes where?');
    expect($(w, '[role=alert].problem').textContent!.trim()).to.equal('');
    expect(await env.sync.profiles.list(env.book.id)).to.deep.equal([]);
  });

  it('takes keyboard focus when the host opens it (Edit or a new import in the grid)', async () => {
    const env = await setup();
    sync = env.sync;
    const { w } = env;
    const saved = await env.sync.profiles.create(profileInput(env.book.id));
    const outside = document.createElement('button');
    document.body.append(outside);
    outside.focus();
    await w.open(saved.id);
    expect(document.activeElement).to.equal(w);
    expect(activeIsHeading(w)).to.equal(true);
    outside.focus();
    await w.open(null);
    expect(activeIsHeading(w)).to.equal(true);
    expect(document.activeElement).to.equal(w);
    outside.remove();
  });

  it('edits an import with a file that lost mapped columns: says which, and suggests a mapping again', async () => {
    const env = await setup();
    sync = env.sync;
    const saved = await env.sync.profiles.create(profileInput(env.book.id));
    await env.sync.run(saved.id, csvFile('email,name\nann@x.io,Ann\n'));
    const { w } = env;
    await w.open(saved.id);
    await w.updateComplete;
    drop(w, csvFile('E-mail address,Full name\nann@x.io,Ann Lee\n', 'renamed.csv'));
    await press(w, 'Next');
    await atStep(w, 'How is the file written?');
    await nextThrough(w, ['Does this look right?', 'Which column goes where?']);
    expect($(w, '[part=warnings]').textContent).to.contain('no email, name column any more');
    expect(await axeViolations(w)).to.deep.equal([]);
  });

  it('shows the encoding found, lets the person choose another, and reads the rows again', async () => {
    const env = await setup();
    sync = env.sync;
    const { w } = env;
    // "Bērziņa" written by a Baltic Windows program: ē = E7, ņ = F2 in Windows-1257.
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('email,name\nb@x.io,B'),
      0xe7,
      ...new TextEncoder().encode('rzi'),
      0xf2,
      ...new TextEncoder().encode('a\n'),
    ]);
    drop(w, new File([bytes], 'baltic.csv', { type: 'text/csv' }));
    await press(w, 'Next');
    await atStep(w, 'How is the file written?');
    await nextThrough(w, ['Does this look right?']);
    const cell = () => $(w, '[part=preview-table] tbody td:nth-child(2)').textContent!.trim();
    expect($(w, '.facts').textContent).to.contain('Windows-1252 (Western European)');
    expect(cell()).to.equal('Bçrziòa');
    const select = $<HTMLSelectElement>(w, 'select[name=encoding]');
    select.value = 'windows-1257';
    select.dispatchEvent(new Event('change'));
    await until(() => cell() === 'Bērziņa', 'the rows read as Windows-1257');
    expect($(w, '.facts').textContent).to.contain('Windows-1257 (Baltic)');
    expect(await axeViolations(w)).to.deep.equal([]);
    // The choice is kept in the import.
    await nextThrough(w, ['Which column goes where?', 'What will change']);
    const [profile] = await env.sync.profiles.list(env.book.id);
    expect(profile!.parse.encoding).to.equal('windows-1257');
  });

  it('takes an Excel workbook: offers its sheets instead of delimiter and encoding, and imports the chosen one', async () => {
    const env = await setup();
    sync = env.sync;
    const { w } = env;
    expect($<HTMLInputElement>(w, 'input[type=file]').accept).to.contain('.xlsx');
    const book = utils.book_new();
    utils.book_append_sheet(
      book,
      utils.aoa_to_sheet([
        ['email', 'name'],
        ['ann@x.io', 'Ann'],
      ]),
      'Current',
    );
    utils.book_append_sheet(
      book,
      utils.aoa_to_sheet([
        ['email', 'name'],
        ['old@x.io', 'Olga'],
      ]),
      'Archive',
    );
    const bytes = write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer;
    drop(w, new File([bytes], 'members.xlsx'));
    await press(w, 'Next');
    await atStep(w, 'How is the file written?');
    expect($<HTMLFieldSetElement>(w, 'fieldset.choice').hidden).to.equal(true);
    await nextThrough(w, ['Does this look right?']);
    const cell = () => $(w, '[part=preview-table] tbody td').textContent!.trim();
    expect(cell()).to.equal('ann@x.io');
    expect($(w, '.facts').textContent).to.contain('A workbook with 2 sheets: “Current” is read.');
    expect(w.shadowRoot!.querySelector('select[name=encoding]')).to.equal(null);
    const select = $<HTMLSelectElement>(w, 'select[name=sheet]');
    select.value = 'Archive';
    select.dispatchEvent(new Event('change'));
    await until(() => cell() === 'old@x.io', 'the other sheet');
    expect(await axeViolations(w)).to.deep.equal([]);
    await nextThrough(w, ['Which column goes where?', 'What will change']);
    const [profile] = await env.sync.profiles.list(env.book.id);
    expect(profile!.parse.sheet).to.equal('Archive');
  });

  it('choosing generated keys turns off updating and deleting and says so, instead of a dead end', async () => {
    const env = await setup();
    sync = env.sync;
    const { w } = env;
    drop(w, csvFile('name,phone\nAnn,+14155550100\nBob,+14155550101\n', 'list.csv'));
    await press(w, 'Next');
    await atStep(w, 'How is the file written?');
    await nextThrough(w, ['Does this look right?', 'Which column goes where?']);
    const table = $<MappingTable>(w, 'cs-mapping-table');
    await until(() => table.shadowRoot!.querySelectorAll('option').length > 10, 'the fields');
    table.shadowRoot!.querySelector<HTMLInputElement>('.generated input[type=radio]')!.click();
    await until(() => $(w, '[part=notice]').textContent!.trim() !== '', 'the notice');
    expect($(w, '[part=notice]').textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      'Generated keys make every row a new contact, so “Update existing contacts” and “Delete contacts not found in the file” were turned off for this import.',
    );
    expect(await axeViolations(w)).to.deep.equal([]);
    const saved = nextEvent<ProfileSavedEvent>(w, ProfileSavedEvent.type);
    await press(w, 'Next');
    await atStep(w, 'What will change');
    const { profile } = await saved;
    expect(profile.mapping.key).to.deep.equal({ kind: 'generated' });
    expect(profile.behaviour).to.include({ updateExisting: false, deleteMissing: false });
  });

  it('offers to update the saved import of the same file instead of a second one', async () => {
    const env = await setup();
    sync = env.sync;
    const saved = await env.sync.profiles.create(
      profileInput(env.book.id, { source: { kind: 'local', fileName: 'members.csv' } }),
    );
    const { w } = env;
    drop(w, csvFile('email,name\nann@x.io,Ann\n', 'members.csv'));
    await press(w, 'Next');
    await until(() => w.shadowRoot!.querySelector('[part=twin]') !== null, 'the offer');
    expect($(w, '[part=twin]').textContent!.replace(/\s+/g, ' ')).to.contain(
      '“CRM export” already imports a file with this name into this address book.',
    );
    expect(await axeViolations(w)).to.deep.equal([]);
    [...w.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part=twin] button')]
      .find((b) => b.textContent!.includes('Update “CRM export”'))!
      .click();
    await atStep(w, 'How is the file written?');
    await nextThrough(w, ['Does this look right?', 'Which column goes where?', 'What will change']);
    // Still one import: the saved one, now with this file.
    const profiles = await env.sync.profiles.list(env.book.id);
    expect(profiles.map((p) => p.id)).to.deep.equal([saved.id]);

    // Another new import of the same file: "separate" goes on as a new import.
    await w.open(null);
    await w.updateComplete;
    drop(w, csvFile('email,name\nann@x.io,Ann\n', 'members.csv'));
    await press(w, 'Next');
    await until(() => w.shadowRoot!.querySelector('[part=twin]') !== null, 'the offer');
    [...w.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part=twin] button')]
      .find((b) => b.textContent!.includes('Set up a separate import'))!
      .click();
    await atStep(w, 'How is the file written?');
  });

  it('says a vCard is not a CSV file, and hands it to a host that imports vCards', async () => {
    const env = await setup();
    sync = env.sync;
    const { w } = env;
    const vcf = new File(
      ['BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann Lee\r\nEND:VCARD\r\n'],
      'phone.vcf',
      {
        type: 'text/vcard',
      },
    );
    drop(w, vcf);
    await press(w, 'Next');
    await until(() => $(w, '.problem').textContent!.includes('vCard'), 'the problem');
    expect($(w, '.problem').textContent!.trim()).to.equal(
      'This file is a vCard address book (.vcf), not a CSV file. Import it where vCard files are read, such as the phone panel.',
    );
    expect(heading(w)).to.contain('Where is the file?');
    // A host that takes vCards elsewhere says so by cancelling the event.
    const handed: File[] = [];
    w.addEventListener(VCardChosenEvent.type, (e) => {
      handed.push((e as VCardChosenEvent).file);
      e.preventDefault();
    });
    await press(w, 'Next');
    await until(() => $(w, '.problem').textContent!.includes('phone panel, where'), 'handed over');
    expect(handed.map((f) => f.name)).to.deep.equal(['phone.vcf']);
  });

  it('says so when the import to edit no longer exists, and starts a new one instead', async () => {
    const env = await setup();
    sync = env.sync;
    const gone = await env.sync.profiles.create(profileInput(env.book.id));
    await env.sync.profiles.delete(gone.id);
    await env.w.open(gone.id);
    await env.w.updateComplete;
    expect($(env.w, '[role=alert]').textContent).to.contain('does not exist');
    expect($(env.w, '.title').textContent).to.equal('Import contacts');
  });

  it('cancelling removes an import it created, and restores one it edited', async () => {
    const env = await setup();
    sync = env.sync;
    const { w } = env;
    drop(w, csvFile('email,name\nann@x.io,Ann\n', 'one.csv'));
    await nextThrough(w, ['How is', 'Does this', 'Which column', 'What will change']);
    expect((await env.sync.profiles.list()).length).to.equal(1);
    await press(w, 'Cancel');
    await until(() => heading(w).includes('Where is the file?'), 'the wizard to start over');
    expect((await env.sync.profiles.list()).length).to.equal(0);

    const saved = await env.sync.profiles.create(profileInput(env.book.id));
    await w.open(saved.id);
    drop(w, csvFile('email,name\nann@x.io,Ann\n'));
    await press(w, 'Next');
    await atStep(w, 'How is the file written?');
    $<HTMLInputElement>(w, 'input[name=updateExisting]').click();
    await nextThrough(w, ['Does this', 'Which column', 'What will change']);
    expect((await env.sync.profiles.get(saved.id)).behaviour.updateExisting).to.equal(false);
    await press(w, 'Cancel');
    await until(async () => true);
    await until(() => heading(w).includes('Where is the file?'), 'the wizard to start over');
    expect((await env.sync.profiles.get(saved.id)).behaviour.updateExisting).to.equal(true);
  });

  it('shows progress while importing, and Cancel stops the run with nothing applied', async () => {
    const env = await setup();
    sync = env.sync;
    const { w } = env;
    let big = 'email,name,notes\n';
    for (let i = 0; i < 60_000; i++) big += `user${i}@example.com,Person ${i},note ${i}\n`;
    drop(w, csvFile(big, 'big.csv'));
    await nextThrough(w, ['How is', 'Does this', 'Which column', 'What will change']);
    // Every state of the stage line, the bar and the figures while the run goes on.
    const seen: { stage: string; value: number; figures: string }[] = [];
    const observer = new MutationObserver(() => {
      const bar = w.shadowRoot!.querySelector<HTMLProgressElement>('progress');
      if (!bar) return;
      seen.push({
        stage: $(w, '.stage').textContent!.trim(),
        value: bar.position,
        figures: $(w, '.rows').textContent!.trim(),
      });
    });
    observer.observe(w.shadowRoot!, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
    });
    await press(w, 'Import now');
    await atStep(w, 'Importing');
    await until(() => /\d+ rows/.test($(w, '.rows').textContent ?? ''), 'progress figures');
    observer.disconnect();
    // The bar moves with the work and never back, and never fills while rows are still checked.
    expect(seen.some((s) => s.stage === 'Checking rows')).to.equal(true);
    const values = seen.map((s) => s.value).filter((v) => v >= 0);
    values.forEach((v, i) => expect(v).to.be.at.least(values[i - 1] ?? 0));
    for (const s of seen) {
      if (s.stage === 'Reading the file') expect(s.value).to.be.at.most(0.1);
      if (s.stage === 'Checking rows') {
        expect(s.value).to.be.within(0.1, 0.95);
        expect(s.figures).to.match(/rows/);
      }
    }
    expect($(w, 'progress').getAttribute('aria-label')).to.equal('Import progress');
    // A local file has a known size: the bar shows how far the run is.
    expect($<HTMLProgressElement>(w, 'progress').position).to.be.at.least(0);
    expect(await axeViolations(w)).to.deep.equal([]);
    const finished = nextEvent<RunFinishedEvent>(w, RunFinishedEvent.type);
    await press(w, 'Cancel');
    expect((await finished).run.status).to.equal('cancelled');
    await atStep(w, 'Finished');
    expect($(w, '[part=counts]').textContent).to.contain(
      'Nothing in the address book was changed.',
    );
    expect((await env.sync.contacts.list(env.book.id)).total).to.equal(0);
  });
});
