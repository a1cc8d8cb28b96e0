import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { toRRule, type Schedule } from '@contactsync/sdk';
import { ScheduleChangeEvent, ScheduleEditor } from '../index.ts';
import { lv } from '../i18n/lv.ts';
import { $, axeViolations, choose, client, nextEvent, type, until } from '../../test/helpers.ts';

ScheduleEditor.define();

const saved: Schedule = {
  startDate: '2026-12-01',
  time: '02:30',
  timeZone: 'Europe/Riga',
  recurrence: { kind: 'weekly', every: 2, days: ['MO', 'TH'] },
  range: { kind: 'count', count: 5 },
};

describe('<cs-schedule-editor>', () => {
  it('shows a saved schedule, and every change emits the schedule it describes', async () => {
    const editor = await fixture<ScheduleEditor>(
      html`<cs-schedule-editor .schedule=${saved} locale="en-GB"></cs-schedule-editor>`,
    );
    expect(editor.value).to.deep.equal(saved);
    const checked = [...editor.shadowRoot!.querySelectorAll<HTMLInputElement>('.days input')]
      .filter((i) => i.checked)
      .map((i) => i.parentElement!.querySelector('.visually-hidden')!.textContent);
    expect(checked).to.deep.equal(['Monday', 'Thursday']);
    expect(await axeViolations(editor)).to.deep.equal([]);

    let event = nextEvent<ScheduleChangeEvent>(editor, ScheduleChangeEvent.type);
    choose($<HTMLSelectElement>(editor, 'select[aria-label=Repeat]'), 'monthly-weekday');
    let schedule = (await event).schedule!;
    expect(schedule.recurrence).to.deep.equal({
      kind: 'monthly-weekday',
      every: 2,
      nth: 1,
      weekday: 'MO',
    });
    await editor.updateComplete;
    event = nextEvent<ScheduleChangeEvent>(editor, ScheduleChangeEvent.type);
    choose(editor.shadowRoot!.querySelectorAll<HTMLSelectElement>('fieldset select')[2]!, '-1');
    schedule = (await event).schedule!;
    expect(toRRule(schedule)).to.contain('BYDAY=-1MO');

    // Switching back keeps the days chosen earlier.
    choose($<HTMLSelectElement>(editor, 'select[aria-label=Repeat]'), 'weekly');
    expect(editor.value!.recurrence).to.deep.equal(saved.recurrence);
  });

  it('names time zones as people know them, and shows the next runs in the chosen zone', async () => {
    const sync = await client('schedule');
    const schedule: Schedule = {
      startDate: '2030-01-07',
      time: '02:30',
      timeZone: 'Asia/Kolkata',
      recurrence: { kind: 'daily', every: 1 },
      range: { kind: 'count', count: 2 },
    };
    const editor = await fixture<ScheduleEditor>(
      html`<cs-schedule-editor
        .sync=${sync}
        .schedule=${schedule}
        locale="en-GB"
      ></cs-schedule-editor>`,
    );
    const zone = editor.shadowRoot!.querySelectorAll('fieldset select')[0] as HTMLSelectElement;
    const label = zone.selectedOptions[0]!.textContent!.trim();
    expect(label).to.equal('Kolkata — India Standard Time (GMT+05:30)');
    // Listed by city, so typing "Kol" finds it.
    const labels = [...zone.options].map((o) => o.textContent!.trim());
    expect(labels).to.deep.equal([...labels].sort(new Intl.Collator('en-GB').compare));
    expect(labels.some((l) => l.startsWith('Calcutta'))).to.equal(false);
    // The group is not named as the step is ("Schedule").
    expect($(editor, 'legend').textContent!.trim()).to.equal('When it starts');
    // Two runs, at 02:30 in Kolkata however the browser's own zone is set.
    await until(() => $(editor, '[part=upcoming]').textContent!.includes('Next runs'), 'runs');
    expect($(editor, '[part=upcoming]').textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      'Next runs: Mon 7 Jan, 02:30 · Tue 8 Jan, 02:30',
    );
    choose(zone, 'Europe/Riga');
    expect(editor.value!.timeZone).to.equal('Europe/Riga');
    type($<HTMLInputElement>(editor, 'input[type=time]'), '05:15');
    await until(() => $(editor, '[part=upcoming]').textContent!.includes('05:15'), 'new times');
    expect($(editor, '[part=upcoming]').textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      'Next runs: Mon 7 Jan, 05:15 · Tue 8 Jan, 05:15',
    );
    sync.close();
  });

  it('fits a 360 px screen in Latvian, long time-zone names included', async () => {
    const editor = await fixture<ScheduleEditor>(
      html`<cs-schedule-editor
        .schedule=${saved}
        locale="lv"
        style="display:block;width:360px"
      ></cs-schedule-editor>`,
    );
    editor.messages = lv;
    await editor.updateComplete;
    const right = editor.getBoundingClientRect().right + 0.5;
    for (const el of editor.shadowRoot!.querySelectorAll('*'))
      expect(el.getBoundingClientRect().right, el.tagName).to.be.at.most(right);
  });

  it('is null while incomplete: a weekly pattern with no day, an end before the start', async () => {
    const editor = await fixture<ScheduleEditor>(
      html`<cs-schedule-editor .schedule=${saved}></cs-schedule-editor>`,
    );
    for (const box of editor.shadowRoot!.querySelectorAll<HTMLInputElement>('.days input'))
      if (box.checked) box.click();
    expect(editor.value).to.equal(null);
    editor.shadowRoot!.querySelector<HTMLInputElement>('.days input')!.click();
    expect(editor.value).not.to.equal(null);
    editor.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name=range]')[2]!.click();
    await editor.updateComplete;
    type($<HTMLInputElement>(editor, '.range input[type=date]'), '2026-11-01');
    expect(editor.value).to.equal(null);
  });

  it('starts a new schedule today, daily, in the browser time zone; keyboard reaches every control', async () => {
    const editor = await fixture<ScheduleEditor>(html`<cs-schedule-editor></cs-schedule-editor>`);
    const value = editor.value!;
    expect(value.recurrence).to.deep.equal({ kind: 'daily', every: 1 });
    expect(value.timeZone).to.equal(Intl.DateTimeFormat().resolvedOptions().timeZone);
    $<HTMLInputElement>(editor, 'input[type=date]').focus();
    const seen = new Set<string>();
    // Date and time inputs take one Tab per part (day, month, year…).
    for (let i = 0; i < 40 && !seen.has('INPUT:checkbox'); i++) {
      await sendKeys({ press: 'Tab' });
      const active = editor.shadowRoot!.activeElement;
      if (active) seen.add(`${active.tagName}:${(active as HTMLInputElement).type}`);
    }
    expect([...seen]).to.include.members([
      'INPUT:time',
      'SELECT:select-one',
      'INPUT:number',
      'INPUT:radio',
      'INPUT:email',
      'INPUT:checkbox',
    ]);
  });
});
