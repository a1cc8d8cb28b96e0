import { ensureSpace } from '../platform/storage-space.ts';
import {
  remoteFileName,
  startedRun,
  runImport,
  type ByteSource,
  type RunProgress,
  type RunRecord,
  type RunTrigger,
  noteFields,
  runNotes,
  type RunNote,
  type RunStatus,
  ContactSyncError,
  runNote,
  toContactSyncError,
  type SyncProfile,
} from '@contactsync/core';
import type { IDBPDatabase } from 'idb';
import type { WorkerContext } from './context.ts';
import type { ContactSyncDB } from '../store/schema.ts';
import { BookTarget } from '../store/book-target.ts';
import { blobSource } from '../platform/blob-source.ts';
import { workbookAsCsv } from '../platform/workbook-as-csv.ts';
import { digestPassword, sha256Hasher } from '../platform/sha256.ts';
import { requireBook } from './books.ts';
import { requireProfile } from './profiles.ts';
import { downloadRemote } from './remote-run.ts';
import type { RemoteMeta } from './proxy-client.ts';
import { notifyAboutRun } from './notify-run.ts';

export const blobName = (file: Blob) => (file instanceof File ? file.name : 'upload.csv');

/**
 * The bytes a run reads and the profile it reads them with: a workbook's sheet becomes CSV (and
 * the history says which sheet); a CSV file is read as it is.
 */
export async function readableSource(
  blob: Blob,
  name: string,
  profile: SyncProfile,
): Promise<{ source: ByteSource; profile: SyncProfile; notes: RunNote[] }> {
  const readable = await workbookAsCsv(blob, profile.parse);
  return {
    source: blobSource(readable.blob, name),
    profile: readable.workbook ? { ...profile, parse: readable.parse } : profile,
    notes: readable.workbook
      ? [
          runNote(
            'workbook-sheet',
            `Read the sheet “${readable.workbook.sheet}” of the workbook.`,
            {
              sheet: readable.workbook.sheet,
            },
          ),
        ]
      : [],
  };
}

/** Progress is told to other tabs at most this often. */
const PROGRESS_EVERY_MS = 100;

export interface RunRequest {
  readonly runId: string;
  /** The file for a local profile; remote profiles fetch theirs. */
  readonly file?: Blob;
  readonly fileName?: string;
  readonly trigger?: RunTrigger;
  readonly confirmMassDelete?: boolean;
}

/** The ports every run gets in the worker: native hashing, real clock and randomness. */
export function engineDeps(ctx: WorkerContext, source: ByteSource) {
  return {
    source,
    hasher: sha256Hasher,
    clock: ctx.clock,
    random: ctx.random,
    newId: ctx.newId,
    digestPassword,
    ...(ctx.fieldChecks ? { fieldChecks: ctx.fieldChecks } : {}),
  };
}

/**
 * One run of a profile, for a caller that already holds the book's lock (a manual run, or the
 * scheduler deciding under the lock that an occurrence is due).
 */
export function createRunner(ctx: WorkerContext) {
  return async function runHoldingLock(
    db: IDBPDatabase<ContactSyncDB>,
    profileId: string,
    request: Omit<RunRequest, 'runId'> & { runId: string; notes?: readonly RunNote[] },
    signal: AbortSignal,
    onProgress?: (p: RunProgress) => void,
  ): Promise<RunRecord> {
    // Re-read under the lock: another tab may have changed the profile or book meanwhile.
    let fresh = await requireProfile(ctx, profileId);
    const book = await requireBook(ctx, fresh.bookId);
    const remote = fresh.source.kind === 'remote' ? fresh.source : null;
    const started = startedRun({
      id: request.runId,
      profileId,
      bookId: fresh.bookId,
      trigger: request.trigger ?? 'manual',
      startedAt: ctx.clock.now(),
      fileName: remote ? remoteFileName(remote.url) : (request.fileName ?? blobName(request.file!)),
      notes: request.notes,
    });
    await db.put('runs', started);
    ctx.emit({ type: 'run-started', run: started });
    let last = 0;
    const report = (progress: RunProgress) => {
      onProgress?.(progress);
      const now = performance.now();
      if (now - last < PROGRESS_EVERY_MS) return;
      last = now;
      ctx.emit({
        type: 'run-progress',
        runId: request.runId,
        profileId,
        bookId: fresh.bookId,
        progress,
      });
    };
    const target = new BookTarget(db, fresh.bookId, () => ctx.view(fresh.bookId), ctx.newId);
    const finish = (record: RunRecord) => {
      ctx.emit({ type: 'run-finished', run: record });
      void notifyAboutRun(ctx, fresh, record);
      if (record.status === 'success' || record.status === 'warnings') {
        ctx.emit({ type: 'contacts-changed', bookId: fresh.bookId });
      }
      return record;
    };

    /** A run that ends before any row is read: the download failed or was not needed, or the workbook is unreadable. */
    const endEarly = async (
      status: RunStatus,
      error: ContactSyncError | null,
      unchanged?: { note: RunNote; meta: RemoteMeta },
    ) => {
      const record: RunRecord = {
        ...started,
        status,
        finishedAt: ctx.clock.now(),
        error: error?.toJSON() ?? null,
        ...noteFields([...runNotes(started), ...(unchanged ? [unchanged.note] : [])]),
      };
      await target.recordOutcome(record, {
        ...fresh.state,
        lastRunAt: ctx.clock.now(),
        lastStatus: status,
        lastSourceMeta: unchanged?.meta ?? fresh.state.lastSourceMeta ?? null,
      });
      return finish(record);
    };

    let sourceMeta: Record<string, unknown> | null = null;
    let blob = request.file ?? null;
    if (remote) {
      const outcome = await downloadRemote(ctx, fresh, remote, signal, report);
      if (outcome.kind === 'failed')
        return endEarly(outcome.error.code === 'aborted' ? 'cancelled' : 'failed', outcome.error);
      if (outcome.kind === 'unchanged') return endEarly('unchanged', null, outcome);
      fresh = outcome.profile;
      sourceMeta = outcome.meta;
      blob = outcome.blob;
    }
    let readable: Awaited<ReturnType<typeof readableSource>>;
    try {
      readable = await readableSource(blob!, started.fileName, fresh);
    } catch (error) {
      // A workbook that cannot be read fails like a file that is not CSV: in the history.
      return endEarly('failed', toContactSyncError(error));
    }
    fresh = readable.profile;
    const { record } = await runImport({
      ...engineDeps(ctx, readable.source),
      runId: request.runId,
      trigger: started.trigger,
      profile: fresh,
      book,
      target,
      dryRun: false,
      confirmMassDelete: request.confirmMassDelete ?? false,
      signal,
      onProgress: report,
      sourceMeta,
      notes: [...(request.notes ?? []), ...readable.notes],
      ensureSpace: (bytes) => ensureSpace(bytes, ctx.storageReserveBytes),
    });
    return finish(record);
  };
}

export type Runner = ReturnType<typeof createRunner>;
