import { html, nothing } from 'lit';

/** What a confirmation asks; null while nothing is being confirmed. */
export interface Confirmation {
  readonly title: string;
  readonly text: string;
  readonly confirm: string;
  readonly cancel: string;
}

/**
 * A modal confirmation (role dialog, labelled by its title). Esc and Cancel answer false.
 * Open it with `showConfirmation` once rendered.
 */
export function confirmDialog(ask: Confirmation | null, answer: (confirmed: boolean) => void) {
  return html`<dialog part="dialog" aria-labelledby="dialog-title" @cancel=${() => answer(false)}>
    ${
      ask
        ? html`<h2 id="dialog-title">${ask.title}</h2>
            <p>${ask.text}</p>
            <div class="dialog-actions">
              <button type="button" part="button" class="cancel" @click=${() => answer(false)}>
                ${ask.cancel}
              </button>
              <button
                type="button"
                part="button"
                class="danger confirm"
                @click=${() => answer(true)}
              >
                ${ask.confirm}
              </button>
            </div>`
        : nothing
    }
  </dialog>`;
}

/** Opens the rendered confirmation; focus starts on Cancel, the safe answer. */
export function showConfirmation(root: ParentNode): void {
  root.querySelector<HTMLDialogElement>('dialog')?.showModal();
  root.querySelector<HTMLButtonElement>('dialog .cancel')?.focus();
}

export function closeConfirmation(root: ParentNode): void {
  root.querySelector<HTMLDialogElement>('dialog')?.close();
}
