import {
  buildPreview,
  ContactSyncError,
  DEFAULT_PARSE_OPTIONS,
  ParseOptionsSchema,
  runImport,
  type FilePreview,
  type ParseOptions,
  type ProblemRow,
  type ProblemRows,
  type ProblemRowSink,
  type RunProgress,
  type RunRecord,
  type ByteSource,
  remoteFileName,
  remoteUrlProblem,
  RemoteSourceSchema,
  type RemoteSource,
} from '@contactsync/core';
import type { WorkerContext } from './context.ts';
import type { ContactSyncEvent } from '../events.ts';
import { BookTarget } from '../store/book-target.ts';
import { workbookAsCsv } from '../platform/workbook-as-csv.ts';
import { readSlice } from '../platform/blob-source.ts';
import { requireBook } from './books.ts';
import { requireProfile } from './profiles.ts';
import { parseInput } from './parse-input.ts';
import { downloadRemote } from './remote-run.ts';
import { fetchRemote, hostKeyOf, sealCredential } from './proxy-client.ts';
import {
  blobName,
  engineDeps,
  readableSource,
  type Runner,
  type RunRequest,
} from './run-profile.ts';
import type { PlanResult } from '../api/import-types.ts';

const PREVIEW_BYTES = 1024 * 1024;

/** Preview, dry run and real runs of an import profile. */
export function importOps(ctx: WorkerContext, runner: Runner) {
  const running = new Map<string, AbortController>();
  /** Runs the backend is running for this tab ("Import now" with server imports). */
  const serverRuns = new Set<string>();

  /** A run with nothing written; `problemRows` also collects the rows with problems. */
  async function dryRun(
    profileId: string,
    file?: Blob,
    fileName?: string,
    problemRows?: ProblemRowSink,
  ): Promise<PlanResult> {
    let profile = await requireProfile(ctx, profileId);
    const book = await requireBook(ctx, profile.bookId);
    const target = new BookTarget(
      await ctx.db(),
      profile.bookId,
      () => ctx.view(profile.bookId),
      ctx.newId,
    );
    let source: ByteSource | null = null;
    if (file)
      ({ source, profile } = await readableSource(file, fileName ?? blobName(file), profile));
    // A problem report reads the file even when it is the one imported last.
    if (problemRows)
      profile = { ...profile, behaviour: { ...profile.behaviour, importEveryTime: true } };
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
        ({ source, profile } = await readableSource(
          outcome.blob,
          remoteFileName(profile.source.kind === 'remote' ? profile.source.url : ''),
          { ...outcome.profile, behaviour: profile.behaviour },
        ));
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
      ...(problemRows ? { problemRows } : {}),
    });
  }

  return {
    /** Reads the first megabyte: detected settings, first rows, column samples, suggested mapping. */
    async preview(
      bookId: string,
      file: Blob,
      parse: Partial<ParseOptions> = {},
      rowLimit?: number,
    ): Promise<FilePreview> {
      const options = parseInput(
        ParseOptionsSchema,
        { ...DEFAULT_PARSE_OPTIONS, ...parse },
        'parse options',
      );
      const book = await requireBook(ctx, bookId);
      if (file.size === 0) throw new ContactSyncError('empty-file', 'The file is empty.');
      const readable = await workbookAsCsv(file, options);
      const blob = readable.blob;
      const head = new Uint8Array(await readSlice(blob.slice(0, PREVIEW_BYTES)));
      const preview = buildPreview(head, blob.size <= PREVIEW_BYTES, {
        parse: readable.parse,
        fields: book.fields,
        // The first megabyte holds the rows shown; at most 1000 of them cross to the page.
        ...(rowLimit !== undefined ? { rowLimit: Math.max(0, Math.min(rowLimit, 1000)) } : {}),
      });
      return readable.workbook ? { ...preview, workbook: readable.workbook } : preview;
    },

    /** The dry run: what a run would do, with nothing written. */
    plan: (profileId: string, file?: Blob, fileName?: string): Promise<PlanResult> =>
      dryRun(profileId, file, fileName),

    /**
     * Every row of the file that a run would not import as it stands, with its cells (the
     * problem report). Reads the whole file; remote profiles fetch theirs when none is given.
     */
    async problemRows(profileId: string, file?: Blob, fileName?: string): Promise<ProblemRows> {
      let report: ProblemRows = { headers: null, columnCount: 0, blanked: [], rows: [] };
      const rows: ProblemRow[] = [];
      const { record } = await dryRun(profileId, file, fileName, {
        begin: (headers, columnCount, blanked) => {
          rows.length = 0;
          report = { headers, columnCount, blanked, rows };
        },
        add: (row) => rows.push(row),
      });
      if (record.status === 'failed' && record.error)
        throw ContactSyncError.fromPayload(record.error);
      return report;
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
      if (profile.source.kind !== 'remote' && !request.file) {
        throw new ContactSyncError(
          'invalid-argument',
          'This import reads a file from your computer: choose the file to import.',
        );
      }
      if (profile.source.kind === 'remote' && ctx.serverRun) {
        // The backend runs remote imports: its record arrives here through replication too.
        serverRuns.add(request.runId);
        const follow = (event: ContactSyncEvent) => {
          if (event.type === 'run-progress' && event.runId === request.runId)
            onProgress?.(event.progress);
        };
        ctx.progressListeners.add(follow);
        try {
          const record = await ctx.serverRun.start(
            profileId,
            request.runId,
            request.confirmMassDelete ?? false,
          );
          ctx.emit({ type: 'run-finished', run: record });
          return record;
        } finally {
          ctx.progressListeners.delete(follow);
          serverRuns.delete(request.runId);
        }
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

    /**
     * Downloads a remote file once, before a profile exists (the setup wizard's preview). Returns
     * the SFTP host key seen, so the profile can pin it.
     */
    async fetchRemoteFile(
      source: RemoteSource,
    ): Promise<{ blob: Blob; fileName: string; hostKey: string | null }> {
      const checked = parseInput(RemoteSourceSchema, source, 'remote source');
      const file = await fetchRemote(
        ctx.proxy,
        checked,
        null,
        new AbortController().signal,
        () => undefined,
      );
      if (file.notModified) throw new ContactSyncError('source-failed', 'The server sent no file.');
      const hostKey = hostKeyOf(file.meta);
      return { blob: file.blob, fileName: remoteFileName(checked.url), hostKey };
    },

    /** Stops a run; it ends as "cancelled" with nothing applied. */
    async cancel(runId: string): Promise<void> {
      running.get(runId)?.abort();
      if (serverRuns.has(runId)) await ctx.serverRun?.cancel(runId);
    },
  };
}
