// A separate entry (`@contactsync/core/workbook`): the spreadsheet reader is large, so the
// browser loads it only when a workbook arrives; the CSV engine never imports it.
export { readWorkbook, type WorkbookInfo } from './read-workbook.ts';
