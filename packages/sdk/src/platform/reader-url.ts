let given: string | null = null;

/** Where the client says the spreadsheet reader is (a bundler may have renamed or moved it). */
export function setReaderUrl(url: string | null): void {
  given = url;
}

/**
 * The bundled spreadsheet reader, a self-contained script: where the client said, else beside
 * this worker script. (From source, the core's workbook entry is imported directly.)
 */
export function readerUrl(): string {
  return given ?? new URL('./contactsync-workbook.js', import.meta.url).href;
}
