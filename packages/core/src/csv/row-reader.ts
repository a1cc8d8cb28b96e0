import Papa from 'papaparse';
import { ContactSyncError } from '../errors.ts';
import type { Newline } from './detect.ts';

/** A record as the file holds it; `row` is the 1-based record number (header = 1). */
export interface RawRow {
  readonly row: number;
  readonly fields: string[];
  /** Set when the record's quotes are malformed but it could still be read. */
  readonly malformedQuotes?: boolean;
}

/** A quoted value longer than this is almost surely an unbalanced quote swallowing the file. */
const MAX_PENDING_CHARS = 16 * 1024 * 1024;

/**
 * Incremental CSV reader on papaparse's low-level parser: feed decoded text in any chunk
 * sizes, get complete records back. Quoted fields may hold delimiters and line breaks.
 */
export class CsvRowReader {
  private readonly parser: Papa.Parser;
  private pending = '';
  /** Text pushed since the last parse, while a long record is pending. */
  private held: string[] = [];
  private heldChars = 0;
  private nextRow = 1;
  /** Blank lines seen since the last record; counted only once a record follows them. */
  private blankRun = 0;
  /**
   * Rows with nothing in them (only delimiters, as spreadsheets leave them, or blank lines
   * between records): skipped, never records, and counted here.
   */
  emptyRows = 0;

  constructor(delimiter: string, newline: Newline) {
    this.parser = new Papa.Parser({ delimiter, newline, quoteChar: '"' });
  }

  push(text: string): RawRow[] {
    this.held.push(text);
    this.heldChars += text.length;
    // A record longer than the pieces fed in is parsed again only once as much text again has
    // come: parsing it anew for every small piece would cost the square of its length.
    if (this.heldChars < this.pending.length) return [];
    return this.parseHeld();
  }

  /** Parses the pending record and the text held after it, up to the last complete record. */
  private parseHeld(): RawRow[] {
    const input = this.pending + this.held.join('');
    this.held = [];
    this.heldChars = 0;
    const result: Papa.ParseResult<string[]> = this.parser.parse(input, 0, true);
    this.pending = input.slice(result.meta.cursor);
    if (this.pending.length > MAX_PENDING_CHARS) {
      const row = this.nextRow + result.data.length;
      // Without a quote in it, the record is simply a line that never ends.
      if (!this.pending.includes('"'))
        throw new ContactSyncError(
          'parse-failed',
          `Row ${row} is longer than ${MAX_PENDING_CHARS / (1024 * 1024)} million characters and has no line break, so this is not a CSV file with one contact per line. Check that the file is a CSV export and that its line breaks were kept.`,
          { row, limit: MAX_PENDING_CHARS },
        );
      throw new ContactSyncError(
        'parse-failed',
        `Row ${this.nextRow + result.data.length} opens a quote that never closes, so the rest of the file cannot be read. Check the quotes in that row.`,
        { row: this.nextRow + result.data.length },
      );
    }
    return this.collect(result);
  }

  /** Flushes the last record; an unterminated quote there is fatal. */
  end(): RawRow[] {
    const rows = this.held.length > 0 ? this.parseHeld() : [];
    if (this.pending === '') return rows;
    const result: Papa.ParseResult<string[]> = this.parser.parse(this.pending, 0, false);
    this.pending = '';
    const missing = result.errors.find((e) => e.code === 'MissingQuotes');
    if (missing) {
      const row = this.nextRow + (missing.row ?? 0);
      throw new ContactSyncError(
        'parse-failed',
        `Row ${row} opens a quote that never closes, so the rest of the file cannot be read. Check the quotes in that row.`,
        { row },
      );
    }
    const last = this.collect(result);
    return rows.length > 0 ? [...rows, ...last] : last;
  }

  private collect(result: Papa.ParseResult<string[]>): RawRow[] {
    const malformed = new Set<number>();
    for (const error of result.errors) {
      if (error.code === 'InvalidQuotes' && error.row !== undefined) malformed.add(error.row);
    }
    const rows: RawRow[] = [];
    for (let i = 0; i < result.data.length; i++) {
      const fields = result.data[i]!;
      const row = this.nextRow++;
      // A blank line is not a record; blank lines at the very end are just the file ending.
      if (fields.length === 1 && fields[0] === '') {
        this.blankRun++;
        continue;
      }
      this.emptyRows += this.blankRun;
      this.blankRun = 0;
      if (fields.every((f) => f.trim() === '')) {
        this.emptyRows++;
        continue;
      }
      rows.push(malformed.has(i) ? { row, fields, malformedQuotes: true } : { row, fields });
    }
    return rows;
  }
}
