import { open, readFile, writeFile } from 'node:fs/promises';
import { looksLikeWorkbook, runNote, type RunNote, type SyncProfile } from '@contactsync/core';

/**
 * A downloaded workbook (.xlsx, .xls, .ods) as the CSV of its chosen sheet, written beside it,
 * read as UTF-8 with commas; a CSV file stays as it is. As in the browser, so one import behaves
 * the same wherever it runs. Throws the reader's ContactSyncError for a file it cannot read.
 */
export async function workbookFileAsCsv(
  path: string,
  profile: SyncProfile,
): Promise<{ path: string; profile: SyncProfile; notes: RunNote[] }> {
  const head = new Uint8Array(4);
  const handle = await open(path, 'r');
  try {
    await handle.read(head, 0, 4, 0);
  } finally {
    await handle.close();
  }
  if (!looksLikeWorkbook(head)) return { path, profile, notes: [] };
  const { readWorkbook } = await import('@contactsync/core/workbook');
  const { csv, workbook } = readWorkbook(await readFile(path), profile.parse.sheet ?? null);
  const csvPath = `${path}.csv`;
  await writeFile(csvPath, csv, 'utf8');
  return {
    path: csvPath,
    profile: {
      ...profile,
      parse: { ...profile.parse, delimiter: ',', encoding: 'utf-8', sheet: workbook.sheet },
    },
    notes: [
      runNote('workbook-sheet', `Read the sheet “${workbook.sheet}” of the workbook.`, {
        sheet: workbook.sheet,
      }),
    ],
  };
}
