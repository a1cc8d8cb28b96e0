import { html, nothing } from 'lit';
import type { StepView } from './step-view.ts';
import { describeError, describeNotes } from '../../shared/describe.ts';
import { problemsSection } from './review-step.ts';

/**
 * Step 6: the progress of the run, with Cancel. The bar moves through the whole run (see
 * `runFraction`); the line under it says what the current pass has done: bytes while the file is
 * downloaded or fingerprinted, rows (and rows per second) while they are checked and saved.
 */
export function runStep({ c, t, formatNumber, formatBytes: bytes }: StepView) {
  const p = c.progress;
  const value = p?.value;
  const seconds = p ? Math.max((p.at - p.startedAt) / 1000, 0.001) : 0;
  const rate = value && seconds > 0.2 ? Math.round(value.rows / seconds) : 0;
  // Without a known size the bar has no value, so it shows as indeterminate (busy).
  const fraction = p?.fraction ?? null;
  const detail = !value
    ? nothing
    : value.stage === 'downloading' || value.stage === 'hashing'
      ? value.totalBytes
        ? t.runBytes(bytes(value.bytesRead), bytes(value.totalBytes))
        : bytes(value.bytesRead)
      : t.runRows(formatNumber(value.rows), formatNumber(rate));
  return html`<p class="stage" aria-live="polite">
      ${value ? (t.stages[value.stage] ?? value.stage) : t.working}
    </p>
    <progress
      part="progress"
      aria-label=${t.progressLabel}
      max="1"
      value=${fraction ?? nothing}
    ></progress>
    <p class="rows">${detail}</p>`;
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
  // What happened, in the past tense; a run that applied nothing says so instead of counts.
  const applied = run.status === 'success' || run.status === 'warnings';
  const lines: [string, number][] = [
    [t.doneCreated, n.created],
    [t.doneUpdated, n.updated],
    [t.doneUnchanged, n.unchanged],
    [t.doneDeleted, n.deleted],
    [t.doneInvalid, n.invalid],
    ...(n.skipped > 0 ? [[t.doneSkipped, n.skipped] as [string, number]] : []),
  ];
  return html`<p class="result ${run.status}" part="result">
      ${t.doneRun(t.status[run.status] ?? run.status)}
    </p>
    ${run.error ? html`<p class="error">${describeError(t, run.error, run.trigger)}</p>` : nothing}
    ${describeNotes(t, run, (ms) => formatDateTime(ms) ?? '').map(
      (note) => html`<p class="hint">${note}</p>`,
    )}
    ${
      applied
        ? html`<dl class="counts" part="counts">
            ${lines.map(
              ([label, value]) =>
                html`<div>
                  <dt>${label}</dt>
                  <dd>${formatNumber(value)}</dd>
                </div>`,
            )}
          </dl>`
        : html`<p part="counts">${t.doneNothingChanged}</p>`
    }
    ${problemsSection(c, t, run.issues, run.issueCount)}`;
}
