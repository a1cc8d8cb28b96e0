import { ContactSyncError } from '../errors.ts';
import { MAX_VALUE_LENGTH } from '../model/contact.ts';
import type { FieldDef } from '../model/fields.ts';
import type { FieldCheckAnswer, FieldChecks } from '../ports.ts';
import type { RowContext, NormalisedRow } from './normalise-row.ts';
import { quote, shown } from './shown-value.ts';

/** The columns whose field names a host check, with the check's name. */
export function checkedColumns(ctx: RowContext): { header: string; field: FieldDef }[] {
  return ctx.columns.filter((c) => c.field.check !== undefined);
}

const failed = (field: FieldDef, reason: string) =>
  new ContactSyncError(
    'check-failed',
    `The check "${field.check}" of the field "${field.label}" did not answer (${reason}); nothing was changed.`,
    { field: field.label, check: field.check! },
  );

function validAnswer(answer: unknown): answer is FieldCheckAnswer {
  if (typeof answer !== 'object' || answer === null) return false;
  const a = answer as { value?: unknown; problem?: unknown };
  return (
    (typeof a.value === 'string' && a.value.length <= MAX_VALUE_LENGTH) ||
    (typeof a.problem === 'string' && a.problem.trim() !== '')
  );
}

/**
 * Runs the host's checks over a batch's rows that are still valid: each value is kept as the
 * check wrote it (a transform), or its row gets a `failed-check` issue like a built-in problem.
 */
export async function applyHostChecks(
  rows: readonly NormalisedRow[],
  ctx: RowContext,
  checks: FieldChecks | undefined,
): Promise<void> {
  for (const { header, field } of checkedColumns(ctx)) {
    const name = field.check!;
    if (!checks?.has(name))
      throw new ContactSyncError(
        'unsupported',
        `The field "${field.label}" names the check "${name}", which is not available here (a page passes its checks in fieldChecks; the reference server runs none). Nothing was changed.`,
        { field: field.label, check: name },
      );
    const asked = rows.filter((r) => r.issues.length === 0 && r.values[field.id] !== undefined);
    if (asked.length === 0) continue;
    let answers: readonly FieldCheckAnswer[];
    try {
      answers = await checks.check(
        name,
        asked.map((r) => r.values[field.id]!),
        asked.map((r) => r.row),
      );
    } catch (error) {
      throw failed(field, error instanceof Error ? error.message : String(error));
    }
    if (!Array.isArray(answers) || answers.length !== asked.length || !answers.every(validAnswer))
      throw failed(field, 'its answer was not one { value } or { problem } per value');
    asked.forEach((row, i) => {
      const answer = answers[i]!;
      if ('problem' in answer) {
        const value = row.values[field.id]!;
        row.issues.push({
          row: row.row,
          column: header,
          code: 'failed-check',
          message: `Row ${row.row}, column "${header}": ${quote(value)}: ${answer.problem.trim()}; the row was skipped.`,
          params: { value: shown(value), reason: answer.problem.trim().slice(0, 200) },
        });
      } else if (answer.value.trim() !== '') row.values[field.id] = answer.value.trim();
      else if (!field.required) delete row.values[field.id];
      else
        row.issues.push({
          row: row.row,
          column: header,
          code: 'missing-required',
          message: `Row ${row.row}, column "${header}": the field "${field.label}" is required, but its check left it empty; the row was skipped.`,
          params: { field: field.label },
        });
    });
  }
}
