import Papa from 'papaparse';
import type { Contact } from '../model/contact.ts';
import type { FieldDef } from '../model/fields.ts';
import { neutraliseFormula } from './neutralise-formula.ts';

export interface CsvExportOptions {
  /** OWASP's guard against formulas in spreadsheets; default on. */
  readonly neutraliseFormulas?: boolean;
}

/** Fields a file may carry: every field but passwords (only their digests are stored). */
export const exportedFields = (fields: readonly FieldDef[]) =>
  fields.filter((f) => f.type !== 'password');

/** The header line, in the book's field order, with the labels a person (and the mapper) knows. */
export function csvHeader(fields: readonly FieldDef[]): string {
  return Papa.unparse([exportedFields(fields).map((f) => f.label)], { newline: '\r\n' }) + '\r\n';
}

/** Lines for a group of contacts, quoted as needed, ending with a line break. */
export function csvLines(
  contacts: readonly Contact[],
  fields: readonly FieldDef[],
  options: CsvExportOptions = {},
): string {
  if (contacts.length === 0) return '';
  const guard = options.neutraliseFormulas !== false;
  const columns = exportedFields(fields);
  const rows = contacts.map((c) =>
    columns.map((f) => {
      const value = c.values[f.id] ?? '';
      return guard ? neutraliseFormula(value) : value;
    }),
  );
  return Papa.unparse(rows, { newline: '\r\n', quotes: false }) + '\r\n';
}
