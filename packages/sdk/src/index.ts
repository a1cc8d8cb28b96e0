export {
  createContactSync,
  type ContactSync,
  type ContactSyncOptions,
  type RunOptions,
} from './client/create-contact-sync.ts';
export type { ContactSyncEvent } from './events.ts';
export type { ContactPage, ContactQuery } from './worker/contacts.ts';
export type { HistoryQuery } from './worker/profiles.ts';
export type { PlanResult } from './worker/imports.ts';
export {
  BUILT_IN_FIELDS,
  ContactSyncError,
  DEFAULT_BEHAVIOUR,
  DEFAULT_PARSE_OPTIONS,
  isContactSyncError,
  mapColumn,
  setKeyStrategy,
  suggestMapping,
  toMapping,
  unmapColumn,
  type AddressBook,
  type BehaviourOptions,
  type Contact,
  type ErrorCode,
  type FieldDef,
  type FieldType,
  type FilePreview,
  type Folder,
  type Mapping,
  type ParseOptions,
  type PlanSummary,
  type ProfileInput,
  type RowIssue,
  type RunCounts,
  type RunProgress,
  type RunRecord,
  type RunStatus,
  type SyncProfile,
} from '@contactsync/core';
