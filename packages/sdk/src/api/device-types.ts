import type { DeviceContact, RunRecord } from '@contactsync/core';

/* The phone sync's state, preview and options (types only). */

/** What the phone sync of one address book looks like now. */
export interface DeviceSyncState {
  readonly bookId: string;
  readonly source: string;
  /** True once the user agreed and until they turn it off. */
  readonly enabled: boolean;
  /** When the user agreed; null if they never did. */
  readonly consentedAt: number | null;
  readonly folderId: string | null;
  /** The folder's name ("From iOS" unless chosen otherwise), for the UI to show. */
  readonly folderName: string | null;
  readonly profileId: string | null;
  readonly lastRun: RunRecord | null;
}

/** The only-new preview: what a sync would add, and what it would pass over. */
export interface DevicePreview {
  /** Contacts not yet in the folder and never deleted on the web, in snapshot order. */
  readonly newContacts: DeviceContact[];
  /** Already synced, changed on the phone since: updated by the next sync. */
  readonly changed: number;
  readonly unchanged: number;
  /** Deleted (or left out) on the web: never brought back. */
  readonly deletedOnWeb: number;
  /** Contacts of the snapshot that could not be read (no id, a value far too long…): left out. */
  readonly unreadable: number;
}

export interface DeviceOptions {
  /** The source's name ("iOS", "Android"…); its folder is "From <source>". */
  readonly source?: string;
  /** ISO region for phone numbers without a country code, e.g. "LV". */
  readonly region?: string;
  readonly folderName?: string;
}
