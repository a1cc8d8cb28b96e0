import type { FieldDef } from '../model/fields.ts';
import type { ColumnMapping, KeyStrategy, Mapping } from '../model/profile.ts';
import { AMBIGUOUS_HEADERS, HEADER_SYNONYMS, normaliseHeader } from './synonyms.ts';

export interface SuggestedColumn extends ColumnMapping {
  /** True when the field was guessed from the header rather than chosen by a person. */
  readonly suggested: boolean;
}

export interface MappingSuggestion {
  readonly columns: SuggestedColumn[];
  readonly key: KeyStrategy;
}

/** A display name for a column: its header, or "Column N" for files without one. */
export function columnLabel(headers: readonly string[] | null, column: number): string {
  const header = headers?.[column]?.trim();
  return header ? header : `Column ${column + 1}`;
}

function fieldForHeader(header: string, fields: readonly FieldDef[]): string | null {
  const norm = normaliseHeader(header);
  if (!norm) return null;
  // An exact match on an existing field's id or label wins (custom fields included); an
  // ambiguous header matches only a custom field of that name.
  const ambiguous = AMBIGUOUS_HEADERS.has(norm);
  const direct = fields.find(
    (f) =>
      (!ambiguous || !f.builtIn) &&
      (normaliseHeader(f.id) === norm || normaliseHeader(f.label) === norm),
  );
  if (direct) return direct.id;
  for (const [fieldId, spellings] of Object.entries(HEADER_SYNONYMS)) {
    if (spellings.includes(norm) && fields.some((f) => f.id === fieldId)) return fieldId;
  }
  return null;
}

/**
 * Proposes a mapping from header names; each field is taken once, by the first column that
 * names it. The key is the email column when there is one, otherwise generated keys.
 */
export function suggestMapping(
  headers: readonly string[] | null,
  columnCount: number,
  fields: readonly FieldDef[],
): MappingSuggestion {
  const used = new Set<string>();
  const columns: SuggestedColumn[] = [];
  for (let column = 0; column < columnCount; column++) {
    const header = columnLabel(headers, column);
    let field = headers ? fieldForHeader(header, fields) : null;
    if (field !== null && used.has(field)) field = null;
    if (field !== null) used.add(field);
    columns.push({ column, header, field, suggested: field !== null });
  }
  const emailColumn = columns.find((c) => c.field === 'email');
  return {
    columns,
    key: emailColumn ? { kind: 'column', column: emailColumn.column } : { kind: 'generated' },
  };
}

/** Drops the `suggested` marks once a person has accepted the mapping. */
export function toMapping(suggestion: MappingSuggestion): Mapping {
  return {
    columns: suggestion.columns.map(({ column, header, field }) => ({ column, header, field })),
    key: suggestion.key,
  };
}
