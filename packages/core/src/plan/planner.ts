import { ContactSyncError } from '../errors.ts';
import type { Clock, FieldChecks, Random } from '../ports.ts';
import type { Contact } from '../model/contact.ts';
import type { FieldDef } from '../model/fields.ts';
import type { SyncProfile } from '../model/profile.ts';
import { emptyCounts, MAX_RECORDED_ISSUES, type RowIssue, type RunCounts } from '../model/run.ts';
import type { RawRow } from '../csv/row-reader.ts';
import { KeyIndex } from '../keys/key-index.ts';
import { generateKey } from '../keys/generated-key.ts';
import { SeenKeys } from '../keys/seen-keys.ts';
import { hashSeed } from '../keys/key-hash.ts';
import {
  keyOf,
  normaliseRow,
  type NormalisedRow,
  type RowContext,
} from '../validate/normalise-row.ts';
import { applyHostChecks, checkedColumns } from '../validate/host-checks.ts';
import { isMassDeletion } from './mass-delete-guard.ts';
import { rowHash } from './row-hash.ts';
import {
  MASKED,
  MAX_SAMPLES,
  type FieldChange,
  type PlanSamples,
  type PlanSummary,
} from './plan-types.ts';

export interface PlannerDeps {
  readonly profile: SyncProfile;
  readonly fields: readonly FieldDef[];
  readonly ctx: RowContext;
  readonly index: KeyIndex;
  readonly tombstones: ReadonlySet<string>;
  /** False when mapping or options changed since the last import: row hashes prove nothing then. */
  readonly rowHashesValid: boolean;
  readonly clock: Clock;
  readonly random: Random;
  readonly newId: () => string;
  /** Salted digest of a password value; the plain text is never stored. */
  readonly digestPassword: (contactId: string, plain: string) => string;
  /** Reads the contacts behind index entries. */
  readonly fetchContacts: (entries: readonly number[]) => Promise<Contact[]>;
  /** Told of every row with a problem, with its cells (for the problem report). */
  readonly onProblemRow?: (row: ProblemRow) => void;
  /** The host's checks that fields name (`FieldDef.check`); none: such a field fails the run. */
  readonly checks?: FieldChecks;
}

/** A row of the file that was not imported as it stands, with its cells and its problems. */
export interface ProblemRow {
  readonly row: number;
  readonly cells: readonly string[];
  readonly issues: readonly RowIssue[];
}

/** A row on its way to be created or updated, unless a problem leaves it out. */
interface Candidate {
  readonly raw: RawRow;
  readonly norm: NormalisedRow;
  readonly key: string | null;
  readonly hash: number;
  /** Its index entry, or -1 for a new contact. */
  readonly entry: number;
}

/** A planned batch: new contacts at once, changed ones when the contacts they change are read. */
export interface PlannedBatch {
  readonly created: readonly Contact[];
  readonly updated: Promise<Contact[]>;
}

interface PendingUpdate {
  readonly norm: NormalisedRow;
  readonly hash: number;
  readonly entry: number;
}

function sameValues(a: Record<string, string>, b: Record<string, string>): boolean {
  const ak = Object.keys(a);
  if (ak.length !== Object.keys(b).length) return false;
  return ak.every((k) => a[k] === b[k]);
}

/**
 * Classifies incoming rows against the address book, batch by batch, into creates, updates,
 * unchanged, skipped (tombstoned) and invalid; deletions are decided by `finish`.
 */
export class Planner {
  readonly counts: RunCounts = emptyCounts();
  private readonly issues: RowIssue[] = [];
  private issueCount = 0;
  private readonly samples: PlanSamples = { create: [], update: [], delete: [] };
  /** Row that matched each index entry (0 = not in the file). */
  private readonly seenRows: Int32Array;
  /** Keys the book does not hold, with the row that first held each. */
  private readonly newKeys: SeenKeys;
  private readonly passwordFields: FieldDef[];
  /** Some mapped field names a host check. */
  private readonly hostChecked: boolean;

  constructor(private readonly deps: PlannerDeps) {
    this.seenRows = new Int32Array(deps.index.size);
    this.newKeys = new SeenKeys(hashSeed(deps.random));
    this.passwordFields = deps.ctx.columns
      .filter((c) => c.field.type === 'password')
      .map((c) => c.field);
    this.hostChecked = checkedColumns(deps.ctx).length > 0;
  }

  /**
   * Plans a batch of rows: its new contacts, and its changed ones once the contacts they change
   * are read. The read is under way when this resolves, so the caller can parse the next batch
   * meanwhile; the next batch may be planned before this one's changes resolve.
   */
  async planBatch(rows: readonly RawRow[]): Promise<PlannedBatch> {
    const { profile, index, ctx } = this.deps;
    const writes: Contact[] = [];
    const pending: PendingUpdate[] = [];
    /**
     * Each row's outcome, decided after the host's checks (if any) have seen the batch; kept in
     * the rows' order so problems are recorded as the file lists them.
     */
    const outcomes: (Candidate | (() => void))[] = [];
    const candidates: Candidate[] = [];
    const later = (candidate: Candidate) => {
      outcomes.push(candidate);
      candidates.push(candidate);
    };
    const generated = profile.mapping.key.kind === 'generated';
    for (const raw of rows) {
      this.counts.rows++;
      if (generated) {
        later({
          raw,
          norm: normaliseRow(raw, ctx),
          key: null,
          hash: rowHash(raw.fields),
          entry: -1,
        });
        continue;
      }
      const key = keyOf(raw, ctx);
      if (key === null) {
        const norm = normaliseRow(raw, ctx);
        outcomes.push(() => this.reject(norm, raw));
        continue;
      }
      const n = index.find(key);
      // A new key is recorded with this row as its first, by the same lookup.
      const firstRow = n >= 0 ? this.seenRows[n]! : this.newKeys.firstRow(key, raw.row);
      if (firstRow !== 0) {
        this.counts.invalid++;
        const issue: RowIssue = {
          row: raw.row,
          column: ctx.keyColumn!.header,
          code: 'duplicate-key',
          message: `Row ${raw.row} has the same unique key as row ${firstRow}; it was skipped.`,
          params: { firstRow },
        };
        outcomes.push(() => this.addIssues(raw, [issue]));
        continue;
      }
      if (n >= 0) this.seenRows[n] = raw.row;
      // A deleted key stays out, unless a contact holds it again (restored by a person). (No
      // lookup in an empty set: a key's first hashing costs more than the check.)
      const tombstones = this.deps.tombstones;
      if (n < 0 && tombstones.size > 0 && tombstones.has(key)) {
        this.counts.skipped++;
        continue;
      }
      const hash = rowHash(raw.fields);
      if (n >= 0) {
        const sameSource = index.sourceAt(n) === profile.id;
        if (
          (sameSource && this.deps.rowHashesValid && index.hashAt(n) === hash) ||
          !profile.behaviour.updateExisting
        ) {
          this.counts.unchanged++;
          continue;
        }
      }
      later({ raw, norm: normaliseRow(raw, ctx), key, hash, entry: n });
    }
    if (this.hostChecked)
      await applyHostChecks(
        candidates.map((c) => c.norm),
        ctx,
        this.deps.checks,
      );
    for (const outcome of outcomes) {
      if (typeof outcome === 'function') {
        outcome();
        continue;
      }
      const { raw, norm, key, hash, entry } = outcome;
      if (this.reject(norm, raw)) continue;
      if (generated) writes.push(this.create(norm, this.freshKey(), hash));
      else if (entry < 0) writes.push(this.create(norm, key!, hash));
      else pending.push({ norm, hash, entry });
    }
    const updated = pending.length > 0 ? this.resolveUpdates(pending) : Promise.resolve([]);
    // Awaited by the caller later; a failed read must not count as unhandled meanwhile.
    updated.catch(() => undefined);
    return { created: writes, updated };
  }

  /** Decides deletions and the mass-deletion guard once every row has been seen. */
  /** Deletions are index entries, so the store can find them without an id lookup. */
  finish(): { deletes: number[]; summary: PlanSummary } {
    const { profile, index } = this.deps;
    const deletes: number[] = [];
    let existing = 0;
    let matched = 0;
    for (let n = 0; n < index.size; n++) {
      if (index.sourceAt(n) !== profile.id) continue;
      existing++;
      if (this.seenRows[n] !== 0) matched++;
      else if (profile.behaviour.deleteMissing) {
        deletes.push(n);
        if (this.samples.delete.length < MAX_SAMPLES) {
          this.samples.delete.push({ key: index.keyAt(n), contactId: index.idAt(n) });
        }
      }
    }
    this.counts.deleted = deletes.length;
    return {
      deletes,
      summary: {
        counts: { ...this.counts },
        issues: [...this.issues],
        issueCount: this.issueCount,
        samples: this.samples,
        existing,
        matchedExisting: matched,
        massDeletion: isMassDeletion(matched, existing, deletes.length),
      },
    };
  }

  private reject(norm: NormalisedRow, raw: RawRow): boolean {
    if (norm.issues.length === 0) return false;
    this.counts.invalid++;
    this.addIssues(raw, norm.issues);
    return true;
  }

  private addIssues(raw: RawRow, issues: readonly RowIssue[]): void {
    for (const issue of issues) {
      this.issueCount++;
      if (this.issues.length < MAX_RECORDED_ISSUES) this.issues.push(issue);
    }
    this.deps.onProblemRow?.({ row: raw.row, cells: raw.fields, issues });
  }

  private freshKey(): string {
    const key = generateKey(this.deps.random, (k) => this.deps.index.has(k) || this.newKeys.has(k));
    this.newKeys.add(key, 1);
    return key;
  }

  private create(norm: NormalisedRow, key: string, hash: number): Contact {
    const { profile, clock, newId, digestPassword } = this.deps;
    const id = newId();
    // The row's values were made for it alone; only digests need a copy to go into.
    const values = this.passwordFields.length === 0 ? norm.values : { ...norm.values };
    for (const field in norm.passwords) values[field] = digestPassword(id, norm.passwords[field]!);
    const now = clock.now();
    this.counts.created++;
    if (this.samples.create.length < MAX_SAMPLES) {
      this.samples.create.push({ row: norm.row, key, values: this.masked(values) });
    }
    return {
      id,
      bookId: profile.bookId,
      folderId: profile.folderId,
      key,
      values,
      origin: { sourceId: profile.id, rowHash: hash },
      createdAt: now,
      updatedAt: now,
    };
  }

  /** Reads the existing contacts and writes only those whose values really change. */
  private async resolveUpdates(pending: readonly PendingUpdate[]): Promise<Contact[]> {
    const existing = new Map(
      (await this.deps.fetchContacts(pending.map((p) => p.entry))).map((c) => [c.id, c]),
    );
    const writes: Contact[] = [];
    for (const { norm, hash, entry } of pending) {
      const id = this.deps.index.idAt(entry);
      const before = existing.get(id);
      // A contact the index names but the store did not return is a broken read, never a skip.
      if (!before)
        throw new ContactSyncError(
          'internal',
          `The contact for row ${norm.row} could not be read from the address book; nothing was changed.`,
        );
      const values = this.merge(before, norm);
      const changed = !sameValues(values, before.values);
      // Rows equal in value but new in form are rewritten silently so the next run can skip them.
      writes.push({
        ...before,
        values,
        origin: { sourceId: this.deps.profile.id, rowHash: hash },
        updatedAt: changed ? this.deps.clock.now() : before.updatedAt,
      });
      if (!changed) {
        this.counts.unchanged++;
        continue;
      }
      this.counts.updated++;
      if (this.samples.update.length < MAX_SAMPLES) {
        this.samples.update.push({
          row: norm.row,
          key: before.key ?? '',
          contactId: id,
          changes: this.diff(before.values, values),
        });
      }
    }
    return writes;
  }

  /** The file's mapped values over the contact's own; empty or unmapped passwords are kept. */
  private merge(before: Contact, norm: NormalisedRow): Record<string, string> {
    const values = { ...before.values };
    for (const { field } of this.deps.ctx.columns) {
      if (field.type === 'password') continue;
      const value = norm.values[field.id];
      if (value === undefined) delete values[field.id];
      else values[field.id] = value;
    }
    for (const field of this.passwordFields) {
      const plain = norm.passwords[field.id];
      if (plain !== undefined) values[field.id] = this.deps.digestPassword(before.id, plain);
    }
    return values;
  }

  private isPassword(fieldId: string): boolean {
    return this.deps.fields.some((f) => f.id === fieldId && f.type === 'password');
  }

  private masked(values: Record<string, string>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(values)) out[k] = this.isPassword(k) ? MASKED : v;
    return out;
  }

  private diff(a: Record<string, string>, b: Record<string, string>): FieldChange[] {
    const changes: FieldChange[] = [];
    for (const field of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (a[field] === b[field]) continue;
      const secret = this.isPassword(field);
      changes.push({
        field,
        from: a[field] === undefined ? null : secret ? MASKED : a[field]!,
        to: b[field] === undefined ? null : secret ? MASKED : b[field]!,
      });
    }
    return changes;
  }
}
