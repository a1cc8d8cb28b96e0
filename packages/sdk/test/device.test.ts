import { expect } from '@open-wc/testing';
import type { ContactSync, DeviceContact } from '../src/index.ts';
import { freshClient } from './helpers.ts';

const phone: DeviceContact[] = [
  { id: 'c1', givenName: 'Ann', familyName: 'Lee', emails: [{ value: 'ann@x.io' }] },
  { id: 'c2', givenName: 'Bob', phones: [{ value: '+1 415 555 0101', type: 'mobile' }] },
  { id: 'c3', displayName: 'Plumber', phones: [{ value: '(415) 555-0199' }] },
  { id: 'c4', emails: [{ value: 'only-email@x.io' }] },
  { id: 'c5', givenName: 'Eve', organization: 'Initech', emails: [{ value: 'eve@x.io' }] },
];

async function fixture(name: string): Promise<Blob> {
  const res = await fetch(new URL(`./fixtures/vcf/${name}`, import.meta.url));
  return res.blob();
}

async function setup() {
  const sync = await freshClient();
  const book = await sync.books.create({ name: 'Contacts' });
  return { sync, book };
}

async function inFolder(sync: ContactSync, bookId: string, folderId: string) {
  return (await sync.contacts.list(bookId, { folderId, limit: 1000 })).items;
}

describe('phone address-book sync', () => {
  let sync: ContactSync | null = null;
  afterEach(() => {
    sync?.close();
    sync = null;
  });

  it('imports nothing without consent, and stores the choice', async () => {
    const env = await setup();
    sync = env.sync;
    expect((await sync.device.status(env.book.id)).enabled).to.equal(false);
    const refused = await sync.device.sync(env.book.id, phone).catch((e: unknown) => e);
    expect(refused).to.have.property('code', 'consent-required');
    expect((await sync.contacts.list(env.book.id)).total).to.equal(0);
    await sync.device.setEnabled(env.book.id, false);
    const declined = await sync.device.status(env.book.id);
    expect(declined).to.deep.include({ enabled: false, consentedAt: null, folderId: null });
    expect(declined.profileId).to.be.a('string');
    expect(
      (await sync.device.sync(env.book.id, phone).catch((e: unknown) => e)) as Error,
    ).to.have.property('code', 'consent-required');
  });

  it('imports by hand with Auto export off: the user chose these contacts, so they land in their folder, and nothing syncs by itself', async () => {
    const env = await setup();
    sync = env.sync;
    const run = await sync.device.sync(env.book.id, phone, { leaveOut: ['c2'], manual: true });
    expect(run.counts).to.include({ created: 4 });
    const state = await sync.device.status(env.book.id);
    expect(state).to.deep.include({ enabled: false, consentedAt: null, folderName: 'From iOS' });
    expect((await inFolder(sync, env.book.id, state.folderId!)).length).to.equal(4);
    // Bob was left out: not offered again, by hand or otherwise.
    expect(
      (await sync.device.preview(env.book.id, phone)).newContacts.map((c) => c.id),
    ).to.deep.equal([]);
    // Without the user's hand, a sync is still refused while Auto export is off.
    const refused = await sync.device.sync(env.book.id, phone).catch((e: unknown) => e);
    expect(refused).to.have.property('code', 'consent-required');
    // Turning Auto export on later keeps the same folder.
    expect((await sync.device.setEnabled(env.book.id, true)).folderId).to.equal(state.folderId);
  });

  it('syncs into a book with required fields: those the phone lacks do not stop it, those it fills are checked', async () => {
    const env = await setup();
    sync = env.sync;
    await sync.books.addField(env.book.id, { label: 'Tier', type: 'text', required: true });
    await sync.books.setFieldRules(env.book.id, 'email', { required: true });
    const run = await sync.device.sync(env.book.id, phone, { manual: true });
    expect(run.status).to.equal('warnings');
    // Ann, only-email and Eve have an email; Bob and the plumber have only phones.
    expect(run.counts).to.include({ created: 3, invalid: 2 });
    expect(run.issues.map((i) => i.code)).to.deep.equal(['missing-required', 'missing-required']);
  });

  it('the full tombstone cycle: sync, delete two on the web, sync again plus one new: only the new one is offered and added', async () => {
    const env = await setup();
    sync = env.sync;
    const state = await sync.device.setEnabled(env.book.id, true);
    expect(state.enabled).to.equal(true);
    expect(state.consentedAt).to.be.a('number');
    const folders = await sync.folders.list(env.book.id);
    expect(folders.map((f) => f.name)).to.deep.equal(['From iOS']);
    expect(state.folderName).to.equal('From iOS');

    // Before the first sync every contact is new.
    expect(
      (await sync.device.preview(env.book.id, phone)).newContacts.map((c) => c.id),
    ).to.deep.equal(['c1', 'c2', 'c3', 'c4', 'c5']);
    const first = await sync.device.sync(env.book.id, phone);
    expect(first.status).to.equal('success');
    expect(first.counts.created).to.equal(5);
    let synced = await inFolder(sync, env.book.id, state.folderId!);
    expect(synced).to.have.length(5);
    // A phone-only and an email-only contact are contacts like any other.
    const plumber = synced.find((c) => c.values.displayName === 'Plumber')!;
    expect(plumber.values.phone).to.equal('+14155550199');
    expect(synced.find((c) => c.values.email === 'only-email@x.io')).to.not.equal(undefined);

    // Deleted on the web: Ann and the plumber.
    const doomed = synced.filter(
      (c) => c.values.firstName === 'Ann' || c.values.displayName === 'Plumber',
    );
    expect(doomed).to.have.length(2);
    for (const c of doomed) await sync.contacts.delete(env.book.id, c.id);
    synced = await inFolder(sync, env.book.id, state.folderId!);
    expect(synced.map((c) => c.values.firstName ?? c.values.email).sort()).to.deep.equal([
      'Bob',
      'Eve',
      'only-email@x.io',
    ]);

    const again = [
      ...phone,
      { id: 'c6', givenName: 'New', phones: [{ value: '+1 415 555 0106' }] },
    ];
    const preview = await sync.device.preview(env.book.id, again);
    expect(preview.newContacts.map((c) => c.id)).to.deep.equal(['c6']);
    expect(preview).to.deep.include({ deletedOnWeb: 2, unchanged: 3, changed: 0 });
    const second = await sync.device.sync(env.book.id, again);
    expect(second.counts).to.deep.include({ created: 1, skipped: 2, unchanged: 3 });
    synced = await inFolder(sync, env.book.id, state.folderId!);
    expect(synced.map((c) => c.values.firstName ?? c.values.email).sort()).to.deep.equal([
      'Bob',
      'Eve',
      'New',
      'only-email@x.io',
    ]);
  });

  it('brings in changes made on the phone, and what the user left out is never offered again', async () => {
    const env = await setup();
    sync = env.sync;
    await sync.device.setEnabled(env.book.id, true);
    const run = await sync.device.sync(env.book.id, phone, { leaveOut: ['c5'] });
    expect(run.counts.created).to.equal(4);
    const edited = phone.map((c) => (c.id === 'c2' ? { ...c, familyName: 'Stone' } : c));
    const preview = await sync.device.preview(env.book.id, edited);
    expect(preview).to.deep.include({ newContacts: [], changed: 1, unchanged: 3, deletedOnWeb: 1 });
    expect((await sync.device.sync(env.book.id, edited)).counts.updated).to.equal(1);
    const bob = (await sync.contacts.list(env.book.id, { search: 'Bob' })).items[0]!;
    expect(bob.values.lastName).to.equal('Stone');
  });

  it('turning it off stops syncing and keeps the folder and its contacts', async () => {
    const env = await setup();
    sync = env.sync;
    const on = await sync.device.setEnabled(env.book.id, true);
    await sync.device.sync(env.book.id, phone);
    const off = await sync.device.setEnabled(env.book.id, false);
    expect(off).to.deep.include({ enabled: false, folderId: on.folderId });
    expect(off.lastRun!.counts.created).to.equal(5);
    expect(await inFolder(sync, env.book.id, on.folderId!)).to.have.length(5);
    const refused = await sync.device
      .sync(env.book.id, [...phone, { id: 'c9', givenName: 'Late' }])
      .catch((e: unknown) => e);
    expect(refused).to.have.property('code', 'consent-required');
    expect(await inFolder(sync, env.book.id, on.folderId!)).to.have.length(5);
    // Turning it on again uses the same folder.
    expect((await sync.device.setEnabled(env.book.id, true)).folderId).to.equal(on.folderId);
  });

  it('reads iPhone, Android (2.1 quoted-printable) and vCard 4.0 files through the same pipeline', async () => {
    const env = await setup();
    sync = env.sync;
    const iphone = await sync.device.readVCard(await fixture('iphone.vcf'));
    expect(iphone.issues).to.deep.equal([]);
    expect(iphone.contacts[0]).to.deep.include({
      id: '4A1B2C3D-0000-1111-2222-333344445555',
      givenName: 'Anna',
      familyName: 'Bērziņa',
      organization: 'Baltic Foods, Sales',
      note: 'Met at the Riga meetup, 2024.\nLikes rye bread. Second folded part.',
    });
    expect(iphone.contacts[0]!.emails).to.have.length(2);
    const android = await sync.device.readVCard(await fixture('android-2.1.vcf'));
    expect(android.contacts[0]!.displayName).to.equal('Jānis Šķēle (darbs)');
    const v4 = await sync.device.readVCard(await fixture('vcard-4.0.vcf'));
    expect(v4.contacts.map((c) => c.id)[0]).to.equal('f81d4fae-7dec-11d0-a765-00a0c91e6bf6');
    expect(v4.contacts[1]!.id).to.match(/^vcard-/);

    const vcardState = await sync.device.setEnabled(env.book.id, true, {
      source: 'vCard',
      region: 'LV',
      folderName: 'Phone cards',
    });
    expect(vcardState.folderName).to.equal('Phone cards');
    const all = [...iphone.contacts, ...android.contacts, ...v4.contacts];
    const run = await sync.device.sync(env.book.id, all, { source: 'vCard' });
    expect(run.counts.created).to.equal(5);
    const anna = (await sync.contacts.list(env.book.id, { search: 'Bērziņa' })).items[0]!;
    expect(anna.values).to.deep.include({
      email: 'anna@example.lv',
      mobile: '+37126123456',
      phone: '+37167000000',
    });
    expect(anna.values.notes).to.contain('anna.berzina@balticfoods.example');
    // The same file again changes nothing: ids are stable, even without UID.
    const v4again = await sync.device.readVCard(await fixture('vcard-4.0.vcf'));
    const preview = await sync.device.preview(env.book.id, v4again.contacts, { source: 'vCard' });
    expect(preview.newContacts).to.deep.equal([]);
    const notVcf = await sync.device.readVCard(new Blob(['a,b\n1,2\n'])).catch((e: unknown) => e);
    expect(notVcf).to.have.property('code', 'parse-failed');
  });
});
