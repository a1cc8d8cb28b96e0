/**
 * A host's check of one field value, sync or async: return the value to keep (the same, or
 * rewritten: trimmed, upper-cased, looked up), nothing to keep it as it is, or `{ problem }` to
 * leave the row out with that reason (a short phrase: "not a valid IBAN").
 */
export type FieldCheck = (
  value: string,
  context: FieldCheckContext,
) => FieldCheckResult | Promise<FieldCheckResult>;

export type FieldCheckResult = string | { readonly problem: string } | undefined | void;

export interface FieldCheckContext {
  /** The row of the file, numbered as a spreadsheet shows it (the header is row 1). */
  readonly row: number;
}
