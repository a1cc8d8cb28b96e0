import type { Contact, ContactSort, ContactSync } from '@contactsync/sdk';

export const PAGE_SIZE = 100;

export interface ContactFilter {
  readonly bookId: string;
  readonly folderId: string | null | undefined;
  readonly search: string;
  readonly sort: ContactSort;
  /** Where the reader is (ISO 3166): phone numbers are shown as people there write them. */
  readonly phoneRegion: string | null;
}

/**
 * Contacts fetched a page at a time as the list scrolls, so a book of 100,000 contacts costs
 * only the pages on screen. A new filter or a change in the book starts over.
 */
export class ContactPages {
  total: number | null = null;
  private pages = new Map<number, Contact[]>();
  /** After a change in the book: the pages shown until their fresh copies arrive. */
  private stale = new Map<number, Contact[]>();
  private loading = new Set<number>();
  private generation = 0;

  constructor(
    private readonly sync: () => ContactSync | null,
    private readonly changed: (error?: Error) => void,
  ) {}

  /** A new filter: nothing shown is valid any more. */
  reset(): void {
    this.refresh();
    this.stale.clear();
    this.total = null;
  }

  /** The same filter after a change: keep showing what is there (and the list's height). */
  refresh(): void {
    this.generation++;
    this.stale = new Map([...this.stale, ...this.pages]);
    this.pages.clear();
    this.loading.clear();
  }

  /**
   * Takes a deleted contact out of what is shown at once: the fresh pages of a searched list
   * can take a while (a search reads the book), and a deleted contact must not linger there.
   */
  forget(contactId: string): void {
    let found = false;
    for (const pages of [this.pages, this.stale]) {
      for (const [page, rows] of pages) {
        const kept = rows.filter((c) => c.id !== contactId);
        if (kept.length === rows.length) continue;
        pages.set(page, kept);
        found = true;
      }
    }
    if (found && this.total !== null) this.total = Math.max(0, this.total - 1);
  }

  at(index: number): Contact | undefined {
    const page = Math.floor(index / PAGE_SIZE);
    return (this.pages.get(page) ?? this.stale.get(page))?.[index % PAGE_SIZE];
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
      const current = () => generation === this.generation;
      sync.contacts
        .list(filter.bookId, {
          folderId: filter.folderId,
          search: filter.search || undefined,
          sort: filter.sort,
          ...(filter.phoneRegion ? { phoneRegion: filter.phoneRegion } : {}),
          offset: page * PAGE_SIZE,
          limit: PAGE_SIZE,
        })
        .then(
          (result) => {
            if (!current()) return;
            // Shown with phone numbers as the reader writes them (the list only shows contacts).
            const display = result.display ?? {};
            this.pages.set(
              page,
              result.items.map((c) =>
                display[c.id] ? { ...c, values: { ...c.values, ...display[c.id] } } : c,
              ),
            );
            this.stale.delete(page);
            this.total = result.total;
            this.changed();
          },
          (error: Error) => {
            if (current()) this.changed(error);
          },
        )
        .finally(() => {
          if (current()) this.loading.delete(page);
        });
    }
  }
}
