import { ContactSyncError, toContactSyncError } from '../errors.ts';
import type { ProfileState } from '../model/profile.ts';
import type { RunRecord, RunStatus, RunTrigger } from '../model/run.ts';
import { emptyCounts } from '../model/run.ts';
import { noteFields, runNote, type RunNote } from '../model/run-note.ts';
import { ENCODING_LABELS, InvalidUtf8Error, type ConcreteEncoding } from '../csv/decode.ts';
import { mostlyUtf8 } from '../csv/utf8-evidence.ts';
import { assertMappingUsable } from '../mapping/validate-mapping.ts';
import { assertEveryRowCounted } from '../plan/row-accounting.ts';
import type { PlanSummary } from '../plan/plan-types.ts';
import { configSignature } from './config-signature.ts';
import type { ImportRunOptions } from './import-run-options.ts';
import { planPass, type PassLayout, type PlanPassResult } from './plan-pass.ts';
import { scanSource } from './scan-source.ts';

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
  let plan: PlanSummary | null = null;
  let signature: string | null = null;
  // Written by the pass over the file as it reads: a failed run records what it saw.
  const layout: PassLayout = { delimiter: null, columnCount: null };

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
    delimiter: layout.delimiter,
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
      lastColumnCount: applied ? layout.columnCount : (profile.state.lastColumnCount ?? null),
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
      o.onProgress?.({
        stage: 'hashing',
        bytesRead: bytes,
        totalBytes: o.source.size ?? null,
        rows: 0,
      }),
    );
    fingerprint = scan.fingerprint;
    encoding = scan.encoding;
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
    // Only a file that will be read in needs room: an unchanged one writes its history alone.
    if (!o.dryRun) await o.ensureSpace?.(scan.bytes);

    const index = await target.loadIndex();
    const tombstones = await target.loadTombstones();
    const pass = (passEncoding: ConcreteEncoding, strict: boolean) =>
      planPass(o, {
        encoding: passEncoding,
        strict,
        fileBytes: scan.bytes,
        signature: signature!,
        index,
        tombstones,
        layout,
      });
    let read: PlanPassResult;
    try {
      read = await pass(scan.encoding, scan.presumedUtf8);
    } catch (error) {
      if (!(error instanceof InvalidUtf8Error)) throw error;
      // Rare: whatever the first pass staged is dropped, and the file is read again, either as a
      // legacy file or, when it is mostly valid UTF-8, as UTF-8 with its unreadable rows skipped
      // (read as Windows-1252 it would garble every accented letter already stored right).
      if (!o.dryRun) await target.discard();
      if (await mostlyUtf8(o.source, signal)) {
        notes.push(
          runNote(
            'read-utf8-skipping',
            'Some bytes of the file are not valid UTF-8. It was read as UTF-8, and rows with unreadable characters were skipped (see the problems).',
          ),
        );
        read = await pass('utf-8', false);
      } else {
        encoding = 'windows-1252';
        notes.push(
          runNote(
            'read-as-windows-1252',
            `The file is not valid UTF-8, so it was read as ${ENCODING_LABELS['windows-1252']}. Check accented letters in the result.`,
          ),
        );
        read = await pass('windows-1252', false);
      }
    }
    const { emptyRows } = read;
    notes.push(...read.notes);
    if (emptyRows > 0)
      notes.push(
        runNote(
          'empty-rows',
          `${emptyRows} empty ${emptyRows === 1 ? 'row was' : 'rows were'} ignored (blank, or only delimiters).`,
          { count: emptyRows },
        ),
      );
    const finished = read.planner?.finish();
    if (finished) assertEveryRowCounted(read.rows, finished.summary.counts);
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
      o.onProgress?.({
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
