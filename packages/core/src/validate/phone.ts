import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';

const E164 = /^\+[1-9]\d{6,14}$/;

/** A phone number in E.164 form (+14155550123), or null when it cannot be one. */
export function normalisePhone(value: string, defaultRegion: string): string | null {
  const trimmed = value.trim();
  const parsed = parsePhoneNumberFromString(trimmed, defaultRegion as CountryCode);
  if (!parsed || !parsed.isPossible()) return null;
  const e164 = parsed.number;
  return E164.test(e164) ? e164 : null;
}
