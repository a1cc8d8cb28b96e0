import { z } from 'zod/mini';

import { FIELD_TYPES } from './field-types.ts';
import { MAX_OPTION_LENGTH } from './field-limits.ts';

export { FIELD_TYPES, type FieldType } from './field-types.ts';

/** The name of a host's check of a field's values (`fieldChecks` of the SDK's options). */
export const CheckNameSchema = z.string().check(z.regex(/^[a-zA-Z][a-zA-Z0-9_-]{0,39}$/));

/** A field's own rules, kept with the book, applied to every import (and to edits). */
export const FieldRulesSchema = z.object({
  /** Every imported row must have a value for it; a row without one is left out. */
  required: z.optional(z.boolean()),
  /** The only values allowed, matched ignoring case and stored as spelled here. */
  options: z.optional(
    z
      .array(z.string().check(z.minLength(1), z.maxLength(MAX_OPTION_LENGTH)))
      .check(z.minLength(1), z.maxLength(500)),
  ),
  /** A host's check (validation and transform) by name; it runs on imports in the browser. */
  check: z.optional(CheckNameSchema),
});
export type FieldRules = z.infer<typeof FieldRulesSchema>;

export const FieldDefSchema = z.object({
  id: z.string().check(z.regex(/^[a-zA-Z][a-zA-Z0-9_]{0,63}$/)),
  label: z.string().check(z.minLength(1), z.maxLength(100)),
  type: z.enum(FIELD_TYPES),
  builtIn: z.boolean(),
  ...FieldRulesSchema.shape,
});
export type FieldDef = z.infer<typeof FieldDefSchema>;
