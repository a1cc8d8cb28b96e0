/** Zones whose IANA name is an old spelling the browser still reports. */
const RENAMED: Record<string, string> = {
  Calcutta: 'Kolkata',
  Saigon: 'Ho Chi Minh City',
  Katmandu: 'Kathmandu',
  Rangoon: 'Yangon',
  Kiev: 'Kyiv',
  Godthab: 'Nuuk',
  Ulan_Bator: 'Ulaanbaatar',
  Thimbu: 'Thimphu',
  Dacca: 'Dhaka',
  Asmera: 'Asmara',
  Faeroe: 'Faroe',
};

/**
 * A time zone as a person knows it: its city, the zone's name in the user's language and its
 * offset now, e.g. "Kolkata — India Standard Time (GMT+05:30)". Starting with the city, the
 * list sorts by it and a select finds it by typing its first letters.
 */
export function zoneLabel(zone: string, locale: string | undefined, now: number): string {
  const last = zone.split('/').pop() ?? zone;
  const city = (RENAMED[last] ?? last).replace(/_/g, ' ');
  const part = (style: 'long' | 'longOffset') => {
    try {
      return new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: style })
        .formatToParts(now)
        .find((p) => p.type === 'timeZoneName')?.value;
    } catch {
      return undefined;
    }
  };
  const name = part('long');
  const offset = part('longOffset') ?? '';
  // "UTC" and "GMT" need no city; a name that only repeats the offset adds nothing.
  const named = name && name !== offset && !name.startsWith('GMT') ? ` — ${name}` : '';
  return `${city}${named}${offset ? ` (${offset})` : ''}`;
}
