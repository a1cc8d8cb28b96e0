// The demo host page: a plain portal that drops in ContactSync's components, on the real SDK
// and the real proxy (served at /v1 by demo/server.mjs).
import { createContactSync } from '@contactsync/sdk';
import {
  ContactList,
  HistoryGrid,
  ImportWizard,
  lv,
  provideSync,
} from '/elements/contactsync-elements.js';

const $ = (id) => document.getElementById(id);
const status = (text) => ($('status').textContent = text);

const sync = await createContactSync({ dbName: 'contactsync-demo', proxyUrl: '/v1' });
const book = (await sync.books.list())[0] ?? (await sync.books.create({ name: 'Contacts' }));

// One client for every element on the page; provided before the elements are defined, so each
// finds it when it connects.
provideSync(document.body, sync);
for (const id of ['wizard', 'grid', 'contact-list']) $(id).setAttribute('book-id', book.id);
ImportWizard.define();
HistoryGrid.define();
ContactList.define();

const elements = () => [$('wizard'), $('grid'), $('contact-list')];

$('language').addEventListener('change', (event) => {
  const lang = event.target.value;
  document.documentElement.lang = lang;
  for (const el of elements()) el.messages = lang === 'lv' ? lv : {};
});

$('theme').addEventListener('change', (event) => {
  document.documentElement.dataset.theme = event.target.value;
});
if (matchMedia('(prefers-color-scheme: dark)').matches) {
  $('theme').value = 'dark';
  document.documentElement.dataset.theme = 'dark';
}

$('grid').addEventListener('cs-edit-profile', (event) => {
  void $('wizard').open(event.profileId);
  $('import').scrollIntoView({ behavior: 'smooth' });
});
$('wizard').addEventListener('cs-run-finished', (event) => {
  status(`Import "${event.run.fileName}" finished: ${event.run.status}.`);
});
$('wizard').addEventListener('cs-profile-saved', (event) => {
  status(`Saved "${event.profile.name}".`);
});
