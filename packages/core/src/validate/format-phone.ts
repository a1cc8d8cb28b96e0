import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';

/**
 * A stored phone number (E.164, "+14157999999") as a person in `region` writes it: in national
 * form when the number is from there ("(415) 799-9999" in the US), otherwise in international
 * form ("+1 415 799 9999"). Anything that is not a number it knows stays as it is.
 */
export function formatPhone(value: string, region: string | null): string {
  if (!value.startsWith('+')) return value;
  const parsed = parsePhoneNumberFromString(value);
  if (!parsed) return value;
  return region && parsed.country === (region as CountryCode)
    ? parsed.formatNational()
    : parsed.formatInternational();
}
