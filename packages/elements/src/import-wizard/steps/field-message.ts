import { html, nothing } from 'lit';
import { errorId, type WizardField } from '../field-error.ts';

/** What is wrong with an input, shown under it (its `aria-describedby` points here). */
export const fieldMessage = (field: WizardField, message: string | null) =>
  message ? html`<p id=${errorId(field)} class="error">${message}</p>` : nothing;

/** The `aria-describedby` of an input with a message (none without). */
export const describedBy = (field: WizardField, message: string | null) =>
  message ? errorId(field) : nothing;
