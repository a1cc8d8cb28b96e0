import { html, nothing } from 'lit';
import type { StepView } from './step-view.ts';
import { describeError, describeNotes } from '../../shared/describe.ts';
import { problemsSection } from './review-step.ts';

/** Step 6: the progress of the run (stage, rows, rows per second), with Cancel. */
export function runStep({ c, t, formatNumber }: StepView) {
  const p = c.progress;
  const value = p?.value;
  const seconds = p ? Math.max((p.at - p.startedAt) / 1000, 0.001) : 0;
  const rate = value && seconds > 0.2 ? Math.round(value.rows / seconds) : 0;
  // Without a known size the bar has no value, so it shows as indeterminate (busy).
  const fraction =
    value && value.totalBytes ? Math.min(1, value.bytesRead / value.totalBytes) : undefined;
  return html`<p class="stage" aria-live="polite">
      ${value ? (t.stages[value.stage] ?? value.stage) : t.working}
    </p>
    <progress
      part="progress"
      aria-label=${t.progressLabel}
      max="1"
      value=${fraction ?? nothing}
    ></progress>
    <p class="rows">
      ${value ? t.runRows(formatNumber(value.rows), formatNumber(rate)) : nothing}
    </p>`;
}

/** The last page: what the run changed, or when the schedule runs next. */
export function doneStep({ c, t, formatNumber, formatDateTime }: StepView) {
  const run = c.run;
  if (!run) {
    return html`<p>
      ${c.nextImport !== null ? t.doneScheduled(formatDateTime(c.nextImport) ?? '') : t.doneSaved}
    </p>`;
  }
  const n = run.counts;
  const lines: [string, number][] = [
    [t.reviewNew, n.created],
    [t.reviewUpdated, n.updated],
    [t.reviewUnchanged, n.unchanged],
    [t.reviewDeleted, n.deleted],
    [t.reviewInvalid, n.invalid],
    ...(n.skipped > 0 ? [[t.reviewSkipped, n.skipped] as [string, number]] : []),
  ];
  return html`<p class="result ${run.status}" part="result">
      ${t.doneRun(t.status[run.status] ?? run.status)}
    </p>
    ${run.error ? html`<p class="error">${describeError(t, run.error, run.trigger)}</p>` : nothing}
    ${describeNotes(t, run, (ms) => formatDateTime(ms) ?? '').map(
      (note) => html`<p class="hint">${note}</p>`,
    )}
    <dl class="counts" part="counts">
      ${lines.map(
        ([label, value]) =>
          html`<div>
            <dt>${label}</dt>
            <dd>${formatNumber(value)}</dd>
          </div>`,
      )}
    </dl>
    ${problemsSection(c, t, run.issues, run.issueCount)}`;
}
