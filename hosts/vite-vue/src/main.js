// A Vue 3 host on the packed packages: the client created at module scope, the elements
// registered once, then used in templates like any tag.
import { createApp } from 'vue';
import { ContactSyncClient } from '@contactsync/sdk';
import { ContactList, HistoryGrid, ImportWizard, provideSync } from '@contactsync/elements';
import App from './App.vue';

export const sync = new ContactSyncClient({ dbName: `host-${Date.now()}`, scheduler: 'manual' });
provideSync(document.body, sync);
ImportWizard.define();
HistoryGrid.define();
ContactList.define();

createApp(App, { sync }).mount('#root');
