import type { FieldCheckAnswer } from '@contactsync/core';
import type { FieldCheck } from '../api/field-check.ts';

/** What crosses to the engine: one call per field and batch of rows, not one per value. */
export type BatchFieldCheck = (
  name: string,
  values: readonly string[],
  rows: readonly number[],
) => Promise<FieldCheckAnswer[]>;

/** The host's per-value checks, answered a batch at a time. */
export function batchFieldChecks(checks: Readonly<Record<string, FieldCheck>>): BatchFieldCheck {
  return (name, values, rows) =>
    Promise.all(
      values.map(async (value, i): Promise<FieldCheckAnswer> => {
        const out = await checks[name]!(value, { row: rows[i]! });
        if (out === undefined) return { value };
        if (typeof out === 'string') return { value: out };
        if (typeof out?.problem === 'string') return { problem: out.problem };
        throw new Error('it answered neither a value nor { problem }');
      }),
    );
}
