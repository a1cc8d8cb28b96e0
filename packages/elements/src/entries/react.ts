// `@contactsync/elements/react`: each element as a React component (@lit/react), with its
// properties as props and its events as `on…` props typed with their classes. The elements
// register as usual: call `defineAll()` (or each element's `define()`) once.
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { ContactList as ContactListElement } from '../contact-list/contact-list.ts';
import { DeviceSync as DeviceSyncElement } from '../device-sync/device-sync.ts';
import { HistoryGrid as HistoryGridElement } from '../history-grid/history-grid.ts';
import { ImportWizard as ImportWizardElement } from '../import-wizard/import-wizard.ts';
import { MappingTable as MappingTableElement } from '../mapping-table/mapping-table.ts';
import { RecipientPicker as RecipientPickerElement } from '../recipient-picker/recipient-picker.ts';
import { ScheduleEditor as ScheduleEditorElement } from '../schedule-editor/schedule-editor.ts';
import { SyncStatus as SyncStatusElement } from '../sync-status/sync-status.ts';
import type {
  ContactDeletedEvent,
  ContactRestoredEvent,
  ContactsExportedEvent,
  DeviceConsentEvent,
  DeviceSyncedEvent,
  EditProfileEvent,
  FieldAddedEvent,
  MappingChangeEvent,
  NewImportEvent,
  ProblemReportEvent,
  ProfileDeletedEvent,
  ProfileSavedEvent,
  RecipientsChangeEvent,
  ReviewImportEvent,
  RunFinishedEvent,
  RunUndoneEvent,
  ScheduleChangeEvent,
  VCardChosenEvent,
  WizardClosedEvent,
} from '../events.ts';

export { provideSync } from '../shared/sync-context.ts';

/** Registers every element under its default tag name. */
export function defineAll(): void {
  for (const element of [
    ContactListElement,
    DeviceSyncElement,
    HistoryGridElement,
    ImportWizardElement,
    MappingTableElement,
    RecipientPickerElement,
    ScheduleEditorElement,
    SyncStatusElement,
  ])
    element.define();
}

export const ContactList = createComponent({
  react: React,
  tagName: 'cs-contact-list',
  elementClass: ContactListElement,
  events: {
    onContactDeleted: 'cs-contact-deleted' as EventName<ContactDeletedEvent>,
    onContactRestored: 'cs-contact-restored' as EventName<ContactRestoredEvent>,
    onContactsExported: 'cs-contacts-exported' as EventName<ContactsExportedEvent>,
  },
});

export const DeviceSync = createComponent({
  react: React,
  tagName: 'cs-device-sync',
  elementClass: DeviceSyncElement,
  events: {
    onDeviceConsent: 'cs-device-consent' as EventName<DeviceConsentEvent>,
    onDeviceSynced: 'cs-device-synced' as EventName<DeviceSyncedEvent>,
  },
});

export const HistoryGrid = createComponent({
  react: React,
  tagName: 'cs-history-grid',
  elementClass: HistoryGridElement,
  events: {
    onEditProfile: 'cs-edit-profile' as EventName<EditProfileEvent>,
    onNewImport: 'cs-new-import' as EventName<NewImportEvent>,
    onProfileDeleted: 'cs-profile-deleted' as EventName<ProfileDeletedEvent>,
    onRunUndone: 'cs-run-undone' as EventName<RunUndoneEvent>,
    onReviewImport: 'cs-review-import' as EventName<ReviewImportEvent>,
  },
});

export const ImportWizard = createComponent({
  react: React,
  tagName: 'cs-import-wizard',
  elementClass: ImportWizardElement,
  events: {
    onProfileSaved: 'cs-profile-saved' as EventName<ProfileSavedEvent>,
    onRunFinished: 'cs-run-finished' as EventName<RunFinishedEvent>,
    onWizardClosed: 'cs-wizard-closed' as EventName<WizardClosedEvent>,
    onVCardChosen: 'cs-vcard-chosen' as EventName<VCardChosenEvent>,
    onProblemReport: 'cs-problem-report' as EventName<ProblemReportEvent>,
  },
});

export const MappingTable = createComponent({
  react: React,
  tagName: 'cs-mapping-table',
  elementClass: MappingTableElement,
  events: {
    onMappingChange: 'cs-mapping-change' as EventName<MappingChangeEvent>,
    onFieldAdded: 'cs-field-added' as EventName<FieldAddedEvent>,
  },
});

export const RecipientPicker = createComponent({
  react: React,
  tagName: 'cs-recipient-picker',
  elementClass: RecipientPickerElement,
  events: { onRecipientsChange: 'cs-recipients-change' as EventName<RecipientsChangeEvent> },
});

export const ScheduleEditor = createComponent({
  react: React,
  tagName: 'cs-schedule-editor',
  elementClass: ScheduleEditorElement,
  events: { onScheduleChange: 'cs-schedule-change' as EventName<ScheduleChangeEvent> },
});

export const SyncStatus = createComponent({
  react: React,
  tagName: 'cs-sync-status',
  elementClass: SyncStatusElement,
});
