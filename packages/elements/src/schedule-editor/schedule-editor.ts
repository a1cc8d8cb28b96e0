import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { WEEKDAYS, type Schedule, type Weekday } from '@contactsync/sdk';
import { ScheduleChangeEvent } from '../events.ts';
import { CsElement } from '../shared/cs-element.ts';
import { baseStyles } from '../shared/base.styles.ts';
import { scheduleEditorStyles } from './schedule-editor.styles.ts';
import { zoneLabel } from './zone-label.ts';
import {
  draftFrom,
  scheduleFrom,
  type RangeKind,
  type RecurrenceKind,
  type ScheduleDraft,
} from './schedule-draft.ts';

const KINDS: readonly RecurrenceKind[] = [
  'daily',
  'weekdays',
  'weekly',
  'monthly-day',
  'monthly-weekday',
  'yearly',
];
const NTHS = [1, 2, 3, 4, -1] as const;
// 2024-01-01 was a Monday: a fixed week to name the days in any language.
const MONDAY = Date.UTC(2024, 0, 1, 12);

let allZones: string[] | null = null;

/** The IANA zones the browser knows (read once: some 400 names), with `current` in them. */
function zones(current: string): string[] {
  allZones ??= Intl.supportedValuesOf?.('timeZone') ?? [];
  return allZones.includes(current) ? allZones : [current, ...allZones];
}

/** The zones as labelled options, sorted by label (so by city) in the user's language. */
function zoneOptions(current: string, locale: string | undefined): [string, string][] {
  const now = Date.now();
  const collator = new Intl.Collator(locale);
  return zones(current)
    .map((z) => [z, zoneLabel(z, locale, now)] as [string, string])
    .sort((a, b) => collator.compare(a[1], b[1]));
}

/**
 * When a remote import runs: start date and time in a time zone, a recurrence pattern (daily,
 * weekdays, weekly on chosen days, monthly by day or weekday, yearly), how it ends, and an
 * address for failure emails.
 *
 * @tag cs-schedule-editor
 * @fires {ScheduleChangeEvent} cs-schedule-change - `schedule` (null while incomplete),
 *   `notifyEmail` and `paused`.
 * @csspart fieldset - Each group of settings.
 * @csspart upcoming - The next runs of the schedule as entered, in its time zone.
 * @cssprop --cs-color-accent - Focus rings.
 */
export class ScheduleEditor extends CsElement {
  static override styles = [baseStyles, scheduleEditorStyles];
  static override properties = {
    schedule: { attribute: false },
    notifyEmail: { attribute: 'notify-email' },
    paused: { type: Boolean },
    timeZone: { attribute: 'time-zone' },
    draft: { state: true },
    upcoming: { state: true },
  };
  static override tagName = 'cs-schedule-editor';

  /** The schedule to edit; a daily schedule from today when null. */
  declare schedule: Schedule | null;
  /** Where failure emails go (empty for none). */
  declare notifyEmail: string;
  /** A paused schedule keeps its settings but starts no imports. */
  declare paused: boolean;
  /** Time zone for a new schedule; the browser's when unset. */
  declare timeZone: string | null;
  declare private draft: ScheduleDraft | null;
  /** The next runs of the schedule as entered (from the SDK), shown in its time zone. */
  declare private upcoming: number[];
  private zoneCache: { key: string; options: [string, string][] } | null = null;

  constructor() {
    super();
    this.schedule = null;
    this.notifyEmail = '';
    this.paused = false;
    this.timeZone = null;
    this.draft = null;
    this.upcoming = [];
  }

  /** The schedule as currently entered, or null while the form is incomplete. */
  get value(): Schedule | null {
    return this.draft ? scheduleFrom(this.draft) : null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('schedule') || !this.draft) {
      const zone = this.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
      this.draft = draftFrom(this.schedule, zone);
      void this.readUpcoming();
    }
    if (this.clientChanged(changed)) void this.readUpcoming();
  }

  /** Asks the SDK when the schedule as entered runs next (nothing while it is incomplete). */
  private async readUpcoming(): Promise<void> {
    const schedule = this.value;
    const sync = this.client;
    if (!schedule || !sync) {
      this.upcoming = [];
      return;
    }
    try {
      const runs = await sync.scheduler.upcoming(schedule, { count: 3 });
      // Only if the schedule is still the one asked about.
      if (JSON.stringify(this.value) === JSON.stringify(schedule)) this.upcoming = runs;
    } catch {
      this.upcoming = [];
    }
  }

  private zoneOptions(current: string): [string, string][] {
    const key = `${current}|${this.localeTag ?? ''}`;
    if (this.zoneCache?.key !== key)
      this.zoneCache = { key, options: zoneOptions(current, this.localeTag) };
    return this.zoneCache.options;
  }

  private edit(patch: Partial<ScheduleDraft>): void {
    this.draft = { ...this.draft!, ...patch };
    this.emit();
  }

  private toggleDay(day: Weekday, on: boolean): void {
    // Read the current draft, not the one rendered: two quick clicks may come before a render.
    const days = this.draft!.days;
    this.edit({
      days: on
        ? WEEKDAYS.filter((w) => w === day || days.includes(w))
        : days.filter((w) => w !== day),
    });
  }

  private emit(): void {
    this.dispatchEvent(new ScheduleChangeEvent(this.value, this.notifyEmail, this.paused));
    void this.readUpcoming();
  }

  private dayName(day: Weekday, width: 'long' | 'short'): string {
    const date = MONDAY + WEEKDAYS.indexOf(day) * 86_400_000;
    return this.dateFormat({ weekday: width, timeZone: 'UTC' }).format(date);
  }

  private monthName(month: number): string {
    return this.dateFormat({ month: 'long', timeZone: 'UTC' }).format(
      Date.UTC(2024, month - 1, 1, 12),
    );
  }

  private number(label: string, value: number, min: number, max: number, set: (n: number) => void) {
    return html`<label
      >${label}
      <input
        type="number"
        inputmode="numeric"
        min=${min}
        max=${max}
        .value=${String(value)}
        @input=${(e: Event) => set((e.target as HTMLInputElement).valueAsNumber)}
    /></label>`;
  }

  private renderPattern(d: ScheduleDraft) {
    const t = this.t;
    const every =
      d.kind !== 'weekdays' && d.kind !== 'yearly'
        ? html`<span class="every"
            >${this.number(t.scheduleEvery, d.every, 1, 999, (every) => this.edit({ every }))}
            <span>${t.scheduleUnit[d.kind]}</span></span
          >`
        : nothing;
    switch (d.kind) {
      case 'weekly':
        return html`${every}
          <fieldset part="fieldset" class="days">
            <legend>${t.scheduleOnDays}</legend>
            ${WEEKDAYS.map(
              (day) =>
                html`<label
                  ><input
                    type="checkbox"
                    .checked=${d.days.includes(day)}
                    @change=${(e: Event) =>
                      this.toggleDay(day, (e.target as HTMLInputElement).checked)}
                  /><span aria-hidden="true">${this.dayName(day, 'short')}</span
                  ><span class="visually-hidden">${this.dayName(day, 'long')}</span></label
                >`,
            )}
          </fieldset>`;
      case 'monthly-day':
        return html`${every}
        ${this.number(t.scheduleDayOfMonth, d.day, 1, 31, (day) => this.edit({ day }))}
        ${d.day > 28 ? html`<p class="hint">${t.scheduleDayPast}</p>` : nothing}`;
      case 'monthly-weekday':
        return html`${every}
          <label
            >${t.scheduleNth}
            <select
              @change=${(e: Event) =>
                this.edit({ nth: Number((e.target as HTMLSelectElement).value) as 1 })}
            >
              ${NTHS.map(
                (n) =>
                  html`<option value=${n} ?selected=${n === d.nth}>${t.nth[String(n)]}</option>`,
              )}
            </select></label
          >
          <label
            >${t.scheduleWeekday}
            <select
              @change=${(e: Event) =>
                this.edit({ weekday: (e.target as HTMLSelectElement).value as Weekday })}
            >
              ${WEEKDAYS.map(
                (w) =>
                  html`<option value=${w} ?selected=${w === d.weekday}>
                    ${this.dayName(w, 'long')}
                  </option>`,
              )}
            </select></label
          >`;
      case 'yearly':
        return html`<label
            >${t.scheduleMonth}
            <select
              @change=${(e: Event) =>
                this.edit({ month: Number((e.target as HTMLSelectElement).value) })}
            >
              ${Array.from(
                { length: 12 },
                (_, i) =>
                  html`<option value=${i + 1} ?selected=${i + 1 === d.month}>
                    ${this.monthName(i + 1)}
                  </option>`,
              )}
            </select></label
          >
          ${this.number(t.scheduleDayOfMonth, d.day, 1, 31, (day) => this.edit({ day }))}`;
      default:
        return every;
    }
  }

  private renderRange(d: ScheduleDraft) {
    const t = this.t;
    const radio = (kind: RangeKind, label: string) =>
      html`<label
        ><input
          type="radio"
          name="range"
          .checked=${d.rangeKind === kind}
          @change=${() => this.edit({ rangeKind: kind })}
        />${label}</label
      >`;
    return html`<fieldset part="fieldset" class="range">
      <legend>${t.scheduleRange}</legend>
      ${radio('forever', t.rangeForever)} ${radio('count', t.rangeCount)}
      ${
        d.rangeKind === 'count'
          ? this.number(t.rangeCountLabel, d.count, 1, 100_000, (count) => this.edit({ count }))
          : nothing
      }
      ${radio('until', t.rangeUntil)}
      ${
        d.rangeKind === 'until'
          ? html`<label
              >${t.rangeUntilLabel}
              <input
                type="date"
                min=${d.startDate}
                .value=${d.until}
                @input=${(e: Event) => this.edit({ until: (e.target as HTMLInputElement).value })}
            /></label>`
          : nothing
      }
    </fieldset>`;
  }

  protected override render(): TemplateResult | typeof nothing {
    const t = this.t;
    const d = this.draft!;
    return html`<fieldset part="fieldset">
        <legend>${t.scheduleStarts}</legend>
        <label
          >${t.scheduleStart}
          <input
            type="date"
            required
            .value=${d.startDate}
            @input=${(e: Event) => this.edit({ startDate: (e.target as HTMLInputElement).value })}
        /></label>
        <label
          >${t.scheduleTime}
          <input
            type="time"
            required
            .value=${d.time}
            @input=${(e: Event) => this.edit({ time: (e.target as HTMLInputElement).value })}
        /></label>
        <label class="zone"
          >${t.scheduleTimeZone}
          <select
            @change=${(e: Event) => this.edit({ timeZone: (e.target as HTMLSelectElement).value })}
          >
            ${this.zoneOptions(d.timeZone).map(
              ([z, label]) =>
                html`<option value=${z} ?selected=${z === d.timeZone}>${label}</option>`,
            )}
          </select></label
        >
      </fieldset>
      <fieldset part="fieldset">
        <legend>${t.scheduleRepeat}</legend>
        <select
          aria-label=${t.scheduleRepeat}
          @change=${(e: Event) =>
            this.edit({ kind: (e.target as HTMLSelectElement).value as RecurrenceKind })}
        >
          ${KINDS.map(
            (k) => html`<option value=${k} ?selected=${k === d.kind}>${t.recurrence[k]}</option>`,
          )}
        </select>
        ${this.renderPattern(d)}
      </fieldset>
      ${this.renderRange(d)}
      <p part="upcoming" class="upcoming" aria-live="polite">
        ${
          this.upcoming.length
            ? t.scheduleUpcoming(
                this.upcoming.map((ms) =>
                  this.dateFormat({
                    weekday: 'short',
                    day: 'numeric',
                    month: 'short',
                    hour: '2-digit',
                    minute: '2-digit',
                    timeZone: d.timeZone,
                  }).format(ms),
                ),
              )
            : this.value
              ? t.scheduleNoMore
              : nothing
        }
      </p>
      <label class="block"
        >${t.scheduleNotify}
        <input
          type="email"
          autocomplete="email"
          .value=${this.notifyEmail}
          @input=${(e: Event) => {
            this.notifyEmail = (e.target as HTMLInputElement).value;
            this.emit();
          }}
      /></label>
      <label class="block"
        ><input
          type="checkbox"
          .checked=${this.paused}
          @change=${(e: Event) => {
            this.paused = (e.target as HTMLInputElement).checked;
            this.emit();
          }}
        />${t.schedulePaused}</label
      >`;
  }
}

declare global {
  // Under its default name (`ScheduleEditor.define()`): `document.querySelector('cs-schedule-editor')` is typed.
  interface HTMLElementTagNameMap {
    'cs-schedule-editor': ScheduleEditor;
  }
}
