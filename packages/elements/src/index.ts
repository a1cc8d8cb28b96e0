export { ContactList } from './contact-list/contact-list.ts';
export { DeviceSync } from './device-sync/device-sync.ts';
export { HistoryGrid } from './history-grid/history-grid.ts';
export { ImportWizard } from './import-wizard/import-wizard.ts';
export { MappingTable, mappingFromPreview } from './mapping-table/mapping-table.ts';
export { RecipientPicker } from './recipient-picker/recipient-picker.ts';
export { ScheduleEditor } from './schedule-editor/schedule-editor.ts';
export { SyncStatus } from './sync-status/sync-status.ts';
export { provideSync, syncContext } from './shared/sync-context.ts';
export {
  ContactDeletedEvent,
  ContactsExportedEvent,
  ContactRestoredEvent,
  NewImportEvent,
  ProblemReportEvent,
  DeviceConsentEvent,
  DeviceSyncedEvent,
  EditProfileEvent,
  FieldAddedEvent,
  MappingChangeEvent,
  ProfileDeletedEvent,
  RunUndoneEvent,
  ReviewImportEvent,
  ProfileSavedEvent,
  RecipientsChangeEvent,
  RunFinishedEvent,
  ScheduleChangeEvent,
  VCardChosenEvent,
  WizardClosedEvent,
  type Recipient,
} from './events.ts';
export { en, type Messages } from './i18n/en.ts';
