import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { sendKeys } from '@web/test-runner-commands';
import { createContactSync, type ContactSync } from '@contactsync/sdk';
import {
  EditProfileEvent,
  HistoryGrid,
  NewImportEvent,
  ProfileDeletedEvent,
  ReviewImportEvent,
  RunUndoneEvent,
} from '../index.ts';
import { lv } from '../i18n/lv.ts';
import {
  axeViolations,
  CSV,
  fail,
  profileInput,
  REMOTE_URL,
  remoteSource,
  serve,
  startFakeProxy,
  until,
  worker,
} from '../../test/helpers.ts';

HistoryGrid.define();

async function setup() {
  const sync = await createContactSync({
    dbName: `grid-${Date.now()}-${Math.random()}`,
    proxyUrl: '/v1',
    scheduler: 'manual',
  });
  const book = await sync.books.create({ name: 'Customers' });
  const local = await sync.profiles.create(profileInput(book.id));
  const remote = await sync.profiles.create(
    profileInput(book.id, {
      name: 'Nightly SFTP',
      source: remoteSource(REMOTE_URL),
    }),
  );
  await sync.run(local.id, new File(['email,name\nann@x.io,Ann\nnot-an-email,Bad\n'], 'crm.csv'));
  const grid = await fixture<HistoryGrid>(
    html`<cs-history-grid .sync=${sync} book-id=${book.id} locale="en-GB"></cs-history-grid>`,
  );
  await until(() => grid.shadowRoot!.querySelectorAll('tbody tr').length === 2);
  return { sync, book, local, remote, grid };
}

const rowOf = (grid: HistoryGrid, name: string) =>
  [...grid.shadowRoot!.querySelectorAll('tbody tr')].find(
    (tr) => tr.querySelector('th')?.textContent?.trim() === name,
  )!;

describe('<cs-history-grid>', () => {
  let sync: ContactSync | null = null;
  before(() => startFakeProxy());
  after(() => worker.stop());
  afterEach(() => {
    worker.resetHandlers();
    sync?.close();
    sync = null;
  });

  it('lists each import with its latest run, next import, status and actions, and passes axe', async () => {
    const env = await setup();
    sync = env.sync;
    const local = rowOf(env.grid, 'CRM export');
    const remote = rowOf(env.grid, 'Nightly SFTP');
    expect(local.querySelector('.status')!.textContent).to.contain('Finished with problems');
    expect(remote.querySelector('.status')!.textContent).to.contain('Not run yet');
    expect(local.textContent).to.contain('Not scheduled');
    // "Import now" is for remote sources only.
    expect(local.querySelector('button.primary')).to.equal(null);
    expect(remote.querySelector('button.primary')!.textContent!.trim()).to.equal('Go');
    expect(await axeViolations(env.grid)).to.deep.equal([]);
  });

  it('is the hub: "Set up a new import" asks the host to open the wizard', async () => {
    const env = await setup();
    sync = env.sync;
    const button = [...env.grid.shadowRoot!.querySelectorAll('button')].find(
      (b) => b.textContent!.trim() === 'Set up a new import',
    )!;
    const asked = oneEvent(env.grid, NewImportEvent.type);
    button.click();
    expect(await asked).to.be.instanceOf(NewImportEvent);
  });

  it('shows the last applied import apart from a later attempt that changed nothing', async () => {
    const env = await setup();
    sync = env.sync;
    const applied = (await env.sync.history.list({ profileId: env.local.id }))[0]!;
    const appliedAt = new Intl.DateTimeFormat('en-GB', {
      dateStyle: 'medium',
      timeStyle: 'short',
    }).format(applied.finishedAt!);
    // The same file again: unchanged, not a new import of data.
    const again = await env.sync.run(
      env.local.id,
      new File(['email,name\nann@x.io,Ann\nnot-an-email,Bad\n'], 'crm.csv'),
    );
    expect(again.status).to.equal('unchanged');
    await until(() => rowOf(env.grid, 'CRM export').querySelector('.attempt') !== null, 'attempt');
    const latest = rowOf(env.grid, 'CRM export').querySelectorAll('td')[0]!;
    expect(latest.textContent).to.contain(appliedAt);
    expect(latest.querySelector('.attempt')!.textContent).to.match(
      /^\s*Last attempt: .+ · File unchanged\s*$/,
    );
    // The action buttons sit in a div: the cell stays a table cell, aligned with its row.
    const actions = rowOf(env.grid, 'CRM export').querySelectorAll('td')[4]!;
    expect(getComputedStyle(actions).display).to.equal('table-cell');
    expect(await axeViolations(env.grid)).to.deep.equal([]);
  });

  it("shows the error email's outcome with the problems", async () => {
    worker.use(http.post('/v1/notify', () => HttpResponse.json({ ok: true })));
    const env = await setup();
    sync = env.sync;
    await env.sync.profiles.update(env.local.id, { notifyEmail: 'ops@example.com' });
    const run = await env.sync.run(
      env.local.id,
      new File(['email,name\nnew@x.io,New\nbad,Bad\n'], 'crm2.csv'),
    );
    expect(run.status).to.equal('warnings');
    const status = () => rowOf(env.grid, 'CRM export').querySelector('.status')!;
    await until(() => status().textContent!.includes('ops@example.com'), 'the email outcome');
    expect(status().textContent).to.contain('An error email was sent to ops@example.com.');
  });

  it('fits a 360 px screen: the table scrolls inside its own box', async () => {
    const env = await setup();
    sync = env.sync;
    env.grid.style.display = 'block';
    env.grid.style.width = '360px';
    await env.grid.updateComplete;
    expect(env.grid.scrollWidth).to.be.at.most(360);
    const box = env.grid.shadowRoot!.querySelector<HTMLElement>('.scroll')!;
    expect(box.scrollWidth).to.be.greaterThan(box.clientWidth); // the table scrolls, inside
  });

  it('shows the problems on hover and on keyboard focus, tied to the status for screen readers', async () => {
    const env = await setup();
    sync = env.sync;
    const status = rowOf(env.grid, 'CRM export').querySelector<HTMLButtonElement>('.status')!;
    const tip = env.grid.shadowRoot!.getElementById(status.getAttribute('aria-describedby')!)!;
    expect(tip.getAttribute('role')).to.equal('tooltip');
    expect(getComputedStyle(tip).display).to.equal('none');
    // A key press first, so that Chromium counts the focus as keyboard focus (focus-visible),
    // whatever the pointer did before in this browser.
    await sendKeys({ press: 'Shift' });
    status.focus();
    await until(() => getComputedStyle(tip).display !== 'none', 'the problems to show');
    expect(tip.textContent).to.contain(
      'Row 3, column “email”: “not-an-email” is not a valid email address.',
    );
  });

  it('words a refused mass deletion and row problems from their codes, in Latvian', async () => {
    const env = await setup();
    sync = env.sync;
    const guarded = await env.sync.profiles.create(
      profileInput(env.book.id, {
        name: 'Guarded',
        behaviour: { updateExisting: true, deleteMissing: true, importEveryTime: false },
      }),
    );
    let rows = 'email,name\n';
    for (let i = 0; i < 20; i++) rows += `p${i}@x.io,P${i}\n`;
    await env.sync.run(guarded.id, new File([rows], 'all.csv'));
    const refused = await env.sync.run(
      guarded.id,
      new File(['email,name\np1@x.io,P1\n'], 'cut.csv'),
      {
        trigger: 'scheduled',
      },
    );
    expect(refused.status).to.equal('refused');
    env.grid.messages = lv;
    await until(() => rowOf(env.grid, 'Guarded')?.querySelector('.status') != null, 'the row');
    const tipOf = (name: string) => {
      const status = rowOf(env.grid, name)?.querySelector<HTMLButtonElement>('.status');
      const id = status?.getAttribute('aria-describedby');
      return (id && env.grid.shadowRoot!.getElementById(id)?.textContent) || '';
    };
    await until(() => tipOf('Guarded').includes('1 no 20'), 'the refusal');
    const refusal = tipOf('Guarded').replace(/\s+/g, ' ');
    expect(refusal).to.contain('tāpēc imports dzēstu 19');
    expect(refusal).to.contain('“Dzēst kontaktus, kuru nav failā”');
    expect(refusal).not.to.match(/Delete contacts|delete|confirm/);
    expect(tipOf('CRM export')).to.contain(
      '3. rinda, kolonna “email”: “not-an-email” nav derīga e-pasta adrese.',
    );
    // The refusal offers the way on: review it and confirm.
    const review = rowOf(env.grid, 'Guarded').querySelector<HTMLButtonElement>('button.review')!;
    expect(review.textContent!.trim()).to.equal('Pārskatīt un importēt');
    const asked = oneEvent(env.grid, ReviewImportEvent.type);
    review.click();
    expect(((await asked) as unknown as ReviewImportEvent).profileId).to.equal(guarded.id);
    expect(rowOf(env.grid, 'CRM export').querySelector('button.review')).to.equal(null);
  });

  it('words why a remote file could not be fetched, and a file missing mapped columns, in either language', async () => {
    fail(401, 'login-failed', 'files.example.com refused the user name or password.');
    const env = await setup();
    sync = env.sync;
    const failed = await env.sync.run(env.remote.id);
    expect(failed.error?.details).to.deep.include({ proxyCode: 'login-failed' });
    await env.sync.run(env.local.id, new File(['name\nAnn\n'], 'crm.csv'));
    const tipOf = (name: string) => {
      const status = rowOf(env.grid, name)?.querySelector<HTMLButtonElement>('.status');
      const id = status?.getAttribute('aria-describedby');
      return ((id && env.grid.shadowRoot!.getElementById(id)?.textContent) || '').replace(
        /\s+/g,
        ' ',
      );
    };
    await until(() => tipOf('Nightly SFTP').includes('could not be fetched'), 'the failure');
    expect(tipOf('Nightly SFTP')).to.contain(
      'The file could not be fetched: the server refused the user name or password. Nothing was changed.',
    );
    await until(() => tipOf('CRM export').includes('unique key'), 'the missing key column');
    expect(tipOf('CRM export')).to.contain(
      'The file has no column “email”, the unique key of this import',
    );
    env.grid.messages = lv;
    await until(() => tipOf('Nightly SFTP').includes('Failu nevarēja iegūt'), 'Latvian');
    expect(tipOf('Nightly SFTP')).to.contain('serveris noraidīja lietotājvārdu vai paroli');
    expect(tipOf('CRM export')).to.contain(
      'Failā nav kolonnas “email”, kas ir šī importa unikālā atslēga',
    );
  });

  it('imports a remote file now and shows the result', async () => {
    serve(CSV);
    const env = await setup();
    sync = env.sync;
    rowOf(env.grid, 'Nightly SFTP').querySelector<HTMLButtonElement>('button.primary')!.click();
    await until(() =>
      rowOf(env.grid, 'Nightly SFTP').querySelector('.status')!.textContent!.includes('Succeeded'),
    );
    expect(rowOf(env.grid, 'Nightly SFTP').textContent).not.to.contain('Never');
  });

  it('asks before deleting, keeps the import on cancel, deletes it on confirmation', async () => {
    const env = await setup();
    sync = env.sync;
    const deleteButton = () =>
      rowOf(env.grid, 'CRM export').querySelector<HTMLButtonElement>(
        'button[aria-label="Delete: CRM export"]',
      )!;
    deleteButton().click();
    const dialog = env.grid.shadowRoot!.querySelector('dialog')!;
    await until(() => dialog.open, 'the dialog');
    expect(env.grid.shadowRoot!.activeElement).to.equal(dialog.querySelector('.cancel'));
    dialog.querySelector<HTMLButtonElement>('.cancel')!.click();
    expect(dialog.open).to.equal(false);
    expect(await env.sync.profiles.list(env.book.id)).to.have.length(2);
    deleteButton().click();
    await until(() => dialog.open, 'the dialog');
    const deleted = oneEvent(env.grid, ProfileDeletedEvent.type);
    dialog.querySelector<HTMLButtonElement>('.confirm')!.click();
    expect(((await deleted) as unknown as ProfileDeletedEvent).profileId).to.equal(env.local.id);
    await until(() => env.grid.shadowRoot!.querySelectorAll('tbody tr').length === 1);
    await until(
      () => env.grid.shadowRoot!.activeElement?.classList.contains('new'),
      'focus on "Set up a new import"',
    );
  });

  it('offers "Undo import" on the import that last changed the book, asks first, and shows what it did', async () => {
    const env = await setup();
    sync = env.sync;
    const undoButton = () =>
      rowOf(env.grid, 'CRM export').querySelector<HTMLButtonElement>(
        'button[aria-label="Undo import: CRM export"]',
      );
    await until(() => undoButton() !== null, 'the Undo button');
    // Only on the import whose run is the book's latest change.
    expect(rowOf(env.grid, 'Nightly SFTP').querySelector('button.undo')).to.equal(null);
    undoButton()!.click();
    const dialog = env.grid.shadowRoot!.querySelector('dialog')!;
    await until(() => dialog.open, 'the dialog');
    expect(dialog.textContent).to.contain('Undo this import?');
    expect(dialog.textContent).to.contain('1 contact it added is removed');
    dialog.querySelector<HTMLButtonElement>('.cancel')!.click();
    expect((await env.sync.contacts.list(env.book.id)).total).to.equal(1);

    undoButton()!.click();
    await until(() => dialog.open, 'the dialog');
    const undone = oneEvent(env.grid, RunUndoneEvent.type);
    dialog.querySelector<HTMLButtonElement>('.confirm')!.click();
    const event = (await undone) as unknown as RunUndoneEvent;
    expect(event.run.undoOf).to.be.a('string');
    expect((await env.sync.contacts.list(env.book.id)).total).to.equal(0);
    const row = () => rowOf(env.grid, 'CRM export');
    await until(() => row().querySelector('.status')!.textContent!.includes('Undone'));
    expect(row().textContent).to.contain('Never'); // no import of data stands
    expect(row().textContent).to.contain('Undone:');
    expect(undoButton()).to.equal(null);
    // Focus stays in the grid, on the import's Edit, instead of falling to the page.
    await until(
      () => env.grid.shadowRoot!.activeElement?.getAttribute('aria-label') === 'Edit: CRM export',
      'focus on Edit',
    );
    expect(env.grid.shadowRoot!.querySelector('[role="status"]')!.textContent).to.contain(
      'CRM export: Import undone: 1 contact removed.',
    );
  });

  it('draws every status icon with enough contrast (3:1) in the light and the dark theme', async () => {
    const env = await setup();
    sync = env.sync;
    const guarded = await env.sync.profiles.create(
      profileInput(env.book.id, {
        name: 'Guarded',
        behaviour: { updateExisting: true, deleteMissing: true, importEveryTime: true },
      }),
    );
    let rows = 'email,name\n';
    for (let i = 0; i < 20; i++) rows += `p${i}@x.io,P${i}\n`;
    await env.sync.run(guarded.id, new File([rows], 'all.csv'));
    const ok = await env.sync.profiles.create(profileInput(env.book.id, { name: 'Clean' }));
    await env.sync.run(ok.id, new File(['email,name\nq@x.io,Q\n'], 'ok.csv'));
    await env.sync.run(guarded.id, new File(['email,name\np1@x.io,P1\n'], 'cut.csv'), {
      trigger: 'scheduled',
    });
    const failing = await env.sync.profiles.create(profileInput(env.book.id, { name: 'Broken' }));
    await env.sync.run(failing.id, new File([''], 'empty.csv'));
    const kindsShown = () =>
      new Set(
        [...env.grid.shadowRoot!.querySelectorAll<HTMLElement>('.status')].map((s) =>
          [...s.classList].find((c) => c !== 'status'),
        ),
      );
    // The rows appear as profiles are listed; each status once its run's record has come in.
    await until(
      () => ['success', 'warnings', 'refused', 'failed', 'none'].every((k) => kindsShown().has(k)),
      'every status',
    );
    const rgb = (c: string) =>
      c
        .match(/[\d.]+/g)!
        .slice(0, 3)
        .map(Number);
    const luminance = (c: string) => {
      const [r, g, b] = rgb(c).map((v) => {
        const x = v / 255;
        return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const contrast = (a: string, b: string) => {
      const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
      return (x! + 0.05) / (y! + 0.05);
    };
    for (const theme of ['light', 'dark']) {
      env.grid.setAttribute('theme', theme);
      await env.grid.updateComplete;
      const statuses = [...env.grid.shadowRoot!.querySelectorAll<HTMLElement>('.status')];
      expect([...kindsShown()]).to.include.members([
        'success',
        'warnings',
        'refused',
        'failed',
        'none',
      ]);
      for (const status of statuses) {
        const icon = status.querySelector('.icon')!;
        const background = getComputedStyle(status).backgroundColor;
        expect(
          contrast(getComputedStyle(icon).color, background),
          `${theme} ${status.className}`,
        ).to.be.at.least(3);
      }
    }
  });

  it('asks the host to edit a profile with a typed event', async () => {
    const env = await setup();
    sync = env.sync;
    const edit = oneEvent(env.grid, EditProfileEvent.type);
    rowOf(env.grid, 'Nightly SFTP')
      .querySelector<HTMLButtonElement>('button[aria-label="Edit: Nightly SFTP"]')!
      .click();
    expect(((await edit) as unknown as EditProfileEvent).profileId).to.equal(env.remote.id);
  });

  it('speaks another language when given its messages', async () => {
    const env = await setup();
    sync = env.sync;
    env.grid.messages = lv;
    await env.grid.updateComplete;
    expect(env.grid.shadowRoot!.querySelector('caption')!.textContent!.trim()).to.equal(
      'Sinhronizācijas vēsture',
    );
    expect(
      rowOf(env.grid, 'Nightly SFTP').querySelector('button.primary')!.textContent!.trim(),
    ).to.equal('Sākt');
  });

  it('updates live when another tab runs an import', async () => {
    const env = await setup();
    sync = env.sync;
    const other = await createContactSync({ dbName: env.sync.dbName, scheduler: 'manual' });
    await other.run(env.local.id, new File(['email,name\nann@x.io,Ann\n'], 'crm.csv'));
    await until(() =>
      rowOf(env.grid, 'CRM export').querySelector('.status')!.textContent!.includes('Succeeded'),
    );
    other.close();
  });
});
