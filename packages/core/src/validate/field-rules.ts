import type { FieldDef } from '../model/fields.ts';

/** The allowed value a cell stands for, matched ignoring case and accents' composition. */
export function matchOption(options: readonly string[], value: string): string | null {
  const wanted = value.normalize('NFC').toLocaleLowerCase('en-US');
  return options.find((o) => o.normalize('NFC').toLocaleLowerCase('en-US') === wanted) ?? null;
}

/** The allowed values as a message lists them: the first few, then how many more. */
export function listedOptions(field: FieldDef): string {
  const options = field.options ?? [];
  const shown = options.slice(0, 5).map((o) => `"${o}"`);
  return options.length > 5
    ? `${shown.join(', ')} and ${options.length - 5} more`
    : shown.join(', ');
}
