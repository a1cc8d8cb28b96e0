/**
 * Every failure ContactSync reports is a `ContactSyncError` with a stable `code`.
 * Expected problems inside a file (a bad email in row 7) are not errors: they are `RowIssue` data.
 */
export const ERROR_CODES = [
  'invalid-argument',
  'not-found',
  'not-csv',
  'empty-file',
  'parse-failed',
  'mapping-invalid',
  'columns-missing',
  'columns-changed',
  'file-changed',
  'key-strategy-conflict',
  'mass-delete-refused',
  'storage-full',
  'storage-failed',
  'database-outdated',
  'busy',
  'aborted',
  'interrupted',
  'source-failed',
  'consent-required',
  'undo-unavailable',
  'unsupported',
  'check-failed',
  'backend-unreachable',
  'backend-refused',
  'backend-failed',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** What crosses a worker or network boundary: plain data, rebuilt on the other side. */
export interface ErrorPayload {
  readonly code: ErrorCode;
  readonly message: string;
  readonly details?: Record<string, unknown>;
}

export class ContactSyncError extends Error {
  override readonly name = 'ContactSyncError';
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.code = code;
    this.details = details;
  }

  toJSON(): ErrorPayload {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }

  static fromPayload(payload: ErrorPayload): ContactSyncError {
    return new ContactSyncError(payload.code, payload.message, payload.details);
  }
}

export function isContactSyncError(value: unknown): value is ContactSyncError {
  return value instanceof ContactSyncError;
}

/** Wraps anything thrown into a ContactSyncError, keeping its message but never its stack. */
export function toContactSyncError(
  value: unknown,
  fallback: ErrorCode = 'internal',
): ContactSyncError {
  if (value instanceof ContactSyncError) return value;
  if (value instanceof Error) {
    if (value.name === 'AbortError')
      return new ContactSyncError('aborted', 'The run was cancelled.');
    if (value.name === 'QuotaExceededError') {
      return new ContactSyncError(
        'storage-full',
        'The browser has no room left to store contacts.',
      );
    }
    return new ContactSyncError(fallback, value.message);
  }
  return new ContactSyncError(fallback, String(value));
}

export function isErrorPayload(value: unknown): value is ErrorPayload {
  if (typeof value !== 'object' || value === null) return false;
  const { code, message } = value as Record<string, unknown>;
  return typeof message === 'string' && (ERROR_CODES as readonly unknown[]).includes(code);
}
