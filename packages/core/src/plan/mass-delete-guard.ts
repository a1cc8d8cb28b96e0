/**
 * The seeds' safety rule: with "delete contacts not found in the file", a file that still holds
 * 10% or less of the contacts this sync manages is refused, so a truncated or wrong file cannot
 * empty the address book. Exactly 10% is refused; 11% goes ahead.
 */
export function isMassDeletion(
  matchedExisting: number,
  existing: number,
  deletes: number,
): boolean {
  if (deletes === 0 || existing === 0) return false;
  return matchedExisting * 10 <= existing;
}
