import {
  buildPreview,
  ContactSyncError,
  DEFAULT_PARSE_OPTIONS,
  ParseOptionsSchema,
  runImport,
  type ByteSource,
  type FilePreview,
  type ParseOptions,
  type PlanSummary,
  type RunProgress,
  type RunRecord,
  type RunTrigger,
  emptyCounts,
  remoteFileName,
  remoteUrlProblem,
} from '@contactsync/core';
import type { IDBPDatabase } from 'idb';
import type { WorkerContext } from './context.ts';
import type { ContactSyncDB } from '../store/schema.ts';
import { BookTarget } from '../store/book-target.ts';
import { blobSource } from '../platform/blob-source.ts';
import { digestPassword, sha256Hasher } from '../platform/sha256.ts';
import { requireBook } from './books.ts';
import { requireProfile } from './profiles.ts';
import { parseInput } from './parse-input.ts';
import { downloadRemote } from './remote-run.ts';
import { notifyAboutRun } from './notify-run.ts';
import { sealCredential } from './proxy-client.ts';

const blobName = (file: Blob) => (file instanceof File ? file.name : 'upload.csv');

const PREVIEW_BYTES = 1024 * 1024;
const PROGRESS_EVERY_MS = 100;

export interface RunRequest {
  readonly runId: string;
  /** The file for a local profile; remote profiles fetch theirs. */
  readonly file?: Blob;
  readonly fileName?: string;
  readonly trigger?: RunTrigger;
  readonly confirmMassDelete?: boolean;
}

export interface PlanResult {
  readonly record: RunRecord;
  readonly plan: PlanSummary | null;
}

/** The ports every run gets in the worker: native hashing, real clock and randomness. */
function engineDeps(ctx: WorkerContext, source: ByteSource) {
  return {
    source,
    hasher: sha256Hasher,
    clock: ctx.clock,
    random: ctx.random,
    newId: ctx.newId,
    digestPassword,
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
    request: Omit<RunRequest, 'runId'> & { runId: string; notes?: readonly string[] },
    signal: AbortSignal,
    onProgress?: (p: RunProgress) => void,
  ): Promise<RunRecord> {
    // Re-read under the lock: another tab may have changed the profile or book meanwhile.
    let fresh = await requireProfile(ctx, profileId);
    const book = await requireBook(ctx, fresh.bookId);
    const remote = fresh.source.kind === 'remote' ? fresh.source : null;
    const started: RunRecord = {
      id: request.runId,
      profileId,
      bookId: fresh.bookId,
      trigger: request.trigger ?? 'manual',
      status: 'running',
      startedAt: ctx.clock.now(),
      finishedAt: null,
      fileName: remote ? remoteFileName(remote.url) : (request.fileName ?? blobName(request.file!)),
      fingerprint: null,
      encoding: null,
      delimiter: null,
      counts: emptyCounts(),
      issues: [],
      issueCount: 0,
      error: null,
      notes: [...(request.notes ?? [])],
    };
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

    let source = request.file ? blobSource(request.file, started.fileName) : null;
    let sourceMeta: Record<string, unknown> | null = null;
    if (remote) {
      const outcome = await downloadRemote(ctx, fresh, remote, signal, report);
      if (outcome.kind === 'failed' || outcome.kind === 'unchanged') {
        const record: RunRecord = {
          ...started,
          status:
            outcome.kind === 'failed'
              ? outcome.error.code === 'aborted'
                ? 'cancelled'
                : 'failed'
              : 'unchanged',
          finishedAt: ctx.clock.now(),
          error: outcome.kind === 'failed' ? outcome.error.toJSON() : null,
          notes: [...started.notes, ...(outcome.kind === 'unchanged' ? [outcome.note] : [])],
        };
        await target.recordOutcome(record, {
          ...fresh.state,
          lastRunAt: ctx.clock.now(),
          lastStatus: record.status,
          lastSourceMeta:
            outcome.kind === 'unchanged' ? outcome.meta : (fresh.state.lastSourceMeta ?? null),
        });
        return finish(record);
      }
      fresh = outcome.profile;
      source = blobSource(outcome.blob, started.fileName);
      sourceMeta = outcome.meta;
    }
    const { record } = await runImport({
      ...engineDeps(ctx, source!),
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
      notes: request.notes ?? [],
    });
    return finish(record);
  };
}

export type Runner = ReturnType<typeof createRunner>;

/** Preview, dry run and real runs of an import profile. */
export function importOps(ctx: WorkerContext, runner: Runner) {
  const running = new Map<string, AbortController>();

  return {
    /** Reads the first megabyte: detected settings, first rows, column samples, suggested mapping. */
    async preview(
      bookId: string,
      file: Blob,
      parse: Partial<ParseOptions> = {},
    ): Promise<FilePreview> {
      const options = parseInput(
        ParseOptionsSchema,
        { ...DEFAULT_PARSE_OPTIONS, ...parse },
        'parse options',
      );
      const book = await requireBook(ctx, bookId);
      if (file.size === 0) throw new ContactSyncError('empty-file', 'The file is empty.');
      const head = new Uint8Array(await file.slice(0, PREVIEW_BYTES).arrayBuffer());
      return buildPreview(head, file.size <= PREVIEW_BYTES, {
        parse: options,
        fields: book.fields,
      });
    },

    /** The dry run: what a run would do, with nothing written. */
    async plan(profileId: string, file?: Blob, fileName?: string): Promise<PlanResult> {
      let profile = await requireProfile(ctx, profileId);
      const book = await requireBook(ctx, profile.bookId);
      const target = new BookTarget(
        await ctx.db(),
        profile.bookId,
        () => ctx.view(profile.bookId),
        ctx.newId,
      );
      let source = file ? blobSource(file, fileName ?? blobName(file)) : null;
      if (!source && profile.source.kind === 'remote') {
        // A review always looks at the current file, changed or not.
        const everyTime = {
          ...profile,
          behaviour: { ...profile.behaviour, importEveryTime: true },
        };
        const outcome = await downloadRemote(
          ctx,
          everyTime,
          profile.source,
          new AbortController().signal,
          () => undefined,
        );
        if (outcome.kind === 'failed') throw outcome.error;
        if (outcome.kind === 'downloaded') {
          profile = { ...outcome.profile, behaviour: profile.behaviour };
          source = blobSource(
            outcome.blob,
            remoteFileName(profile.source.kind === 'remote' ? profile.source.url : ''),
          );
        }
      }
      if (!source) throw new ContactSyncError('invalid-argument', 'Choose the file to review.');
      return runImport({
        ...engineDeps(ctx, source),
        runId: 'dry-run',
        trigger: 'manual',
        profile,
        book,
        target,
        dryRun: true,
        confirmMassDelete: false,
      });
    },

    /**
     * Imports for real: the given file for local profiles; for remote ones ("Import now" or a
     * schedule), the file the proxy fetches. Fails with "busy" if the book is being imported.
     */
    async run(
      profileId: string,
      request: RunRequest,
      onProgress?: (p: RunProgress) => void,
    ): Promise<RunRecord> {
      const profile = await requireProfile(ctx, profileId);
      if (profile.source.kind === 'local' && !request.file) {
        throw new ContactSyncError(
          'invalid-argument',
          'This import reads a file from your computer: choose the file to import.',
        );
      }
      const controller = new AbortController();
      running.set(request.runId, controller);
      try {
        return await ctx.writeBook(profile.bookId, 'brief', (db) =>
          runner(db, profileId, request, controller.signal, onProgress),
        );
      } finally {
        running.delete(request.runId);
      }
    },

    /** Seals a login for a remote profile through the proxy; store the token, not the password. */
    async sealCredential(input: {
      url: string;
      username: string;
      password: string;
      implicitTls?: boolean;
    }): Promise<string> {
      const problem = remoteUrlProblem(String(input?.url ?? ''));
      if (problem) throw new ContactSyncError('invalid-argument', problem);
      return sealCredential(ctx.proxy, input);
    },

    /** Stops a run; it ends as "cancelled" with nothing applied. */
    async cancel(runId: string): Promise<void> {
      running.get(runId)?.abort();
    },
  };
}
