/** The wizard's inputs that can be wrong, as their `data-field` names. */
export type WizardField = 'file' | 'address' | 'otherDelimiter' | 'notifyEmail';

/** The step that shows each input. */
export const FIELD_STEP = {
  file: 'source',
  address: 'source',
  otherDelimiter: 'options',
  notifyEmail: 'options',
} as const satisfies Record<WizardField, string>;

/**
 * A problem with one input: shown beside it (`aria-invalid`, `aria-describedby`) with focus
 * moved there, instead of at the bottom of the page.
 */
export class FieldError extends Error {
  constructor(
    readonly field: WizardField,
    message: string,
  ) {
    super(message);
  }
}

/** The attributes that tie an input to its error message, when it has one. */
export const errorId = (field: WizardField) => `${field}-error`;
