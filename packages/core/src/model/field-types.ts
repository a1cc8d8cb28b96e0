export const FIELD_TYPES = ['text', 'email', 'phone', 'date', 'number', 'url', 'password'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];
