// `@contactsync/elements/sync-status`: <cs-sync-status> alone, for pages that use only it.
export { SyncStatus } from '../sync-status/sync-status.ts';
export { provideSync, syncContext } from '../shared/sync-context.ts';
export { en, type Messages } from '../i18n/en.ts';
