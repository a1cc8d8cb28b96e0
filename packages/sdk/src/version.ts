/**
 * This SDK's version, the same in the client and the worker bundle: a cached worker of another
 * version is refused at start instead of answering calls it does not know. Kept equal to
 * package.json's version (a test checks).
 */
export const SDK_VERSION = '0.1.0';

/** The first message a client sends its worker: which database to open, and who is asking. */
export interface WorkerInit {
  readonly contactsync: 'init';
  readonly dbName: string;
  readonly version: string;
  /** The spreadsheet reader's URL, as the page's bundler placed it; absent from source. */
  readonly workbookUrl?: string;
}
