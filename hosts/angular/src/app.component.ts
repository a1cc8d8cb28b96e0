import { CUSTOM_ELEMENTS_SCHEMA, Component, inject, signal, type OnInit } from '@angular/core';
import { ContactSyncClient } from '@contactsync/sdk';
import type { RunFinishedEvent } from '@contactsync/elements';

@Component({
  selector: 'host-root',
  // The one line Angular needs for any custom element: the cs-* tags are not Angular components.
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    @if (error()) {
      <p role="alert">{{ error() }}</p>
    } @else if (bookId(); as bookId) {
      <main>
        <h1>Contacts</h1>
        <cs-import-wizard [bookId]="bookId" (cs-run-finished)="onFinished($event)" />
        <p data-testid="finished">{{ finished() }}</p>
        <cs-history-grid [bookId]="bookId" />
        <cs-contact-list
          [bookId]="bookId"
          (cs-contact-deleted)="deleted.set('A contact was deleted.')"
        />
        <p data-testid="deleted">{{ deleted() }}</p>
      </main>
    } @else {
      <p>Starting…</p>
    }
  `,
})
export class AppComponent implements OnInit {
  private readonly sync = inject(ContactSyncClient);
  readonly bookId = signal<string | null>(null);
  readonly finished = signal('');
  readonly deleted = signal('');
  readonly error = signal('');

  async ngOnInit(): Promise<void> {
    try {
      this.bookId.set((await this.sync.books.create({ name: 'Contacts' })).id);
    } catch (e) {
      this.error.set((e as Error).message);
    }
  }

  onFinished(event: Event): void {
    this.finished.set((event as RunFinishedEvent).run.status);
  }
}
