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

/** Bytes decoded at a time: their text stays below V8's large-object size (128 KB). */
const DECODE_BYTES = 32 * 1024;
/** Rows handed out together (a batch is planned in slices, and staged as it is planned). */
const BATCH_ROWS = 16384;
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

  let rows: RawRow[] = [];
  for await (const chunk of source.open(signal)) {
    signal?.throwIfAborted();
    // Decoded and parsed piece by piece: text of a whole slice (8 MiB) is one string too large
    // for V8's young generation, garbage that only a full collection takes back.
    for (let at = 0; at < chunk.length; at += DECODE_BYTES) {
      const piece = chunk.subarray(at, at + DECODE_BYTES);
      bytesRead += piece.length;
      const decoded = decoder.push(piece);
      // The scan looked at the first bytes only; NUL characters anywhere mean binary data.
      if (decoded.includes('\0')) throw binaryData();
      text += decoded;
      if (started === null && text.length < SAMPLE_CHARS) continue;
      if (started === null) dropSepLine();
      started ??= start(text);
      for (const row of take(started.reader.push(text), started.base)) rows.push(row);
      text = '';
      if (rows.length < BATCH_ROWS) continue;
      yield { layout: layout!, rows, bytesRead, emptyRows: started.reader.emptyRows };
      rows = [];
    }
  }
  text += decoder.end();
  if (text.includes('\0')) throw binaryData();
  if (started === null) dropSepLine();
  started ??= start(text);
  for (const row of take([...started.reader.push(text), ...started.reader.end()], started.base))
    rows.push(row);
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
