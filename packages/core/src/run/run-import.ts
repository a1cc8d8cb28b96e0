import { ContactSyncError, toContactSyncError } from '../errors.ts';
import type { ByteSource, Clock, FieldChecks, Hasher, Random } from '../ports.ts';
import type { AddressBook } from '../model/address-book.ts';
import type { ProfileState, SyncProfile } from '../model/profile.ts';
import type { RunProgress, RunRecord, RunStatus, RunTrigger } from '../model/run.ts';
import { emptyCounts } from '../model/run.ts';
import { noteFields, runNote, type RunNote } from '../model/run-note.ts';
import { ENCODING_LABELS, InvalidUtf8Error, type ConcreteEncoding } from '../csv/decode.ts';
import { mostlyUtf8 } from '../csv/utf8-evidence.ts';
import { fileChangedError } from './file-changed.ts';
import { assertMappingUsable } from '../mapping/validate-mapping.ts';
import { resolveColumns } from '../mapping/resolve-columns.ts';
import { compileRowContext } from '../validate/normalise-row.ts';
import { Planner, type PlannedBatch, type ProblemRow } from '../plan/planner.ts';
import { assertEveryRowCounted } from '../plan/row-accounting.ts';
import type { PlanSummary } from '../plan/plan-types.ts';
import { configSignature } from './config-signature.ts';
import { readRowBatches } from './read-rows.ts';
import { scanSource } from './scan-source.ts';
import type { SyncTarget } from './sync-target.ts';

export interface ImportRunOptions {
  readonly runId: string;
  readonly trigger: RunTrigger;
  readonly profile: SyncProfile;
  readonly book: AddressBook;
  readonly source: ByteSource;
  /** Plan only: nothing is written, not even the history. */
  readonly dryRun: boolean;
  /** A manual run may pass the mass-deletion guard once the user confirmed; scheduled runs never. */
  readonly confirmMassDelete: boolean;
  readonly target: SyncTarget;
  readonly hasher: Hasher;
  readonly clock: Clock;
  readonly random: Random;
  readonly newId: () => string;
  readonly digestPassword: (contactId: string, plain: string) => string;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: RunProgress) => void;
  /** What the proxy reported about a remote file; remembered only when the run applies. */
  readonly sourceMeta?: Record<string, unknown> | null;
  /** Remarks known before the run starts, e.g. why a scheduled run is late. */
  readonly notes?: readonly RunNote[];
  /**
   * Throws (e.g. `storage-full`) when the store has no room for a file of this many bytes;
   * asked once the file's size is known and before anything is written.
   */
  readonly ensureSpace?: (fileBytes: number) => Promise<void>;
  /** Told of every row with a problem, with its cells (the problem report). */
  readonly problemRows?: ProblemRowSink;
  /** The host's checks that the book's fields name (`FieldDef.check`). */
  readonly fieldChecks?: FieldChecks;
}

/** Collects problem rows; `begin` starts each pass over the file (a second pass starts over). */
export interface ProblemRowSink {
  /** `blanked`: the columns mapped to password fields, never written to a report. */
  begin(headers: readonly string[] | null, columnCount: number, blanked: number[]): void;
  add(row: ProblemRow): void;
}

export interface ImportRunResult {
  readonly record: RunRecord;
  /** The dry run's (or real run's) classification; null when the file was never planned. */
  readonly plan: PlanSummary | null;
}

function massDeletionMessage(plan: PlanSummary, trigger: RunTrigger): string {
  const pct = Math.round((plan.matchedExisting / plan.existing) * 100);
  const way =
    trigger === 'manual'
      ? 'If this is intended, confirm the deletion, turn off "Delete contacts not found in the file", or delete the contacts by hand first.'
      : 'Scheduled imports never delete this much. If this is intended, turn off "Delete contacts not found in the file" or delete the contacts by hand, then import again.';
  return `The file holds only ${plan.matchedExisting} of the ${plan.existing} contacts this import manages (${pct}%), so importing it would delete ${plan.counts.deleted} contacts. It was refused to prevent an accidental mass deletion. ${way}`;
}

/**
 * One import, end to end: decode → parse → map → validate → plan → apply → record.
 * Whatever happens, the address book is either fully updated or left as it was, and the
 * returned record says which and why.
 */
export async function runImport(o: ImportRunOptions): Promise<ImportRunResult> {
  const { profile, book, target, signal } = o;
  const startedAt = o.clock.now();
  const notes: RunNote[] = [...(o.notes ?? [])];
  let fingerprint: string | null = null;
  let encoding: string | null = null;
  let delimiter: string | null = null;
  let plan: PlanSummary | null = null;
  let signature: string | null = null;
  let columnCount: number | null = null;
  const progress = (p: RunProgress) => o.onProgress?.(p);

  const record = (status: RunStatus, error: ContactSyncError | null): RunRecord => ({
    id: o.runId,
    profileId: profile.id,
    bookId: profile.bookId,
    trigger: o.trigger,
    status,
    startedAt,
    finishedAt: o.clock.now(),
    fileName: o.source.name,
    fingerprint,
    encoding,
    delimiter,
    counts: plan ? { ...plan.counts } : emptyCounts(),
    issues: plan ? plan.issues : [],
    issueCount: plan ? plan.issueCount : 0,
    error: error ? error.toJSON() : null,
    ...noteFields(notes),
  });
  const nextState = (status: RunStatus): ProfileState => {
    const applied = status === 'success' || status === 'warnings';
    return {
      // Fields this run does not own (such as the schedule cursor) are carried over.
      ...profile.state,
      lastFingerprint: applied ? fingerprint : profile.state.lastFingerprint,
      lastConfigSignature: applied ? signature : profile.state.lastConfigSignature,
      lastColumnCount: applied ? columnCount : (profile.state.lastColumnCount ?? null),
      lastRunAt: o.clock.now(),
      lastStatus: status,
      // An unchanged file still refreshes its metadata, so the next check can skip the download.
      lastSourceMeta:
        applied || status === 'unchanged'
          ? (o.sourceMeta ?? null)
          : (profile.state.lastSourceMeta ?? null),
    };
  };
  const conclude = async (
    status: RunStatus,
    error: ContactSyncError | null,
  ): Promise<ImportRunResult> => {
    const result = { record: record(status, error), plan };
    if (!o.dryRun) await target.recordOutcome(result.record, nextState(status));
    return result;
  };

  try {
    // A phone's contacts still sync into a book with required fields the phone has no data for;
    // the required fields it does fill (an email, say) are checked row by row as for files.
    assertMappingUsable(
      profile.mapping,
      book.fields,
      profile.behaviour,
      profile.source.kind !== 'device',
    );
    const scan = await scanSource(o.source, profile.parse.encoding, o.hasher, signal, (bytes) =>
      progress({ stage: 'hashing', bytesRead: bytes, totalBytes: o.source.size ?? null, rows: 0 }),
    );
    fingerprint = scan.fingerprint;
    encoding = scan.encoding;
    if (!o.dryRun) await o.ensureSpace?.(scan.bytes);
    signature = await configSignature(profile, book.fields, o.hasher);
    if (
      !profile.behaviour.importEveryTime &&
      profile.state.lastFingerprint === fingerprint &&
      profile.state.lastConfigSignature === signature
    ) {
      notes.push(
        runNote(
          'file-unchanged',
          'The file has not changed since the last import, so it was not imported again.',
        ),
      );
      return await conclude('unchanged', null);
    }

    const index = await target.loadIndex();
    const tombstones = await target.loadTombstones();
    let rowsRead = 0;
    let emptyRows = 0;
    // Said once, whichever encoding pass finally read the file.
    let layoutNotes: RunNote[] = [];
    const parsePass = async (
      passEncoding: ConcreteEncoding,
      strict: boolean,
    ): Promise<Planner | null> => {
      let planner: Planner | null = null;
      let bytesRead = 0;
      let bytesBefore = 0;
      // The batch before this one: its changed contacts are read from the store while this one
      // is parsed and planned, then it is staged (batches stay in the file's order).
      let staging: Promise<void> = Promise.resolve();
      const stageBatch = async (planned: PlannedBatch) => {
        const updated = await planned.updated;
        const writes = updated.length > 0 ? [...planned.created, ...updated] : planned.created;
        if (!o.dryRun && writes.length > 0) await target.stage(writes);
      };
      try {
        for await (const batch of readRowBatches(
          o.source,
          passEncoding,
          profile.parse,
          signal,
          strict,
        )) {
          delimiter = batch.layout.delimiter;
          bytesRead = batch.bytesRead;
          emptyRows = batch.emptyRows;
          if (planner === null) {
            columnCount = batch.layout.columnCount;
            const resolved = resolveColumns(profile, batch.layout.headers, columnCount);
            layoutNotes = [];
            if (resolved.moved)
              layoutNotes.push(
                runNote(
                  'columns-reordered',
                  'The columns are in a different order than when this import was set up; they were matched by their names.',
                ),
              );
            if (resolved.missing.length > 0)
              layoutNotes.push(
                runNote(
                  'columns-missing-kept',
                  `The file has no ${resolved.missing.map((h) => `"${h}"`).join(', ')} column; those fields were left as they were.`,
                  { columns: resolved.missing.join('\n') },
                ),
              );
            o.problemRows?.begin(
              batch.layout.headers,
              columnCount,
              resolved.mapping.columns
                .filter((c) => book.fields.find((f) => f.id === c.field)?.type === 'password')
                .map((c) => c.column),
            );
            planner = new Planner({
              profile,
              fields: book.fields,
              ctx: compileRowContext(
                resolved.mapping,
                book.fields,
                profile.parse,
                columnCount,
                passEncoding === 'utf-8' && !strict,
              ),
              index,
              tombstones,
              rowHashesValid: profile.state.lastConfigSignature === signature,
              clock: o.clock,
              random: o.random,
              newId: o.newId,
              digestPassword: o.digestPassword,
              fetchContacts: (entries) => target.getContacts(entries),
              ...(o.problemRows ? { onProblemRow: (row) => o.problemRows!.add(row) } : {}),
              ...(o.fieldChecks ? { checks: o.fieldChecks } : {}),
            });
          }
          rowsRead += batch.rows.length;
          // Progress after each slice of rows, its bytes prorated within the chunk: a file smaller
          // than one chunk still moves the bar as its rows are checked and staged.
          const from = bytesBefore;
          const n = batch.rows.length;
          for (let i = 0; i < n; i += PLAN_BATCH) {
            const planned = await planner.planBatch(batch.rows.slice(i, i + PLAN_BATCH));
            await staging;
            staging = stageBatch(planned);
            // Awaited at the next batch or below; a failure must not count as unhandled meanwhile
            // (in Node that would end the process).
            staging.catch(() => undefined);
            signal?.throwIfAborted();
            const share = Math.min(1, (i + PLAN_BATCH) / n);
            progress({
              stage: 'parsing',
              bytesRead: Math.round(from + (batch.bytesRead - from) * share),
              totalBytes: scan.bytes,
              rows: planner.counts.rows,
            });
          }
          bytesBefore = batch.bytesRead;
        }
        await staging;
      } catch (error) {
        // Settled before the caller discards what was staged, so nothing is written after.
        await staging.catch(() => undefined);
        throw error;
      }
      // The bytes were hashed in the first pass; a file that grew or shrank since is not that file.
      if (bytesRead !== scan.bytes) throw fileChangedError();
      return planner;
    };
    let planner: Planner | null;
    try {
      planner = await parsePass(scan.encoding, scan.presumedUtf8);
    } catch (error) {
      if (!(error instanceof InvalidUtf8Error)) throw error;
      // Rare: whatever the first pass staged is dropped, and the file is read again, either as a
      // legacy file or, when it is mostly valid UTF-8, as UTF-8 with its unreadable rows skipped
      // (read as Windows-1252 it would garble every accented letter already stored right).
      if (!o.dryRun) await target.discard();
      rowsRead = 0;
      if (await mostlyUtf8(o.source, signal)) {
        notes.push(
          runNote(
            'read-utf8-skipping',
            'Some bytes of the file are not valid UTF-8. It was read as UTF-8, and rows with unreadable characters were skipped (see the problems).',
          ),
        );
        planner = await parsePass('utf-8', false);
      } else {
        encoding = 'windows-1252';
        notes.push(
          runNote(
            'read-as-windows-1252',
            `The file is not valid UTF-8, so it was read as ${ENCODING_LABELS['windows-1252']}. Check accented letters in the result.`,
          ),
        );
        planner = await parsePass('windows-1252', false);
      }
    }
    notes.push(...layoutNotes);
    if (emptyRows > 0)
      notes.push(
        runNote(
          'empty-rows',
          `${emptyRows} empty ${emptyRows === 1 ? 'row was' : 'rows were'} ignored (blank, or only delimiters).`,
          { count: emptyRows },
        ),
      );
    const finished = planner?.finish();
    if (finished) assertEveryRowCounted(rowsRead, finished.summary.counts);
    plan = finished?.summary ?? null;
    if (!finished || finished.summary.counts.rows === 0) {
      throw new ContactSyncError(
        'empty-file',
        'The file has no contact rows (only a header, or blank lines); nothing was changed.',
      );
    }
    if (finished.summary.massDeletion && !(o.trigger === 'manual' && o.confirmMassDelete)) {
      if (!o.dryRun) await target.discard();
      const refusal = new ContactSyncError(
        'mass-delete-refused',
        massDeletionMessage(finished.summary, o.trigger),
        {
          existing: finished.summary.existing,
          matched: finished.summary.matchedExisting,
          deletes: finished.summary.counts.deleted,
        },
      );
      return await conclude('refused', refusal);
    }
    const status: RunStatus = finished.summary.issueCount > 0 ? 'warnings' : 'success';
    const result = { record: record(status, null), plan };
    if (!o.dryRun) {
      progress({
        stage: 'committing',
        bytesRead: scan.bytes,
        totalBytes: scan.bytes,
        rows: finished.summary.counts.rows,
      });
      await target.commit(finished.deletes, result.record, nextState(status));
    }
    return result;
  } catch (thrown) {
    const error = toContactSyncError(thrown);
    if (!o.dryRun) await target.discard().catch(() => undefined);
    return conclude(error.code === 'aborted' ? 'cancelled' : 'failed', error);
  }
}

/** Rows planned (and staged) together; bounds memory and the size of each store write. */
const PLAN_BATCH = 16384;
