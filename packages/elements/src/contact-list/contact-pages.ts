import type { Contact, ContactSync } from '@contactsync/sdk';

export const PAGE_SIZE = 100;

export interface ContactFilter {
  readonly bookId: string;
  readonly folderId: string | null | undefined;
  readonly search: string;
}

/**
 * Contacts fetched a page at a time as the list scrolls, so a book of 100,000 contacts costs
 * only the pages on screen. A new filter or a change in the book starts over.
 */
export class ContactPages {
  total: number | null = null;
  private pages = new Map<number, Contact[]>();
  private loading = new Set<number>();
  private generation = 0;

  constructor(
    private readonly sync: () => ContactSync | null,
    private readonly changed: () => void,
  ) {}

  reset(): void {
    this.generation++;
    this.pages.clear();
    this.loading.clear();
    this.total = null;
  }

  at(index: number): Contact | undefined {
    return this.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];
  }

  /** Loads whatever is missing between `from` and `to` (row indexes). */
  ensure(filter: ContactFilter, from: number, to: number): void {
    const sync = this.sync();
    if (!sync) return;
    const last = Math.max(from, to);
    for (let page = Math.floor(from / PAGE_SIZE); page <= Math.floor(last / PAGE_SIZE); page++) {
      if (this.pages.has(page) || this.loading.has(page)) continue;
      if (this.total !== null && page * PAGE_SIZE >= this.total && page > 0) continue;
      this.loading.add(page);
      const generation = this.generation;
      void sync.contacts
        .list(filter.bookId, {
          folderId: filter.folderId,
          search: filter.search || undefined,
          offset: page * PAGE_SIZE,
          limit: PAGE_SIZE,
        })
        .then((result) => {
          if (generation !== this.generation) return;
          this.pages.set(page, result.items);
          this.total = result.total;
          this.changed();
        })
        .finally(() => this.loading.delete(page));
    }
  }
}
