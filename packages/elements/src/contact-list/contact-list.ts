import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { Contact, ContactSort, DeletedContact, FieldDef, Folder } from '@contactsync/sdk';
import { ContactDeletedEvent, ContactRestoredEvent, ContactsExportedEvent } from '../events.ts';
import { CsElement } from '../shared/cs-element.ts';
import { baseStyles } from '../shared/base.styles.ts';
import { closeConfirmation, confirmDialog, showConfirmation } from '../shared/confirm-dialog.ts';
import { contactListStyles } from './contact-list.styles.ts';
import { ContactPages } from './contact-pages.ts';
import { contactSubtitle, contactTitle } from '../shared/contact-name.ts';
import { describeThrown } from '../shared/describe.ts';
import { offerDownload } from '../shared/offer-download.ts';
import { deletedView } from './deleted-view.ts';

const ROW_HEIGHT = 52;

/** The region a language tag implies ("en-GB" → GB, "lv" → LV), for writing phone numbers. */
function regionOf(tag: string | undefined): string | null {
  try {
    return new Intl.Locale(tag ?? navigator.language).maximize().region ?? null;
  } catch {
    return null;
  }
}
const OVERSCAN = 8;
const ALL = '__all__';
const NONE = '__none__';
const DELETED = '__deleted__';

/**
 * Browse an address book: folders, search as you type, a virtualised list that stays smooth
 * with 100,000 contacts, details of the opened contact, and Delete (with confirmation; the
 * deletion is remembered, so no import or phone sync brings the contact back). "Deleted" lists
 * such contacts, each with Restore.
 *
 * @tag cs-contact-list
 * @fires {ContactDeletedEvent} cs-contact-deleted - a contact was deleted after confirmation.
 * @fires {ContactRestoredEvent} cs-contact-restored - a deleted contact was restored.
 * @fires {ContactsExportedEvent} cs-contacts-exported - the contacts shown were exported; cancel it to keep the browser from downloading the file.
 * @csspart folders - The folder list.
 * @csspart search - The search field.
 * @csspart sort - The sort order menu (by name, as added).
 * @csspart list - The scrolling list of contacts.
 * @csspart item - One contact in the list.
 * @csspart details - The opened contact.
 * @csspart button - Every button.
 * @csspart dialog - The delete confirmation.
 * @csspart deleted-list - The contacts deleted here, in the "Deleted" view.
 * @cssprop --cs-contact-list-height - Height of the scrolling list (default 28rem).
 */
export class ContactList extends CsElement {
  static override styles = [baseStyles, contactListStyles];
  static override properties = {
    bookId: { attribute: 'book-id' },
    folderId: { attribute: 'folder-id' },
    folders: { state: true },
    fields: { state: true },
    search: { state: true },
    sort: { reflect: true },
    first: { state: true },
    active: { state: true },
    opened: { state: true },
    pendingDelete: { state: true },
    notice: { state: true },
    working: { state: true },
    deleted: { state: true },
  };
  static override tagName = 'cs-contact-list';

  /** The address book to browse. */
  declare bookId: string | null;
  /** The folder shown: a folder id, "" for contacts in no folder; all contacts when unset. */
  declare folderId: string | null;
  declare private folders: Folder[];
  declare private fields: FieldDef[];
  declare private search: string;
  /** "name" (default): by the name shown; "added": in the order contacts came in. */
  declare sort: ContactSort;
  declare private first: number;
  declare private active: number;
  declare private opened: Contact | null;
  declare private pendingDelete: Contact | null;
  declare private notice: string;
  /** An export or a restore is under way: one action at a time. */
  declare private working: boolean;
  /** The "Deleted" view's contacts; undefined when another view is shown, null while loading. */
  declare private deleted: DeletedContact[] | null | undefined;
  private readonly pages = new ContactPages(
    () => this.client,
    (error) => {
      if (error) this.notice = error.message;
      this.requestUpdate();
    },
  );
  private searchTimer = 0;
  private visibleRows = 12;

  constructor() {
    super();
    this.bookId = null;
    this.folderId = null;
    this.folders = [];
    this.fields = [];
    this.search = '';
    this.sort = 'name';
    this.first = 0;
    this.active = 0;
    this.opened = null;
    this.pendingDelete = null;
    this.notice = '';
    this.working = false;
    this.deleted = undefined;
    // Imports, deletions and edits in any tab show up; the scroll position stays.
    this.followChanges((event) => {
      if (event.type === 'contacts-changed' && event.bookId === this.bookId) {
        this.restart(false);
        if (this.deleted !== undefined) void this.loadDeleted();
      }
      if (event.type === 'books-changed') void this.loadBook();
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Back in the page: whatever changed meanwhile is read again.
    if (this.hasUpdated) this.reload();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.clientChanged(changed) || changed.has('bookId')) this.reload();
    else if (
      changed.has('folderId') ||
      changed.has('sort') ||
      // Phone numbers are written for the reader's region, which follows the locale.
      changed.has('locale') ||
      (changed as Map<PropertyKey, unknown>).has('search')
    )
      this.restart();
  }

  /**
   * Places the drawn rows and sizes the list through the CSSOM: a page whose policy refuses
   * inline style attributes (style-src 'self') still allows this.
   */
  protected override updated(): void {
    const list = this.renderRoot.querySelector<HTMLElement>('[role=listbox]');
    if (!list) return;
    list.style.height = `${(this.pages.total ?? 0) * ROW_HEIGHT}px`;
    for (const row of list.querySelectorAll<HTMLElement>('[role=option]'))
      row.style.top = `${Number(row.dataset.index) * ROW_HEIGHT}px`;
  }

  private get filter() {
    const folderId =
      this.folderId === null ? undefined : this.folderId === '' ? null : this.folderId;
    return {
      bookId: this.bookId!,
      folderId,
      search: this.search.trim(),
      sort: this.sort,
      phoneRegion: regionOf(this.localeTag),
    };
  }

  /** Exports what the list shows (its folder and search) and offers the file as a download. */
  private async exportAs(format: 'csv' | 'vcard'): Promise<void> {
    if (!this.client || !this.bookId) return;
    const { folderId, search } = this.filter;
    this.working = true;
    try {
      const file = await this.client.contacts.export(this.bookId, {
        format,
        ...(folderId !== undefined ? { folderId } : {}),
        ...(search ? { search } : {}),
      });
      const event = new ContactsExportedEvent(file);
      if (this.dispatchEvent(event)) offerDownload(file);
      this.notice = this.t.exported(file.name);
    } catch (error) {
      this.notice = describeThrown(this.t, error);
    } finally {
      this.working = false;
    }
  }

  /** Re-reads folders and fields and starts the list over. */
  reload(): void {
    if (!this.client || !this.bookId) return;
    void this.loadBook();
    this.restart();
  }

  private async loadBook(): Promise<void> {
    const sync = this.client;
    if (!sync || !this.bookId) return;
    const [book, folders] = await Promise.all([
      sync.books.get(this.bookId),
      sync.folders.list(this.bookId),
    ]);
    this.fields = book.fields;
    this.folders = folders;
  }

  /** Reads the list again: from the top for a new filter, in place after a change. */
  private restart(toTop = true): void {
    if (toTop) {
      this.pages.reset();
      this.first = 0;
      this.active = 0;
      const scroller = this.renderRoot.querySelector('.scroller');
      if (scroller) scroller.scrollTop = 0;
    } else {
      // The place in the list is the user's: whatever the refresh redraws, it stays.
      const scroller = this.renderRoot.querySelector<HTMLElement>('.scroller');
      const place = scroller?.scrollTop ?? 0;
      this.pages.refresh();
      void this.updateComplete.then(() => {
        if (scroller && scroller.scrollTop !== place) scroller.scrollTop = place;
      });
    }
    if (this.bookId && this.client)
      this.pages.ensure(this.filter, this.first, this.first + this.visibleRows + OVERSCAN);
    this.requestUpdate();
  }

  private onScroll(event: Event): void {
    const scroller = event.target as HTMLElement;
    this.visibleRows = Math.ceil(scroller.clientHeight / ROW_HEIGHT) + 1;
    this.first = Math.max(0, Math.floor(scroller.scrollTop / ROW_HEIGHT) - OVERSCAN);
    this.pages.ensure(this.filter, this.first, this.first + this.visibleRows + 2 * OVERSCAN);
  }

  private onSearch(value: string): void {
    clearTimeout(this.searchTimer);
    this.searchTimer = window.setTimeout(() => (this.search = value), 200);
  }

  /** Arrow keys, Home and End move through the list; the focused row scrolls into view. */
  private onListKey(event: KeyboardEvent): void {
    const total = this.pages.total ?? 0;
    const page = this.visibleRows - 1;
    const moves: Record<string, number> = {
      ArrowDown: this.active + 1,
      ArrowUp: this.active - 1,
      PageDown: this.active + page,
      PageUp: this.active - page,
      Home: 0,
      End: total - 1,
    };
    if (!(event.key in moves) || total === 0) return;
    event.preventDefault();
    this.focusRow(Math.max(0, Math.min(total - 1, moves[event.key]!)));
  }

  private async focusRow(index: number): Promise<void> {
    this.active = index;
    const scroller = this.renderRoot.querySelector<HTMLElement>('.scroller')!;
    const top = index * ROW_HEIGHT;
    if (top < scroller.scrollTop) scroller.scrollTop = top;
    else if (top + ROW_HEIGHT > scroller.scrollTop + scroller.clientHeight)
      scroller.scrollTop = top + ROW_HEIGHT - scroller.clientHeight;
    this.first = Math.max(0, Math.floor(scroller.scrollTop / ROW_HEIGHT) - OVERSCAN);
    this.pages.ensure(this.filter, this.first, this.first + this.visibleRows + 2 * OVERSCAN);
    for (let i = 0; i < 40; i++) {
      await this.updateComplete;
      const row = this.renderRoot.querySelector<HTMLElement>(`[data-index="${index}"]`);
      // The scroll was set above, to the pixel; focus() must not scroll again on its own.
      if (row) return row.focus({ preventScroll: true });
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  private askDelete(contact: Contact): void {
    this.pendingDelete = contact;
    void this.updateComplete.then(() => showConfirmation(this.renderRoot));
  }

  private async confirmDelete(confirmed: boolean): Promise<void> {
    const contact = this.pendingDelete;
    closeConfirmation(this.renderRoot);
    this.pendingDelete = null;
    if (!confirmed || !contact) return;
    const name = contactTitle(contact) ?? this.t.unnamed;
    try {
      await this.client!.contacts.delete(this.bookId!, contact.id);
      this.opened = null;
      this.notice = this.t.contactDeleted(name);
      this.dispatchEvent(new ContactDeletedEvent(contact.id));
      this.pages.forget(contact.id);
      this.restart(false);
      void this.focusRow(Math.min(this.active, Math.max(0, (this.pages.total ?? 1) - 2)));
    } catch (error) {
      this.notice = describeThrown(this.t, error);
    }
  }

  /** Reads the contacts deleted here (the "Deleted" view). */
  private async loadDeleted(): Promise<void> {
    if (!this.client || !this.bookId) return;
    try {
      this.deleted = await this.client.contacts.deleted(this.bookId);
    } catch (error) {
      this.deleted = [];
      this.notice = describeThrown(this.t, error);
    }
  }

  private async restore(item: DeletedContact): Promise<void> {
    this.working = true;
    try {
      const contact = await this.client!.contacts.restore(this.bookId!, item.key);
      this.notice = this.t.contactRestored(contactTitle(contact) ?? item.key);
      this.dispatchEvent(new ContactRestoredEvent(contact));
      await this.loadDeleted();
    } catch (error) {
      this.notice = describeThrown(this.t, error);
    } finally {
      this.working = false;
    }
  }

  private renderFolders() {
    const t = this.t;
    const current =
      this.deleted !== undefined
        ? DELETED
        : this.folderId === null
          ? ALL
          : this.folderId === ''
            ? NONE
            : this.folderId;
    const item = (id: string, label: string) =>
      html`<li>
        <button
          type="button"
          aria-current=${current === id ? 'true' : 'false'}
          @click=${() => {
            this.opened = null;
            // What was said about the last folder does not belong to the next one.
            this.notice = '';
            if (id === DELETED) {
              this.deleted = null;
              void this.loadDeleted();
              return;
            }
            this.deleted = undefined;
            this.folderId = id === ALL ? null : id === NONE ? '' : id;
          }}
        >
          ${label}
        </button>
      </li>`;
    return html`<nav part="folders" aria-label=${t.folders}>
      <ul>
        ${item(ALL, t.allContacts)} ${this.folders.map((f) => item(f.id, f.name))}
        ${item(NONE, t.noFolder)} ${item(DELETED, t.deletedFolder)}
      </ul>
    </nav>`;
  }

  private renderRows() {
    const t = this.t;
    const total = this.pages.total;
    if (total === null) return html`<p class="hint">${t.loading}</p>`;
    if (total === 0)
      return html`<p class="hint">${this.search ? t.contactsNoMatch : t.contactsEmpty}</p>`;
    const last = Math.min(total, this.first + this.visibleRows + 2 * OVERSCAN);
    const rows = [];
    // One row is in the Tab order: the active one, or the first drawn when it scrolled away.
    const tabStop = this.active >= this.first && this.active < last ? this.active : this.first;
    for (let index = this.first; index < last; index++) {
      const contact = this.pages.at(index);
      const title = contact ? (contactTitle(contact) ?? t.unnamed) : t.loading;
      rows.push(
        html`<li
          role="option"
          part="item"
          data-index=${index}
          tabindex=${index === tabStop ? 0 : -1}
          aria-posinset=${index + 1}
          aria-setsize=${total}
          aria-selected=${contact && this.opened?.id === contact.id ? 'true' : 'false'}
          @click=${() => {
            this.active = index;
            if (contact) this.opened = contact;
          }}
          @keydown=${(e: KeyboardEvent) => {
            if ((e.key === 'Enter' || e.key === ' ') && contact) {
              e.preventDefault();
              this.opened = contact;
            }
          }}
        >
          <span class="name">${title}</span>
          <span class="sub">${contact ? contactSubtitle(contact) : ''}</span>
        </li>`,
      );
    }
    return html`<ul
      role="listbox"
      aria-label=${t.contactsTitle}
      @keydown=${(e: KeyboardEvent) => this.onListKey(e)}
    >
      ${rows}
    </ul>`;
  }

  private renderDetails() {
    const t = this.t;
    const contact = this.opened;
    if (!contact) return nothing;
    const folder = this.folders.find((f) => f.id === contact.folderId);
    const shown = this.fields.filter((f) => f.type !== 'password' && contact.values[f.id]);
    return html`<section part="details" class="details" aria-labelledby="details-title">
      <h3 id="details-title">${contactTitle(contact) ?? t.unnamed}</h3>
      <dl>
        ${shown.map(
          (f) =>
            html`<div>
              <dt>${this.fieldLabel(f)}</dt>
              <dd>${contact.values[f.id]}</dd>
            </div>`,
        )}
        ${
          folder
            ? html`<div>
                <dt>${t.folders}</dt>
                <dd>${folder.name}</dd>
              </div>`
            : nothing
        }
      </dl>
      <button type="button" part="button" class="danger" @click=${() => this.askDelete(contact)}>
        ${t.deleteContact}
      </button>
    </section>`;
  }

  private renderList() {
    const t = this.t;
    const total = this.pages.total;
    return html`<div class="toolbar">
        <input
          part="search"
          type="search"
          aria-label=${t.search}
          placeholder=${t.search}
          .value=${this.search}
          @input=${(e: Event) => this.onSearch((e.target as HTMLInputElement).value)}
        />
        <label class="sort"
          >${t.sortLabel}
          <select
            part="sort"
            @change=${(e: Event) => (this.sort = (e.target as HTMLSelectElement).value as ContactSort)}
          >
            ${(['name', 'added'] as const).map(
              (s) => html`<option value=${s} ?selected=${this.sort === s}>${t.sortBy[s]}</option>`,
            )}
          </select></label
        >
        <span class="count" aria-live="polite"
          >${total === null ? '' : t.contactsCount(this.formatNumber(total))}</span
        >
        <span class="export" role="group" aria-label=${t.exportLabel}>
          ${(['csv', 'vcard'] as const).map(
            (format) =>
              html`<button
                type="button"
                part="button"
                ?disabled=${!total || this.working}
                @click=${() => this.exportAs(format)}
              >
                ${format === 'csv' ? t.exportCsv : t.exportVCard}
              </button>`,
          )}
        </span>
      </div>
      <div class="scroller" part="list" @scroll=${(e: Event) => this.onScroll(e)}>
        ${this.renderRows()}
      </div>`;
  }

  protected override render(): TemplateResult | typeof nothing {
    const t = this.t;
    return html`<div class="layout">
      ${this.renderFolders()}
      <div class="main">
        ${
          this.deleted !== undefined
            ? deletedView({
                t,
                items: this.deleted,
                busy: this.working,
                when: (ms) => this.formatDateTime(ms) ?? '',
                restore: (d) => void this.restore(d),
              })
            : this.renderList()
        }
        <p role="status" class="notice">${this.notice}</p>
      </div>
      ${this.deleted === undefined ? this.renderDetails() : nothing}
      ${confirmDialog(
        this.pendingDelete && {
          title: t.confirmDeleteContactTitle,
          text: t.confirmDeleteContact(contactTitle(this.pendingDelete) ?? t.unnamed),
          confirm: t.deleteContact,
          cancel: t.cancel,
        },
        (ok) => this.confirmDelete(ok),
      )}
    </div>`;
  }
}

declare global {
  // Under its default name (`ContactList.define()`): `document.querySelector('cs-contact-list')` is typed.
  interface HTMLElementTagNameMap {
    'cs-contact-list': ContactList;
  }
}
