import type { Hasher } from '../ports.ts';
import type { FieldDef } from '../model/fields.ts';
import type { SyncProfile } from '../model/profile.ts';

/**
 * A digest of everything besides the file that shapes an import's result. When it changes, an
 * unchanged file must be imported again and stored row hashes no longer prove anything.
 */
export function configSignature(
  profile: SyncProfile,
  fields: readonly FieldDef[],
  hasher: Hasher,
): Promise<string> {
  const mapped = new Set(profile.mapping.columns.map((c) => c.field));
  const relevant = {
    folderId: profile.folderId,
    parse: profile.parse,
    mapping: profile.mapping,
    updateExisting: profile.behaviour.updateExisting,
    deleteMissing: profile.behaviour.deleteMissing,
    // Rules only where a field has some, so signatures from before rules existed still hold.
    fieldTypes: fields
      .filter((f) => mapped.has(f.id))
      .map((f) =>
        f.required || f.options || f.check
          ? [f.id, f.type, { required: !!f.required, options: f.options, check: f.check }]
          : [f.id, f.type],
      ),
  };
  const state = hasher.create();
  state.update(new TextEncoder().encode(JSON.stringify(relevant)));
  return state.digestHex();
}
