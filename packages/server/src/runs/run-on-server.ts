import { mkdtemp, rm, stat } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import {
  ContactSyncError,
  remoteFileName,
  runImport,
  startedRun,
  toContactSyncError,
  type AddressBook,
  type RunProgress,
  type RunRecord,
  type RunTrigger,
  type SyncProfile,
  noteFields,
  REMOTE_UNCHANGED_NOTE,
  runNotes,
  type RunNote,
  type RunStatus,
  type ErrorPayload,
} from '@contactsync/core';
import type { FetchOutcome, RemoteFileRequest } from '@contactsync/proxy';
import type { Kysely } from 'kysely';
import { contactPasswordDigest } from '../contact-passwords.ts';
import type { ServerDatabase } from '../db/schema.ts';
import { fileSource, newId, nodeHasher, nodeRandom } from './node-ports.ts';
import { putRecords, readRecord } from './server-records.ts';
import { SqlBookTarget } from './sql-book-target.ts';
import { workbookFileAsCsv } from './workbook-file.ts';

export interface ServerRunDeps {
  readonly db: Kysely<ServerDatabase>;
  readonly fetchFile: (request: RemoteFileRequest) => Promise<FetchOutcome>;
  readonly now: () => number;
  /** Told which of a user's collections changed (the live stream). */
  readonly changed: (userId: string, collections: readonly string[]) => void;
  /** How often a live run renews its heartbeat. */
  readonly heartbeatMs: number;
}

export interface ServerRunRequest {
  /** Chosen by the caller (a browser's "Import now"), so it can follow and cancel the run. */
  readonly runId?: string;
  readonly trigger: RunTrigger;
  readonly onProgress?: (progress: RunProgress) => void;
  readonly notes?: readonly RunNote[];
  readonly confirmMassDelete?: boolean;
  readonly signal?: AbortSignal;
}

/**
 * One import of a remote profile by the server: the same core run as in the browser, over SQL,
 * with the proxy's fetchers as a library. Whatever happens, the book is fully updated or left
 * as it was, and the run record (replicated to every browser) says which and why.
 */
export async function runOnServer(
  deps: ServerRunDeps,
  userId: string,
  profileId: string,
  request: ServerRunRequest,
): Promise<{ record: RunRecord; profile: SyncProfile }> {
  const { db } = deps;
  const stored = (await readRecord<SyncProfile>(db, userId, 'profiles', profileId))?.data;
  if (!stored) throw new ContactSyncError('not-found', 'This import does not exist.');
  let profile: SyncProfile = stored;
  const source = profile.source;
  if (source.kind !== 'remote')
    throw new ContactSyncError(
      'invalid-argument',
      'Only imports of a file on a server run on the server; a file on a computer runs in its browser.',
    );
  const book = (await readRecord<AddressBook>(db, userId, 'books', profile.bookId))?.data;
  if (!book) throw new ContactSyncError('not-found', 'The address book of this import is gone.');

  const runId = request.runId ?? newId();
  const started = startedRun({
    id: runId,
    profileId,
    bookId: profile.bookId,
    trigger: request.trigger,
    startedAt: deps.now(),
    fileName: remoteFileName(source.url),
    notes: request.notes,
  });
  await db
    .insertInto('server_runs')
    .values({
      id: runId,
      user_id: userId,
      profile_id: profileId,
      book_id: profile.bookId,
      started_at: started.startedAt,
      record_json: JSON.stringify(started),
      heartbeat_at: deps.now(),
    })
    .execute();
  const heartbeat = setInterval(
    () =>
      void db
        .updateTable('server_runs')
        .set({ heartbeat_at: deps.now() })
        .where('id', '=', runId)
        .execute()
        .catch(() => undefined),
    deps.heartbeatMs,
  );
  const target = new SqlBookTarget(db, userId, profile.bookId, runId, deps.now, (c) =>
    deps.changed(userId, c),
  );
  /** A run that ends before any row is read: download failed or unchanged, workbook unreadable. */
  const endEarly = async (
    status: RunStatus,
    error: ErrorPayload | null,
    unchangedMeta?: Record<string, unknown>,
  ) => {
    const record: RunRecord = {
      ...started,
      status,
      finishedAt: deps.now(),
      error,
      ...(unchangedMeta ? noteFields([...runNotes(started), REMOTE_UNCHANGED_NOTE]) : {}),
    };
    await target.recordOutcome(record, {
      ...profile.state,
      lastRunAt: deps.now(),
      lastStatus: status,
      ...(unchangedMeta ? { lastSourceMeta: unchangedMeta } : {}),
    });
    return { record, profile };
  };
  const dir = await mkdtemp(join(tmpdir(), 'contactsync-run-'));
  try {
    const signal = request.signal ?? new AbortController().signal;
    let outcome: FetchOutcome;
    try {
      const since = profile.behaviour.importEveryTime
        ? null
        : (profile.state.lastSourceMeta ?? null);
      outcome = await deps.fetchFile({
        url: source.url,
        implicitTls: source.implicitTls,
        credential: source.credential,
        hostKey: source.hostKey,
        since: since as RemoteFileRequest['since'],
        signal,
      });
    } catch (error) {
      const failure = toContactSyncError(error, 'source-failed');
      // The fetchers' own code (login-failed, not-found, timeout…), as browsers' runs carry it.
      const proxyCode =
        (error as { name?: unknown }).name === 'ProxyError'
          ? String((error as { code: unknown }).code)
          : undefined;
      return endEarly(failure.code === 'aborted' ? 'cancelled' : 'failed', {
        code: 'source-failed',
        message: failure.message,
        ...(proxyCode ? { details: { proxyCode } } : {}),
      });
    }
    if (outcome.notModified) return endEarly('unchanged', null, { ...outcome.meta });
    if (outcome.meta.hostKey && source.hostKey === null) {
      // First contact: pin the server's key, so a different key later fails closed.
      profile = { ...profile, source: { ...source, hostKey: outcome.meta.hostKey } };
      await putRecords(db, userId, 'profiles', [{ id: profile.id, data: profile }], deps.now());
    }
    const downloaded = join(dir, 'file');
    await pipeline(outcome.body, createWriteStream(downloaded));
    let readable: Awaited<ReturnType<typeof workbookFileAsCsv>>;
    try {
      readable = await workbookFileAsCsv(downloaded, profile);
    } catch (error) {
      // A workbook that cannot be read fails like a file that is not CSV: in the history.
      return endEarly('failed', toContactSyncError(error).toJSON());
    }
    const { path } = readable;
    const { size } = await stat(path);
    const { record } = await runImport({
      runId,
      trigger: request.trigger,
      profile: readable.profile,
      book,
      source: fileSource(path, started.fileName, size),
      dryRun: false,
      confirmMassDelete: request.confirmMassDelete ?? false,
      target,
      hasher: nodeHasher,
      clock: { now: deps.now },
      random: nodeRandom,
      newId,
      digestPassword: contactPasswordDigest,
      signal,
      onProgress: request.onProgress,
      sourceMeta: outcome.meta as unknown as Record<string, unknown>,
      notes: [...(request.notes ?? []), ...readable.notes],
    });
    return { record, profile };
  } finally {
    clearInterval(heartbeat);
    await db.deleteFrom('server_runs').where('id', '=', runId).execute();
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Runs whose process died (no heartbeat for `staleAfterMs`): their staged contacts are dropped
 * (the book was never touched) and their record says "interrupted".
 */
export async function recoverDeadRuns(
  deps: ServerRunDeps,
  staleAfterMs: number,
): Promise<RunRecord[]> {
  const { db } = deps;
  const dead = await db
    .selectFrom('server_runs')
    .selectAll()
    .where('heartbeat_at', '<', deps.now() - staleAfterMs)
    .execute();
  const records: RunRecord[] = [];
  for (const run of dead) {
    const started = JSON.parse(run.record_json) as RunRecord;
    const record: RunRecord = {
      ...started,
      status: 'interrupted',
      finishedAt: deps.now(),
      error: {
        code: 'interrupted',
        message:
          'The server stopped while this import ran. Nothing was changed; it runs again at its next time, or use "Import now".',
      },
    };
    await db.deleteFrom('staged_contacts').where('run_id', '=', run.id).execute();
    await putRecords(db, run.user_id, 'runs', [{ id: run.id, data: record }], deps.now());
    await db.deleteFrom('server_runs').where('id', '=', run.id).execute();
    deps.changed(run.user_id, ['runs']);
    records.push(record);
  }
  return records;
}
