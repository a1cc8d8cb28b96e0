import { expect, fixture, html } from '@open-wc/testing';
import { createContactSync, type ContactSync } from '@contactsync/sdk';
import { SyncStatus } from '../index.ts';
import { lv } from '../i18n/lv.ts';
import { $, axeViolations, until } from '../../test/helpers.ts';

SyncStatus.define();

const open: ContactSync[] = [];
afterEach(() => {
  for (const sync of open.splice(0)) sync.close();
});

/** A client replicating with the reference server the test runner serves (on SQLite). */
async function replicating() {
  const dbName = `status-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  const sync = await createContactSync({
    dbName,
    scheduler: 'manual',
    backend: {
      url: '/v1/sqlite/replication/',
      headers: { 'x-test-user': dbName, 'x-test-device': dbName },
      retryDelaysMs: [60_000],
    },
  });
  open.push(sync);
  const device = (what: 'down' | 'up') => fetch(`/__test/backend/sqlite/${what}?device=${dbName}`);
  return { sync, device };
}

const text = (el: SyncStatus) => $(el, '[part=status]').textContent!.replace(/\s+/g, ' ').trim();

describe('<cs-sync-status>', () => {
  it('says when contacts stay in this browser only', async () => {
    const sync = await createContactSync({ dbName: `off-${Date.now()}`, scheduler: 'manual' });
    open.push(sync);
    const el = await fixture<SyncStatus>(html`<cs-sync-status .sync=${sync}></cs-sync-status>`);
    await until(() => el.state === 'off');
    expect(text(el)).to.equal('Contacts are kept in this browser only.');
  });

  it('shows changes waiting while the server is away, and saves them on "Try now"', async () => {
    const { sync, device } = await replicating();
    await device('down');
    const el = await fixture<SyncStatus>(html`<cs-sync-status .sync=${sync}></cs-sync-status>`);
    const book = await sync.books.create({ name: 'Contacts' });
    await sync.contacts.create(book.id, { values: { firstName: 'Ann' } });
    await until(() => el.state === 'retrying' && /2 changes/.test(text(el)), 'retrying');
    expect(text(el)).to.match(
      /^The contact server cannot be reached\. 2 changes wait in this browser\. Trying again at .+ Try now$/,
    );
    expect($(el, '[part=status]').getAttribute('role')).to.equal('status');
    expect(await axeViolations(el)).to.deep.equal([]);
    await device('up');
    $(el, '[part=retry]').click();
    await until(() => el.state === 'synced', 'synced');
    expect(text(el)).to.match(/^All changes saved · .+$/);
  });

  it('speaks Latvian with the lv catalogue', async () => {
    const { sync, device } = await replicating();
    await device('down');
    const el = await fixture<SyncStatus>(
      html`<cs-sync-status .sync=${sync} .messages=${lv}></cs-sync-status>`,
    );
    await sync.books.create({ name: 'Kontakti' });
    await until(() => el.state === 'retrying', 'retrying');
    expect(text(el)).to.match(
      /^Kontaktu serveris nav sasniedzams\. 1 izmaiņa gaida šajā pārlūkā\./,
    );
    expect(text(el)).to.contain('Mēģināt tagad');
    await device('up');
  });
});
