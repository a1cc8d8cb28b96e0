import type { Schedule } from './schedule-model.ts';

/** "the last of these days" for month-end rules: BYMONTHDAY=28..D with BYSETPOS=-1. */
function dayRule(day: number): string {
  if (day <= 28) return `BYMONTHDAY=${day}`;
  const days = Array.from({ length: day - 27 }, (_, i) => 28 + i).join(',');
  return `BYMONTHDAY=${days};BYSETPOS=-1`;
}

/**
 * The schedule as iCalendar (RFC 5545) DTSTART and RRULE lines, so calendars show the same
 * occurrences (month-end days are written as "the last of 28…D", matching our rule).
 */
export function toRRule(schedule: Schedule): string {
  const r = schedule.recurrence;
  const parts: string[] = [];
  switch (r.kind) {
    case 'daily':
      parts.push('FREQ=DAILY', `INTERVAL=${r.every}`);
      break;
    case 'weekdays':
      parts.push('FREQ=WEEKLY', 'BYDAY=MO,TU,WE,TH,FR');
      break;
    case 'weekly':
      parts.push('FREQ=WEEKLY', `INTERVAL=${r.every}`, `BYDAY=${r.days.join(',')}`);
      break;
    case 'monthly-day':
      parts.push('FREQ=MONTHLY', `INTERVAL=${r.every}`, dayRule(r.day));
      break;
    case 'monthly-weekday':
      parts.push('FREQ=MONTHLY', `INTERVAL=${r.every}`, `BYDAY=${r.nth}${r.weekday}`);
      break;
    case 'yearly':
      parts.push('FREQ=YEARLY', `BYMONTH=${r.month}`, dayRule(r.day));
      break;
  }
  if (schedule.range.kind === 'count') parts.push(`COUNT=${schedule.range.count}`);
  if (schedule.range.kind === 'until')
    parts.push(`UNTIL=${schedule.range.date.replaceAll('-', '')}`);
  const start = `${schedule.startDate.replaceAll('-', '')}T${schedule.time.replace(':', '')}00`;
  return `DTSTART;TZID=${schedule.timeZone}:${start}\nRRULE:${parts.join(';')}`;
}
