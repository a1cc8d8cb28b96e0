import { ContactSyncError } from '@contactsync/core';

const MB = 1024 * 1024;

/**
 * Refuses a run the browser has no room for, before anything is written. A store that hits the
 * disk limit mid-write can be lost whole by Chromium, so the check leaves a wide margin: twice
 * the file (new segments are written beside the old ones until the switch) and 16 MB more.
 */
export async function ensureSpace(fileBytes: number, reserveBytes = 0): Promise<void> {
  const estimate = await globalThis.navigator?.storage?.estimate?.().catch(() => null);
  if (!estimate?.quota || estimate.usage === undefined) return;
  const free = estimate.quota - estimate.usage;
  const needed = fileBytes * 2 + 16 * MB + reserveBytes;
  if (free >= needed) return;
  throw new ContactSyncError(
    'storage-full',
    `The browser has about ${Math.max(0, Math.floor(free / MB))} MB left for this site, and importing this file needs about ${Math.ceil(needed / MB)} MB. Nothing was changed. Free some disk space (or delete address books you no longer need) and try again.`,
    { free, needed },
  );
}
