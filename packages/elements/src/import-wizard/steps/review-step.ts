import { html, nothing } from 'lit';
import type { RowIssue } from '@contactsync/sdk';
import type { StepView } from './step-view.ts';
import { checkbox } from './controls.ts';
import { describeError, describeIssue, describeNotes } from '../../shared/describe.ts';

const SHOWN_PROBLEMS = 20;

/**
 * The first problems of a dry run or a run, each worded once after its place, how many more
 * there are, and the problem report of every problem row.
 */
export function problemsSection(
  c: StepView['c'],
  t: StepView['t'],
  issues: readonly RowIssue[],
  issueCount: number,
) {
  if (issueCount === 0) return nothing;
  return html`<section class="problems" aria-labelledby="problems-title">
    <h3 id="problems-title">${t.reviewProblems(issueCount)}</h3>
    <ul part="problems">
      ${issues
        .slice(0, SHOWN_PROBLEMS)
        .map(
          (i) =>
            html`<li><strong>${t.issueAt(i.row, i.column)}:</strong> ${describeIssue(t, i)}</li>`,
        )}
    </ul>
    ${
      issueCount > SHOWN_PROBLEMS
        ? html`<p class="hint">${t.reviewMoreProblems(issueCount - SHOWN_PROBLEMS)}</p>`
        : nothing
    }
    ${problemReportButton(c, t)}
  </section>`;
}

/** Offers every problem row as a CSV to fix and import again. */
function problemReportButton(c: StepView['c'], t: StepView['t']) {
  return html`<button
    type="button"
    part="problem-report"
    ?disabled=${c.busy}
    @click=${() => void c.downloadProblems()}
  >
    ${t.problemReport}
  </button>`;
}

/** Step 5: the dry run's counts and problems, and the mass-deletion guard with its confirmation. */
export function reviewStep({ c, t, formatNumber, formatDateTime }: StepView) {
  const result = c.plan;
  if (!result) return nothing;
  const plan = result.plan;
  if (!plan && result.record.status === 'unchanged') {
    return html`<p part="result" class="result unchanged">${t.reviewUnchangedFile}</p>`;
  }
  if (!plan) {
    const error = result.record.error
      ? describeError(t, result.record.error)
      : describeNotes(t, result.record, (ms) => formatDateTime(ms) ?? '').join(' ');
    return html`<p class="error">${t.reviewPlanFailed} ${error}</p>`;
  }
  const counts = plan.counts;
  const tiles: [string, number, string][] = [
    [t.reviewNew, counts.created, 'new'],
    [t.reviewUpdated, counts.updated, 'updated'],
    [t.reviewUnchanged, counts.unchanged, 'unchanged'],
    // Red only when there is something to delete, or rows that will not be imported.
    [t.reviewDeleted, counts.deleted, counts.deleted > 0 ? 'deleted' : ''],
    [t.reviewInvalid, counts.invalid, counts.invalid > 0 ? 'invalid' : ''],
    // Rows whose contact was deleted here: kept out, and counted (every row is accounted for).
    ...(counts.skipped > 0
      ? [[t.reviewSkipped, counts.skipped, 'skipped'] as [string, number, string]]
      : []),
  ];
  return html`<dl class="counts" part="counts">
      ${tiles.map(
        ([label, n, key]) =>
          html`<div class=${key}>
            <dt>${label}</dt>
            <dd>${formatNumber(n)}</dd>
          </div>`,
      )}
    </dl>
    ${
      plan.massDeletion
        ? html`<div class="guard" part="guard">
            <p>${t.reviewGuard(plan.existing, plan.matchedExisting, counts.deleted)}</p>
            ${checkbox(
              'confirm-delete',
              c.confirmMassDelete,
              t.reviewConfirmDelete(counts.deleted),
              (on) => c.confirmDeletion(on),
            )}
          </div>`
        : nothing
    }
    ${problemsSection(c, t, plan.issues, plan.issueCount)}`;
}
