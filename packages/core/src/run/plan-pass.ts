import type { KeyIndex } from '../keys/key-index.ts';
import type { ConcreteEncoding } from '../csv/decode.ts';
import { runNote, type RunNote } from '../model/run-note.ts';
import { resolveColumns } from '../mapping/resolve-columns.ts';
import { compileRowContext } from '../validate/normalise-row.ts';
import { Planner, type PlannedBatch } from '../plan/planner.ts';
import { fileChangedError } from './file-changed.ts';
import type { ImportRunOptions } from './import-run-options.ts';
import { readRowBatches } from './read-rows.ts';

/** What a pass learned of the file's layout: written as it reads, so a failed run records it too. */
export interface PassLayout {
  delimiter: string | null;
  columnCount: number | null;
}

export interface PlanPassInput {
  readonly encoding: ConcreteEncoding;
  /** Stop at the first byte that is not valid UTF-8 (`InvalidUtf8Error`) rather than skip its row. */
  readonly strict: boolean;
  /** The file's size when it was hashed: a pass that reads another size read another file. */
  readonly fileBytes: number;
  /** The profile's configuration signature of this run (row hashes hold only under the same). */
  readonly signature: string;
  readonly index: KeyIndex;
  readonly tombstones: ReadonlySet<string>;
  readonly layout: PassLayout;
}

export interface PlanPassResult {
  /** Null when the file held no rows at all. */
  readonly planner: Planner | null;
  readonly rows: number;
  readonly emptyRows: number;
  /** Said once, whichever pass finally read the file. */
  readonly notes: readonly RunNote[];
}

/** Rows planned (and staged) together; bounds memory and the size of each store write. */
const PLAN_BATCH = 16384;

/**
 * One pass over the file: parse, map, validate and plan its rows, and stage what changes. The
 * changed contacts of one batch are read from the store while the next is parsed and planned;
 * batches are staged in the file's order.
 */
export async function planPass(o: ImportRunOptions, pass: PlanPassInput): Promise<PlanPassResult> {
  const { profile, book, target, signal } = o;
  let planner: Planner | null = null;
  let rows = 0;
  let emptyRows = 0;
  let notes: RunNote[] = [];
  let bytesRead = 0;
  let bytesBefore = 0;
  let staging: Promise<void> = Promise.resolve();
  const stageBatch = async (planned: PlannedBatch) => {
    const updated = await planned.updated;
    const writes = updated.length > 0 ? [...planned.created, ...updated] : planned.created;
    if (!o.dryRun && writes.length > 0) await target.stage(writes);
  };
  try {
    for await (const batch of readRowBatches(
      o.source,
      pass.encoding,
      profile.parse,
      signal,
      pass.strict,
    )) {
      pass.layout.delimiter = batch.layout.delimiter;
      bytesRead = batch.bytesRead;
      emptyRows = batch.emptyRows;
      if (planner === null) {
        const columnCount = batch.layout.columnCount;
        pass.layout.columnCount = columnCount;
        const resolved = resolveColumns(profile, batch.layout.headers, columnCount);
        notes = layoutNotes(resolved.moved, resolved.missing);
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
            pass.encoding === 'utf-8' && !pass.strict,
          ),
          index: pass.index,
          tombstones: pass.tombstones,
          rowHashesValid: profile.state.lastConfigSignature === pass.signature,
          clock: o.clock,
          random: o.random,
          newId: o.newId,
          digestPassword: o.digestPassword,
          fetchContacts: (entries) => target.getContacts(entries),
          ...(o.problemRows ? { onProblemRow: (row) => o.problemRows!.add(row) } : {}),
          ...(o.fieldChecks ? { checks: o.fieldChecks } : {}),
        });
      }
      rows += batch.rows.length;
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
        o.onProgress?.({
          stage: 'parsing',
          bytesRead: Math.round(from + (batch.bytesRead - from) * share),
          totalBytes: pass.fileBytes,
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
  if (bytesRead !== pass.fileBytes) throw fileChangedError();
  return { planner, rows, emptyRows, notes };
}

/** What the history says of columns matched by name or missing from the file. */
function layoutNotes(moved: boolean, missing: readonly string[]): RunNote[] {
  const notes: RunNote[] = [];
  if (moved)
    notes.push(
      runNote(
        'columns-reordered',
        'The columns are in a different order than when this import was set up; they were matched by their names.',
      ),
    );
  if (missing.length > 0)
    notes.push(
      runNote(
        'columns-missing-kept',
        `The file has no ${missing.map((h) => `"${h}"`).join(', ')} column; those fields were left as they were.`,
        { columns: missing.join('\n') },
      ),
    );
  return notes;
}
