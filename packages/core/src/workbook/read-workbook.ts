import { read, utils, type WorkBook } from '@e965/xlsx';
import { ContactSyncError } from '../errors.ts';

/** The sheets of a workbook, and the one read. */
export interface WorkbookInfo {
  readonly sheets: readonly string[];
  readonly sheet: string;
}

/**
 * One sheet of an Excel workbook (.xlsx, .xls) or an OpenDocument spreadsheet (.ods) as CSV
 * text (comma, quotes where needed, one line per row from the first used one, blank rows kept so
 * that row numbers match a sheet that starts at row 1), for the CSV pipeline. Cells are read as the spreadsheet shows them
 * (formatted values, formulas' results). `sheet` null: the first sheet.
 */
export function readWorkbook(
  bytes: Uint8Array,
  sheet: string | null = null,
): { csv: string; workbook: WorkbookInfo } {
  let book: WorkBook;
  try {
    // No formulas, styles or HTML: only what the cells show.
    book = read(bytes, { type: 'array', cellFormula: false, cellHTML: false, cellStyles: false });
  } catch {
    throw new ContactSyncError(
      'not-csv',
      'This file is a ZIP archive or a damaged workbook, not a spreadsheet that can be read. Save it again as .xlsx or as CSV and try again.',
      { format: 'zip' },
    );
  }
  const sheets = book.SheetNames;
  if (sheets.length === 0)
    throw new ContactSyncError('empty-file', 'The workbook has no sheets.', { format: 'xlsx' });
  const name = sheet ?? sheets[0]!;
  const found = book.Sheets[name];
  if (!sheets.includes(name) || !found) {
    throw new ContactSyncError(
      'not-found',
      `The workbook has no sheet “${name}” (it has ${sheets.map((s) => `“${s}”`).join(', ')}). Choose the sheet again.`,
      { sheet: name, sheets },
    );
  }
  // From the sheet's first used row: a header further down is still the first line.
  const csv = utils.sheet_to_csv(found, { FS: ',', RS: '\n', blankrows: true, strip: false });
  return { csv, workbook: { sheets, sheet: name } };
}
