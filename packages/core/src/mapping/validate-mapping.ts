import { ContactSyncError } from '../errors.ts';
import type { FieldDef } from '../model/fields.ts';
import type { BehaviourOptions, Mapping } from '../model/profile.ts';

/**
 * Refuses a mapping that cannot run: unknown or doubly-mapped fields, a key column that is
 * not in the file, nothing mapped, or generated keys together with update/delete modes.
 */
export function assertMappingUsable(
  mapping: Mapping,
  fields: readonly FieldDef[],
  behaviour: BehaviourOptions,
  /** False for a phone's fixed mapping: it cannot give a column to a field the phone lacks. */
  everyRequiredField = true,
): void {
  const known = new Set(fields.map((f) => f.id));
  const seen = new Set<string>();
  for (const c of mapping.columns) {
    if (c.field === null) continue;
    if (!known.has(c.field)) {
      throw new ContactSyncError(
        'mapping-invalid',
        `Column "${c.header}" is mapped to a field that does not exist ("${c.field}"). Add the field or change the mapping.`,
        { column: c.column, field: c.field },
      );
    }
    if (seen.has(c.field)) {
      throw new ContactSyncError(
        'mapping-invalid',
        `More than one column is mapped to the field "${c.field}". Map each field once.`,
        { field: c.field },
      );
    }
    seen.add(c.field);
  }
  const unmapped = everyRequiredField && fields.find((f) => f.required && !seen.has(f.id));
  if (unmapped) {
    throw new ContactSyncError(
      'mapping-invalid',
      `The field "${unmapped.label}" is required, but no column goes to it. Map a column to it.`,
      { required: unmapped.label },
    );
  }
  if (seen.size === 0) {
    throw new ContactSyncError('mapping-invalid', 'No column is mapped to a contact field.');
  }
  if (mapping.key.kind === 'column') {
    const keyColumn = mapping.key.column;
    if (!mapping.columns.some((c) => c.column === keyColumn)) {
      throw new ContactSyncError(
        'mapping-invalid',
        `The unique key column (${keyColumn + 1}) is not in the file.`,
        { column: keyColumn },
      );
    }
  } else if (behaviour.updateExisting || behaviour.deleteMissing) {
    throw new ContactSyncError(
      'key-strategy-conflict',
      'With generated keys every import creates new contacts, so they cannot be matched to update or delete existing ones. Choose a unique key column, or turn off "update existing" and "delete contacts not found in the file".',
    );
  }
}
