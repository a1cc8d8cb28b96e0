/** A number as a spreadsheet would read it anyway ("+371 2000 0000", "-12.5"): never a formula. */
const PLAIN_NUMBER = /^[+-]?[\d\s().-]*\d[\d\s().]*$/;

/**
 * OWASP's CSV-injection guard: a cell a spreadsheet would run as a formula (leading `=`, `+`,
 * `-`, `@`, tab or carriage return) gets a leading apostrophe, which spreadsheets show as text.
 * Phone numbers and other plain numbers are left as they are.
 */
export function neutraliseFormula(cell: string): string {
  if (!/^[=+\-@\t\r]/.test(cell) || PLAIN_NUMBER.test(cell)) return cell;
  return `'${cell}`;
}
