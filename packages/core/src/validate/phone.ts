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
  /** National lengths every country under the calling code calls possible. */
  readonly lengths: readonly number[];
  /** Any national prefix pattern in use under it: a match means the full parse may strip it. */
  readonly prefixes: RegExp | null;
}

let meta: MetadataApi | null = null;
/** Per calling code: `undefined` = not a calling code; `null` = no length all its countries share. */
const plans = new Map<string, Plan | null | undefined>();

function planFor(callingCode: string): Plan | null | undefined {
  if (plans.has(callingCode)) return plans.get(callingCode);
  meta ??= new Metadata() as unknown as MetadataApi;
  const api = meta;
  let plan: Plan | null | undefined;
  if (api.hasCallingCode(callingCode)) {
    const countries = api.getCountryCodesForCallingCode(callingCode) ?? [];
    let lengths: number[] | null = null;
    const prefixes = new Set<string>();
    for (const target of countries.length > 0 ? countries : [callingCode]) {
      api.selectNumberingPlan(target);
      const own = api.numberingPlan?.possibleLengths() ?? [];
      lengths = lengths === null ? [...own] : lengths.filter((n) => own.includes(n));
      const prefix = api.numberingPlan?.nationalPrefixForParsing();
      if (prefix) prefixes.add(`(?:${prefix})`);
    }
    const pattern = prefixes.size > 0 ? new RegExp(`^(?:${[...prefixes].join('|')})`) : null;
    plan = lengths && lengths.length > 0 ? { lengths, prefixes: pattern } : null;
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
    if (plan.prefixes?.test(national)) return null;
    return plan.lengths.includes(national.length) ? compact : null;
  }
  return null;
}

/** Written without a country code: the profile's region decides what the digits mean. */
export const isNationalForm = (value: string) => !/^(\+|00)/.test(value.trim());

/**
 * A phone number in E.164 form (+14155550123), or null when it cannot be one. A number written
 * with its country code must be possible there; one written without must be valid in the
 * profile's region — a number that cannot exist there is never guessed into another one.
 */
export function normalisePhone(value: string, defaultRegion: string): string | null {
  const trimmed = value.trim();
  const fast = fastE164(trimmed);
  if (fast !== null) return fast;
  const parsed = parsePhoneNumberFromString(trimmed, defaultRegion as CountryCode);
  if (!parsed || !parsed.isPossible()) return null;
  if (isNationalForm(trimmed) && !parsed.isValid()) return null;
  const e164 = parsed.number;
  return E164.test(e164) ? e164 : null;
}
