// An Angular 21 host on the packed packages (zoneless, standalone, esbuild builder): the client
// created at module scope, the elements registered once, then used in a template like any tag.
import { bootstrapApplication } from '@angular/platform-browser';
import { ContactSyncClient } from '@contactsync/sdk';
import { ContactList, HistoryGrid, ImportWizard, provideSync } from '@contactsync/elements';
import { AppComponent } from './app.component';

export const sync = new ContactSyncClient({ dbName: `host-${Date.now()}`, scheduler: 'manual' });
provideSync(document.body, sync);
ImportWizard.define();
HistoryGrid.define();
ContactList.define();

bootstrapApplication(AppComponent, {
  providers: [{ provide: ContactSyncClient, useValue: sync }],
}).catch((error: unknown) => console.error(error));
