import type { Recurrence, RecurrenceRange, Schedule, Weekday } from '@contactsync/sdk';

export type RecurrenceKind = Recurrence['kind'];
export type RangeKind = RecurrenceRange['kind'];

/**
 * Everything the schedule form holds, for every pattern at once, so switching the pattern back
 * and forth keeps what was typed.
 */
export interface ScheduleDraft {
  startDate: string;
  time: string;
  timeZone: string;
  kind: RecurrenceKind;
  every: number;
  days: Weekday[];
  day: number;
  nth: 1 | 2 | 3 | 4 | -1;
  weekday: Weekday;
  month: number;
  rangeKind: RangeKind;
  count: number;
  until: string;
}

/** Today's date in a time zone, as YYYY-MM-DD. */
export function todayIn(timeZone: string, now = Date.now()): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

export function draftFrom(schedule: Schedule | null, timeZone: string): ScheduleDraft {
  const start = schedule?.startDate ?? todayIn(timeZone);
  const [, month = 1, day = 1] = start.split('-').map(Number);
  const draft: ScheduleDraft = {
    startDate: start,
    time: schedule?.time ?? '02:00',
    timeZone: schedule?.timeZone ?? timeZone,
    kind: 'daily',
    every: 1,
    days: ['MO'],
    day,
    nth: 1,
    weekday: 'MO',
    month,
    rangeKind: 'forever',
    count: 10,
    until: start,
  };
  if (!schedule) return draft;
  const r = schedule.recurrence;
  draft.kind = r.kind;
  if ('every' in r) draft.every = r.every;
  if (r.kind === 'weekly') draft.days = [...r.days];
  if (r.kind === 'monthly-day' || r.kind === 'yearly') draft.day = r.day;
  if (r.kind === 'monthly-weekday') {
    draft.nth = r.nth;
    draft.weekday = r.weekday;
  }
  if (r.kind === 'yearly') draft.month = r.month;
  draft.rangeKind = schedule.range.kind;
  if (schedule.range.kind === 'count') draft.count = schedule.range.count;
  if (schedule.range.kind === 'until') draft.until = schedule.range.date;
  return draft;
}

function recurrenceOf(d: ScheduleDraft): Recurrence | null {
  switch (d.kind) {
    case 'daily':
      return { kind: 'daily', every: d.every };
    case 'weekdays':
      return { kind: 'weekdays' };
    case 'weekly':
      return d.days.length ? { kind: 'weekly', every: d.every, days: d.days } : null;
    case 'monthly-day':
      return { kind: 'monthly-day', every: d.every, day: d.day };
    case 'monthly-weekday':
      return { kind: 'monthly-weekday', every: d.every, nth: d.nth, weekday: d.weekday };
    case 'yearly':
      return { kind: 'yearly', month: d.month, day: d.day };
  }
}

const whole = (n: number, min: number, max: number) => Number.isInteger(n) && n >= min && n <= max;

/** The schedule the form describes, or null while it is incomplete or out of range. */
export function scheduleFrom(d: ScheduleDraft): Schedule | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d.startDate) || !/^\d{2}:\d{2}$/.test(d.time)) return null;
  if (!whole(d.every, 1, 999) || !whole(d.day, 1, 31)) return null;
  const recurrence = recurrenceOf(d);
  if (!recurrence) return null;
  let range: RecurrenceRange;
  if (d.rangeKind === 'count') {
    if (!whole(d.count, 1, 100_000)) return null;
    range = { kind: 'count', count: d.count };
  } else if (d.rangeKind === 'until') {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d.until) || d.until < d.startDate) return null;
    range = { kind: 'until', date: d.until };
  } else range = { kind: 'forever' };
  return { startDate: d.startDate, time: d.time, timeZone: d.timeZone, recurrence, range };
}
