import { z } from 'zod/mini';
import { parseCivilDate } from './civil-date.ts';
import { isTimeZone } from './zoned-time.ts';

import { WEEKDAYS } from './weekdays.ts';

export { WEEKDAYS, type Weekday } from './weekdays.ts';

const every = z.number().check(z.int(), z.minimum(1), z.maximum(999));

/** Patterns as calendar apps offer them. */
export const RecurrenceSchema = z.discriminatedUnion('kind', [
  /** Every N days. */
  z.object({ kind: z.literal('daily'), every }),
  /** Monday to Friday. */
  z.object({ kind: z.literal('weekdays') }),
  /** Every N weeks on the chosen days. */
  z.object({
    kind: z.literal('weekly'),
    every,
    days: z.array(z.enum(WEEKDAYS)).check(z.minLength(1)),
  }),
  /** Day D of every N months; in shorter months, their last day. */
  z.object({
    kind: z.literal('monthly-day'),
    every,
    day: z.number().check(z.int(), z.minimum(1), z.maximum(31)),
  }),
  /** The 1st–4th or last given weekday of every N months. */
  z.object({
    kind: z.literal('monthly-weekday'),
    every,
    nth: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(-1)]),
    weekday: z.enum(WEEKDAYS),
  }),
  /** Once a year on a month and day; 29 February falls on the 28th in other years. */
  z.object({
    kind: z.literal('yearly'),
    month: z.number().check(z.int(), z.minimum(1), z.maximum(12)),
    day: z.number().check(z.int(), z.minimum(1), z.maximum(31)),
  }),
]);
export type Recurrence = z.infer<typeof RecurrenceSchema>;

const dateString = z
  .string()
  .check(z.refine((s) => parseCivilDate(s) !== null, { message: 'Use a date like 2026-11-22.' }));

export const RangeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('forever') }),
  z.object({
    kind: z.literal('count'),
    count: z.number().check(z.int(), z.minimum(1), z.maximum(100_000)),
  }),
  /** Up to and including this date, in the schedule's time zone. */
  z.object({ kind: z.literal('until'), date: dateString }),
]);
export type RecurrenceRange = z.infer<typeof RangeSchema>;

export const ScheduleSchema = z.object({
  /** First day, in the schedule's time zone. */
  startDate: dateString,
  /** Wall-clock time of day, "HH:MM". */
  time: z
    .string()
    .check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'Use a time like 02:30.' })),
  timeZone: z
    .string()
    .check(z.refine(isTimeZone, { message: 'Use an IANA time zone such as Europe/Riga.' })),
  recurrence: RecurrenceSchema,
  range: RangeSchema,
});
export type Schedule = z.infer<typeof ScheduleSchema>;
