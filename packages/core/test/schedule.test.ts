import { expect } from '@open-wc/testing';
import {
  dueRun,
  lateRunNotes,
  nextRuns,
  ScheduleSchema,
  toRRule,
  type Schedule,
} from '../src/index.ts';

const iso = (ms: number) => new Date(ms).toISOString().replace('.000', '');
const at = (text: string) => Date.parse(text);

function schedule(over: Partial<Schedule>): Schedule {
  return {
    startDate: '2026-01-01',
    time: '09:00',
    timeZone: 'UTC',
    recurrence: { kind: 'daily', every: 1 },
    range: { kind: 'forever' },
    ...over,
  };
}

const runs = (s: Schedule, after: string, count: number) => nextRuns(s, at(after), count).map(iso);

describe('recurrence patterns', () => {
  it('daily every N days', () => {
    expect(
      runs(schedule({ recurrence: { kind: 'daily', every: 3 } }), '2026-01-01T00:00:00Z', 3),
    ).to.deep.equal(['2026-01-01T09:00:00Z', '2026-01-04T09:00:00Z', '2026-01-07T09:00:00Z']);
  });

  it('every weekday skips Saturday and Sunday', () => {
    // 2026-01-02 is a Friday.
    expect(
      runs(
        schedule({ startDate: '2026-01-02', recurrence: { kind: 'weekdays' } }),
        '2026-01-01T00:00:00Z',
        3,
      ),
    ).to.deep.equal(['2026-01-02T09:00:00Z', '2026-01-05T09:00:00Z', '2026-01-06T09:00:00Z']);
  });

  it('every N weeks on chosen days, starting mid-week', () => {
    // 2026-01-01 is a Thursday: Monday that week is already past.
    const s = schedule({ recurrence: { kind: 'weekly', every: 2, days: ['MO', 'TH'] } });
    expect(runs(s, '2025-12-31T00:00:00Z', 4)).to.deep.equal([
      '2026-01-01T09:00:00Z',
      '2026-01-12T09:00:00Z',
      '2026-01-15T09:00:00Z',
      '2026-01-26T09:00:00Z',
    ]);
  });

  it('day 31 of every month runs on the last day of shorter months', () => {
    const s = schedule({
      startDate: '2026-01-31',
      recurrence: { kind: 'monthly-day', every: 1, day: 31 },
    });
    expect(runs(s, '2026-01-01T00:00:00Z', 4)).to.deep.equal([
      '2026-01-31T09:00:00Z',
      '2026-02-28T09:00:00Z',
      '2026-03-31T09:00:00Z',
      '2026-04-30T09:00:00Z',
    ]);
    const leap = schedule({
      startDate: '2028-01-30',
      recurrence: { kind: 'monthly-day', every: 1, day: 30 },
    });
    expect(runs(leap, '2028-01-01T00:00:00Z', 2)).to.deep.equal([
      '2028-01-30T09:00:00Z',
      '2028-02-29T09:00:00Z',
    ]);
  });

  it('the nth or last weekday of every N months', () => {
    const second = schedule({
      recurrence: { kind: 'monthly-weekday', every: 1, nth: 2, weekday: 'TU' },
    });
    expect(runs(second, '2026-01-01T00:00:00Z', 3)).to.deep.equal([
      '2026-01-13T09:00:00Z',
      '2026-02-10T09:00:00Z',
      '2026-03-10T09:00:00Z',
    ]);
    const last = schedule({
      recurrence: { kind: 'monthly-weekday', every: 3, nth: -1, weekday: 'FR' },
    });
    expect(runs(last, '2026-01-01T00:00:00Z', 3)).to.deep.equal([
      '2026-01-30T09:00:00Z',
      '2026-04-24T09:00:00Z',
      '2026-07-31T09:00:00Z',
    ]);
  });

  it('yearly, with 29 February on the 28th in other years', () => {
    const s = schedule({
      startDate: '2028-02-29',
      recurrence: { kind: 'yearly', month: 2, day: 29 },
    });
    expect(runs(s, '2028-01-01T00:00:00Z', 3)).to.deep.equal([
      '2028-02-29T09:00:00Z',
      '2029-02-28T09:00:00Z',
      '2030-02-28T09:00:00Z',
    ]);
  });
});

describe('ranges', () => {
  it('ends after N occurrences, counted from the start', () => {
    const s = schedule({ range: { kind: 'count', count: 3 } });
    expect(runs(s, '2026-01-02T12:00:00Z', 10)).to.deep.equal(['2026-01-03T09:00:00Z']);
  });

  it('ends by a date, that day included', () => {
    const s = schedule({ range: { kind: 'until', date: '2026-01-03' } });
    expect(runs(s, '2025-12-01T00:00:00Z', 10)).to.have.length(3);
  });

  it('has no end otherwise', () => {
    expect(runs(schedule({}), '2030-06-01T10:00:00Z', 1)).to.deep.equal(['2030-06-02T09:00:00Z']);
  });
});

describe('time zones and daylight saving', () => {
  it('New York: 02:30 on the spring-forward day runs at 03:30 EDT; 01:30 on the fall-back day runs once', () => {
    const spring = schedule({
      startDate: '2026-03-07',
      time: '02:30',
      timeZone: 'America/New_York',
    });
    expect(runs(spring, '2026-03-07T00:00:00Z', 3)).to.deep.equal([
      '2026-03-07T07:30:00Z', // 02:30 EST
      '2026-03-08T07:30:00Z', // 02:30 does not exist: 03:30 EDT
      '2026-03-09T06:30:00Z', // 02:30 EDT
    ]);
    const fall = schedule({ startDate: '2026-10-31', time: '01:30', timeZone: 'America/New_York' });
    expect(runs(fall, '2026-10-31T00:00:00Z', 3)).to.deep.equal([
      '2026-10-31T05:30:00Z', // 01:30 EDT
      '2026-11-01T05:30:00Z', // the first 01:30 (EDT), not the second (EST)
      '2026-11-02T06:30:00Z', // 01:30 EST
    ]);
  });

  it('Riga: 03:30 on the spring-forward day runs at 04:30; 03:30 on the fall-back day runs once', () => {
    const spring = schedule({ startDate: '2026-03-28', time: '03:30', timeZone: 'Europe/Riga' });
    expect(runs(spring, '2026-03-27T00:00:00Z', 3)).to.deep.equal([
      '2026-03-28T01:30:00Z', // 03:30 EET (+02)
      '2026-03-29T01:30:00Z', // 03:30 does not exist: 04:30 EEST
      '2026-03-30T00:30:00Z', // 03:30 EEST (+03)
    ]);
    const fall = schedule({ startDate: '2026-10-24', time: '03:30', timeZone: 'Europe/Riga' });
    expect(runs(fall, '2026-10-24T00:00:00Z', 3)).to.deep.equal([
      '2026-10-24T00:30:00Z',
      '2026-10-25T00:30:00Z', // the first 03:30 (EEST)
      '2026-10-26T01:30:00Z',
    ]);
  });

  it('keeps a weekly wall-clock time across the change', () => {
    const s = schedule({
      startDate: '2026-03-02',
      time: '09:00',
      timeZone: 'America/New_York',
      recurrence: { kind: 'weekly', every: 1, days: ['MO'] },
    });
    expect(runs(s, '2026-03-01T00:00:00Z', 2)).to.deep.equal([
      '2026-03-02T14:00:00Z',
      '2026-03-09T13:00:00Z',
    ]);
  });
});

describe('catching up', () => {
  it('runs a missed schedule once, for the latest missed occurrence, and says how many it covers', () => {
    const s = schedule({});
    expect(dueRun(s, at('2026-01-05T09:00:00Z'), at('2026-01-08T12:00:00Z'))).to.deep.equal({
      due: at('2026-01-08T09:00:00Z'),
      missed: 2,
    });
    expect(dueRun(s, at('2026-01-08T09:00:00Z'), at('2026-01-08T12:00:00Z'))).to.deep.equal({
      due: null,
      missed: 0,
    });
    expect(dueRun(s, at('2026-01-07T09:00:00Z'), at('2026-01-08T09:00:00Z'))).to.deep.equal({
      due: at('2026-01-08T09:00:00Z'),
      missed: 0,
    });
  });
});

describe('schedule validation and RRULE', () => {
  it('refuses unknown time zones and impossible dates and times', () => {
    expect(ScheduleSchema.safeParse(schedule({ timeZone: 'Mars/Olympus' })).success).to.equal(
      false,
    );
    expect(ScheduleSchema.safeParse(schedule({ startDate: '2026-02-30' })).success).to.equal(false);
    expect(ScheduleSchema.safeParse(schedule({ time: '24:00' })).success).to.equal(false);
    expect(ScheduleSchema.safeParse(schedule({ timeZone: 'Europe/Riga' })).success).to.equal(true);
  });

  it('exports RFC 5545 lines', () => {
    expect(
      toRRule(
        schedule({
          timeZone: 'Europe/Riga',
          time: '02:30',
          recurrence: { kind: 'weekly', every: 2, days: ['MO', 'WE'] },
          range: { kind: 'count', count: 5 },
        }),
      ),
    ).to.equal(
      'DTSTART;TZID=Europe/Riga:20260101T023000\nRRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;COUNT=5',
    );
    expect(
      toRRule(
        schedule({
          recurrence: { kind: 'monthly-day', every: 1, day: 31 },
          range: { kind: 'until', date: '2026-12-31' },
        }),
      ),
    ).to.equal(
      'DTSTART;TZID=UTC:20260101T090000\nRRULE:FREQ=MONTHLY;INTERVAL=1;BYMONTHDAY=28,29,30,31;BYSETPOS=-1;UNTIL=20261231',
    );
    expect(
      toRRule(
        schedule({ recurrence: { kind: 'monthly-weekday', every: 1, nth: -1, weekday: 'FR' } }),
      ),
    ).to.contain('BYDAY=-1FR');
  });
});

describe('notes of a late scheduled run', () => {
  it('says nothing within a minute, then when it was due (UTC) and what it caught up', () => {
    const due = at('2026-12-02T00:30:00Z');
    expect(lateRunNotes(due, due + 60_000, 0, 'server')).to.deep.equal([]);
    for (const instant of [due + 7, at('1999-12-31T23:59:59.999Z'), at('2028-02-29T12:00:00Z')])
      expect(lateRunNotes(instant, instant + 3_600_000, 0, 'browser')[0]!.message).to.match(
        new RegExp(
          `^This run was due at ${new Date(instant).toISOString()} and ran late, when a portal tab`,
        ),
      );
    expect(lateRunNotes(due, due + 86_400_000, 2, 'server')).to.deep.equal([
      {
        code: 'late',
        params: { due, by: 'server' },
        message:
          'This run was due at 2026-12-02T00:30:00.000Z and ran late, when the server was next running.',
      },
      {
        code: 'missed-caught-up',
        params: { count: 2 },
        message: '2 earlier missed runs were caught up by this one.',
      },
    ]);
  });
});
