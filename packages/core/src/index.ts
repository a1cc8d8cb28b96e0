export {
  ContactSyncError,
  ERROR_CODES,
  isContactSyncError,
  isErrorPayload,
  toContactSyncError,
  type ErrorCode,
  type ErrorPayload,
} from './errors.ts';
export type {
  ByteSource,
  Clock,
  FieldCheckAnswer,
  FieldChecks,
  Hasher,
  HashState,
  Random,
} from './ports.ts';

export {
  CheckNameSchema,
  FieldDefSchema,
  FieldRulesSchema,
  type FieldDef,
  type FieldRules,
} from './model/fields.ts';
export { MAX_OPTION_LENGTH } from './model/field-limits.ts';
export { distinctOptions, matchOption } from './validate/field-rules.ts';
export { FIELD_TYPES, type FieldType } from './model/field-types.ts';
export { BUILT_IN_FIELDS, customFieldId } from './model/built-in-fields.ts';
export {
  AddressBookSchema,
  FolderSchema,
  type AddressBook,
  type Folder,
} from './model/address-book.ts';
export {
  ContactSchema,
  MAX_VALUE_LENGTH,
  type Contact,
  type ContactOrigin,
  type Tombstone,
} from './model/contact.ts';
export {
  DATE_ORDERS,
  DEFAULT_BEHAVIOUR,
  DEFAULT_PARSE_OPTIONS,
  DELIMITER_CHOICES,
  EMPTY_PROFILE_STATE,
  ENCODINGS,
  type DateOrder,
  type Encoding,
} from './model/profile-constants.ts';
export {
  BehaviourOptionsSchema,
  KeyStrategySchema,
  MappingSchema,
  ParseOptionsSchema,
  ProfileInputSchema,
  ProfileSourceSchema,
  RemoteSourceSchema,
  DeviceSourceSchema,
  type BehaviourOptions,
  type ColumnMapping,
  type KeyStrategy,
  type Mapping,
  type ParseOptions,
  type ProfileInput,
  type ProfileSource,
  type RemoteSource,
  type DeviceSource,
  type ProfileState,
  type SyncProfile,
} from './model/profile.ts';
export {
  emptyCounts,
  startedRun,
  ISSUE_CODES,
  MAX_RECORDED_ISSUES,
  RUN_STATUSES,
  RUN_TRIGGERS,
  type IssueCode,
  type NotificationOutcome,
  type RowIssue,
  type RunCounts,
  type RunProgress,
  type RunRecord,
  type RunStage,
  type RunStatus,
  type RunTrigger,
} from './model/run.ts';

export {
  createDecoder,
  encodingFromBom,
  InvalidUtf8Error,
  sniffEncoding,
  type ConcreteEncoding,
} from './csv/decode.ts';
export {
  describeDelimiter,
  detectDelimiter,
  detectNewline,
  DETECTABLE_DELIMITERS,
} from './csv/detect.ts';
export { CsvRowReader, type RawRow } from './csv/row-reader.ts';
export { formatPhone } from './validate/format-phone.ts';
export { looksLikeWorkbook } from './workbook/looks-like-workbook.ts';
export {
  buildPreview,
  type ColumnSummary,
  type FilePreview,
  type PreviewOptions,
} from './csv/preview.ts';

export {
  columnLabel,
  suggestMapping,
  toMapping,
  type MappingSuggestion,
  type SuggestedColumn,
} from './mapping/suggest.ts';
export { mapColumn, setKeyStrategy, unmapColumn } from './mapping/edit.ts';
export { assertMappingUsable } from './mapping/validate-mapping.ts';
export { normaliseHeader } from './mapping/synonyms.ts';

export { normaliseEmail } from './validate/email.ts';
export { normalisePhone } from './validate/phone.ts';
export { normaliseDate } from './validate/date.ts';
export { normaliseNumber, normaliseUrl } from './validate/simple-types.ts';
export {
  compileRowContext,
  normaliseRow,
  type NormalisedRow,
  type RowContext,
} from './validate/normalise-row.ts';

export { KeyIndex, type KeyEntries } from './keys/key-index.ts';
export { KeyColumns } from './keys/key-columns.ts';
export { KeyTable, type KeyText } from './keys/key-table.ts';
export { hashSeed } from './keys/key-hash.ts';
export { generateKey } from './keys/generated-key.ts';

export { rowHash } from './plan/row-hash.ts';
export { isMassDeletion } from './plan/mass-delete-guard.ts';
export type {
  CreateSample,
  DeleteSample,
  FieldChange,
  PlanSamples,
  PlanSummary,
  UpdateSample,
} from './plan/plan-types.ts';

export {
  REMOTE_PROTOCOLS,
  remoteFileName,
  remoteUrlProblem,
  type RemoteProtocol,
} from './remote/remote-url.ts';
export {
  RangeSchema,
  RecurrenceSchema,
  ScheduleSchema,
  type Recurrence,
  type RecurrenceRange,
  type Schedule,
} from './schedule/schedule-model.ts';
export { WEEKDAYS, type Weekday } from './schedule/weekdays.ts';
export { dueRun, nextRuns, occurrences } from './schedule/occurrences.ts';
export {
  isScheduled,
  LATE_AFTER_MS,
  lateRunNotes,
  scheduleCursor,
} from './schedule/due-occurrence.ts';
export { toRRule } from './schedule/rrule.ts';
export { assertSchedulable } from './schedule/schedulable.ts';
export { isTimeZone, offsetAt, zonedDate, zonedInstant } from './schedule/zoned-time.ts';
export { type SyncTarget } from './run/sync-target.ts';
export { runImport, type ImportRunResult } from './run/run-import.ts';
export type { ImportRunOptions } from './run/import-run-options.ts';
export { fileChangedError } from './run/file-changed.ts';
export { scanSource, type ScanResult } from './run/scan-source.ts';
export {
  DeviceContactSchema,
  type DeviceContact,
  type PickedContact,
  type TypedValue,
} from './device/device-contact.ts';
export { pickedContacts } from './device/picked-contacts.ts';
export { deviceContactName } from './device/device-contact-name.ts';
export { isolateBidi, joinIsolated } from './model/isolate-bidi.ts';
export { DEVICE_MAPPING, deviceCsv, deviceKey, deviceRow } from './device/device-rows.ts';
export { parseVCard, readVCard, type VCardResult } from './vcard/parse-vcard.ts';

export type {
  ContactDocument,
  PullResult,
  PushRow,
  ReplicationMeta,
  PushResult,
  RecordCollection,
  RecordDocument,
} from './replication/replicated-document.ts';
export {
  decodeCheckpoint,
  encodeCheckpoint,
  isAfter,
  type Checkpoint,
} from './replication/checkpoint.ts';
export { decidePush, sameData, type PushDecision } from './replication/decide-push.ts';
export { resolveContactConflict, resolveRecordConflict } from './replication/resolve-conflict.ts';
export { neutraliseFormula } from './export/neutralise-formula.ts';
export {
  csvHeader,
  csvLines,
  exportedFields,
  type CsvExportOptions,
} from './export/contacts-csv.ts';
export { contactVCard } from './export/contacts-vcard.ts';
export { problemRowsCsv, type ProblemRows } from './export/problem-rows-csv.ts';
export {
  NOTE_CODES,
  REMOTE_UNCHANGED_NOTE,
  noteFields,
  runNote,
  runNotes,
  type NoteCode,
  type NoteCodeRecord,
  type RunNote,
} from './model/run-note.ts';
export type { ProblemRow } from './plan/planner.ts';
export type { ProblemRowSink } from './run/import-run-options.ts';
export { undoRecord, type UndoEffect } from './run/undo-record.ts';
