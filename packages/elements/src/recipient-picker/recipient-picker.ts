import { html, nothing, type TemplateResult } from 'lit';
import type { Contact } from '@contactsync/sdk';
import { RecipientsChangeEvent, type Recipient } from '../events.ts';
import { CsElement } from '../shared/cs-element.ts';
import { baseStyles } from '../shared/base.styles.ts';
import { recipientPickerStyles } from './recipient-picker.styles.ts';
import { contactTitle } from '../shared/contact-name.ts';
import { looksLikeEmail } from '../shared/email.ts';
import { describeThrown } from '../shared/describe.ts';

const SUGGESTIONS = 8;

function recipientOf(contact: Contact): Recipient {
  const email = contact.values.email!;
  return { contactId: contact.id, name: contactTitle(contact) ?? email, email };
}

/**
 * The compose screen's address field: type a name or an address and pick from the address
 * book. Only contacts with an email address are offered (phone-only contacts never appear);
 * several recipients can be added. Follows the ARIA combobox pattern and works by keyboard:
 * arrows move through suggestions, Enter adds, Escape closes, Backspace removes the last.
 *
 * @tag cs-recipient-picker
 * @fires {RecipientsChangeEvent} cs-recipients-change - the recipients changed.
 * @csspart field - The box holding the recipients and the input.
 * @csspart recipient - One chosen recipient.
 * @csspart listbox - The suggestions.
 * @csspart option - One suggestion.
 * @cssprop --cs-color-accent - The active suggestion and focus rings.
 */
export class RecipientPicker extends CsElement {
  static override styles = [baseStyles, recipientPickerStyles];
  static override properties = {
    bookId: { attribute: 'book-id' },
    value: { attribute: false },
    label: {},
    text: { state: true },
    suggestions: { state: true },
    open: { state: true },
    active: { state: true },
    announcement: { state: true },
  };
  static override tagName = 'cs-recipient-picker';

  /** The address book to search. */
  declare bookId: string | null;
  /** The chosen recipients. */
  declare value: Recipient[];
  /** The field's visible label; the catalogue's "To" when unset. */
  declare label: string | null;
  declare private text: string;
  declare private suggestions: Recipient[];
  declare private open: boolean;
  declare private active: number;
  declare private announcement: string;
  private timer = 0;
  private query = 0;

  constructor() {
    super();
    this.bookId = null;
    this.value = [];
    this.label = null;
    this.text = '';
    this.suggestions = [];
    this.open = false;
    this.active = -1;
    this.announcement = '';
  }

  private onInput(text: string): void {
    this.text = text;
    clearTimeout(this.timer);
    this.timer = window.setTimeout(() => void this.search(text), 120);
  }

  /** Looks up contacts with an email address matching what was typed. */
  private async search(text: string): Promise<void> {
    const sync = this.client;
    const needle = text.trim();
    const query = ++this.query;
    if (!sync || !this.bookId || needle === '') {
      this.close();
      return;
    }
    let found;
    try {
      found = await sync.contacts.suggest(this.bookId, {
        search: needle,
        withField: 'email',
        limit: SUGGESTIONS + this.value.length,
      });
    } catch (error) {
      if (query === this.query) this.announcement = describeThrown(this.t, error);
      return;
    }
    if (query !== this.query) return;
    const chosen = new Set(this.value.map((r) => r.email.toLowerCase()));
    // `withField: 'email'` already leaves out contacts without an address; suggestions stop at
    // what the list can show, so a common text is not counted through the whole book.
    this.suggestions = found
      .filter((c) => !chosen.has(c.values.email!.toLowerCase()))
      .slice(0, SUGGESTIONS)
      .map(recipientOf);
    this.open = true;
    this.active = -1;
    this.announcement = this.suggestions.length
      ? this.t.recipientsCount(this.suggestions.length)
      : this.t.recipientsNoMatch;
  }

  private close(): void {
    this.open = false;
    this.active = -1;
    this.suggestions = [];
  }

  private add(recipient: Recipient): void {
    if (this.value.some((r) => r.email.toLowerCase() === recipient.email.toLowerCase())) return;
    this.value = [...this.value, recipient];
    this.text = '';
    // A search still waiting for the typed text must not reopen the list.
    clearTimeout(this.timer);
    this.query++;
    this.close();
    this.announcement = this.t.recipientAdded(recipient.name);
    this.dispatchEvent(new RecipientsChangeEvent(this.value));
  }

  private removeAt(index: number): void {
    this.value = this.value.filter((_, i) => i !== index);
    this.dispatchEvent(new RecipientsChangeEvent(this.value));
    this.renderRoot.querySelector<HTMLInputElement>('input')?.focus();
  }

  private onKey(event: KeyboardEvent): void {
    const n = this.suggestions.length;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        event.preventDefault();
        if (!this.open) {
          void this.search(this.text);
          return;
        }
        if (n === 0) return;
        const step = event.key === 'ArrowDown' ? 1 : -1;
        this.active = (this.active + step + n) % n;
        return;
      }
      case 'Enter': {
        const pick = this.suggestions[this.active];
        if (pick) {
          event.preventDefault();
          this.add(pick);
        } else if (looksLikeEmail(this.text.trim())) {
          // An address not in the book is still an address.
          event.preventDefault();
          const email = this.text.trim();
          this.add({ contactId: null, name: email, email });
        }
        return;
      }
      case 'Escape':
        if (this.open) {
          event.preventDefault();
          this.close();
        }
        return;
      case 'Backspace':
        if (this.text === '' && this.value.length) this.removeAt(this.value.length - 1);
        return;
    }
  }

  protected override render(): TemplateResult | typeof nothing {
    const t = this.t;
    const expanded = this.open && this.suggestions.length > 0;
    const activeId = this.active >= 0 ? `option-${this.active}` : nothing;
    return html`<label for="input" class="label">${this.label ?? t.recipientsLabel}</label>
      <div part="field" class="field">
        <ul class="chosen" aria-label=${this.label ?? t.recipientsLabel}>
          ${this.value.map(
            (r, i) =>
              html`<li part="recipient" class="recipient">
                <span class="name">${r.name}</span>${
                  r.name !== r.email
                    ? html` <span class="email">&lt;${r.email}&gt;</span>`
                    : nothing
                }
                <button type="button" @click=${() => this.removeAt(i)}>
                  <span aria-hidden="true">×</span
                  ><span class="visually-hidden">${t.recipientRemove(r.name)}</span>
                </button>
              </li>`,
          )}
        </ul>
        <input
          id="input"
          role="combobox"
          autocomplete="off"
          aria-autocomplete="list"
          aria-expanded=${expanded ? 'true' : 'false'}
          aria-controls="listbox"
          aria-activedescendant=${activeId}
          aria-describedby="hint"
          .value=${this.text}
          @input=${(e: Event) => this.onInput((e.target as HTMLInputElement).value)}
          @keydown=${(e: KeyboardEvent) => this.onKey(e)}
          @blur=${() => this.close()}
        />
      </div>
      <ul
        id="listbox"
        role="listbox"
        part="listbox"
        aria-label=${t.recipientsLabel}
        ?hidden=${!expanded}
      >
        ${this.suggestions.map(
          (r, i) =>
            html`<li
              id=${`option-${i}`}
              role="option"
              part="option"
              aria-selected=${i === this.active ? 'true' : 'false'}
              @mousedown=${(e: Event) => {
                e.preventDefault();
                this.add(r);
              }}
            >
              <span class="name">${r.name}</span> <span class="email">${r.email}</span>
            </li>`,
        )}
      </ul>
      <p id="hint" class="hint">${t.recipientsHint}</p>
      <p class="visually-hidden" role="status">${this.announcement}</p>`;
  }
}

declare global {
  // Under its default name (`RecipientPicker.define()`): `document.querySelector('cs-recipient-picker')` is typed.
  interface HTMLElementTagNameMap {
    'cs-recipient-picker': RecipientPicker;
  }
}
