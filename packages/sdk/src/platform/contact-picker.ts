import type { PickedContact } from '@contactsync/core';

/** The Contact Picker API, where the browser has it. */
export interface ContactPicker {
  select(properties: string[], options: { multiple: boolean }): Promise<PickedContact[]>;
}

/** True where the browser offers the Contact Picker API (never outside a browser). */
export const pickerSupported = (): boolean =>
  typeof navigator !== 'undefined' &&
  typeof (navigator as { contacts?: { select?: unknown } }).contacts?.select === 'function';
