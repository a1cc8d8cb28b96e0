// `@contactsync/elements/recipient-picker`: <cs-recipient-picker> alone, for pages that use only it.
export { RecipientPicker } from '../recipient-picker/recipient-picker.ts';
export { RecipientsChangeEvent, type Recipient } from '../events.ts';
export { provideSync, syncContext } from '../shared/sync-context.ts';
export { en, type Messages } from '../i18n/en.ts';
