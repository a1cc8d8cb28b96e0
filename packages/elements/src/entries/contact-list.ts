// `@contactsync/elements/contact-list`: <cs-contact-list> alone, for pages that use only it.
export { ContactList } from '../contact-list/contact-list.ts';
export { ContactDeletedEvent, ContactRestoredEvent, ContactsExportedEvent } from '../events.ts';
export { provideSync, syncContext } from '../shared/sync-context.ts';
export { en, type Messages } from '../i18n/en.ts';
