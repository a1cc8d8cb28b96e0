import { fromDays, toDays, type CivilDate } from './civil-date.ts';

const MINUTE = 60_000;
const DAY = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True for a time zone name this runtime knows (IANA, e.g. "Europe/Riga"). */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock reading in `timeZone` at `instant`, as if it were UTC milliseconds. */
function wallClockMs(instant: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(instant)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const days = toDays({ year: parts.year!, month: parts.month!, day: parts.day! });
  return days * DAY + ((parts.hour! * 60 + parts.minute!) * 60 + parts.second!) * 1000;
}

/** UTC offset of `timeZone` at `instant`, in milliseconds (wall clock − UTC). */
export function offsetAt(instant: number, timeZone: string): number {
  return (
    wallClockMs(Math.floor(instant / 1000) * 1000, timeZone) - Math.floor(instant / 1000) * 1000
  );
}

/**
 * The instant at which the wall clock in `timeZone` shows `date` at `minutes` past midnight,
 * following RFC 5545: a time skipped by a spring-forward change is read with the offset
 * before the change (02:30 → 03:30 in New York); a time that occurs twice after a fall-back
 * change means its first occurrence.
 */
export function zonedInstant(date: CivilDate, minutes: number, timeZone: string): number {
  const wall = toDays(date) * DAY + minutes * MINUTE;
  const before = offsetAt(wall - DAY, timeZone);
  const after = offsetAt(wall + DAY, timeZone);
  const candidates = [wall - before, wall - after].filter((i) => wallClockMs(i, timeZone) === wall);
  if (candidates.length > 0) return Math.min(...candidates);
  return wall - before;
}

/** The calendar date in `timeZone` at `instant`. */
export function zonedDate(instant: number, timeZone: string): CivilDate {
  return fromDays(Math.floor(wallClockMs(instant, timeZone) / DAY));
}
