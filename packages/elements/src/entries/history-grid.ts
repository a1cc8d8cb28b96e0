// `@contactsync/elements/history-grid`: <cs-history-grid> alone, for pages that use only it.
export { HistoryGrid } from '../history-grid/history-grid.ts';
export {
  EditProfileEvent,
  NewImportEvent,
  ProfileDeletedEvent,
  ReviewImportEvent,
  RunUndoneEvent,
} from '../events.ts';
export { provideSync, syncContext } from '../shared/sync-context.ts';
export { en, type Messages } from '../i18n/en.ts';
