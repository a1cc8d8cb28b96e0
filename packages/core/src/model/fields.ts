import { z } from 'zod/mini';

import { FIELD_TYPES } from './field-types.ts';

export { FIELD_TYPES, type FieldType } from './field-types.ts';

export const FieldDefSchema = z.object({
  id: z.string().check(z.regex(/^[a-zA-Z][a-zA-Z0-9_]{0,63}$/)),
  label: z.string().check(z.minLength(1), z.maxLength(100)),
  type: z.enum(FIELD_TYPES),
  builtIn: z.boolean(),
});
export type FieldDef = z.infer<typeof FieldDefSchema>;
