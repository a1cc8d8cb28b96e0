import { mostlyUtf8Bytes } from './utf8-evidence.ts';
import { takeSepHint } from './sep-hint.ts';
import { isContactSyncError } from '../errors.ts';
import type { FieldDef } from '../model/fields.ts';
import type { ParseOptions } from '../model/profile.ts';
import type { RowIssue } from '../model/run.ts';
import { columnLabel, suggestMapping, type MappingSuggestion } from '../mapping/suggest.ts';
import { createDecoder, ENCODING_LABELS, sniffEncoding, type ConcreteEncoding } from './decode.ts';
import { detectDelimiter, detectNewline } from './detect.ts';
import { CsvRowReader, type RawRow } from './row-reader.ts';

export interface ColumnSummary {
  readonly column: number;
  readonly label: string;
  /** Up to five distinct non-empty values from the sampled rows. */
  readonly samples: readonly string[];
  /** Sampled rows where this column is empty. */
  readonly empty: number;
}

export interface FilePreview {
  readonly encoding: ConcreteEncoding;
  /** Set when the encoding was not what a person would assume (a fallback). */
  readonly encodingNote: string | null;
  readonly delimiter: string;
  readonly delimiterDetected: boolean;
  readonly headers: string[] | null;
  readonly columnCount: number;
  /** The first data rows, as the file holds them. */
  readonly rows: readonly RawRow[];
  readonly columns: readonly ColumnSummary[];
  /** Data rows the column summaries are based on. */
  readonly sampledRows: number;
  /** True when the sample is the whole file. */
  readonly complete: boolean;
  readonly issues: readonly RowIssue[];
  readonly suggestion: MappingSuggestion;
  /** Set when the file is a workbook: its sheets, and the one shown (read as CSV). */
  readonly workbook?: { readonly sheets: readonly string[]; readonly sheet: string } | null;
}

export interface PreviewOptions {
  readonly parse: ParseOptions;
  readonly fields: readonly FieldDef[];
  /** Data rows to return in `rows`. */
  readonly rowLimit?: number;
}

function chooseEncoding(
  head: Uint8Array,
  parse: ParseOptions,
): { encoding: ConcreteEncoding; note: string | null } {
  const encoding = sniffEncoding(head, parse.encoding);
  if (encoding !== 'utf-8' || parse.encoding !== 'auto') return { encoding, note: null };
  if (isValidSoFar(head)) return { encoding, note: null };
  if (mostlyUtf8Bytes(head)) {
    return {
      encoding,
      note: 'Some bytes of the file are not valid UTF-8; rows with such characters (shown as �) will be skipped.',
    };
  }
  return {
    encoding: 'windows-1252',
    note: `The file is not valid UTF-8, so it is read as ${ENCODING_LABELS['windows-1252']}. If letters look wrong, choose the file's encoding (for example Windows-1257 for Latvian or Lithuanian, Windows-1250 for Polish or Czech, Windows-1251 for Cyrillic).`,
  };
}

/** A character cut at the end of the sample is not an error, hence `stream`. */
function isValidSoFar(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * A preview from the first bytes of a file: settings detected, first rows, per-column samples
 * and empty counts, structural problems, and a suggested mapping.
 */
export function buildPreview(
  head: Uint8Array,
  complete: boolean,
  options: PreviewOptions,
): FilePreview {
  const { parse, fields } = options;
  const rowLimit = options.rowLimit ?? 20;
  const { encoding, note } = chooseEncoding(head, parse);
  const decoder = createDecoder(encoding);
  let text = decoder.push(head);
  if (complete) text += decoder.end();
  else {
    // Drop the last, probably cut, line.
    const cut = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
    text = cut >= 0 ? text.slice(0, cut + 1) : text;
  }
  const hint = takeSepHint(text);
  text = hint.text;
  const delimiter =
    parse.delimiter === 'auto' ? (hint.delimiter ?? detectDelimiter(text)) : parse.delimiter;
  const reader = new CsvRowReader(delimiter, detectNewline(text));
  const issues: RowIssue[] = [];
  let records: RawRow[] = reader.push(text);
  try {
    records = records.concat(reader.end());
  } catch (error) {
    // In a cut sample an open quote may close later; in a whole file it is a real problem.
    if (!isContactSyncError(error)) throw error;
    if (complete) {
      const row = Number(error.details?.row ?? records.length + 1);
      issues.push({ row, column: null, code: 'unbalanced-quote', message: error.message });
    }
  }
  const headers =
    parse.header && records.length > 0 ? records[0]!.fields.map((h) => h.trim()) : null;
  const data = parse.header ? records.slice(1) : records;
  const columnCount = headers?.length ?? data[0]?.fields.length ?? 0;
  for (const r of data) {
    if (
      r.fields.length !== columnCount &&
      !(r.fields.length > columnCount && r.fields.slice(columnCount).every((f) => f.trim() === ''))
    ) {
      issues.push({
        row: r.row,
        column: null,
        code: 'ragged-row',
        message: `Row ${r.row} has ${r.fields.length} columns but the file has ${columnCount}.`,
        params: { found: r.fields.length, expected: columnCount },
      });
    }
    if (r.malformedQuotes) {
      issues.push({
        row: r.row,
        column: null,
        code: 'unbalanced-quote',
        message: `Row ${r.row} has a malformed quote.`,
      });
    }
  }
  const columns: ColumnSummary[] = [];
  for (let column = 0; column < columnCount; column++) {
    const samples = new Set<string>();
    let empty = 0;
    for (const r of data) {
      const cell = (r.fields[column] ?? '').trim();
      if (cell === '') empty++;
      else if (samples.size < 5) samples.add(cell);
    }
    columns.push({ column, label: columnLabel(headers, column), samples: [...samples], empty });
  }
  // Password cells are never shown, not even in a preview.
  const suggestion = suggestMapping(headers, columnCount, fields);
  const secret = new Set(
    suggestion.columns
      .filter((c) => fields.some((f) => f.id === c.field && f.type === 'password'))
      .map((c) => c.column),
  );
  const masked = (r: RawRow): RawRow =>
    secret.size === 0
      ? r
      : { ...r, fields: r.fields.map((f, i) => (secret.has(i) && f !== '' ? '••••••' : f)) };
  return {
    encoding,
    encodingNote: note,
    delimiter,
    delimiterDetected: parse.delimiter === 'auto',
    headers,
    columnCount,
    rows: data.slice(0, rowLimit).map(masked),
    columns: columns.map((c) =>
      secret.has(c.column) ? { ...c, samples: c.samples.length ? ['••••••'] : [] } : c,
    ),
    sampledRows: data.length,
    complete,
    issues,
    suggestion,
  };
}
