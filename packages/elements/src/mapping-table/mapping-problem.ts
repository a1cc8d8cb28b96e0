import type { BehaviourOptions, FieldDef, FilePreview, Mapping } from '@contactsync/sdk';
import type { Messages } from '../i18n/en.ts';

/** Why a mapping cannot run, in the user's words, or null. The engine checks the same rules. */
export function mappingProblem(
  mapping: Mapping | null,
  behaviour: BehaviourOptions | null,
  t: Messages,
  preview: FilePreview | null = null,
  fields: readonly FieldDef[] = [],
): string | null {
  if (!mapping || !mapping.columns.some((c) => c.field !== null)) return t.mappingNothing;
  const unmapped = fields.find((f) => f.required && !mapping.columns.some((c) => c.field === f.id));
  if (unmapped)
    return t.mappingRequired((unmapped.builtIn && t.fieldLabels[unmapped.id]) || unmapped.label);
  // A key column with no value in the rows read would make every row invalid.
  if (mapping.key.kind === 'column' && preview) {
    const key = mapping.key.column;
    const summary = preview.columns.find((c) => c.column === key);
    if (summary && summary.samples.length === 0 && preview.sampledRows > 0)
      return t.keyEmpty(summary.label);
  }
  if (mapping.key.kind === 'generated' && behaviour)
    if (behaviour.updateExisting || behaviour.deleteMissing) return t.keyConflict;
  return null;
}
