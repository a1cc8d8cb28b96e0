// The demo host page: a plain portal that drops in ContactSync's components, on the real SDK
// and the real proxy (served at /v1 by demo/server.mjs).
import { createContactSync } from '@contactsync/sdk';
import {
  ContactList,
  DeviceSync,
  HistoryGrid,
  ImportWizard,
  provideSync,
  RecipientPicker,
  SyncStatus,
} from '/elements/contactsync-elements.js';
import { lv } from '/elements/lv.js';
import { startPhone } from './phone.js';

const $ = (id) => document.getElementById(id);
const status = (text) => ($('status').textContent = text);

// The page enforces Trusted Types (demo/server.mjs): the SDK's worker URL comes from a policy
// that allows only the worker this portal serves.
const workerPolicy = globalThis.trustedTypes?.createPolicy('contactsync-demo', {
  createScriptURL: (url) => {
    if (new URL(url, location.href).pathname !== '/sdk/contactsync-worker.js')
      throw new TypeError(`Not the ContactSync worker: ${url}`);
    return url;
  },
});

const sync = await createContactSync({
  dbName: 'contactsync-demo',
  ...(workerPolicy
    ? { workerUrl: workerPolicy.createScriptURL('/sdk/contactsync-worker.js') }
    : {}),
  proxyUrl: '/v1',
  // The portal's contact server (demo/server.mjs): this browser is a replica of its contacts.
  backend: { url: '/v1/replication/', serverImports: true },
});
await firstExchange();
const book = (await sync.books.list())[0] ?? (await sync.books.create({ name: 'Contacts' }));

/** A new browser learns the portal's books before it would make one of its own (at most 3 s). */
async function firstExchange() {
  for (let waited = 0; waited < 3000; waited += 100) {
    const { state } = await sync.replication.syncNow();
    if (state === 'synced' || state === 'retrying') return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

// One client for every element on the page; provided before the elements are defined, so each
// finds it when it connects.
provideSync(document.body, sync);
const ELEMENTS = ['wizard', 'grid', 'contact-list', 'device-sync', 'recipients'];
for (const id of ELEMENTS) $(id).setAttribute('book-id', book.id);
ImportWizard.define();
HistoryGrid.define();
ContactList.define();
DeviceSync.define();
RecipientPicker.define();
SyncStatus.define();

const elements = () => [...ELEMENTS, 'sync-status'].map($);

$('language').addEventListener('change', (event) => {
  const lang = event.target.value;
  document.documentElement.lang = lang;
  for (const el of elements()) el.messages = lang === 'lv' ? lv : {};
  // The host page's own words follow too (each English text is kept to switch back).
  for (const node of document.querySelectorAll('[data-lv]')) {
    node.dataset.en ??= node.textContent.trim();
    node.textContent = lang === 'lv' ? node.dataset.lv : node.dataset.en;
  }
});

$('theme').addEventListener('change', (event) => {
  document.documentElement.dataset.theme = event.target.value;
});
if (matchMedia('(prefers-color-scheme: dark)').matches) {
  $('theme').value = 'dark';
  document.documentElement.dataset.theme = 'dark';
}

$('grid').addEventListener('cs-new-import', () => {
  void $('wizard').open(null);
  $('import').scrollIntoView({ behavior: 'smooth' });
});
$('grid').addEventListener('cs-review-import', (event) => {
  void $('wizard').review(event.profileId);
  $('import').scrollIntoView({ behavior: 'smooth' });
});
$('grid').addEventListener('cs-edit-profile', (event) => {
  void $('wizard').open(event.profileId);
  $('import').scrollIntoView({ behavior: 'smooth' });
});
// A vCard chosen in the import wizard goes to the phone panel, which imports vCards.
$('wizard').addEventListener('cs-vcard-chosen', (event) => {
  event.preventDefault();
  void $('device-sync').openVCard(event.file);
  $('phone').scrollIntoView({ behavior: 'smooth' });
});
$('wizard').addEventListener('cs-run-finished', (event) => {
  status(`Import "${event.run.fileName}" finished: ${event.run.status}.`);
});
$('wizard').addEventListener('cs-profile-saved', (event) => {
  status(`Saved "${event.profile.name}".`);
});

startPhone($('device-book'), $('device-add'), $('device-sync'));

$('compose-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const to = $('recipients').value.map((r) => r.email);
  $('compose-result').textContent = to.length
    ? `This demo sends nothing; the message would go to ${to.join(', ')}.`
    : 'Add at least one recipient.';
});
