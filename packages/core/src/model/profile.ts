import { z } from 'zod/mini';

import { DATE_ORDERS, ENCODINGS } from './profile-constants.ts';
import { remoteUrlProblem } from '../remote/remote-url.ts';
import { ScheduleSchema } from '../schedule/schedule-model.ts';

/** Any single character that cannot be confused with a quote or a line break. */
export const DelimiterSchema = z.string().check(
  z.refine((d) => d === 'auto' || (d.length === 1 && !'"\r\n'.includes(d)), {
    message: 'A delimiter is one character other than a quote or a line break, or "auto".',
  }),
);

export const ParseOptionsSchema = z.object({
  header: z.boolean(),
  delimiter: DelimiterSchema,
  encoding: z.enum(ENCODINGS),
  /** How to read dates written as 03/04/2020 or 03.04.2020. ISO dates are always understood. */
  dateOrder: z.enum(DATE_ORDERS),
  /** ISO 3166 region for phone numbers written without a country code, e.g. "US". */
  defaultRegion: z.string().check(z.regex(/^[A-Z]{2}$/)),
  /** A workbook's sheet to read (.xlsx, .xls, .ods); absent or null: the first sheet. */
  sheet: z.optional(z.nullable(z.string().check(z.minLength(1), z.maxLength(200)))),
});
export type ParseOptions = z.infer<typeof ParseOptionsSchema>;

export const BehaviourOptionsSchema = z.object({
  updateExisting: z.boolean(),
  deleteMissing: z.boolean(),
  importEveryTime: z.boolean(),
  /**
   * A mapped column missing from the file: 'stop' (the default) refuses the run; 'keep' imports
   * the rest and leaves those fields of existing contacts untouched. The key column always stops.
   */
  missingColumns: z.optional(z.enum(['stop', 'keep'])),
});
export type BehaviourOptions = z.infer<typeof BehaviourOptionsSchema>;

export const ColumnMappingSchema = z.object({
  /** Zero-based column index in the file. */
  column: z.number().check(z.int(), z.nonnegative()),
  /** The header text (or "Column N"), kept so a changed file layout can be noticed. */
  header: z.string(),
  /** Target field id, or null to ignore the column. */
  field: z.nullable(z.string()),
});
export type ColumnMapping = z.infer<typeof ColumnMappingSchema>;

export const KeyStrategySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('column'), column: z.number().check(z.int(), z.nonnegative()) }),
  z.object({ kind: z.literal('generated') }),
]);
export type KeyStrategy = z.infer<typeof KeyStrategySchema>;

export const MappingSchema = z.object({
  columns: z.array(ColumnMappingSchema),
  key: KeyStrategySchema,
});
export type Mapping = z.infer<typeof MappingSchema>;

export const LocalSourceSchema = z.object({
  kind: z.literal('local'),
  fileName: z.string(),
});

/** A file on a server, pulled through the fetch proxy. */
export const RemoteSourceSchema = z.object({
  kind: z.literal('remote'),
  url: z.string().check(
    z.refine((url) => remoteUrlProblem(url) === null, {
      error: (issue) => remoteUrlProblem(String(issue.input)) ?? 'Invalid address.',
    }),
  ),
  /** FTPS only: implicit TLS (usually port 990) instead of explicit AUTH TLS. */
  implicitTls: z.boolean(),
  /** The login sealed by the proxy (never the password itself), or null for none. */
  credential: z.nullable(z.string()),
  /** SFTP: the server's host key fingerprint, pinned at the first fetch. */
  hostKey: z.nullable(z.string()),
});

/**
 * A phone's address book (through the host app or the Contact Picker): snapshots are pushed
 * by the host, never fetched. Nothing is synced unless the user agreed (`enabled`).
 */
export const DeviceSourceSchema = z.object({
  kind: z.literal('device'),
  /** The source's name, e.g. "iOS"; its contacts land in the folder "From iOS". */
  device: z.string().check(z.minLength(1), z.maxLength(50)),
  enabled: z.boolean(),
  /** When the user last agreed, ms since the epoch; null before they ever did. */
  consentedAt: z.nullable(z.number()),
});

export const ProfileSourceSchema = z.discriminatedUnion('kind', [
  LocalSourceSchema,
  RemoteSourceSchema,
  DeviceSourceSchema,
]);
export type DeviceSource = z.infer<typeof DeviceSourceSchema>;
export type ProfileSource = z.infer<typeof ProfileSourceSchema>;
export type RemoteSource = z.infer<typeof RemoteSourceSchema>;

/** What the engine remembers between runs; hosts never write it. */
export const ProfileStateSchema = z.object({
  lastFingerprint: z.nullable(z.string()),
  lastConfigSignature: z.nullable(z.string()),
  lastRunAt: z.nullable(z.number()),
  lastStatus: z.nullable(z.string()),
  /** The last scheduled occurrence that was run (or deliberately passed over), ms since the epoch. */
  scheduleCursor: z.optional(z.nullable(z.number())),
  /** A scheduled occurrence whose run was interrupted and is being run again (at most once). */
  retriedOccurrence: z.optional(z.nullable(z.number())),
  /** What the proxy last reported about a remote file (ETag, size, mtime…), to skip it unchanged. */
  lastSourceMeta: z.optional(z.nullable(z.record(z.string(), z.unknown()))),
  /** How many columns the last applied file had; a header-less file must keep that count. */
  lastColumnCount: z.optional(z.nullable(z.number())),
});
export type ProfileState = z.infer<typeof ProfileStateSchema>;

export const ProfileInputSchema = z.object({
  name: z.string().check(z.minLength(1), z.maxLength(200)),
  bookId: z.string(),
  folderId: z.nullable(z.string()),
  source: ProfileSourceSchema,
  parse: ParseOptionsSchema,
  behaviour: BehaviourOptionsSchema,
  mapping: MappingSchema,
  notifyEmail: z.nullable(z.string().check(z.email())),
  /** Only remote profiles can be scheduled (see assertSchedulable). */
  schedule: z.optional(z.nullable(ScheduleSchema)),
  /** A paused schedule keeps its settings but starts no runs. */
  schedulePaused: z.optional(z.boolean()),
  /**
   * Made by a one-off import (`importFile`): kept as the record of where its contacts came
   * from, but not a saved import (not listed, not run again, never scheduled).
   */
  oneOff: z.optional(z.boolean()),
});
export type ProfileInput = z.infer<typeof ProfileInputSchema>;

export type SyncProfile = ProfileInput & {
  readonly id: string;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly state: ProfileState;
};
