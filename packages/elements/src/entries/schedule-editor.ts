// `@contactsync/elements/schedule-editor`: <cs-schedule-editor> alone, for pages that use only it.
export { ScheduleEditor } from '../schedule-editor/schedule-editor.ts';
export { ScheduleChangeEvent } from '../events.ts';
export { provideSync, syncContext } from '../shared/sync-context.ts';
export { en, type Messages } from '../i18n/en.ts';
