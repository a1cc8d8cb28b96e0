import { ContactSyncError, looksLikeWorkbook, type ParseOptions } from '@contactsync/core';
import { readSlice } from './blob-source.ts';

/** A workbook's sheets and the one read; null for a CSV file. */
export type Workbook = { readonly sheets: readonly string[]; readonly sheet: string } | null;

/** What the CSV pipeline reads: the file itself, or a workbook's sheet as CSV. */
export interface ReadableFile {
  readonly blob: Blob;
  readonly parse: ParseOptions;
  readonly workbook: Workbook;
}

/**
 * The bundled reader is a script of its own, with its own copy of the error class: its errors
 * become this worker's, code and details kept.
 */
function ownError(error: unknown): unknown {
  const e = error as { name?: unknown; code?: unknown; message?: unknown; details?: unknown };
  if (e?.name !== 'ContactSyncError' || error instanceof ContactSyncError) return error;
  return new ContactSyncError(
    e.code as ContactSyncError['code'],
    String(e.message),
    e.details as Record<string, unknown> | undefined,
  );
}

/**
 * A CSV file as it is; a workbook (.xlsx, .xls, .ods) as the CSV of its chosen sheet, read as
 * UTF-8 with commas whatever the import's CSV settings say. The reader is a separate chunk
 * (`contactsync-workbook.js` beside the worker), loaded only when a workbook arrives.
 */
export async function workbookAsCsv(file: Blob, parse: ParseOptions): Promise<ReadableFile> {
  const head = new Uint8Array(await readSlice(file.slice(0, 4)));
  if (!looksLikeWorkbook(head)) return { blob: file, parse, workbook: null };
  let reader: typeof import('@contactsync/core/workbook');
  try {
    reader = await import('@contactsync/core/workbook');
  } catch {
    throw new ContactSyncError(
      'not-csv',
      'This file is a workbook, but the spreadsheet reader (contactsync-workbook.js, which must be served beside contactsync-worker.js) could not be loaded. Save the sheet as CSV, or ask the portal to serve that file.',
      { format: 'xlsx', reason: 'reader-unavailable' },
    );
  }
  let read: ReturnType<typeof reader.readWorkbook>;
  try {
    read = reader.readWorkbook(new Uint8Array(await readSlice(file)), parse.sheet ?? null);
  } catch (error) {
    throw ownError(error);
  }
  const { csv, workbook } = read;
  return {
    blob: new Blob([csv], { type: 'text/csv' }),
    parse: { ...parse, delimiter: ',', encoding: 'utf-8', sheet: workbook.sheet },
    workbook,
  };
}
