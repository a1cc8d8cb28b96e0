import type { Contact } from '@contactsync/core';

/* What hosts ask of a book's contacts, and what they get back (types only). */

/** Which contacts a query means: a folder, a text, a field that must have a value. */
export interface ContactFilter {
  /** A folder id; null for contacts in no folder; undefined for all. */
  readonly folderId?: string | null;
  /**
   * Case-insensitive text found in any value or the key; digits typed any way ("415 799 9999")
   * also find a phone number stored as "+14157999999".
   */
  readonly search?: string;
  /** Only contacts with a value in this field, e.g. "email" for a compose screen's recipients. */
  readonly withField?: string;
}

export interface ContactQuery extends ContactFilter {
  readonly offset?: number;
  readonly limit?: number;
  /**
   * "added" (default): the order contacts came in. "name": by the name a person sees (display
   * name, else first and last name, else email or phone), in the user's language's order.
   */
  readonly sort?: ContactSort;
  /**
   * A region (ISO 3166, e.g. "US") to word phone numbers for: the page's `display` then holds
   * each phone value as a person there writes it (national form for local numbers).
   */
  readonly phoneRegion?: string;
}

export type ContactSort = 'added' | 'name';

/**
 * What a recipient picker asks as a person types: the first contacts a filter matches, in the
 * order they came in. Nothing is counted, so the search stops as soon as it has them.
 */
export interface SuggestQuery extends ContactFilter {
  /** How many at most (default 8, at most 1,000). */
  readonly limit?: number;
}

export interface ContactPage {
  readonly items: Contact[];
  readonly total: number;
  /** The page size used: the query's `limit`, capped at MAX_PAGE (say so to page on). */
  readonly limit: number;
  /** With `phoneRegion`: by contact id and field, phone values as people there write them. */
  readonly display?: Record<string, Record<string, string>>;
}

/** A contact deleted on the web that imports keep out, as the "Deleted" list shows it. */
export interface DeletedContact {
  /** Its unique key in the book: what `restore` takes. */
  readonly key: string;
  /** The import (or phone source) that brought it in. */
  readonly sourceId: string;
  readonly deletedAt: number;
  /** The contact as it was; null for deletions recorded before version 0.2. */
  readonly contact: Contact | null;
}

export interface ExportOptions {
  readonly format: 'csv' | 'vcard';
  /** Only this folder (null: contacts in no folder). */
  readonly folderId?: string | null;
  /** Only contacts matching this text, as the contact list's search. */
  readonly search?: string;
  /**
   * CSV only: cells a spreadsheet would run as formulas get a leading apostrophe (OWASP's
   * CSV-injection guidance). Default true; false exports values exactly as stored.
   */
  readonly neutraliseFormulas?: boolean;
}
