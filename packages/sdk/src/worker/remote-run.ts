import {
  ContactSyncError,
  REMOTE_UNCHANGED_NOTE,
  toContactSyncError,
  type RunNote,
  type RemoteSource,
  type RunProgress,
  type SyncProfile,
} from '@contactsync/core';
import type { WorkerContext } from './context.ts';
import { fetchRemote, hostKeyOf, type RemoteMeta } from './proxy-client.ts';

export type RemoteDownload =
  | {
      readonly kind: 'downloaded';
      readonly blob: Blob;
      readonly meta: RemoteMeta;
      readonly profile: SyncProfile;
    }
  | { readonly kind: 'unchanged'; readonly meta: RemoteMeta; readonly note: RunNote }
  | { readonly kind: 'failed'; readonly error: ContactSyncError };

/**
 * The download half of a remote run: skips a file the server reports unchanged (unless
 * "import every time"), pins an SFTP host key the first time one is seen, and turns every
 * failure into an outcome the history can record.
 */
export async function downloadRemote(
  ctx: WorkerContext,
  profile: SyncProfile,
  source: RemoteSource,
  signal: AbortSignal,
  onProgress: (progress: RunProgress) => void,
): Promise<RemoteDownload> {
  try {
    const since = profile.behaviour.importEveryTime ? null : (profile.state.lastSourceMeta ?? null);
    const file = await fetchRemote(ctx.proxy, source, since, signal, onProgress);
    if (file.notModified) {
      return {
        kind: 'unchanged',
        meta: file.meta,
        note: REMOTE_UNCHANGED_NOTE,
      };
    }
    let current = profile;
    const hostKey = hostKeyOf(file.meta);
    if (hostKey && source.hostKey === null) {
      // First contact: remember the server's key, so a different key later fails closed.
      current = { ...profile, source: { ...source, hostKey } };
      await (await ctx.db()).put('profiles', current);
      ctx.emit({ type: 'profiles-changed', bookId: profile.bookId });
    }
    return { kind: 'downloaded', blob: file.blob, meta: file.meta, profile: current };
  } catch (error) {
    return { kind: 'failed', error: toContactSyncError(error, 'source-failed') };
  }
}
