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
} from '@contactsync/core';
import type { WorkerContext } from './context.ts';
import { BookTarget } from '../store/book-target.ts';
import { blobSource } from '../platform/blob-source.ts';
import { digestPassword, sha256Hasher } from '../platform/sha256.ts';
import { requireBook } from './books.ts';
import { requireProfile } from './profiles.ts';
import { parseInput } from './parse-input.ts';

const PREVIEW_BYTES = 1024 * 1024;
const PROGRESS_EVERY_MS = 100;

export interface RunRequest {
  readonly runId: string;
  readonly file: Blob;
  readonly fileName?: string;
  readonly trigger?: RunTrigger;
  readonly confirmMassDelete?: boolean;
}

export interface PlanResult {
  readonly record: RunRecord;
  readonly plan: PlanSummary | null;
}

/** Preview, dry run and real runs of an import profile. */
export function importOps(ctx: WorkerContext) {
  const running = new Map<string, AbortController>();

  const common = (source: ByteSource) => ({
    source,
    hasher: sha256Hasher,
    clock: ctx.clock,
    random: ctx.random,
    newId: ctx.newId,
    digestPassword,
  });

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
    async plan(profileId: string, file: Blob, fileName?: string): Promise<PlanResult> {
      const profile = await requireProfile(ctx, profileId);
      const book = await requireBook(ctx, profile.bookId);
      const target = new BookTarget(await ctx.db(), await ctx.view(profile.bookId), ctx.newId);
      return runImport({
        ...common(blobSource(file, fileName)),
        runId: 'dry-run',
        trigger: 'manual',
        profile,
        book,
        target,
        dryRun: true,
        confirmMassDelete: false,
      });
    },

    /** Imports a file for real. Fails with "busy" if the book is already being imported. */
    async run(
      profileId: string,
      request: RunRequest,
      onProgress?: (p: RunProgress) => void,
    ): Promise<RunRecord> {
      const profile = await requireProfile(ctx, profileId);
      const controller = new AbortController();
      running.set(request.runId, controller);
      try {
        return await ctx.writeBook(profile.bookId, 'ifAvailable', async (db) => {
          // Re-read under the lock: another tab may have changed the profile or book meanwhile.
          const fresh = await requireProfile(ctx, profileId);
          const book = await requireBook(ctx, fresh.bookId);
          const source = blobSource(request.file, request.fileName);
          const started: RunRecord = {
            id: request.runId,
            profileId,
            bookId: fresh.bookId,
            trigger: request.trigger ?? 'manual',
            status: 'running',
            startedAt: ctx.clock.now(),
            finishedAt: null,
            fileName: source.name,
            fingerprint: null,
            encoding: null,
            delimiter: null,
            counts: emptyCounts(),
            issues: [],
            issueCount: 0,
            error: null,
            notes: [],
          };
          await db.put('runs', started);
          ctx.emit({ type: 'run-started', run: started });
          let last = 0;
          const { record } = await runImport({
            ...common(source),
            runId: request.runId,
            trigger: started.trigger,
            profile: fresh,
            book,
            target: new BookTarget(db, await ctx.view(fresh.bookId), ctx.newId),
            dryRun: false,
            confirmMassDelete: request.confirmMassDelete ?? false,
            signal: controller.signal,
            onProgress: (progress) => {
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
            },
          });
          ctx.emit({ type: 'run-finished', run: record });
          if (record.status === 'success' || record.status === 'warnings') {
            ctx.emit({ type: 'contacts-changed', bookId: fresh.bookId });
          }
          return record;
        });
      } finally {
        running.delete(request.runId);
      }
    },

    /** Stops a run; it ends as "cancelled" with nothing applied. */
    async cancel(runId: string): Promise<void> {
      running.get(runId)?.abort();
    },
  };
}
