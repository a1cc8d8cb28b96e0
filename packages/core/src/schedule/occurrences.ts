import {
  addDays,
  addMonths,
  compareDates,
  daysInMonth,
  parseCivilDate,
  toDays,
  weekdayOf,
  type CivilDate,
} from './civil-date.ts';
import type { Recurrence, Schedule } from './schedule-model.ts';
import { WEEKDAYS } from './weekdays.ts';
import { zonedInstant } from './zoned-time.ts';

/** Occurrence dates of a pattern from its start date on, in order, without end. */
function* datesOf(recurrence: Recurrence, start: CivilDate): Generator<CivilDate> {
  switch (recurrence.kind) {
    case 'daily':
      for (let n = 0; ; n += recurrence.every) yield addDays(start, n);
    case 'weekdays':
      for (let d = start; ; d = addDays(d, 1)) if (weekdayOf(d) < 5) yield d;
    case 'weekly': {
      const days = [...new Set(recurrence.days.map((w) => WEEKDAYS.indexOf(w)))].sort(
        (a, b) => a - b,
      );
      const monday = addDays(start, -weekdayOf(start));
      for (let week = 0; ; week += recurrence.every) {
        for (const day of days) {
          const date = addDays(monday, week * 7 + day);
          if (compareDates(date, start) >= 0) yield date;
        }
      }
    }
    case 'monthly-day':
      for (let n = 0; ; n += recurrence.every) {
        const { year, month } = addMonths(start.year, start.month, n);
        const date = { year, month, day: Math.min(recurrence.day, daysInMonth(year, month)) };
        if (compareDates(date, start) >= 0) yield date;
      }
    case 'monthly-weekday': {
      const target = WEEKDAYS.indexOf(recurrence.weekday);
      for (let n = 0; ; n += recurrence.every) {
        const { year, month } = addMonths(start.year, start.month, n);
        let date: CivilDate;
        if (recurrence.nth === -1) {
          const last = { year, month, day: daysInMonth(year, month) };
          date = addDays(last, -((weekdayOf(last) - target + 7) % 7));
        } else {
          const first = { year, month, day: 1 };
          date = addDays(first, ((target - weekdayOf(first) + 7) % 7) + (recurrence.nth - 1) * 7);
        }
        if (compareDates(date, start) >= 0) yield date;
      }
    }
    case 'yearly':
      for (let year = start.year; ; year++) {
        const date = {
          year,
          month: recurrence.month,
          day: Math.min(recurrence.day, daysInMonth(year, recurrence.month)),
        };
        if (compareDates(date, start) >= 0) yield date;
      }
  }
}

/** Every occurrence of a schedule as an instant (ms since the epoch), in order, within its range. */
export function* occurrences(schedule: Schedule): Generator<number> {
  const start = parseCivilDate(schedule.startDate)!;
  const [h, m] = schedule.time.split(':').map(Number) as [number, number];
  const until =
    schedule.range.kind === 'until' ? toDays(parseCivilDate(schedule.range.date)!) : Infinity;
  let left = schedule.range.kind === 'count' ? schedule.range.count : Infinity;
  for (const date of datesOf(schedule.recurrence, start)) {
    if (left-- <= 0 || toDays(date) > until) return;
    yield zonedInstant(date, h * 60 + m, schedule.timeZone);
  }
}

/** The next `count` runs strictly after `after`. */
export function nextRuns(schedule: Schedule, after: number, count: number): number[] {
  const out: number[] = [];
  if (count <= 0) return out;
  for (const instant of occurrences(schedule)) {
    if (instant <= after) continue;
    out.push(instant);
    if (out.length >= count) break;
  }
  return out;
}

/**
 * What is due at `now` for a schedule last run (or created) at `since`: the latest occurrence
 * in (since, now], run once however many were missed, and how many that covers.
 */
export function dueRun(
  schedule: Schedule,
  since: number,
  now: number,
): { due: number | null; missed: number } {
  let due: number | null = null;
  let covered = 0;
  for (const instant of occurrences(schedule)) {
    if (instant > now) break;
    if (instant <= since) continue;
    due = instant;
    covered++;
  }
  return { due, missed: Math.max(0, covered - 1) };
}
