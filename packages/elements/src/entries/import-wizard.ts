// `@contactsync/elements/import-wizard`: <cs-import-wizard> alone, for pages that use only it.
export { ImportWizard } from '../import-wizard/import-wizard.ts';
export {
  FieldAddedEvent,
  MappingChangeEvent,
  ProblemReportEvent,
  ProfileSavedEvent,
  RunFinishedEvent,
  ScheduleChangeEvent,
  VCardChosenEvent,
  WizardClosedEvent,
} from '../events.ts';
export { provideSync, syncContext } from '../shared/sync-context.ts';
export { en, type Messages } from '../i18n/en.ts';
