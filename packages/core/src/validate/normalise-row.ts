import { MAX_VALUE_LENGTH } from '../model/contact.ts';
import type { FieldDef, FieldType } from '../model/fields.ts';
import type { Mapping, ParseOptions } from '../model/profile.ts';
import type { IssueCode, RowIssue } from '../model/run.ts';
import type { RawRow } from '../csv/row-reader.ts';
import { normaliseDate } from './date.ts';
import { listedOptions, matchOption } from './field-rules.ts';
import { normaliseEmail } from './email.ts';
import { isNationalForm, normalisePhone } from './phone.ts';
import { normaliseNumber, normaliseUrl } from './simple-types.ts';
import { quote, shown } from './shown-value.ts';

/** The mapping compiled against the address book's fields, ready to apply to each row. */
export interface RowContext {
  readonly columns: readonly { column: number; header: string; field: FieldDef }[];
  /** Null with generated keys. */
  readonly keyColumn: { column: number; header: string; caseInsensitive: boolean } | null;
  readonly expectedColumns: number;
  readonly parse: ParseOptions;
  /** The text was decoded leniently: U+FFFD marks bytes that could not be read. */
  readonly flagUnreadable: boolean;
}

export interface NormalisedRow {
  readonly row: number;
  /** The unique key, or null with generated keys or when it is missing (see issues). */
  readonly key: string | null;
  /** Non-empty values by field id; password fields are left out (see `passwords`). */
  readonly values: Record<string, string>;
  /** Plain-text passwords by field id; the planner turns them into digests. */
  readonly passwords: Record<string, string>;
  readonly issues: RowIssue[];
}

export function compileRowContext(
  mapping: Mapping,
  fields: readonly FieldDef[],
  parse: ParseOptions,
  expectedColumns: number,
  flagUnreadable = false,
): RowContext {
  const byId = new Map(fields.map((f) => [f.id, f]));
  const columns = mapping.columns.flatMap((c) => {
    const field = c.field === null ? undefined : byId.get(c.field);
    return field ? [{ column: c.column, header: c.header, field }] : [];
  });
  let keyColumn: RowContext['keyColumn'] = null;
  if (mapping.key.kind === 'column') {
    const column = mapping.key.column;
    const mapped = columns.find((c) => c.column === column);
    const header =
      mapping.columns.find((c) => c.column === column)?.header ?? `Column ${column + 1}`;
    keyColumn = { column, header, caseInsensitive: mapped?.field.type === 'email' };
  }
  return { columns, keyColumn, expectedColumns, parse, flagUnreadable };
}

const TYPE_CHECKS: Partial<
  Record<
    FieldType,
    { code: IssueCode; what: string; fn: (v: string, p: ParseOptions) => string | null }
  >
> = {
  email: { code: 'invalid-email', what: 'a valid email address', fn: (v) => normaliseEmail(v) },
  phone: {
    code: 'invalid-phone',
    what: 'a valid phone number',
    fn: (v, p) => normalisePhone(v, p.defaultRegion),
  },
  date: { code: 'invalid-date', what: 'a valid date', fn: (v, p) => normaliseDate(v, p.dateOrder) },
  number: { code: 'invalid-number', what: 'a number', fn: (v) => normaliseNumber(v) },
  url: { code: 'invalid-url', what: 'a web address', fn: (v) => normaliseUrl(v) },
};

function raggedIssue(raw: RawRow, expected: number): RowIssue | null {
  const n = raw.fields.length;
  if (n === expected) return null;
  // Trailing empty cells (a delimiter at the end of the line) are harmless.
  if (n > expected && raw.fields.slice(expected).every((f) => f.trim() === '')) return null;
  return {
    row: raw.row,
    column: null,
    code: 'ragged-row',
    message: `Row ${raw.row} has ${n} ${n === 1 ? 'column' : 'columns'} but the file has ${expected}; it was skipped. Check for an unquoted delimiter in a value.`,
    params: { found: n, expected },
  };
}

/** A cell no field can hold: too long, or with bytes the decoder could not read. */
function cellProblem(row: number, header: string, cell: string, ctx: RowContext): RowIssue | null {
  if (cell.length > MAX_VALUE_LENGTH) {
    return {
      row,
      column: header,
      code: 'value-too-long',
      message: `Row ${row}, column "${header}": the value is ${cell.length.toLocaleString('en-US')} characters long, more than the ${MAX_VALUE_LENGTH.toLocaleString('en-US')} a contact field can hold; the row was skipped.`,
      params: { length: cell.length, max: MAX_VALUE_LENGTH },
    };
  }
  if (ctx.flagUnreadable && cell.includes('\uFFFD')) {
    return {
      row,
      column: header,
      code: 'invalid-encoding',
      message: `Row ${row}, column "${header}": ${quote(cell)} holds bytes that are not valid UTF-8 (shown as �); the row was skipped so no contact gets garbled text. Fix the file's encoding in that row.`,
      params: { value: shown(cell) },
    };
  }
  return null;
}

/** Applies the mapping to one record: typed values, the key, and any problems found. */
export function normaliseRow(raw: RawRow, ctx: RowContext): NormalisedRow {
  const issues: RowIssue[] = [];
  const values: Record<string, string> = {};
  const passwords: Record<string, string> = {};
  const ragged = raggedIssue(raw, ctx.expectedColumns);
  if (ragged) issues.push(ragged);
  if (raw.malformedQuotes) {
    issues.push({
      row: raw.row,
      column: null,
      code: 'unbalanced-quote',
      message: `Row ${raw.row} has a malformed quote; it was skipped.`,
    });
  }
  for (const { column, header, field } of ctx.columns) {
    const cell = (raw.fields[column] ?? '').trim();
    if (cell === '') {
      if (field.required)
        issues.push({
          row: raw.row,
          column: header,
          code: 'missing-required',
          message: `Row ${raw.row}, column "${header}": the field "${field.label}" is required, but the cell is empty; the row was skipped.`,
          params: { field: field.label },
        });
      continue;
    }
    const problem = cellProblem(raw.row, header, cell, ctx);
    if (problem) {
      issues.push(problem);
      continue;
    }
    if (field.type === 'password') {
      passwords[field.id] = cell;
      continue;
    }
    if (field.options) {
      const option = matchOption(field.options, cell);
      if (option === null)
        issues.push({
          row: raw.row,
          column: header,
          code: 'not-an-option',
          message: `Row ${raw.row}, column "${header}": ${quote(cell)} is not one of the values allowed for "${field.label}" (${listedOptions(field)}); the row was skipped.`,
          params: { value: shown(cell), options: field.options.join('\n') },
        });
      else values[field.id] = option;
      continue;
    }
    const check = TYPE_CHECKS[field.type];
    if (!check) {
      values[field.id] = cell;
      continue;
    }
    const normalised = check.fn(cell, ctx.parse);
    if (normalised === null) {
      const regional = field.type === 'phone' && isNationalForm(cell);
      issues.push({
        row: raw.row,
        column: header,
        code: check.code,
        message: regional
          ? `Row ${raw.row}, column "${header}": ${quote(cell)} is not a phone number that exists in ${ctx.parse.defaultRegion}; if it is from another country, write it with its country code (+…).`
          : `Row ${raw.row}, column "${header}": ${quote(cell)} is not ${check.what}.`,
        params: regional
          ? { value: shown(cell), region: ctx.parse.defaultRegion }
          : { value: shown(cell) },
      });
    } else {
      values[field.id] = normalised;
    }
  }
  let key: string | null = null;
  if (ctx.keyColumn) {
    const cell = (raw.fields[ctx.keyColumn.column] ?? '').trim();
    if (cell === '') {
      issues.push({
        row: raw.row,
        column: ctx.keyColumn.header,
        code: 'missing-key',
        message: `Row ${raw.row} has no value in the unique key column "${ctx.keyColumn.header}"; it was skipped.`,
      });
    } else {
      key = ctx.keyColumn.caseInsensitive ? cell.toLowerCase() : cell;
    }
  }
  return { row: raw.row, key, values, passwords, issues };
}

/**
 * Cells are slices of the parser's large text chunks; a key kept for the whole run must not
 * pin its chunk in memory, so it is copied into a string of its own.
 */
function detached(value: string): string {
  return (' ' + value).slice(1);
}

/** The key alone, for rows whose content is known unchanged and need no other work. */
export function keyOf(raw: RawRow, ctx: RowContext): string | null {
  if (!ctx.keyColumn) return null;
  const cell = (raw.fields[ctx.keyColumn.column] ?? '').trim();
  if (cell === '') return null;
  return detached(ctx.keyColumn.caseInsensitive ? cell.toLowerCase() : cell);
}
