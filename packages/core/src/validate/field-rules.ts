import type { FieldDef } from '../model/fields.ts';

/** What two spellings of one allowed value have in common: case and accents' composition aside. */
const optionKey = (value: string) => value.normalize('NFC').toLocaleLowerCase('en-US');

/** The allowed value a cell stands for, matched ignoring case and accents' composition. */
export function matchOption(options: readonly string[], value: string): string | null {
  const wanted = optionKey(value);
  return options.find((o) => optionKey(o) === wanted) ?? null;
}

/** Allowed values with each listed once, as first spelled: a later spelling could never match. */
export function distinctOptions(options: readonly string[]): string[] {
  const seen = new Set<string>();
  return options.filter((o) => {
    const key = optionKey(o);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The allowed values as a message lists them: the first few, then how many more. */
export function listedOptions(field: FieldDef): string {
  const options = field.options ?? [];
  const shown = options.slice(0, 5).map((o) => `"${o}"`);
  return options.length > 5
    ? `${shown.join(', ')} and ${options.length - 5} more`
    : shown.join(', ');
}
