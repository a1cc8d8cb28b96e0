/**
 * The longest allowed value a field's rules may list, in characters. Apart from the schemas, so
 * that a form can check it without loading zod.
 */
export const MAX_OPTION_LENGTH = 100;
