export {
  createContactSync,
  type ContactSync,
  type BackendOptions,
  type ContactSyncOptions,
  type RunOptions,
  type TrustedScriptURLLike,
} from './client/create-contact-sync.ts';
export { SDK_VERSION } from './version.ts';
export type { ContactSyncEvent } from './events.ts';
export type { ReplicationStatus } from './replication/replication-status.ts';
export type { ContactConflict, ContactConflictResolver } from './replication/contact-conflicts.ts';
export type { ContactPage, ContactQuery, ContactSort } from './worker/contacts.ts';
export type { DeletedContact } from './worker/deleted-contacts.ts';
export type { HistoryQuery, ProfileListOptions } from './worker/profiles.ts';
export type { ImportFileSettings } from './worker/import-file.ts';
export type { PlanResult } from './worker/imports.ts';
export type { DeviceOptions, DevicePreview, DeviceSyncState } from './worker/device.ts';
export type { ExportOptions } from './worker/export-contacts.ts';
export {
  BUILT_IN_FIELDS,
  ContactSyncError,
  DEFAULT_BEHAVIOUR,
  deviceContactName,
  isolateBidi,
  joinIsolated,
  DEFAULT_PARSE_OPTIONS,
  ENCODINGS,
  isContactSyncError,
  runNotes,
  mapColumn,
  REMOTE_PROTOCOLS,
  remoteUrlProblem,
  setKeyStrategy,
  suggestMapping,
  toMapping,
  toRRule,
  unmapColumn,
  WEEKDAYS,
  type AddressBook,
  type BehaviourOptions,
  type Contact,
  type ContactDocument,
  type DeviceContact,
  type DeviceSource,
  type Encoding,
  type VCardResult,
  type ErrorCode,
  type ErrorPayload,
  type IssueCode,
  type NoteCode,
  type RunNote,
  type FieldDef,
  type FieldType,
  type FilePreview,
  type Folder,
  type Mapping,
  type NotificationOutcome,
  type ParseOptions,
  type PlanSummary,
  type ProfileInput,
  type Recurrence,
  type RecurrenceRange,
  type RemoteProtocol,
  type RemoteSource,
  type RowIssue,
  type RunCounts,
  type RunProgress,
  type RunTrigger,
  type RunRecord,
  type RunStatus,
  type Schedule,
  type SyncProfile,
  type Weekday,
} from '@contactsync/core';
