import { ContactSyncError } from '../errors.ts';
import type { ByteSource } from '../ports.ts';
import type { ParseOptions } from '../model/profile.ts';
import { createDecoder, type ConcreteEncoding } from '../csv/decode.ts';
import { detectDelimiter, detectNewline, type Newline } from '../csv/detect.ts';
import { CsvRowReader, type RawRow } from '../csv/row-reader.ts';
import { takeSepHint } from '../csv/sep-hint.ts';

export interface RowLayout {
  readonly delimiter: string;
  readonly delimiterDetected: boolean;
  readonly newline: Newline;
  /** Header cells, or null when the first line is data. */
  readonly headers: string[] | null;
  readonly columnCount: number;
}

export interface RowBatch {
  readonly layout: RowLayout;
  readonly rows: RawRow[];
  readonly bytesRead: number;
  /** Empty rows skipped so far (only delimiters, or blank lines between records). */
  readonly emptyRows: number;
}

/** Decoded text is parsed in pieces of about this many characters. */
const PARSE_CHARS = 2 * 1024 * 1024;
/** Enough text to guess the delimiter and line break. */
const SAMPLE_CHARS = 64 * 1024;

/**
 * Streams a source as batches of records: decode, detect the layout on the first text, read
 * the header, then hand out data rows. Memory stays bounded by the batch and chunk sizes.
 */
export async function* readRowBatches(
  source: ByteSource,
  encoding: ConcreteEncoding,
  parse: ParseOptions,
  signal: AbortSignal | undefined,
  strict = false,
): AsyncGenerator<RowBatch> {
  const decoder = createDecoder(encoding, strict);
  let text = '';
  let bytesRead = 0;
  let started: { reader: CsvRowReader; base: Omit<RowLayout, 'headers' | 'columnCount'> } | null =
    null;
  let layout: RowLayout | null = null;
  let pendingHeader = parse.header;

  /** Reads Excel's "sep=" line off the start of the text, once, before the layout is set. */
  let hinted: string | null = null;
  const dropSepLine = () => {
    const hint = takeSepHint(text);
    hinted = hint.delimiter;
    text = hint.text;
  };
  const start = (sample: string) => {
    const delimiter =
      parse.delimiter === 'auto' ? (hinted ?? detectDelimiter(sample)) : parse.delimiter;
    const newline = detectNewline(sample);
    return {
      reader: new CsvRowReader(delimiter, newline),
      base: { delimiter, delimiterDetected: parse.delimiter === 'auto', newline },
    };
  };
  const take = (rows: RawRow[], base: Omit<RowLayout, 'headers' | 'columnCount'>): RawRow[] => {
    if (layout === null && rows.length > 0) {
      const first = rows[0]!;
      const headers = pendingHeader ? first.fields.map((h) => h.trim()) : null;
      layout = { ...base, headers, columnCount: first.fields.length };
      if (pendingHeader) {
        pendingHeader = false;
        return rows.slice(1);
      }
    }
    return rows;
  };

  for await (const chunk of source.open(signal)) {
    signal?.throwIfAborted();
    bytesRead += chunk.length;
    const decoded = decoder.push(chunk);
    // The scan looked at the first bytes only; NUL characters anywhere mean binary data.
    if (decoded.includes('\0')) throw binaryData();
    text += decoded;
    if (started === null && text.length < SAMPLE_CHARS) continue;
    if (started === null) dropSepLine();
    started ??= start(text);
    if (text.length < PARSE_CHARS) continue;
    const rows = take(started.reader.push(text), started.base);
    text = '';
    if (rows.length > 0)
      yield { layout: layout!, rows, bytesRead, emptyRows: started.reader.emptyRows };
  }
  text += decoder.end();
  if (text.includes('\0')) throw binaryData();
  if (started === null) dropSepLine();
  started ??= start(text);
  const rows = take([...started.reader.push(text), ...started.reader.end()], started.base);
  yield {
    layout: layout ?? { ...started.base, headers: null, columnCount: 0 },
    rows,
    bytesRead,
    emptyRows: started.reader.emptyRows,
  };
}

const binaryData = () =>
  new ContactSyncError(
    'not-csv',
    'This file contains binary data (NUL bytes), so it is not a CSV file. Nothing was changed.',
  );
