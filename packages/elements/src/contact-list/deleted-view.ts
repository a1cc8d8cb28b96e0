import { html } from 'lit';
import type { DeletedContact } from '@contactsync/sdk';
import type { Messages } from '../i18n/en.ts';
import { contactSubtitle, contactTitle } from '../shared/contact-name.ts';

export interface DeletedViewInput {
  readonly t: Messages;
  /** Null while loading. */
  readonly items: readonly DeletedContact[] | null;
  readonly busy: boolean;
  readonly when: (ms: number) => string;
  readonly restore: (item: DeletedContact) => void;
}

/** The "Deleted" view: synced contacts deleted here, which imports keep out, each with Restore. */
export function deletedView({ t, items, busy, when, restore }: DeletedViewInput) {
  if (items === null) return html`<p class="hint">${t.loading}</p>`;
  return html`<section class="deleted" aria-labelledby="deleted-title">
    <h3 id="deleted-title">${t.deletedTitle}</h3>
    <p class="hint">${t.deletedHint}</p>
    ${
      items.length === 0
        ? html`<p class="hint">${t.deletedEmpty}</p>`
        : html`<ul part="deleted-list">
            ${items.map((item) => {
              const name = (item.contact && contactTitle(item.contact)) ?? item.key;
              const sub = item.contact ? contactSubtitle(item.contact) : '';
              return html`<li>
                <span class="who">
                  <span class="name">${name}</span>
                  <span class="sub"
                    >${sub ? `${sub} · ` : ''}${t.deletedOn(when(item.deletedAt))}</span
                  >
                </span>
                <button
                  type="button"
                  part="button"
                  aria-label=${t.restoreContact(name)}
                  ?disabled=${busy}
                  @click=${() => restore(item)}
                >
                  ${t.restore}
                </button>
              </li>`;
            })}
          </ul>`
    }
  </section>`;
}
