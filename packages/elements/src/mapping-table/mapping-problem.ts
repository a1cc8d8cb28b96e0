import type { BehaviourOptions, Mapping } from '@contactsync/sdk';
import type { Messages } from '../i18n/en.ts';

/** Why a mapping cannot run, in the user's words, or null. The engine checks the same rules. */
export function mappingProblem(
  mapping: Mapping | null,
  behaviour: BehaviourOptions | null,
  t: Messages,
): string | null {
  if (!mapping || !mapping.columns.some((c) => c.field !== null)) return t.mappingNothing;
  if (mapping.key.kind === 'generated' && behaviour)
    if (behaviour.updateExisting || behaviour.deleteMissing) return t.keyConflict;
  return null;
}
