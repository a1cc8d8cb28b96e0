import { Metadata, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';

const E164 = /^\+[1-9]\d{6,14}$/;
const SEPARATORS = /[\s().-]/g;

/** The parts of the library's Metadata class used here (public methods its typings omit). */
interface MetadataApi {
  hasCallingCode(callingCode: string): boolean | undefined;
  getCountryCodesForCallingCode(callingCode: string): string[] | undefined;
  selectNumberingPlan(countryOrCallingCode: string): void;
  numberingPlan?: {
    possibleLengths(): number[] | undefined;
    nationalPrefixForParsing(): string | undefined;
  };
}

interface Plan {
  readonly lengths: readonly number[];
  readonly prefix: RegExp | null;
}

let meta: MetadataApi | null = null;
/**
 * Per calling code: `undefined` = not a calling code; `null` = countries under it disagree on
 * possible lengths (let the full parse decide); otherwise the lengths and national prefix.
 */
const plans = new Map<string, Plan | null | undefined>();

function planFor(callingCode: string): Plan | null | undefined {
  if (plans.has(callingCode)) return plans.get(callingCode);
  meta ??= new Metadata() as unknown as MetadataApi;
  const api = meta;
  let plan: Plan | null | undefined;
  if (api.hasCallingCode(callingCode)) {
    const lengthsOf = (countryOrCode: string) => {
      api.selectNumberingPlan(countryOrCode);
      return JSON.stringify(api.numberingPlan?.possibleLengths() ?? []);
    };
    const countries = api.getCountryCodesForCallingCode(callingCode) ?? [];
    const all = new Set(countries.length > 0 ? countries.map(lengthsOf) : [lengthsOf(callingCode)]);
    api.selectNumberingPlan(callingCode);
    const prefix = api.numberingPlan?.nationalPrefixForParsing();
    plan =
      all.size === 1
        ? {
            lengths: JSON.parse([...all][0]!) as number[],
            prefix: prefix ? new RegExp(`^(?:${prefix})`) : null,
          }
        : null;
  }
  plans.set(callingCode, plan);
  return plan;
}

/**
 * Accepts an international number whose length the library's own metadata calls possible,
 * without its full parse (which also detects the country, a regex search we do not need).
 * Returns null whenever the full parse could decide otherwise; it never rejects.
 */
function fastE164(value: string): string | null {
  const compact = value.startsWith('+') ? value.replace(SEPARATORS, '') : '';
  if (!E164.test(compact)) return null;
  for (let length = 1; length <= 3; length++) {
    const plan = planFor(compact.slice(1, 1 + length));
    if (plan === undefined) continue;
    if (plan === null) return null;
    const national = compact.slice(1 + length);
    if (plan.prefix?.test(national)) return null;
    return plan.lengths.includes(national.length) ? compact : null;
  }
  return null;
}

/** A phone number in E.164 form (+14155550123), or null when it cannot be one. */
export function normalisePhone(value: string, defaultRegion: string): string | null {
  const trimmed = value.trim();
  const fast = fastE164(trimmed);
  if (fast !== null) return fast;
  const parsed = parsePhoneNumberFromString(trimmed, defaultRegion as CountryCode);
  if (!parsed || !parsed.isPossible()) return null;
  const e164 = parsed.number;
  return E164.test(e164) ? e164 : null;
}

/** The library alone, for tests that hold the fast path to the same answers. */
export function normalisePhoneSlow(value: string, defaultRegion: string): string | null {
  const parsed = parsePhoneNumberFromString(value.trim(), defaultRegion as CountryCode);
  if (!parsed || !parsed.isPossible()) return null;
  return E164.test(parsed.number) ? parsed.number : null;
}
